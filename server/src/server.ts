/**
 * The language server: wiring only. Every handler delegates to the language service; a failing handler logs
 * and returns nothing rather than taking the server (and the user's session) down.
 * Transport is chosen from argv by vscode-languageserver: `--stdio` for any LSP client, `--node-ipc` from VS Code.
 */
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  ProposedFeatures, TextDocuments, TextDocumentSyncKind, type FileEvent, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from './languageService/codeActions';
import { formatSummary, importBuffer, ImportError } from './import';
import { localize, resolveLocale, type Locale } from './l10n';
import type { MessageKey } from './model/findings';
import { MessageError } from './model/messageError';
import { createLanguageService, type LanguageService } from './languageService/languageService';
import {
  DEFAULT_SETTINGS, ExportDocxRequest, ExportRequest, ImportRequest, PreviewRequest, ReportInfoRequest, RolloverRequest,
  ReviewFolderRequest, type ImportResult, type RolloverResult, type ServerSettings,
} from './protocol';
import { reviewFolder } from './languageService/reviewFolder';
import { rolloverReport, RolloverError } from './write/rollover';
import { WorkspaceReports } from './languageService/workspaceReports';
import { folderPaths, WorkspaceDiagnostics } from './languageService/workspaceDiagnostics';
import { FolderWatcher } from './languageService/folderWatcher';
import { DEADLINE_PROFILES, deadlineProfile, MONTH_DAY } from './template/deadlineProfiles';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let settings: ServerSettings = DEFAULT_SETTINGS;
/** Problems of an xxgk.json or a setting, each told once (not on every keystroke). */
const told = new Set<string>();
function warnOnce(text: string): void {
  if (told.has(text)) return;
  told.add(text);
  void connection.window.showWarningMessage(text);
}
const reports = new WorkspaceReports({ get: (uri) => documents.get(uri)?.getText() },
  (config) => { for (const p of config.problems) warnOnce(`${config.path}: ${localize(p, locale)}`); });
const hooks = {
  findPrevious: reports.findPrevious, folderDeadlines: reports.folderDeadlines, fileEncoding: reports.fileEncoding,
};
let service: LanguageService = createLanguageService(hooks);
let locale: Locale = 'zh-cn';
let canPullConfiguration = false;
let canWatchFiles = false;
let canTrackFolders = false;
let folders: string[] = [];

// Reports nobody opened: checked from disk, their problems published too (the open documents' text wins).
const workspace = new WorkspaceDiagnostics({
  check: (uri, text, notUtf8) => service.getFileDiagnostics(uri, text, notUtf8),
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  openUris: () => documents.all().map((d) => d.uri),
  dependents: (uri) => reports.dependents(uri),
  forget: (uri) => reports.closed(uri),
  problem: (path, message) => connection.console.warn(`xxgk: ${path}: ${localize(message, locale)}`),
  log: (text) => connection.console.error(`xxgk: ${text}`),
});
/** Watches the workspace folders when the client cannot (Neovim before 0.10): the same events as a client's. */
let ownWatcher: FolderWatcher | undefined;

function configureWorkspace(): void {
  workspace.configure({
    enabled: settings.workspaceDiagnostics, folders, settingsKey: `${settings.localDeadline}|${settings.deadlineProfile}`,
  });
}

function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      connection.console.error(`xxgk: ${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
}

connection.onInitialize((params): InitializeResult => {
  locale = resolveLocale(params.locale);
  service = createLanguageService({ locale, settings: () => settings, ...hooks });
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canTrackFolders = !!params.capabilities.workspace?.workspaceFolders;
  folders = folderPaths(params.workspaceFolders, params.rootUri);
  return {
    capabilities: {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: [' ', ':', '['], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      inlayHintProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'xxgk-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'xxgk' }).catch(() => undefined);
    void refreshSettings();
  } else {
    configureWorkspace();
  }
  // Last year's reports and xxgk.json (local deadlines) change on disk, and the workspace's reports are checked.
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.xxgk.yaml' }, { globPattern: '**/xxgk.json' }],
    }).catch(() => undefined);
  } else if (folders.length) {
    ownWatcher = new FolderWatcher(filesChanged, (text) => connection.console.warn(`xxgk: ${text}`));
    ownWatcher.watch(folders);
  }
  if (canTrackFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(folderPaths(e.removed));
      folders = [...folders.filter((f) => !removed.has(f)), ...folderPaths(e.added)];
      ownWatcher?.watch(folders);
      configureWorkspace();
    });
  }
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const s = (await connection.workspace.getConfiguration('xxgk')) as Partial<ServerSettings> | null;
    const profile = typeof s?.deadlineProfile === 'string' ? s.deadlineProfile.trim() : '';
    if (profile && !deadlineProfile(profile)) {
      warnOnce(localize({ key: 'config.unknownProfile', args: { file: 'xxgk.deadlineProfile', name: profile, valid: DEADLINE_PROFILES.map((p) => p.id).join('、') } }, locale));
    }
    settings = {
      localDeadline: typeof s?.localDeadline === 'string' && MONTH_DAY.test(s.localDeadline) ? s.localDeadline : DEFAULT_SETTINGS.localDeadline,
      deadlineProfile: profile && deadlineProfile(profile) ? profile : DEFAULT_SETTINGS.deadlineProfile,
      validate: s?.validate === 'onSave' ? 'onSave' : 'onType',
      workspaceDiagnostics: s?.workspaceDiagnostics !== false,
      inlayHints: { ...DEFAULT_SETTINGS.inlayHints, ...(s?.inlayHints ?? {}) },
    };
  } catch {
    settings = DEFAULT_SETTINGS;
  }
  for (const doc of documents.all()) schedule(doc.uri);
  connection.languages.inlayHint.refresh().catch(() => undefined);
  configureWorkspace();
}

connection.onDidChangeConfiguration(() => void refreshSettings());

// Diagnostics: one pending run per document; bursts of changes coalesce into one check of the latest text.
const pending = new Set<string>();
function schedule(uri: string): void {
  if (pending.has(uri)) return;
  pending.add(uri);
  setImmediate(() => {
    pending.delete(uri);
    const doc = documents.get(uri);
    if (doc) publish(doc);
  });
}

const publish = guard('diagnostics', undefined, (doc: TextDocument) => {
  void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: service.getDiagnostics(doc) });
});

documents.onDidOpen((e) => schedule(e.document.uri));
documents.onDidChangeContent((e) => {
  workspace.typing();
  if (settings.validate === 'onType') schedule(e.document.uri);
  recheckNeighbours(e.document.uri);
});

/** Reports that take this one as last year's report are checked again (only those: a keystroke stays cheap). */
function recheckNeighbours(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const open = documents.all().map((d) => d.uri);
  const onDisk: string[] = [];
  for (const other of reports.affectedBy(uri, doc.getText(), [...open, ...workspace.uris()])) {
    if (!documents.get(other)) { onDisk.push(other); continue; }
    service.forget(other);
    schedule(other);
  }
  workspace.recheck(onDisk);
}

function filesChanged(changes: FileEvent[]): void {
  reports.changed();
  if (changes.some((c) => c.uri.endsWith('/xxgk.json'))) told.clear(); // an edited xxgk.json is judged afresh
  service.forgetAll();
  for (const d of documents.all()) schedule(d.uri);
  workspace.filesChanged(changes);
}

connection.onDidChangeWatchedFiles((p) => filesChanged(p.changes));
documents.onDidSave((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  service.forget(e.document.uri);
  reports.closed(e.document.uri);
  // A report in the workspace gets its problems on disk back; anything else's go with its editor.
  if (!workspace.closed(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

const withDoc = <P extends { textDocument: { uri: string } }, R>(
  name: string, fallback: R, fn: (doc: TextDocument, p: P) => R,
) =>
  guard(name, fallback, (p: P) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? fn(doc, p) : fallback;
  });

connection.onCompletion(withDoc('completion', null, (doc, p) => service.getCompletion(doc, p.position)));
connection.onHover(withDoc('hover', null, (doc, p) => service.getHover(doc, p.position)));
connection.onCodeAction(withDoc('codeAction', [], (doc, p) => service.getCodeActions(doc, p.range, p.context)));
connection.languages.inlayHint.on(withDoc('inlayHint', [], (doc, p) => service.getInlayHints(doc, p.range)));
connection.onDocumentSymbol(withDoc('documentSymbol', [], (doc) => service.getDocumentSymbols(doc)));
connection.onFoldingRanges(withDoc('foldingRange', [], (doc) => service.getFoldingRanges(doc)));

connection.onRequest(PreviewRequest, guard('preview', null, (p: { uri: string }) => {
  const doc = documents.get(p.uri);
  return doc ? service.getPreview(doc) : null;
}));
connection.onRequest(ExportRequest, guard('export', null, (p: { uri: string }) => {
  const doc = documents.get(p.uri);
  return doc ? service.getExport(doc) : null;
}));
connection.onRequest(ExportDocxRequest, async (p) => {
  const doc = documents.get(p.uri);
  try {
    return doc ? await service.getExportDocx(doc) : null;
  } catch (e) {
    connection.console.error(`xxgk: exportDocx failed: ${(e as Error).stack ?? e}`);
    return null;
  }
});

connection.onRequest(ReportInfoRequest, guard('reportInfo', null, (p: { uri: string }) => {
  const doc = documents.get(p.uri);
  return doc ? service.getReportInfo(doc) : null;
}));

// Import and rollover produce text; the client decides where it goes (and never overwrites a file).
connection.onRequest(ImportRequest, async (p): Promise<ImportResult> => {
  try {
    const { yaml, summary } = await importBuffer(String(p.name ?? ''), Buffer.from(String(p.data ?? ''), 'base64'));
    return { yaml, summary: formatSummary(summary, locale) };
  } catch (e) {
    if (!(e instanceof ImportError)) connection.console.error(`xxgk: import failed: ${(e as Error).stack ?? e}`);
    return { error: errorText(e) };
  }
});

connection.onRequest(RolloverRequest, (p): RolloverResult => {
  const doc = documents.get(p.uri);
  if (!doc) return { error: localize({ key: 'ui.notOpen' }, locale) };
  try {
    const { yaml, notes } = rolloverReport(doc.getText(), { year: p.year, previousPath: p.previousPath });
    return { yaml, notes: notes.map((n) => localize(n, locale)) };
  } catch (e) {
    if (!(e instanceof RolloverError)) connection.console.error(`xxgk: rollover failed: ${(e as Error).stack ?? e}`);
    return { error: errorText(e) };
  }
});

// A folder's reports reviewed (in worker threads); progress for the client's token, stopped by its cancellation.
connection.onRequest(ReviewFolderRequest, (p, token) => reviewFolder(p, {
  locale, settings, token,
  progress: connection.window.attachWorkDoneProgress(p.workDoneToken),
  log: (text) => connection.console.info(`xxgk: ${text}`),
  logError: (text) => connection.console.error(`xxgk: ${text}`),
}));

/** What the editor adds to a core message: what to do, in the editor's terms (the CLI names its flags). */
const EDITOR_HINTS: Partial<Record<MessageKey, MessageKey>> = { 'rollover.error.noYear': 'ui.hint.year' };

function errorText(e: unknown): string {
  if (!(e instanceof MessageError)) return (e as Error).message;
  const hint = EDITOR_HINTS[e.reason.key];
  const text = localize(e.reason, locale);
  return hint ? localize({ key: hint, args: { message: text } }, locale) : text;
}

connection.onShutdown(() => ownWatcher?.dispose());
process.on('uncaughtException', (e) => connection.console.error(`xxgk: uncaught ${e.stack ?? e}`));

documents.listen(connection);
connection.listen();
