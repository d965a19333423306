/**
 * A pool of worker threads for a review. Results come back in any order and are stored by task index, so the
 * output is the same whatever --jobs is. With one job (or no worker script, e.g. running from the TypeScript
 * sources under a test runner) the same handler runs in the main thread.
 *
 * The worker script is the bundle server/out/reviewWorker.js, beside the CLI and the language server bundles
 * (scripts/build.mjs builds it; the packaged extension ships it).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { localize } from '../l10n';
import type { AnalyzeOptions, Analysis } from './analyze';
import { ReviewCancelledError, throwIfCancelled } from './cancel';
import { handleTask, type TaskMessage } from './tasks';

/** Tasks in flight per worker: the next one is there when a worker finishes, without flooding its queue. */
const IN_FLIGHT = 2;
/**
 * A worker's old generation: imports (PDF.js, mammoth) make much short-lived garbage, and a heap allowed to
 * grow to the machine's default before collecting made a 10,000-report review pass 1 GB. A 10-page PDF needs
 * well under this; a worker that still runs out is replaced and its file listed as an internal error.
 */
const WORKER_HEAP_MB = 384;

export type Task = Omit<TaskMessage, 'id'> & { task: { index: number } };

export interface PoolOptions {
  jobs?: number;
  /** The worker bundle; default: reviewWorker.js beside this bundle. */
  workerScript?: string;
  /** Aborted: the workers are terminated and `run` rejects with ReviewCancelledError. */
  signal?: AbortSignal;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export function findWorkerScript(explicit?: string): string | undefined {
  if (explicit) return explicit;
  const bundled = join(__dirname, 'reviewWorker.js');
  return existsSync(bundled) ? bundled : undefined;
}

export class ReviewPool {
  private readonly workers: Worker[] = [];
  readonly size: number;

  private readonly script?: string;
  private readonly signal?: AbortSignal;
  /** Set once the signal aborts: results still on their way from a worker are dropped. */
  private cancelled = false;

  constructor(
    private readonly options: AnalyzeOptions,
    pool: PoolOptions = {},
  ) {
    const jobs = Math.max(1, Math.floor(pool.jobs ?? defaultJobs()));
    this.script = jobs > 1 ? findWorkerScript(pool.workerScript) : undefined;
    this.size = this.script ? jobs : 1;
    this.signal = pool.signal;
    if (this.script) for (let i = 0; i < jobs; i++) this.workers.push(this.spawn());
  }

  private spawn(): Worker {
    return new Worker(this.script!, {
      workerData: { options: this.options },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  }

  /** Runs every task; `done` is called as each finishes (any order). Failures become internal-error analyses. */
  async run(tasks: Task[], done: (a: Analysis, task: Task) => void): Promise<Analysis[]> {
    const results: Analysis[] = new Array(tasks.length);
    const finish = (i: number, a: Analysis) => {
      results[i] = a;
      done(a, tasks[i]);
    };
    throwIfCancelled(this.signal, this.options.locale);
    if (!this.workers.length) {
      for (let i = 0; i < tasks.length; i++) {
        throwIfCancelled(this.signal, this.options.locale);
        finish(
          i,
          await handleTask({ id: i, ...tasks[i] } as TaskMessage, this.options).catch((e) =>
            failed(tasks[i], e, this.options),
          ),
        );
        // Let the progress bar's timer run between files (and, when it can be cancelled, a cancellation in).
        if (this.signal || i % 16 === 15) await new Promise((r) => setImmediate(r));
      }
      throwIfCancelled(this.signal, this.options.locale);
      return results;
    }
    await this.untilCancelled(Promise.all(this.workers.map((w) => this.feed(w, tasks, finish))));
    return results;
  }

  /** `work`, or a ReviewCancelledError as soon as the signal aborts (the workers are terminated then). */
  private untilCancelled<T>(work: Promise<T>): Promise<T> {
    const signal = this.signal;
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.cancelled = true;
        void this.close();
        reject(new ReviewCancelledError(this.options.locale));
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  private next = 0;
  private queue: Task[] = [];

  private feed(worker: Worker, tasks: Task[], finish: (i: number, a: Analysis) => void): Promise<void> {
    if (this.queue !== tasks) {
      this.queue = tasks;
      this.next = 0;
    }
    return new Promise((resolve) => {
      const pending = new Set<number>();
      const send = () => {
        while (pending.size < IN_FLIGHT && this.next < tasks.length) {
          const id = this.next++;
          pending.add(id);
          worker.postMessage({ id, ...tasks[id] });
        }
        if (!pending.size) {
          cleanup();
          resolve();
        }
      };
      const onMessage = (m: { id: number; result?: Analysis; error?: string }) => {
        if (this.cancelled) return;
        pending.delete(m.id);
        finish(m.id, m.result ?? failed(tasks[m.id], new Error(m.error), this.options));
        send();
      };
      const onError = (e: Error) => {
        if (this.cancelled) return;
        // A crashed worker: its files are listed as internal errors; the others go on.
        for (const id of pending) finish(id, failed(tasks[id], e, this.options));
        pending.clear();
        cleanup();
        const replacement = this.spawn();
        this.workers[this.workers.indexOf(worker)] = replacement;
        this.feed(replacement, tasks, finish).then(resolve);
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      send();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function failed(task: Task, e: unknown, options: AnalyzeOptions): Analysis {
  const t = task.task as { index: number; shown?: string };
  const message = localize(
    { key: 'review.unreadable.internal', args: { detail: (e as Error)?.message ?? String(e) } },
    options.locale,
  );
  return {
    index: t.index,
    level: 0,
    government: false,
    namedPrevious: false,
    sections: [],
    unreadable: { file: t.shown ?? '', reason: 'internal', message },
  };
}
