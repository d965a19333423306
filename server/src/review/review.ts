/**
 * `xxgk review`: every report under the inputs, checked, compared across years and across bodies, summed.
 * Stages: discovery → per-file analysis (worker threads) → cross-year re-checks → 雷同 → 汇总 → one
 * ReviewResult (types.ts), which the writers turn into the dashboard, JSON, CSV or SARIF.
 * The core of the review never touches LSP: the CLI calls it, and the language server can call `runReview` too.
 */
import { localize, type Locale } from '../l10n';
import type { DeadlineChoice } from '../template/deadlineProfiles';
import { formatIso, today as clock, type SimpleDate } from '../model/dates';
import { shortNames } from '../model/issuer';
import { throwIfCancelled } from './cancel';
import { previousAmong } from './crossYear';
import { discoverReports, type Discovery } from './discover';
import type { Analysis, AnalyzeOptions } from './analyze';
import { ReviewPool, type Task } from './pool';
import type { Progress } from './progress';
import { findSimilar, type SimilarInput } from './similar';
import { yearTotals } from './totals';
import {
  REVIEW_RESULT_VERSION,
  type ReportReview,
  type ReviewResult,
  type ReviewSummary,
  type SimilarPair,
} from './types';

declare const XXGK_VERSION: string | undefined;

export interface ReviewOptions {
  /** Files and folders, relative to `cwd` or absolute. */
  inputs: string[];
  cwd: string;
  /** Review only this year's reports (last year's still serve the cross-year checks). */
  year?: number;
  /** MM-DD deadline for 乡镇、街道 and other locally governed bodies (default 01-31). */
  localDeadline?: string;
  /** Deadline choices (a profile, dates) before each report's xxgk.json, as `xxgk check` takes them. */
  deadlines?: DeadlineChoice[];
  /** The profile chosen on the command line, recorded in the result. */
  deadlineProfile?: string;
  today?: SimpleDate;
  locale?: Locale;
  /** Worker threads (default: the number of cores); 1 runs everything in this thread. */
  jobs?: number;
  /** Render each report and the 汇总 for the dashboard. */
  render?: boolean;
  /** Absolute paths never reviewed (the output file). */
  exclude?: string[];
  workerScript?: string;
  progress?: Progress;
  /** Stops the review: the workers are terminated and runReview rejects with ReviewCancelledError (cancel.ts). */
  signal?: AbortSignal;
}

export interface ReviewStats {
  /** Threads that analysed files (1: the main thread). */
  jobs: number;
  files: number;
  /** Wall-clock milliseconds per stage. */
  stages: { discover: number; analyze: number; crossYear: number; similar: number; totals: number };
}

export interface ReviewRun {
  result: ReviewResult;
  stats: ReviewStats;
}

/**
 * Reads, checks and compares every report under the inputs. Throws MissingInputError for a missing input, and
 * ReviewCancelledError when `signal` aborts.
 */
export async function runReview(options: ReviewOptions): Promise<ReviewRun> {
  const locale = options.locale ?? 'zh-cn';
  const today = options.today ?? clock();
  const clockStart = performance.now();
  const lap = (() => {
    let t = clockStart;
    return () => {
      const now = performance.now();
      const d = now - t;
      t = now;
      return Math.round(d);
    };
  })();
  const discovery = discoverReports(options.inputs, { cwd: options.cwd, exclude: options.exclude });
  const stages: ReviewStats['stages'] = { discover: lap(), analyze: 0, crossYear: 0, similar: 0, totals: 0 };
  const analyzeOptions: AnalyzeOptions = {
    locale,
    deadlines: options.deadlines,
    today,
    render: !!options.render,
  };
  const signal = options.signal;
  throwIfCancelled(signal, locale);
  const pool = new ReviewPool(analyzeOptions, { jobs: options.jobs, workerScript: options.workerScript, signal });
  const progress = options.progress;
  try {
    const tasks: Task[] = discovery.files.map((f, index) => ({
      kind: 'analyze',
      task: { index, path: f.path, shown: f.shown },
    }));
    progress?.start(tasks.length, localize({ key: 'review.progress.analyze' }, locale));
    const analyses = await pool.run(tasks, (_a, t) => progress?.tick((t.task as { shown: string }).shown));
    progress?.stop();
    stages.analyze = lap();
    throwIfCancelled(signal, locale);
    const inScope = selectYear(analyses, options.year);
    markCopies(analyses, inScope);
    await checkAcrossYears(pool, analyses, inScope, discovery, progress, locale);
    stages.crossYear = lap();
    throwIfCancelled(signal, locale);
    const similar = compareBodies(analyses, inScope, locale);
    stages.similar = lap();
    throwIfCancelled(signal, locale);
    const totals = sumYears(analyses, inScope, locale, !!options.render);
    stages.totals = lap();
    const result = assemble(options, locale, today, discovery, analyses, inScope, similar, totals);
    return { result, stats: { jobs: pool.size, files: discovery.files.length, stages } };
  } finally {
    progress?.stop();
    await pool.close();
  }
}

/** Indexes of the readable reports to review: all, or with --year only that year's (and those without a year). */
function selectYear(analyses: Analysis[], year: number | undefined): Set<number> {
  const out = new Set<number>();
  for (const a of analyses) {
    if (!a.review) continue;
    if (year === undefined || a.review.year === undefined || a.review.year === year) out.add(a.index);
  }
  return out;
}

const SOURCE_RANK: Record<ReportReview['source'], number> = { yaml: 0, docx: 1, html: 2, pdf: 3, text: 4 };

/**
 * Several files of one body and year (the web page and its PDF): the first by form and path counts, the others
 * are copies.
 */
function markCopies(analyses: Analysis[], inScope: Set<number>): void {
  const byBody = new Map<string, Analysis[]>();
  for (const i of inScope) {
    const a = analyses[i];
    if (!a.body || a.review!.year === undefined) continue;
    const key = `${a.review!.year}|${a.body}`;
    byBody.set(key, [...(byBody.get(key) ?? []), a]);
  }
  for (const group of byBody.values()) {
    if (group.length < 2) continue;
    group.sort((x, y) => SOURCE_RANK[x.review!.source] - SOURCE_RANK[y.review!.source] || x.index - y.index);
    for (const copy of group.slice(1)) copy.review!.duplicateOf = group[0].review!.file;
  }
}

/** Reports whose last year's report is among the inputs are checked again with it, in the pool. */
async function checkAcrossYears(
  pool: ReviewPool,
  analyses: Analysis[],
  inScope: Set<number>,
  discovery: Discovery,
  progress: Progress | undefined,
  locale: Locale,
): Promise<void> {
  const readable = analyses.filter((a) => a.review && !a.review.duplicateOf);
  const previous = previousAmong(readable.map((a) => ({ year: a.review!.year, issuer: a.review!.issuer })));
  const tasks: Task[] = [];
  readable.forEach((a, k) => {
    if (previous[k] < 0 || !inScope.has(a.index) || a.namedPrevious) return;
    const p = readable[previous[k]];
    const file = discovery.files[a.index],
      prevFile = discovery.files[p.index];
    tasks.push({
      kind: 'recheck',
      task: {
        index: a.index,
        path: file.path,
        shown: file.shown,
        source: a.review!.source,
        text: a.text,
        previous: { path: prevFile.path, shown: prevFile.shown, text: p.text },
      },
    });
  });
  if (!tasks.length) return;
  progress?.start(tasks.length, localize({ key: 'review.progress.crossYear' }, locale));
  const rechecked = await pool.run(tasks, (_a, t) => progress?.tick((t.task as { shown: string }).shown));
  progress?.stop();
  for (const r of rechecked) {
    const before = analyses[r.index];
    if (!r.review) continue; // could not be re-checked: keep the first check
    r.review.import = before.review!.import;
    r.text = before.text;
    analyses[r.index] = r;
  }
}

/** 雷同 across bodies, per year, among the reports counted (copies of one body's report are not compared). */
function compareBodies(analyses: Analysis[], inScope: Set<number>, locale: Locale): SimilarPair[] {
  const byYear = new Map<number, SimilarInput[]>();
  for (const i of inScope) {
    const a = analyses[i],
      review = a.review!;
    if (review.year === undefined || review.duplicateOf) continue;
    const list = byYear.get(review.year) ?? [];
    list.push({ analysis: a, review, body: a.body ?? `file:${review.file}` });
    byYear.set(review.year, list);
  }
  const pairs: SimilarPair[] = [];
  for (const year of [...byYear.keys()].sort()) pairs.push(...findSimilar(year, byYear.get(year)!, locale));
  for (const i of inScope) {
    const review = analyses[i].review!;
    review.findings.sort(
      (x, y) =>
        x.line - y.line ||
        x.column - y.column ||
        SEVERITY[x.severity] - SEVERITY[y.severity] ||
        cmp(x.rule, y.rule),
    );
    review.counts = { error: 0, warning: 0, info: 0 };
    for (const f of review.findings) review.counts[f.severity]++;
  }
  return pairs.sort(
    (x, y) =>
      x.year - y.year ||
      y.percent - x.percent ||
      cmp(x.a.file, y.a.file) ||
      cmp(x.b.file, y.b.file) ||
      cmp(x.a.where, y.a.where),
  );
}

const SEVERITY = { error: 0, warning: 1, info: 2 };

function cmp(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function sumYears(analyses: Analysis[], inScope: Set<number>, locale: Locale, render: boolean): ReviewResult['totals'] {
  const byYear = new Map<number, Analysis[]>();
  for (const i of inScope) {
    const a = analyses[i],
      r = a.review!;
    if (r.year === undefined || r.duplicateOf || !a.values) continue;
    byYear.set(r.year, [...(byYear.get(r.year) ?? []), a]);
  }
  return [...byYear.keys()].sort().map((year) =>
    yearTotals(
      year,
      byYear.get(year)!.map((a) => ({
        file: a.review!.file,
        issuer: a.review!.issuer,
        values: a.values!,
        level: a.level,
        government: a.government,
      })),
      { locale, render },
    ),
  );
}

function assemble(
  options: ReviewOptions,
  locale: Locale,
  today: SimpleDate,
  discovery: Discovery,
  analyses: Analysis[],
  inScope: Set<number>,
  similar: SimilarPair[],
  totals: ReviewResult['totals'],
): ReviewResult {
  const reports = analyses.filter((a) => inScope.has(a.index)).map((a) => a.review!);
  const unreadable = [
    ...discovery.problems.map((p) => ({ file: p.shown, reason: p.reason, message: localize(p.message, locale) })),
    ...analyses.filter((a) => a.unreadable).map((a) => a.unreadable!),
  ].sort((x, y) => cmp(x.file, y.file));
  const skipped = [
    ...discovery.skipped.map((s) => ({ file: s.shown, message: localize(s.message, locale) })),
    ...analyses
      .filter((a) => a.review && !inScope.has(a.index))
      .map((a) => ({
        file: a.review!.file,
        message: localize(
          { key: 'review.skipped.otherYear', args: { year: a.review!.year!, only: options.year! } },
          locale,
        ),
      })),
  ].sort((x, y) => cmp(x.file, y.file));
  return {
    kind: 'xxgk-review',
    version: REVIEW_RESULT_VERSION,
    tool: { name: 'xxgk-report', version: typeof XXGK_VERSION === 'string' ? XXGK_VERSION : 'dev' },
    options: {
      today: formatIso(today),
      localDeadline: options.localDeadline ?? '01-31',
      ...(options.deadlineProfile ? { deadlineProfile: options.deadlineProfile } : {}),
      ...(options.year !== undefined ? { year: options.year } : {}),
      locale,
    },
    inputs: [...options.inputs],
    summary: summarize(discovery.files.length, reports, unreadable.length, similar),
    reports,
    unreadable,
    skipped,
    totals,
    similar,
  };
}

function summarize(files: number, reports: ReportReview[], unreadable: number, similar: SimilarPair[]): ReviewSummary {
  const counted = reports.filter((r) => !r.duplicateOf);
  const s: ReviewSummary = {
    files,
    reports: reports.length,
    bodies: new Set(counted.map((r) => (r.issuer ? shortNames(r.issuer).at(-1) : `file:${r.file}`))).size,
    years: [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== undefined))].sort(),
    withErrors: 0,
    withWarningsOnly: 0,
    clean: 0,
    errors: 0,
    warnings: 0,
    infos: 0,
    unreadable,
    onTime: 0,
    late: 0,
    undated: 0,
    similarPairs: similar.length,
  };
  for (const r of reports) {
    s.errors += r.counts.error;
    s.warnings += r.counts.warning;
    s.infos += r.counts.info;
    if (r.counts.error) s.withErrors++;
    else if (r.counts.warning) s.withWarningsOnly++;
    else s.clean++;
  }
  for (const r of counted) {
    if (r.daysLate === undefined) s.undated++;
    else if (r.daysLate > 0) s.late++;
    else s.onTime++;
  }
  return s;
}
