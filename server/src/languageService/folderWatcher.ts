/**
 * The server's own file watcher, for clients that cannot watch files for it: Neovim before 0.10 has no
 * workspace/didChangeWatchedFiles, and 0.10 leaves it off on Linux. One fs.watch (inotify) per folder below the
 * workspace folders — hidden folders and node_modules aside, as in the folder walk — reporting report files,
 * xxgk.json and removed folders as LSP file events, gathered over a short moment (one save is several events).
 */
import { readdirSync, realpathSync, statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver-protocol';
import { FOLDER_CONFIG } from '../folderConfig';
import { findReportFiles, REPORT_EXT } from '../reportFiles';

export interface FolderWatcherOptions {
  /** inotify watches are a limited resource: beyond this many folders, deeper ones are not watched. */
  maxFolders?: number;
  /** How long events are gathered before they are reported (ms). */
  gatherMs?: number;
}

const skipped = (name: string) => name.startsWith('.') || name === 'node_modules';

export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  /** Paths with events since the last report; true when one was a rename (created, moved in, or gone). */
  private readonly pending = new Map<string, boolean>();
  private timer: NodeJS.Timeout | undefined;
  private warnedFull = false;
  private readonly maxFolders: number;
  private readonly gatherMs: number;

  constructor(
    private readonly onEvents: (events: FileEvent[]) => void,
    private readonly onProblem: (text: string) => void,
    options: FolderWatcherOptions = {},
  ) {
    this.maxFolders = options.maxFolders ?? 4000;
    this.gatherMs = options.gatherMs ?? 50;
  }

  /** Watches these folders (and what is below them), and stops watching any other. */
  watch(folders: string[]): void {
    const roots = folders.map((f) => resolve(f));
    for (const dir of [...this.watchers.keys()]) {
      if (!roots.some((root) => dir === root || dir.startsWith(root + sep))) this.unwatch(dir);
    }
    for (const root of roots) this.addTree(root);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const dir of [...this.watchers.keys()]) this.unwatch(dir);
  }

  private addTree(root: string): void {
    const seen = new Set<string>();
    const stack = [root];
    while (stack.length) {
      const dir = stack.pop()!;
      let real: string;
      try {
        real = realpathSync(dir);
      } catch {
        continue;
      }
      if (seen.has(real)) continue; // a link back up, or a second way to the same folder
      seen.add(real);
      if (!this.watchers.has(dir) && !this.add(dir)) continue;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (skipped(name)) continue;
        const path = join(dir, name);
        if (isFolder(path)) stack.push(path);
      }
    }
  }

  private add(dir: string): boolean {
    if (this.watchers.size >= this.maxFolders) {
      if (!this.warnedFull) this.onProblem(`more than ${this.maxFolders} folders: the deeper ones are not watched`);
      this.warnedFull = true;
      return false;
    }
    try {
      const w = watch(dir, (type, name) => this.event(dir, type, name));
      w.on('error', () => this.unwatch(dir));
      this.watchers.set(dir, w);
      return true;
    } catch (e) {
      this.onProblem(`cannot watch ${dir}: ${(e as Error).message}`);
      return false;
    }
  }

  private unwatch(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }

  private event(dir: string, type: string, name: string | Buffer | null): void {
    if (!name) return;
    const path = join(dir, String(name));
    this.pending.set(path, this.pending.get(path) === true || type === 'rename');
    this.timer ??= setTimeout(() => this.report(), this.gatherMs);
  }

  private report(): void {
    this.timer = undefined;
    const events: FileEvent[] = [];
    const event = (path: string, type: FileChangeType) => events.push({ uri: pathToFileURL(path).toString(), type });
    for (const [path, renamed] of this.pending) {
      const name = basename(path);
      let st: Stats | undefined;
      try {
        st = statSync(path);
      } catch {
        st = undefined;
      }
      if (!st) {
        const wasFolder = this.watchers.has(path);
        for (const dir of [...this.watchers.keys()]) if (dir === path || dir.startsWith(path + sep)) this.unwatch(dir);
        if (wasFolder || name.endsWith(REPORT_EXT) || name === FOLDER_CONFIG) event(path, FileChangeType.Deleted);
      } else if (st.isDirectory()) {
        if (skipped(name) || this.watchers.has(path)) continue;
        this.addTree(path); // a folder made, moved or copied in: its reports are new
        for (const file of findReportFiles([path], path).files) event(file, FileChangeType.Created);
      } else if (name.endsWith(REPORT_EXT) || name === FOLDER_CONFIG) {
        event(path, renamed ? FileChangeType.Created : FileChangeType.Changed);
      }
    }
    this.pending.clear();
    if (events.length) this.onEvents(events);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
