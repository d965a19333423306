/**
 * Discovery: every report file under the inputs, in a stable order. Symlinks are followed, but a folder is
 * walked once (by its real path), so a link back up the tree (a loop) or two links to one folder cannot make
 * the walk endless or count a report twice; a link to nowhere is listed as unreadable, not an exception.
 * The walk itself is `xxgk check`'s (reportFiles.ts); here the review's extensions and its view of the result.
 */
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Message } from '../model/findings';
import { MissingPathError, walkReports } from '../reportFiles';
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
 * for report files by the one folder walk (reportFiles.ts). Throws MissingInputError for an input that does not
 * exist (a usage problem: nothing is reviewed).
 */
export function discoverReports(inputs: string[], options: DiscoverOptions): Discovery {
  let walked;
  try {
    const accept = options.accept ?? isReportName;
    walked = walkReports(inputs, { cwd: options.cwd, accept, exclude: options.exclude });
  } catch (e) {
    if (e instanceof MissingPathError) throw new MissingInputError(e.path);
    throw e;
  }
  const shown = (p: string) => shownPath(p, options.cwd);
  const realCwd = realOrSelf(options.cwd);
  return {
    files: walked.files.map((path) => ({ path, shown: shown(path) })),
    problems: walked.problems.map((p) => ({ shown: shown(p.path), reason: reasonOf(p.message), message: p.message })),
    skipped: walked.skipped.map((s) => ({ shown: shown(s.path), message: relativeTarget(s.message, realCwd) })),
  };
}

/** A link that leads nowhere (or in a circle) is a broken link; anything else could not be read. */
function reasonOf(message: Message): UnreadableReason {
  return message.key === 'file.brokenLink' || message.key === 'file.linkLoop' ? 'broken-link' : 'read';
}

/** The folder a skipped link leads to, relative to where the review runs. */
function relativeTarget(message: Message, realCwd: string): Message {
  const target = message.args?.target;
  return typeof target === 'string' ? { ...message, args: { ...message.args, target: shownPath(target, realCwd) } } : message;
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
