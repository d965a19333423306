/** A minimal LSP client over stdio for protocol tests: spawns the real bundled server. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent, ExitNotification, ShutdownRequest,
  DidCloseTextDocumentNotification, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, RegistrationRequest,
  ConfigurationRequest, type FileEvent, type Registration,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { ROOT } from './samples';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  stderr: string[];
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams>;
  close(uri: string): void;
  /** The next diagnostics for `uri` at `version` (or later). */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams>;
  /** The next diagnostics published for `uri` that satisfy `predicate` (whatever caused them). */
  nextDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** The diagnostics last published for `uri` (whatever caused them), if any. */
  latest(uri: string): PublishDiagnosticsParams | undefined;
  /** What the server asked the client to register (client/registerCapability). */
  registrations: Registration[];
  /** New settings: answered to workspace/configuration from now on, and announced with didChangeConfiguration. */
  setSettings(settings: Record<string, unknown>): Promise<void>;
  /** Tells the server about changes on disk, as a client's file watcher does. */
  filesChanged(changes: FileEvent[]): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Workspace folders (paths) sent in initialize. */
  folders?: string[];
  /** The `xxgk` settings section; when given, the client supports workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Whether the client can watch files for the server (dynamic registration of didChangeWatchedFiles). */
  watchFiles?: boolean;
}

export async function startServer(locale = 'zh-cn', options: ServerOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (d) => stderr.push(String(d)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  // The one handler for this notification (jsonrpc keeps one per method): tests wait through `waiters`.
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
    }
  });
  const registrations: Registration[] = [];
  connection.onRequest(RegistrationRequest.type, (p) => { registrations.push(...p.registrations); });
  let settings = options.settings;
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'xxgk' ? settings ?? null : null)));
  connection.listen();
  const folders = options.folders?.map((f) => ({ uri: pathToFileURL(f).toString(), name: f }));
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: folders?.[0]?.uri ?? null, locale, workspaceFolders: folders ?? null,
    capabilities: {
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      workspace: {
        ...(options.settings ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {}),
        ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
        ...(folders ? { workspaceFolders: true } : {}),
      },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const versions = new Map<string, number>();

  const diagnostics = (uri: string, version: number) => new Promise<PublishDiagnosticsParams>((resolve) => {
    const accept = (p: PublishDiagnosticsParams) => (p.version ?? -1) >= version;
    const p = latest.get(uri);
    if (p && accept(p)) resolve(p);
    else waiters.push({ uri, accept, resolve });
  });
  const nextDiagnostics = (uri: string, accept: (p: PublishDiagnosticsParams) => boolean) =>
    new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, accept, resolve }));
  return {
    connection, process: child, stderr, diagnostics, nextDiagnostics, registrations,
    latest: (uri) => latest.get(uri),
    async setSettings(next) {
      settings = next;
      await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    },
    async filesChanged(changes) {
      await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    },
    async open(uri, text) {
      versions.set(uri, 1);
      latest.delete(uri); // a previous session of the same URI must not answer for this one
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xxgk', version: 1, text } });
      return diagnostics(uri, 1);
    },
    async change(uri, changes) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      return diagnostics(uri, version);
    },
    close(uri) {
      latest.delete(uri);
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    async stop() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch { /* already gone */ }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
