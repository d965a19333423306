/**
 * Cancelling a review (the editor's Cancel button reaches runReview as an AbortSignal): it stops between files in
 * the main thread, terminates the worker threads at once, and rejects with ReviewCancelledError — never with a
 * partial result. The language server's side of it (the client's cancellation token) is in test/protocol.test.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusBodies, corpusReport } from '../bench/reviewCorpus';
import { ReviewCancelledError } from '../server/src/review/cancel';
import { ReviewPool, type Task } from '../server/src/review/pool';
import type { Progress } from '../server/src/review/progress';
import { runReview } from '../server/src/review/review';
import { ROOT, TODAY } from './helpers/samples';
import { tempDir } from './helpers/tmp';

const WORKER = join(ROOT, 'server', 'out', 'reviewWorker.js');
const COUNT = 40;
let dir: string;

beforeAll(() => {
  dir = tempDir('xxgk-review-cancel-');
  mkdirSync(join(dir, 'reports'));
  corpusBodies(COUNT, 3).forEach((body, i) => {
    writeFileSync(join(dir, 'reports', `${i}.xxgk.yaml`), corpusReport({ body, year: 2024, seed: i }));
  });
});

/** A progress that aborts the review when `after` files are done, and counts the files done after that. */
function abortingProgress(after: number) {
  const controller = new AbortController();
  const seen = { ticks: 0, afterAbort: 0, started: 0 };
  const progress: Progress = {
    start: () => void seen.started++,
    tick: () => {
      seen.ticks++;
      if (controller.signal.aborted) seen.afterAbort++;
      if (seen.ticks === after) controller.abort();
    },
    stop: () => undefined,
  };
  return { controller, seen, progress };
}

describe('cancelling a review', () => {
  it('in the main thread: stops before the next file and rejects with ReviewCancelledError', async () => {
    const { controller, seen, progress } = abortingProgress(3);
    const run = runReview({ inputs: ['reports'], cwd: dir, today: TODAY, jobs: 1, progress, signal: controller.signal });
    await expect(run).rejects.toBeInstanceOf(ReviewCancelledError);
    expect(seen.ticks).toBe(3);
  });

  it('with worker threads: rejects at once, and no file is counted after the cancellation', async () => {
    expect(existsSync(WORKER), `${WORKER} missing: run npm run build`).toBe(true);
    const { controller, seen, progress } = abortingProgress(3);
    const run = runReview({
      inputs: ['reports'], cwd: dir, today: TODAY, jobs: 2, workerScript: WORKER, progress, signal: controller.signal,
    });
    await expect(run).rejects.toThrow('审核已取消。');
    expect(seen.ticks).toBe(3);
    expect(seen.afterAbort).toBe(0);
  });

  it('an already aborted signal reads nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const { seen, progress } = abortingProgress(1);
    const run = runReview({ inputs: ['reports'], cwd: dir, jobs: 1, locale: 'en', progress, signal: controller.signal });
    await expect(run).rejects.toThrow('The review was cancelled.');
    expect(seen.started).toBe(0);
  });

  it('terminates the worker threads (the pool itself)', async () => {
    const controller = new AbortController();
    const pool = new ReviewPool({ locale: 'zh-cn', today: TODAY, render: false }, {
      jobs: 2, workerScript: WORKER, signal: controller.signal,
    });
    const workers = (pool as unknown as { workers: { threadId: number }[] }).workers;
    expect(workers.map((w) => w.threadId > 0)).toEqual([true, true]);
    const tasks: Task[] = Array.from({ length: COUNT }, (_, index) => ({
      kind: 'analyze', task: { index, path: join(dir, 'reports', `${index}.xxgk.yaml`), shown: `${index}` },
    }));
    let done = 0;
    const run = pool.run(tasks, () => {
      if (++done === 2) controller.abort();
    });
    await expect(run).rejects.toBeInstanceOf(ReviewCancelledError);
    await pool.close();
    expect(workers.map((w) => w.threadId)).toEqual([-1, -1]);
    expect(done).toBe(2);
  });

  it('a review that is not cancelled is unchanged by the signal', async () => {
    const controller = new AbortController();
    const { result } = await runReview({ inputs: ['reports'], cwd: dir, today: TODAY, jobs: 1, signal: controller.signal });
    expect(result.reports).toHaveLength(COUNT);
  });
});
