/**
 * `xxgk/review` (protocol.ts): a folder's reports reviewed by the same core as `xxgk review` (review/review.ts),
 * for the editor: the dashboard's HTML, the result without its renderings, and each report's URI. Progress goes
 * to the client as work-done progress (count and current file), and the client's cancellation token stops the
 * review: the request is answered RequestCancelled. The editor's deadline settings apply as they do to the
 * diagnostics; each report's xxgk.json still comes first.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  LSPErrorCodes, ResponseError, type CancellationToken, type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { localize, type Locale } from '../l10n';
import type { SimpleDate } from '../model/dates';
import type { ReviewFolderParams, ReviewFolderResult, ServerSettings } from '../protocol';
import { ReviewCancelledError } from '../review/cancel';
import { renderDashboard } from '../review/dashboard';
import { MissingInputError } from '../review/discover';
import { defaultJobs } from '../review/pool';
import type { Progress } from '../review/progress';
import { runReview } from '../review/review';
import type { ReviewResult } from '../review/types';
import { settingsDeadlines } from './languageService';

export interface ReviewFolderContext {
  locale: Locale;
  settings: ServerSettings;
  /** The request's cancellation: aborts the review (runReview rejects with ReviewCancelledError). */
  token: CancellationToken;
  /** The client's work-done progress: “审核 12/60 · 乡镇/张营乡.docx” and how far the current stage is (0–100). */
  progress: Pick<WorkDoneProgressReporter, 'begin' | 'report' | 'done'>;
  /** A line for the server's log: how many files, how long, how many worker threads. */
  log(text: string): void;
  logError(text: string): void;
  today?: SimpleDate;
}

/** At most this often a progress report (a review of 1,000 files would otherwise send 1,000 messages). */
const REPORT_EVERY_MS = 100;

export async function reviewFolder(
  params: ReviewFolderParams,
  context: ReviewFolderContext,
): Promise<ReviewFolderResult> {
  const { progress, locale } = context;
  progress.begin(localize({ key: 'review.progress.analyze' }, locale), 0, undefined, true);
  try {
    return await review(params, context);
  } catch (e) {
    if (e instanceof ReviewCancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, e.message);
    context.logError(`review failed: ${(e as Error).stack ?? e}`);
    return { error: (e as Error).message };
  } finally {
    progress.done();
  }
}

async function review(params: ReviewFolderParams, context: ReviewFolderContext): Promise<ReviewFolderResult> {
  const { locale, settings } = context;
  const folder = localPath(params.uri);
  if (!folder) return { error: localize({ key: 'review.notLocal', args: { uri: String(params.uri) } }, locale) };
  const controller = new AbortController();
  const cancel = context.token.onCancellationRequested(() => controller.abort());
  if (context.token.isCancellationRequested) controller.abort();
  try {
    const started = Date.now();
    const { result, stats } = await runReview({
      inputs: [folder],
      cwd: folder,
      locale,
      today: context.today,
      render: true,
      localDeadline: settings.localDeadline || undefined,
      deadlines: settingsDeadlines(settings),
      deadlineProfile: settings.deadlineProfile || undefined,
      // Worker threads even on one core: the server's own thread stays free for the editor while files are read.
      jobs: Math.max(2, defaultJobs()),
      progress: progressReporter((message, percentage) => context.progress.report(percentage, message)),
      signal: controller.signal,
    });
    context.log(
      `review of ${folder}: ${stats.files} files in ${Date.now() - started} ms, ` +
        `${stats.jobs > 1 ? `${stats.jobs} worker threads` : 'in the server thread (no worker script)'}`,
    );
    return {
      html: renderDashboard(result),
      result: withoutRenderings(result),
      uris: result.reports.map((r) => pathToFileURL(join(folder, r.file)).href),
    };
  } catch (e) {
    if (e instanceof MissingInputError) {
      return { error: localize({ key: 'review.cli.missing', args: { file: folder } }, locale) };
    }
    throw e;
  } finally {
    cancel.dispose();
  }
}

function localPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The review's progress as the client's messages: each stage from 0 %, throttled, the last file always told. */
function progressReporter(report: (message: string, percentage: number) => void): Progress {
  let stage = '';
  let total = 0;
  let done = 0;
  let last = 0;
  return {
    start(count, name) {
      stage = name;
      total = count;
      done = 0;
      last = Date.now();
      report(`${stage} 0/${total}`, 0);
    },
    tick(file) {
      done++;
      const now = Date.now();
      if (done < total && now - last < REPORT_EVERY_MS) return;
      last = now;
      report(`${stage} ${done}/${total} · ${file}`, total ? Math.floor((done * 100) / total) : 100);
    },
    stop() {},
  };
}

/** The result as `--format json` has it: the dashboard already holds the renderings. */
function withoutRenderings(result: ReviewResult): ReviewResult {
  return {
    ...result,
    reports: result.reports.map(({ rendered: _rendered, ...r }) => r),
    totals: result.totals.map(({ rendered: _rendered, ...t }) => t),
  };
}
