/**
 * Custom requests between the VS Code client and the language server, declared once and imported by both
 * (as vscode-eslint does). Only plain types here: the client bundles this file too.
 */
import { RequestType } from 'vscode-languageserver-protocol';

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

/** Settings the server reads from the `xxgk` configuration section. */
export interface ServerSettings {
  /** Month-day deadline for 乡镇/街道/其他 bodies (set locally), e.g. "01-31". */
  localDeadline: string;
  /** Check on every change, or only when the file is saved. */
  validate: 'onType' | 'onSave';
  inlayHints: { columnNames: boolean; computedTotals: boolean };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  localDeadline: '01-31',
  validate: 'onType',
  inlayHints: { columnNames: true, computedTotals: true },
};
