/**
 * `xxgk review` as a command: runs the review, writes one output (atomically, never over an existing file
 * without --force, never beside the inputs unless -o says so), prints a one-line summary, returns the exit
 * code: 0 no errors, 1 errors found (in a report, or a file that could not be read), 2 usage or I/O problems.
 */
import { existsSync } from 'node:fs';
import type { MessageKey } from '../model/findings';
import type { DeadlineChoice } from '../template/deadlineProfiles';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../fsutil';
import { localize, type Locale } from '../l10n';
import type { SimpleDate } from '../model/dates';
import { reviewCsv } from './csv';
import { renderDashboard } from './dashboard';
import { MissingInputError } from './discover';
import { reviewJson } from './json';
import { progressBar } from './progress';
import { runReview, type ReviewStats } from './review';
import { reviewSarif } from './sarif';
import type { ReviewResult } from './types';

export type ReviewFormat = 'html' | 'json' | 'csv' | 'sarif';
export const REVIEW_FORMATS: readonly ReviewFormat[] = ['html', 'json', 'csv', 'sarif'];

export interface ReviewCommandOptions {
  inputs: string[];
  /** The output file; absent or “-”: standard output. */
  output?: string;
  /** Default: from the output's extension (.json, .csv, .sarif), else html. */
  format?: ReviewFormat;
  jobs?: number;
  year?: number;
  localDeadline?: string;
  /** --deadline-profile and --local-deadline as the checker takes them. */
  deadlines?: DeadlineChoice[];
  deadlineProfile?: string;
  force?: boolean;
  quiet?: boolean;
  /** Print stage timings, CPU time and peak memory to stderr (for the benchmark). */
  stats?: boolean;
  locale: Locale;
  today?: SimpleDate;
  workerScript?: string;
}

export interface ReviewIO {
  out(s: string): void;
  err(s: string): void;
  cwd: string;
  /** The terminal for the progress bar (process.stderr); none: no bar. */
  progressStream?: NodeJS.WriteStream;
}

export function formatFor(output: string | undefined, explicit: ReviewFormat | undefined): ReviewFormat {
  if (explicit) return explicit;
  const ext = /\.(json|csv|sarif)$/i.exec(output ?? '')?.[1]?.toLowerCase();
  return (ext as ReviewFormat | undefined) ?? 'html';
}

export async function reviewCommand(o: ReviewCommandOptions, io: ReviewIO): Promise<number> {
  const format = formatFor(o.output, o.format);
  const target = o.output && o.output !== '-' ? resolve(io.cwd, o.output) : undefined;
  const l = (key: MessageKey, args?: Record<string, string | number>) => localize({ key, args }, o.locale);
  if (target && existsSync(target) && !o.force) {
    io.err(l('review.cli.exists', { file: o.output! }));
    return 2;
  }
  const cpu0 = process.cpuUsage();
  let run;
  try {
    run = await runReview({
      inputs: o.inputs,
      cwd: io.cwd,
      year: o.year,
      localDeadline: o.localDeadline,
      deadlines: o.deadlines,
      deadlineProfile: o.deadlineProfile,
      today: o.today,
      locale: o.locale,
      jobs: o.jobs,
      render: format === 'html',
      exclude: target ? [target] : [],
      workerScript: o.workerScript,
      progress: io.progressStream ? progressBar(io.progressStream, !o.quiet) : undefined,
    });
  } catch (e) {
    if (e instanceof MissingInputError) {
      io.err(l('review.cli.missing', { file: e.input }));
      return 2;
    }
    throw e;
  }
  const t0 = performance.now();
  const content = output(run.result, format, io.cwd);
  if (target) {
    try {
      writeFileAtomic(target, content, { overwrite: !!o.force });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(
        code === 'EEXIST'
          ? l('review.cli.exists', { file: o.output! })
          : l('review.cli.writeFailed', { file: o.output!, detail: (e as Error).message }),
      );
      return 2;
    }
  } else io.out(content.replace(/\n$/, ''));
  const s = run.result.summary;
  if (!o.quiet)
    io.err(
      l('review.cli.summary', {
        reports: s.reports,
        bodies: s.bodies,
        withErrors: s.withErrors,
        errors: s.errors,
        warnings: s.warnings,
        unreadable: s.unreadable,
        similar: s.similarPairs,
      }),
    );
  if (!o.quiet && target) io.err(l('review.cli.written', { file: o.output! }));
  if (o.stats) io.err(JSON.stringify(statsLine(run.stats, performance.now() - t0, cpu0)));
  return s.errors > 0 || s.unreadable > 0 ? 1 : 0;
}

function output(result: ReviewResult, format: ReviewFormat, cwd: string): string {
  switch (format) {
    case 'json':
      return reviewJson(result);
    case 'csv':
      return reviewCsv(result);
    case 'sarif':
      return reviewSarif(result, { baseUri: pathToFileURL(cwd).href.replace(/\/?$/, '/') });
    case 'html':
      return renderDashboard(result);
  }
}

function statsLine(stats: ReviewStats, outputMs: number, cpu0: NodeJS.CpuUsage) {
  const cpu = process.cpuUsage(cpu0);
  return {
    ...stats,
    stages: { ...stats.stages, output: Math.round(outputMs) },
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
