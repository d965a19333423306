/**
 * The worker thread of a review (bundled as server/out/reviewWorker.js): analyses files and re-checks reports
 * against last year's, one message at a time, and posts plain data back (typed arrays transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { handleTask, transferables, type TaskMessage } from './tasks';
import type { AnalyzeOptions } from './analyze';

const options = (workerData as { options: AnalyzeOptions }).options;

parentPort!.on('message', (msg: TaskMessage) => {
  handleTask(msg, options).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }, transferables(result)),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: (e as Error)?.stack ?? String(e) }),
  );
});
