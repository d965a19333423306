/**
 * Finding last year's report for the cross-year rules — the one place that touches the file system for them,
 * so the checker stays pure. The report may name it (`上年报告: 路径`, relative to the report); otherwise the
 * same folder is searched for a `*.xxgk.yaml` of the same body (short names allowed) for year − 1.
 * Used by the CLI; the language server can pass `read`/`list` to prefer the text of open editors.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parseReport, type ReportModel } from './model/model';
import { type PreviousReport } from './rules/context';
import { readMeta, fieldText } from './model/meta';
import { shortNames } from './model/issuer';
import { sameBody } from './model/issuer';
import { template2021 } from './template';

const EXT = '.xxgk.yaml';

export interface FindPreviousOptions {
  /** Reads a file's text, or undefined when it does not exist; default: the disk. */
  read?: (path: string) => string | undefined;
  /** Lists a folder's file names; default: the disk. */
  list?: (dir: string) => string[];
  /** Reuse folder indexes across calls (one CLI run). A long-lived editor session should use a fresh one per check. */
  cache?: ReportCache;
  /** Parses a candidate (an editor session memoises it: last year's report rarely changes while this one is typed). */
  parse?: (text: string) => ReportModel;
}

/** Per folder, its reports' file names by year and body name (full and short), read once per run. */
export class ReportCache {
  readonly folders = new Map<string, Map<string, string[]>>();
}

const YEAR_KEYS = keysOf('year');
const ISSUER_KEYS = keysOf('issuer');

function keysOf(id: string): string[] {
  const f = template2021.metadata.find((x) => x.id === id)!;
  return [f.key, ...f.aliases];
}

/**
 * Year and body of a report from its top-level lines, without parsing it: a folder of thousands of reports is
 * indexed cheaply, and only the candidate found is parsed (and checked with readMeta before it is used).
 */
export function quickMeta(text: string): { year?: number; issuer?: string } {
  const out: { year?: number; issuer?: string } = {};
  // Line by line without splitting the whole text: the server asks on every keystroke, and the keys are at the top.
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    at = end + 1;
    const m = /^([^\s#:][^:#]*?)\s*:\s*(.*?)\s*(?:\s#.*)?$/.exec(line);
    if (!m) continue;
    const value = m[2].replace(/^(["'])(.*)\1$/, '$2').trim();
    if (out.year === undefined && YEAR_KEYS.includes(m[1]) && /^\d{4}$/.test(value)) out.year = Number(value);
    if (out.issuer === undefined && ISSUER_KEYS.includes(m[1]) && value) out.issuer = value;
    if (out.year !== undefined && out.issuer !== undefined) break;
  }
  return out;
}

function readDisk(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function listDisk(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const indexKey = (year: number, name: string) => `${year}|${name}`;

/**
 * Last year's report for the report at `file` (already parsed as `model`), or undefined when there is none to
 * compare with. A report that names one that cannot be read gets `{ name, model: undefined }`, which the
 * checker reports (META-PREVIOUS) instead of silently skipping the cross-year rules.
 */
export function findPreviousReport(
  file: string, model: ReportModel, options: FindPreviousOptions = {},
): PreviousReport | undefined {
  const read = options.read ?? readDisk;
  const list = options.list ?? listDisk;
  const cache = options.cache ?? new ReportCache();
  const load = (path: string): ReportModel | undefined => {
    const text = read(resolve(path));
    return text === undefined ? undefined : (options.parse ?? parseReport)(text);
  };
  const dir = dirname(file);
  const named = fieldText(model.fields.get('previousReport'));
  if (named) {
    const path = isAbsolute(named) ? named : join(dir, named);
    return { name: named, model: load(path) };
  }
  const meta = readMeta(model);
  if (meta.year === undefined || !meta.issuer) return undefined;
  let index = cache.folders.get(resolve(dir));
  if (!index) {
    index = new Map();
    for (const name of list(dir).filter((n) => n.endsWith(EXT)).sort()) {
      const text = name === basename(file) ? undefined : read(resolve(join(dir, name)));
      const m = text === undefined ? undefined : quickMeta(text);
      if (m?.year === undefined || !m.issuer) continue;
      for (const body of shortNames(m.issuer)) {
        const k = indexKey(m.year, body);
        index.set(k, [...(index.get(k) ?? []), name]);
      }
    }
    // The report itself, as the caller has it (an editor's unsaved text, not the disk's).
    for (const body of shortNames(meta.issuer)) {
      const k = indexKey(meta.year, body);
      if (!index.get(k)?.includes(basename(file))) index.set(k, [...(index.get(k) ?? []), basename(file)]);
    }
    cache.folders.set(resolve(dir), index);
  }
  for (const body of shortNames(meta.issuer)) {
    for (const name of index.get(indexKey(meta.year - 1, body)) ?? []) {
      if (name === basename(file)) continue;
      const other = load(join(dir, name));
      const m = other && readMeta(other);
      if (other && m?.year === meta.year - 1 && m.issuer && sameBody(m.issuer, meta.issuer)) {
        return { name, model: other };
      }
    }
  }
  return undefined;
}
