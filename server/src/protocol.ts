/**
 * Custom requests between the VS Code client and the language server, declared once and imported by both
 * (as vscode-eslint does). Only plain types here: the client bundles this file too.
 */
import { RequestType, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { ReviewResult } from './review/types';

export interface PreviewParams {
  uri: string;
}

export interface PreviewResult {
  /** Document version the HTML was rendered from. */
  version: number;
  title: string;
  /** The report body: escaped HTML with data-line anchors and marked cells. No scripts. */
  html: string;
  /** The report's CSS (the same as in the export). */
  css: string;
  /** Number of lines of the document (the preview maps scroll positions over it). */
  lineCount: number;
}

/** `xxgk/preview`: the preview's HTML for the document as the server has it now. */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult | null, void>('xxgk/preview');

export interface ExportResult {
  title: string;
  /** The standalone, print-ready HTML file: byte for byte what `xxgk render` writes. */
  html: string;
}

/** `xxgk/export`: the standalone HTML file for a document. */
export const ExportRequest = new RequestType<PreviewParams, ExportResult | null, void>('xxgk/export');

export interface ExportDocxResult {
  title: string;
  /** The Word file, base64: what `xxgk render -o report.docx` writes (the modification time aside). */
  data?: string;
  /** Errors the report still has: it is exported anyway, and the user is told. */
  errors: number;
  /** Why nothing was exported (a YAML syntax error: part of the report was not read), localised. */
  error?: string;
}

/** `xxgk/exportDocx`: the report as a Word file in the 公文 layout. Writes nothing. */
export const ExportDocxRequest = new RequestType<PreviewParams, ExportDocxResult | null, void>('xxgk/exportDocx');

/** What the client may need to know about a report, as the checker reads it (the client parses no report). */
export interface ReportInfo {
  /** 年度 (or its alias 报告年度), when it is written as a year. */
  year?: number;
  /** 机关: the body that issues the report. */
  issuer?: string;
  /** 机关类型, when it is one of the statutory kinds. */
  kind?: string;
}

/** `xxgk/reportInfo`: year, body and kind of body of an open document; null when the server does not have it. */
export const ReportInfoRequest = new RequestType<PreviewParams, ReportInfo | null, void>('xxgk/reportInfo');

/** Settings the server reads from the `xxgk` configuration section. */
export interface ServerSettings {
  /** Month-day deadline for 乡镇/街道/其他 bodies (set locally), e.g. "02-20"; empty: the profile's. */
  localDeadline: string;
  /** A named local deadline profile (template/deadlineProfiles.ts); empty: the default. */
  deadlineProfile: string;
  /** Check on every change, or only when the file is saved. */
  validate: 'onType' | 'onSave';
  /** Check every report in the workspace folders, open or not (the Problems panel lists them all). */
  workspaceDiagnostics: boolean;
  inlayHints: { columnNames: boolean; computedTotals: boolean };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  localDeadline: '',
  deadlineProfile: '',
  validate: 'onType',
  workspaceDiagnostics: true,
  inlayHints: { columnNames: true, computedTotals: true },
};

export interface ImportParams {
  /** The source file's name (its extension decides how it is read: .txt, .html/.htm, .docx, .pdf). */
  name: string;
  /** The file's bytes, base64 (the client reads files, so remote workspaces work too). */
  data: string;
}

export interface ImportResult {
  /** The new report's text, or absent when the file could not be imported. */
  yaml?: string;
  /** What was mapped, what was kept aside (未识别内容), what was guessed — localised, for the user. */
  summary?: string;
  /** Why the file could not be imported. */
  error?: string;
}

/** `xxgk/import`: a published report (text, HTML, Word, PDF) as a new `.xxgk.yaml` text. Writes nothing. */
export const ImportRequest = new RequestType<ImportParams, ImportResult, void>('xxgk/import');

export interface RolloverParams {
  /** Last year's report, open in the editor. */
  uri: string;
  /** The new report's year (default: last year's + 1). */
  year?: number;
  /** How the new report names last year's file (上年报告), relative to where it will be written. */
  previousPath?: string;
}

export interface RolloverResult {
  yaml?: string;
  /** What was carried over and what the clerk must still do, localised. */
  notes?: string[];
  error?: string;
}

/** `xxgk/rollover`: next year's report from last year's. Writes nothing. */
export const RolloverRequest = new RequestType<RolloverParams, RolloverResult, void>('xxgk/rollover');

export interface ReviewFolderParams extends WorkDoneProgressParams {
  /** The folder (a `file:` URI) whose reports — `.xxgk.yaml`, web pages, text, Word, PDF — are reviewed. */
  uri: string;
}

export interface ReviewFolderResult {
  /** The dashboard: what `xxgk review <folder> -o review.html` writes (a whole document, no script). */
  html?: string;
  /** The review (what `--format json` writes: no renderings); paths relative to the folder. */
  result?: ReviewResult;
  /** The `file:` URI of each of `result.reports`, in the same order. */
  uris?: string[];
  /** Why nothing was reviewed (not a local folder, gone), localised. */
  error?: string;
}

/**
 * `xxgk/review`: every report in a folder checked, compared across years and bodies and summed, as `xxgk review`
 * does. Reports work-done progress (`$/progress`: count and current file) when the params carry a
 * `workDoneToken`; a cancelled request stops the review and answers RequestCancelled. Writes nothing.
 */
export const ReviewFolderRequest = new RequestType<ReviewFolderParams, ReviewFolderResult, void>('xxgk/review');
