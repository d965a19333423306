/**
 * The language service facade: one object, one method per LSP feature, each `(document, …) → LSP type`.
 * Editor-agnostic and connection-free, so tests and other hosts can use it without a server.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CodeActionContext, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, Position,
  Range,
} from 'vscode-languageserver-types';
import { AnalysisCache, type Analysis, type FileEncoding, type FindPrevious, type FolderDeadlines } from './analysis';
import { provideCodeActions } from './codeActions';
import { provideCompletion } from './completion';
import type { SimpleDate } from '../model/dates';
import { rememberProseTexts } from '../model/prose';
import { provideDiagnostics } from './diagnostics';
import { provideDocumentSymbols } from './documentSymbols';
import { provideFoldingRanges } from './folding';
import { provideHover } from './hover';
import { provideInlayHints } from './inlayHints';
import type { Locale } from '../l10n';
import { provideExport, provideExportDocx, providePreview } from './preview';
import { provideReportInfo } from './reportInfo';
import { DEFAULT_SETTINGS, type ExportDocxResult, type ExportResult, type PreviewResult, type ReportInfo, type ServerSettings } from '../protocol';
import { deadlineProfile, MONTH_DAY, type DeadlineChoice } from '../template/deadlineProfiles';

export interface LanguageServiceOptions {
  locale?: Locale;
  settings?: () => ServerSettings;
  /** Fixed “today” for tests. */
  today?: SimpleDate;
  /** Last year's report for the cross-year rules; without it they are skipped. */
  findPrevious?: FindPrevious;
  /** The local deadline choices of a document's folder (xxgk.json). */
  folderDeadlines?: FolderDeadlines;
  /** Whether the file behind a garbled document is not UTF-8. */
  fileEncoding?: FileEncoding;
}

export interface LanguageService {
  analyze(doc: TextDocument): Analysis;
  getDiagnostics(doc: TextDocument): Diagnostic[];
  /** Diagnostics of a report file as it is on disk (no editor has it open); `notUtf8` when its bytes are not UTF-8. */
  getFileDiagnostics(uri: string, text: string, notUtf8?: { encoding?: string }): Diagnostic[];
  getCompletion(doc: TextDocument, position: Position): CompletionList;
  getHover(doc: TextDocument, position: Position): Hover | null;
  getCodeActions(doc: TextDocument, range: Range, context: CodeActionContext): CodeAction[];
  getInlayHints(doc: TextDocument, range: Range): InlayHint[];
  getDocumentSymbols(doc: TextDocument): DocumentSymbol[];
  getFoldingRanges(doc: TextDocument): FoldingRange[];
  getPreview(doc: TextDocument): PreviewResult;
  getExport(doc: TextDocument): ExportResult;
  getExportDocx(doc: TextDocument): Promise<ExportDocxResult>;
  getReportInfo(doc: TextDocument): ReportInfo;
  forget(uri: string): void;
  forgetAll(): void;
}

/** The editor settings as deadline choices: a date for local bodies first, then the profile. */
export function settingsDeadlines(s: ServerSettings): DeadlineChoice[] {
  const out: DeadlineChoice[] = [];
  if (s.localDeadline && MONTH_DAY.test(s.localDeadline)) out.push({ dates: { local: s.localDeadline }, origin: 'xxgk.localDeadline' });
  const profile = s.deadlineProfile ? deadlineProfile(s.deadlineProfile) : undefined;
  if (profile) out.push({ profile, origin: 'xxgk.deadlineProfile' });
  return out;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const locale = options.locale ?? 'zh-cn';
  // Every keystroke re-checks mostly unchanged prose.
  rememberProseTexts();
  const settings = options.settings ?? (() => DEFAULT_SETTINGS);
  const cache = new AnalysisCache(() => ({ deadlines: settingsDeadlines(settings()), today: options.today }), options);
  const analyze = (doc: TextDocument) => cache.get(doc);
  return {
    analyze,
    getDiagnostics: (doc) => provideDiagnostics(analyze(doc), locale),
    getFileDiagnostics: (uri, text, notUtf8) => provideDiagnostics(cache.analyzeFile(uri, text, notUtf8), locale),
    getCompletion: (doc, position) => provideCompletion(analyze(doc), position, locale, options.today),
    getHover: (doc, position) => provideHover(analyze(doc), position, locale),
    getCodeActions: (doc, range, context) => provideCodeActions(analyze(doc), range, context, locale),
    getInlayHints: (doc, range) => provideInlayHints(analyze(doc), range, settings().inlayHints),
    getDocumentSymbols: (doc) => provideDocumentSymbols(analyze(doc)),
    getFoldingRanges: (doc) => provideFoldingRanges(analyze(doc)),
    getPreview: (doc) => providePreview(analyze(doc), locale),
    getExport: (doc) => provideExport(analyze(doc)),
    getExportDocx: (doc) => provideExportDocx(analyze(doc), locale),
    getReportInfo: (doc) => provideReportInfo(analyze(doc)),
    forget: (uri) => cache.forget(uri),
    forgetAll: () => cache.forgetAll(),
  };
}
