/**
 * Finding the reports named on a command line: files as named, and every report file below named folders, in a
 * stable order. The one walk of `xxgk check`, `xxgk review` and the server's workspace diagnostics.
 * Symbolic links are followed once: a link back to a parent (a loop) or a second way to the same folder or file
 * is not walked again; entries that cannot be read (no permission, a broken link, a link chain that loops) are
 * returned as problems and the walk goes on.
 */
import * as nodeFs from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Message, MessageKey } from './model/findings';

export const REPORT_EXT = '.xxgk.yaml';

export interface WalkProblem {
  /** The entry as found (below a named folder, joined to it). */
  path: string;
  message: Message;
}

export interface ReportFiles {
  files: string[];
  problems: WalkProblem[];
}

/** A named path that does not exist: the caller's usage error. */
export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`找不到“${path}”。`);
  }
}

/** System error codes a clerk can act on; any other is “cannot be read”. */
const UNREADABLE_KEY = new Map<string | undefined, MessageKey>([
  ['EACCES', 'file.noPermission'], ['EPERM', 'file.noPermission'], ['ELOOP', 'file.linkLoop'], ['ENOENT', 'file.brokenLink'],
]);

/** Why an entry cannot be read, as a message a clerk understands. */
export function unreadable(path: string, e: unknown): WalkProblem {
  const code = (e as NodeJS.ErrnoException)?.code;
  const key = UNREADABLE_KEY.get(code) ?? 'file.unreadable';
  return { path, message: { key, args: { detail: code ?? String((e as Error)?.message ?? e) } } };
}

/** The file system calls the walk makes (tests put an unreadable folder in: as root every folder is readable). */
export type WalkFs = Pick<typeof nodeFs, 'readdirSync' | 'statSync' | 'lstatSync' | 'realpathSync'>;

/** An entry the walk passed over on purpose, and why (a second way to a folder or file, a Word lock file). */
export interface WalkSkip {
  path: string;
  message: Message;
}

export interface WalkOptions {
  cwd: string;
  /** Which file names below a folder count (default: `*.xxgk.yaml`). Files named in `paths` always count. */
  accept?: (name: string) => boolean;
  /** Absolute paths never returned (an output file that lies among the inputs). */
  exclude?: string[];
  fs?: WalkFs;
}

export interface WalkResult extends ReportFiles {
  skipped: WalkSkip[];
}

const isReportFile = (name: string) => name.endsWith(REPORT_EXT);

/** `*.xxgk.yaml` files named or below named folders (`xxgk check`, the server's workspace diagnostics). */
export function findReportFiles(paths: string[], cwd: string, fs: WalkFs = nodeFs): ReportFiles {
  const { files, problems } = walkReports(paths, { cwd, fs });
  return { files, problems };
}

/**
 * The one folder walk: files named, and the accepted files below named folders, hidden entries and node_modules
 * left out, in a stable order. Throws MissingPathError for a named path that does not exist.
 */
export function walkReports(paths: string[], options: WalkOptions): WalkResult {
  const walker = new Walker(options);
  for (const p of paths) walker.named(isAbsolute(p) ? p : join(options.cwd, p), p);
  return walker.result;
}

class Walker {
  readonly result: WalkResult = { files: [], problems: [], skipped: [] };
  private readonly fs: WalkFs;
  private readonly accept: (name: string) => boolean;
  private readonly seenDirs = new Set<string>();
  /** Real path → the path it was first found as. */
  private readonly seenFiles = new Map<string, string>();
  private readonly excluded: Set<string>;

  constructor(options: WalkOptions) {
    this.fs = options.fs ?? nodeFs;
    this.accept = options.accept ?? isReportFile;
    this.excluded = new Set((options.exclude ?? []).map((p) => this.realOrSelf(p)));
  }

  named(full: string, asWritten: string): void {
    let st: Stats;
    try {
      st = this.fs.statSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !this.isLink(full)) throw new MissingPathError(asWritten);
      this.result.problems.push(unreadable(full, e));
      return;
    }
    if (st.isDirectory()) this.walk(full);
    else this.addFile(full);
  }

  private walk(dir: string): void {
    const r = this.real(dir);
    if (r === undefined) return;
    if (this.seenDirs.has(r)) {
      // A loop, or a folder already walked through another link.
      this.result.skipped.push({ path: dir, message: { key: 'file.skipped.seenFolder', args: { target: r } } });
      return;
    }
    this.seenDirs.add(r);
    let names: string[];
    try {
      names = this.fs.readdirSync(dir).sort();
    } catch (e) {
      this.result.problems.push(unreadable(dir, e));
      return;
    }
    for (const name of names) {
      if (name !== 'node_modules' && !name.startsWith('.')) this.entry(join(dir, name), name);
    }
  }

  private entry(p: string, name: string): void {
    let st: Stats;
    try {
      st = this.fs.statSync(p); // follows links: a broken or looping one throws
    } catch (e) {
      // A report, or a link that may lead to reports; other unreadable entries are none of the walk's business.
      if (this.accept(name) || this.isLink(p)) this.result.problems.push(unreadable(p, e));
      return;
    }
    if (st.isDirectory()) this.walk(p);
    else if (!this.accept(name)) return;
    else if (name.startsWith('~$')) this.result.skipped.push({ path: p, message: { key: 'file.skipped.lockFile' } });
    else if (st.isFile()) this.addFile(p);
  }

  private addFile(p: string): void {
    const r = this.real(p);
    if (r === undefined || this.excluded.has(r)) return;
    const first = this.seenFiles.get(r);
    if (first !== undefined) {
      if (first !== p) this.result.skipped.push({ path: p, message: { key: 'file.skipped.sameFile', args: { file: first } } });
      return;
    }
    this.seenFiles.set(r, p);
    this.result.files.push(p);
  }

  private real(p: string): string | undefined {
    try {
      return this.fs.realpathSync(p);
    } catch (e) {
      this.result.problems.push(unreadable(p, e));
      return undefined;
    }
  }

  private realOrSelf(p: string): string {
    try {
      return this.fs.realpathSync(p);
    } catch {
      return p;
    }
  }

  private isLink(p: string): boolean {
    try {
      return this.fs.lstatSync(p).isSymbolicLink();
    } catch {
      return false;
    }
  }
}
