/**
 * Finding last year's report for the cross-year rules — the one place that touches the file system for them,
 * so the checker stays pure. The report may name it (`上年报告: 路径`, relative to the report); otherwise the
 * same folder is searched for a `*.xxgk.yaml` of the same body (short names allowed) for year − 1.
 * Used by the CLI; the language server can pass `read` to prefer the text of open editors.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseReport, type ReportModel } from './model';
import { readMeta, scalarText, type PreviousReport } from './rules/context';
import { sameBody } from './rules/crossyear';

const EXT = '.xxgk.yaml';

export interface FindPreviousOptions {
  /** Reads a file's text, or undefined when it does not exist; default: the disk. */
  read?: (path: string) => string | undefined;
  /** Lists a folder's file names; default: the disk. */
  list?: (dir: string) => string[];
  /** Reuse parsed reports across calls (a CLI run over a folder parses each file once). */
  cache?: Map<string, ReportModel | null>;
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

/**
 * Last year's report for the report at `file` (already parsed as `model`), or undefined when there is none to
 * compare with. A report that names one that cannot be read gets `{ name, model: undefined }`, which the
 * checker reports (META-PREVIOUS) instead of silently skipping the cross-year rules.
 */
export function findPreviousReport(file: string, model: ReportModel, options: FindPreviousOptions = {}): PreviousReport | undefined {
  const read = options.read ?? readDisk;
  const cache = options.cache ?? new Map<string, ReportModel | null>();
  const load = (path: string): ReportModel | undefined => {
    const key = resolve(path);
    if (cache.has(key)) return cache.get(key) ?? undefined;
    const text = read(key);
    const parsed = text === undefined ? undefined : parseReport(text);
    cache.set(key, parsed ?? null);
    return parsed;
  };
  const dir = dirname(file);
  const named = scalarText(model.fields.get('previousReport'));
  if (named) {
    const path = isAbsolute(named) ? named : join(dir, named);
    return { name: named, model: load(path) };
  }
  const meta = readMeta(model);
  if (meta.year === undefined || !meta.issuer) return undefined;
  const names = (options.list ?? listDisk)(dir).filter((n) => n.endsWith(EXT) && n !== basename(file)).sort();
  for (const name of names) {
    const other = load(join(dir, name));
    if (!other) continue;
    const m = readMeta(other);
    if (m.year === meta.year - 1 && m.issuer && sameBody(m.issuer, meta.issuer)) return { name: relative(dir, join(dir, name)), model: other };
  }
  return undefined;
}
