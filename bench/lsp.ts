/**
 * A small LSP client over stdio for the benchmark: starts a server, answers what servers ask of clients
 * (configuration, capability registration, progress), sends documents and edits, and resolves when the
 * diagnostics for a change arrive. Used for our server and for yaml-language-server alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader,
  StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface LspServer {
  process: ChildProcess;
  connection: ProtocolConnection;
  /** Resolves with the first publishDiagnostics for `uri` that arrives after this call (and, if given, for `version` or later). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams>;
  /** Sends one change and resolves with the diagnostics it produced, and the time that took (ms). */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<{ ms: number; diagnostics: PublishDiagnosticsParams }>;
  /** Calls `listener` with every publishDiagnostics, for any URI. */
  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): void;
  rssBytes(): number;
  stop(): Promise<void>;
}

export interface StartOptions {
  command: string;
  args: string[];
  /** Settings answered to workspace/configuration and pushed with didChangeConfiguration. */
  settings?: Record<string, unknown>;
  /** Whether the server publishes a version with its diagnostics (ours does; yaml-language-server does not). */
  versioned: boolean;
  /** Workspace folders (paths); the client then also watches files for the server, as VS Code does. */
  folders?: string[];
}

export async function startLsp(options: StartOptions): Promise<LspServer> {
  const child = spawn(options.command, options.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.resume(); // servers log to stderr; drain it so they never block
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const listeners: ((p: PublishDiagnosticsParams) => void)[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    for (const l of listeners) l(p);
    for (const w of [...waiters]) {
      if (w.uri !== p.uri) continue;
      if (options.versioned && w.version !== undefined && (p.version ?? -1) < w.version) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  // What servers ask of a client: settings per section, and permission to register things.
  const settings = options.settings ?? {};
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((i) => (i.section ? i.section.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], settings) ?? null : settings)));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onUnhandledNotification(() => undefined);
  connection.listen();
  const folders = options.folders?.map((f) => ({ uri: pathToFileURL(f).toString(), name: f }));
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: folders?.[0].uri ?? null, workspaceFolders: folders ?? null, locale: 'zh-cn',
    capabilities: {
      workspace: {
        configuration: true, didChangeConfiguration: { dynamicRegistration: true },
        ...(folders ? { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, synchronization: { dynamicRegistration: true } },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidChangeConfigurationNotification.type, { settings });

  const nextDiagnostics = (uri: string, version?: number) => new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, version, resolve }));
  return {
    process: child, connection, nextDiagnostics,
    onDiagnostics: (listener) => { listeners.push(listener); },
    async open(uri, languageId, text) {
      const next = nextDiagnostics(uri, 1);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
      return next;
    },
    async change(uri, version, changes) {
      const next = nextDiagnostics(uri, version);
      const t0 = performance.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      const diagnostics = await next;
      return { ms: performance.now() - t0, diagnostics };
    },
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification(ExitNotification.type);
      } catch { /* already gone */ }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}
