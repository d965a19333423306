/**
 * Discovery: every report file under the inputs, in a stable order. Symlinks are followed, but a folder is
 * walked once (by its real path), so a link back up the tree (a loop) or two links to one folder cannot make
 * the walk endless or count a report twice; a link to nowhere is listed as unreadable, not an exception.
 * Written so that `xxgk check`'s own folder walk can later use the same function (only the extensions differ).
 */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Message } from '../model/findings';
import type { ReportSource, UnreadableReason } from './types';

/** Report files by extension (lower case). .doc and .wps are found so that the reviewer is told to convert them. */
export const REPORT_EXTENSIONS: readonly string[] = [
  '.xxgk.yaml',
  '.html',
  '.htm',
  '.txt',
  '.docx',
  '.pdf',
  '.doc',
  '.wps',
];

export interface FoundFile {
  /** Absolute path as found (through links, not resolved). */
  path: string;
  /** Relative to the working folder, `/` separators. */
  shown: string;
}

export interface DiscoveryProblem {
  shown: string;
  reason: UnreadableReason;
  message: Message;
}

export interface Discovery {
  files: FoundFile[];
  problems: DiscoveryProblem[];
  skipped: { shown: string; message: Message }[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Which file names count (default: REPORT_EXTENSIONS). */
  accept?: (name: string) => boolean;
  /** Absolute paths never returned (the output file itself, when it lies among the inputs). */
  exclude?: string[];
}

export class MissingInputError extends Error {
  constructor(readonly input: string) {
    super(`找不到“${input}”。`);
  }
}

export function isReportName(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The import route a file takes, by its name. */
export function sourceOf(name: string): ReportSource {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xxgk.yaml')) return 'yaml';
  if (/\.(html?|shtml|xhtml)$/.test(lower)) return 'html';
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.pdf')) return 'pdf';
  return 'text';
}

export function shownPath(path: string, cwd: string): string {
  return (relative(cwd, path) || '.').split(sep).join('/');
}

/**
 * Files named are taken whatever their extension (the import says if it cannot read one); folders are walked
 * for report files, skipping hidden entries and node_modules. Throws MissingInputError for an input that
 * does not exist (a usage problem: nothing is reviewed).
 */
export function discoverReports(inputs: string[], options: DiscoverOptions): Discovery {
  const accept = options.accept ?? isReportName;
  const out: Discovery = { files: [], problems: [], skipped: [] };
  const seenFiles = new Map<string, string>();
  const seenDirs = new Set<string>();
  const excluded = new Set((options.exclude ?? []).map((p) => realOrSelf(p)));
  const shown = (p: string) => shownPath(p, options.cwd);

  const addFile = (path: string) => {
    const real = realOrSelf(path);
    if (excluded.has(real)) return;
    const first = seenFiles.get(real);
    if (first !== undefined) {
      out.skipped.push({ shown: shown(path), message: { key: 'review.skipped.sameFile', args: { file: first } } });
      return;
    }
    seenFiles.set(real, shown(path));
    out.files.push({ path, shown: shown(path) });
  };

  const walk = (dir: string) => {
    const real = realOrSelf(dir);
    if (seenDirs.has(real)) {
      out.skipped.push({
        shown: shown(dir),
        message: { key: 'review.skipped.seenFolder', args: { target: shownPath(real, realOrSelf(options.cwd)) } },
      });
      return;
    }
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      out.problems.push({ shown: shown(dir), reason: 'read', message: ioMessage(e) });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      const st = statOrError(path);
      if (st instanceof Error) {
        if (accept(name))
          out.problems.push({
            shown: shown(path),
            reason: 'broken-link',
            message: { key: 'review.unreadable.brokenLink' },
          });
        continue;
      }
      if (st.isDirectory()) walk(path);
      else if (!accept(name)) continue;
      else if (name.startsWith('~$'))
        out.skipped.push({ shown: shown(path), message: { key: 'review.skipped.lockFile' } });
      else if (st.isFile()) addFile(path);
    }
  };

  for (const input of inputs) {
    const full = isAbsolute(input) ? input : resolve(options.cwd, input);
    const st = statOrError(full);
    if (st instanceof Error) throw new MissingInputError(input);
    if (st.isDirectory()) walk(full);
    else addFile(full);
  }
  return out;
}

function statOrError(path: string): Stats | Error {
  try {
    return statSync(path);
  } catch (e) {
    return e as Error;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** An I/O error as a message: the system's code, so the reviewer can look it up. */
export function ioMessage(e: unknown): Message {
  const err = e as NodeJS.ErrnoException;
  const code = err.code ?? '';
  if (code === 'EACCES' || code === 'EPERM') return { key: 'review.unreadable.permission' };
  if (code === 'ENOENT') return { key: 'review.unreadable.gone' };
  return { key: 'review.unreadable.read', args: { code: code || '?', detail: err.message ?? String(e) } };
}
