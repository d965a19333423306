/**
 * Workspace diagnostics: every `*.xxgk.yaml` under the workspace folders is checked from its bytes on disk and
 * its problems are published, so the Problems panel lists reports nobody has opened (a disclosure office's
 * folder of departments' reports). Pushed with textDocument/publishDiagnostics, which every LSP client shows for
 * any URI (VS Code's Problems panel, Neovim's vim.diagnostic), rather than pulled with workspace/diagnostic.
 *
 * - An open document's live diagnostics win: its file is not checked from disk while it is open; when it is
 *   closed, its problems on disk come back.
 * - Files are re-checked when they change on disk (created, changed, deleted: a deleted file's problems are
 *   cleared), together with the reports that took them as last year's; an xxgk.json re-checks its folder.
 * - The work is a queue drained in slices: files are read in small batches, checked, and the event loop is given
 *   back every few milliseconds, so keystrokes in an open report are answered during a scan of thousands of files;
 *   after a keystroke the checking pauses a moment (typing comes first). A new scan (the setting, the folders or
 *   the deadline settings changed) cancels the running one.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { decodeReport } from '../fileText';
import { FOLDER_CONFIG } from '../folderConfig';
import type { Message } from '../model/findings';
import { quickMeta } from '../previous';
import { findReportFiles, REPORT_EXT, unreadable } from '../reportFiles';

export interface WorkspaceDiagnosticsHost {
  /** The problems of a report file as read from disk; `notUtf8` when its bytes are not UTF-8. */
  check(uri: string, text: string, notUtf8?: { encoding?: string }): Diagnostic[];
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** The documents open in the editor: their live diagnostics win over the disk's. */
  openUris(): string[];
  /** Reports that took `uri` as last year's report when they were checked: they follow it when it changes. */
  dependents(uri: string): string[];
  /** A report file is gone: forget what was remembered about it. */
  forget(uri: string): void;
  /** A file or folder that could not be read (skipped), or a failure; for the server's log. */
  problem(path: string, message: Message): void;
  log(text: string): void;
}

export interface WorkspaceConfig {
  enabled: boolean;
  /** Workspace folders, as file paths. */
  folders: string[];
  /** The settings that change checking results (deadlines): a new value re-checks every file. */
  settingsKey?: string;
}

export interface WorkspaceDiagnosticsOptions {
  /** How long checking may hold the event loop before it yields (ms). */
  sliceMs?: number;
  /** How many files are read at once. */
  batch?: number;
  /** How long the checking waits after a keystroke in an open document (ms): typing comes first. */
  quietMs?: number;
  readFile?: (path: string) => Promise<Uint8Array>;
}

interface KnownFile {
  uri: string;
  /** Whether diagnostics from disk were published (so they are cleared when the file goes). */
  published: boolean;
  /** Year and body as last checked (`year|body`); undefined before the first check. */
  identity?: string;
  year?: number;
  /** Created while the server watched: it may be another report's last year. */
  isNew?: boolean;
}

type ReadResult = { bytes: Uint8Array } | { error: unknown };

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceDiagnostics {
  private config: WorkspaceConfig = { enabled: false, folders: [] };
  private readonly known = new Map<string, KnownFile>();
  /** Files changed on disk or closed in the editor: checked before the rest of a scan. */
  private readonly urgent = new Set<string>();
  private readonly background = new Set<string>();
  private needWalk = false;
  /** Bumped by every new scan: a batch read for an older one is dropped. */
  private generation = 0;
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private readonly sliceMs: number;
  private readonly batchSize: number;
  private readonly quietMs: number;
  /** No checking before this time (performance.now()): someone is typing. */
  private quietUntil = 0;
  private readonly read: (path: string) => Promise<Uint8Array>;

  constructor(private readonly host: WorkspaceDiagnosticsHost, options: WorkspaceDiagnosticsOptions = {}) {
    this.sliceMs = options.sliceMs ?? 5;
    this.batchSize = options.batch ?? 16;
    this.quietMs = options.quietMs ?? 30;
    this.read = options.readFile ?? readFile;
  }

  /** The setting, the workspace folders and the deadline settings; a change starts a new scan (or stops). */
  configure(next: WorkspaceConfig): void {
    const before = this.config;
    const folders = [...new Set(next.folders.map((f) => resolve(f)))].sort();
    this.config = { ...next, folders };
    if (before.enabled === next.enabled && before.folders.join('\n') === folders.join('\n')) {
      if (next.enabled && before.settingsKey !== next.settingsKey) this.queueAll();
      return;
    }
    this.generation++;
    this.urgent.clear();
    this.background.clear();
    if (!next.enabled) {
      this.needWalk = false;
      const open = this.openPaths();
      for (const [path, file] of this.known) if (file.published && !open.has(path)) this.host.publish(file.uri, []);
      this.known.clear();
      this.settle();
      return;
    }
    this.needWalk = true;
    this.kick();
  }

  /** Files changed on disk (the client's file watcher, or the server's own). */
  filesChanged(events: FileEvent[]): void {
    if (!this.config.enabled) return;
    for (const e of events) {
      const path = toPath(e.uri);
      if (!path || !this.inWorkspace(path)) continue;
      if (basename(path) === FOLDER_CONFIG) {
        this.queueUnder(dirname(path), this.background);
      } else if (path.endsWith(REPORT_EXT)) {
        if (e.type === FileChangeType.Deleted) this.remove(path);
        else this.add(path, e.type === FileChangeType.Created);
      } else if (e.type === FileChangeType.Deleted) {
        for (const p of [...this.known.keys()]) if (p.startsWith(path + sep)) this.remove(p); // a folder went
      }
    }
    this.kick();
  }

  /**
   * An editor closed a document: a report in the workspace shows its problems on disk again (true), anything
   * else is the caller's to clear (false).
   */
  closed(uri: string): boolean {
    const path = toPath(uri);
    if (!this.config.enabled || !path || !path.endsWith(REPORT_EXT) || !this.inWorkspace(path)) return false;
    this.add(path, false);
    // The editor's diagnostics are showing: replaced by the disk's, or cleared if the file is gone.
    this.known.get(path)!.published = true;
    this.kick();
    return true;
  }

  /** Re-checks these reports from disk (those of them that are in the workspace and not open). */
  recheck(uris: string[]): void {
    for (const uri of uris) {
      const path = toPath(uri);
      if (path && this.known.has(path)) this.urgent.add(path);
    }
    this.kick();
  }

  /** Someone is typing in an open document: its checks go first, the workspace's wait a moment. */
  typing(): void {
    this.quietUntil = performance.now() + this.quietMs;
  }

  /** The report files known in the workspace, as URIs. */
  uris(): string[] {
    return [...this.known.values()].map((f) => f.uri);
  }

  /** Resolves when nothing is left to check (tests, the benchmark). */
  idle(): Promise<void> {
    if (!this.running && !this.hasWork()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private hasWork(): boolean {
    return this.config.enabled && (this.needWalk || this.urgent.size > 0 || this.background.size > 0);
  }

  private kick(): void {
    if (this.running || !this.hasWork()) return;
    this.running = true;
    setImmediate(() => void this.drain());
  }

  private settle(): void {
    if (this.running || this.hasWork()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async drain(): Promise<void> {
    try {
      while (this.hasWork()) {
        if (this.needWalk) {
          this.needWalk = false;
          this.walk();
          await yieldToEventLoop();
          continue;
        }
        await this.checkBatch(this.takeBatch());
      }
    } catch (e) {
      this.host.log(`workspace diagnostics failed: ${(e as Error).stack ?? e}`);
    } finally {
      this.running = false;
      if (this.hasWork()) this.kick();
      else this.settle();
    }
  }

  private takeBatch(): string[] {
    const batch: string[] = [];
    for (const queue of [this.urgent, this.background]) {
      for (const path of queue) {
        if (batch.length >= this.batchSize) break;
        queue.delete(path);
        if (!batch.includes(path)) batch.push(path);
      }
    }
    return batch;
  }

  private async checkBatch(batch: string[]): Promise<void> {
    const generation = this.generation;
    const open = this.openPaths();
    const todo = batch.filter((p) => !open.has(p));
    const results = await Promise.all(todo.map((p) => this.read(p)
      .then((bytes): ReadResult => ({ bytes }), (error): ReadResult => ({ error }))));
    await this.quiet();
    let sliceStart = performance.now();
    for (let i = 0; i < todo.length; i++) {
      if (generation !== this.generation) return; // a new scan queued everything again
      this.checkFile(todo[i], results[i]);
      if (performance.now() - sliceStart > this.sliceMs) {
        await yieldToEventLoop();
        await this.quiet();
        sliceStart = performance.now();
      }
    }
  }

  private async quiet(): Promise<void> {
    for (let wait = this.quietUntil - performance.now(); wait > 0; wait = this.quietUntil - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    }
  }

  private checkFile(path: string, result: ReadResult): void {
    const file = this.known.get(path);
    if (!file || this.openPaths().has(path)) return; // deleted, or opened, while it was read
    if ('error' in result) {
      const gone = (result.error as NodeJS.ErrnoException)?.code === 'ENOENT';
      if (!gone) this.host.problem(path, unreadable(path, result.error).message); // (gone: deleted since)
      if (file.published) this.host.publish(file.uri, []);
      file.published = false;
      if (gone) this.remove(path);
      return;
    }
    const { text, notUtf8 } = decodeReport(result.bytes);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = this.host.check(file.uri, text, notUtf8);
    } catch (e) {
      this.host.log(`checking ${path} failed: ${(e as Error).stack ?? e}`);
      return;
    }
    this.host.publish(file.uri, diagnostics);
    file.published = true;
    this.noteIdentity(path, file, notUtf8 ? {} : quickMeta(text));
  }

  /**
   * When a report's year or body changed, or it is new, the reports of its folder a year later may now (or no
   * longer) take it as last year's: they are checked again.
   */
  private noteIdentity(path: string, file: KnownFile, meta: { year?: number; issuer?: string }): void {
    const identity = `${meta.year ?? ''}|${meta.issuer ?? ''}`;
    const changed = file.identity !== undefined ? file.identity !== identity : file.isNew;
    const years = new Set([file.year, meta.year].filter((y): y is number => y !== undefined).map((y) => y + 1));
    file.identity = identity;
    file.year = meta.year;
    file.isNew = false;
    if (!changed || !years.size) return;
    const folder = dirname(path);
    for (const [other, f] of this.known) {
      const nextYear = f.year !== undefined && years.has(f.year);
      if (other !== path && nextYear && dirname(other) === folder) this.urgent.add(other);
    }
  }

  private walk(): void {
    const found = new Set<string>();
    for (const folder of this.config.folders) {
      try {
        const { files, problems } = findReportFiles([folder], folder);
        for (const f of files) found.add(f);
        for (const p of problems) this.host.problem(p.path, p.message);
      } catch (e) {
        this.host.problem(folder, unreadable(folder, e).message);
      }
    }
    const open = this.openPaths();
    for (const [path, file] of this.known) {
      if (found.has(path)) continue;
      if (file.published && !open.has(path)) this.host.publish(file.uri, []);
      this.known.delete(path);
    }
    for (const path of found) {
      if (!this.known.has(path)) this.known.set(path, { uri: pathToFileURL(path).toString(), published: false });
      this.background.add(path);
    }
  }

  private add(path: string, isNew: boolean): void {
    let file = this.known.get(path);
    if (!file) {
      file = { uri: pathToFileURL(path).toString(), published: false, isNew };
      this.known.set(path, file);
    }
    this.urgent.add(path);
    this.queueDependents(file.uri);
  }

  private remove(path: string): void {
    const file = this.known.get(path);
    this.urgent.delete(path);
    this.background.delete(path);
    if (!file) return;
    this.known.delete(path);
    if (!this.openPaths().has(path)) this.host.publish(file.uri, []);
    this.queueDependents(file.uri);
    this.host.forget(file.uri);
  }

  private queueDependents(uri: string): void {
    for (const d of this.host.dependents(uri)) {
      const path = toPath(d);
      if (path && this.known.has(path)) this.urgent.add(path);
    }
  }

  private queueAll(): void {
    for (const path of this.known.keys()) this.background.add(path);
    this.kick();
  }

  private queueUnder(folder: string, queue: Set<string>): void {
    for (const path of this.known.keys()) if (path.startsWith(folder + sep)) queue.add(path);
  }

  private openPaths(): Set<string> {
    return new Set(this.host.openUris().map(toPath).filter((p): p is string => p !== undefined));
  }

  /** Below a workspace folder, and not where the folder walk does not look (hidden folders, node_modules). */
  private inWorkspace(path: string): boolean {
    return this.config.folders.some((folder) => {
      const rel = relative(folder, path);
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
      return !rel.split(sep).some((part) => part.startsWith('.') || part === 'node_modules');
    });
  }
}

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return join(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/**
 * Workspace folders as paths (initialize's workspaceFolders, or the rootUri of an older client); folders that
 * are not file: ones are left out.
 */
export function folderPaths(folders: { uri: string }[] | null | undefined, rootUri?: string | null): string[] {
  let uris = folders?.map((f) => f.uri) ?? [];
  if (!uris.length && rootUri) uris = [rootUri];
  return uris.map(toPath).filter((p): p is string => p !== undefined);
}
