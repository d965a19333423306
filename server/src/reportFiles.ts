/**
 * Finding the reports named on a command line: files as named, and every `*.xxgk.yaml` below named folders, in a
 * stable order. Shared by `xxgk check` and a reviewer's batch commands. Symbolic links are followed once: a link
 * back to a parent (a loop) or a second way to the same folder or file is not walked again; entries that cannot
 * be read (no permission, a broken link, a link chain that loops) are returned as problems and the walk goes on.
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

export function findReportFiles(paths: string[], cwd: string, fs: WalkFs = nodeFs): ReportFiles {
  const { readdirSync, realpathSync, statSync } = fs;
  const isLink = (p: string): boolean => {
    try {
      return fs.lstatSync(p).isSymbolicLink();
    } catch {
      return false;
    }
  };
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const real = (p: string): string | undefined => {
    try {
      return realpathSync(p);
    } catch (e) {
      problems.push(unreadable(p, e));
      return undefined;
    }
  };
  const addFile = (p: string) => {
    const r = real(p);
    if (r === undefined || seenFiles.has(r)) return;
    seenFiles.add(r);
    files.push(p);
  };
  const walk = (dir: string) => {
    const r = real(dir);
    if (r === undefined || seenDirs.has(r)) return; // a loop, or a folder already walked through another link
    seenDirs.add(r);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push(unreadable(dir, e));
      return;
    }
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      let st: Stats;
      try {
        st = statSync(p); // follows links: a broken or looping one throws
      } catch (e) {
        // A report, or a link that may lead to reports; other unreadable entries are none of the check's business.
        if (name.endsWith(REPORT_EXT) || isLink(p)) problems.push(unreadable(p, e));
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (name.endsWith(REPORT_EXT)) addFile(p);
    }
  };
  for (const p of paths) {
    const full = isAbsolute(p) ? p : join(cwd, p);
    let st: Stats;
    try {
      st = statSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !isLink(full)) throw new MissingPathError(p);
      problems.push(unreadable(full, e));
      continue;
    }
    if (st.isDirectory()) walk(full);
    else addFile(full);
  }
  return { files, problems };
}
