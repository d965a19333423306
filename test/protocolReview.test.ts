/**
 * `xxgk/review` over the wire: the real bundled server (server/out/server.js, its worker bundle beside it) reviews
 * a folder as `xxgk review` does, reports work-done progress ($/progress: count and current file) for the token the
 * client gave, and stops when the client cancels the request (RequestCancelled), then goes on answering.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource, LogMessageNotification, LSPErrorCodes, ResponseError, WorkDoneProgress, type WorkDoneProgressBegin,
  type WorkDoneProgressEnd, type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusBodies, corpusReport } from '../bench/reviewCorpus';
import { ReviewFolderRequest, type ReviewFolderResult } from '../server/src/protocol';
import { runReview } from '../server/src/review/review';
import { startServer, type TestServer } from './helpers/lspClient';
import { CLEAN, MISTAKES, ROOT, SEED } from './helpers/samples';
import { tempDir } from './helpers/tmp';

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

let server: TestServer;
const logged: string[] = [];
let small: string;
let large: string;
const LARGE = 600;

beforeAll(async () => {
  small = tempDir('xxgk-review-lsp-');
  mkdirSync(join(small, '部门'));
  copyFileSync(join(ROOT, 'samples', SEED), join(small, SEED));
  copyFileSync(join(ROOT, 'samples', CLEAN), join(small, CLEAN));
  copyFileSync(join(ROOT, 'samples', MISTAKES), join(small, '部门', MISTAKES));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'seed-zhangying-2023.txt'), join(small, '部门', '已发布.txt'));
  large = tempDir('xxgk-review-lsp-large-');
  corpusBodies(LARGE, 7).forEach((body, i) => {
    writeFileSync(join(large, `${String(i).padStart(4, '0')}.xxgk.yaml`), corpusReport({ body, year: 2024, seed: i }));
  });
  server = await startServer();
  server.connection.onNotification(LogMessageNotification.type, (p) => { logged.push(p.message); });
}, 120_000);
afterAll(async () => { await server?.stop(); });

/** Sends xxgk/review with a work-done token and collects the progress the server reports for it. */
function review(uri: string, token: string, onProgress?: (p: Progress) => void, cancel?: CancellationTokenSource) {
  const progress: Progress[] = [];
  const listening = server.connection.onProgress(WorkDoneProgress.type, token, (p) => {
    progress.push(p);
    onProgress?.(p);
  });
  const answer = server.connection.sendRequest(ReviewFolderRequest, { uri, workDoneToken: token }, cancel?.token);
  const settled = answer.finally(() => listening.dispose());
  return { answer: settled as Promise<ReviewFolderResult>, progress };
}

describe('xxgk/review', () => {
  it('reviews a folder: the dashboard, the result (as xxgk review has it) and each report’s URI, with progress', async () => {
    const { answer, progress } = review(pathToFileURL(small).href, 'review-small');
    const { html, result, uris, error } = await answer;
    expect(error).toBeUndefined();
    const files = [CLEAN, SEED, `部门/${MISTAKES}`, '部门/已发布.txt'].sort();
    expect(result!.reports.map((r) => r.file)).toEqual(files);
    expect(uris!.map((u) => fileURLToPath(u))).toEqual(files.map((f) => join(small, f)));
    // The same findings as the review in process (the CLI's core), and no renderings in the result.
    const local = (await runReview({ inputs: [small], cwd: small, jobs: 1 })).result;
    const findings = (r: typeof local) => r.reports.map((x) => [x.file, x.findings.map((f) => `${f.rule}@${f.line}`)]);
    expect(findings(result!)).toEqual(findings(local));
    expect(result!.reports.some((r) => 'rendered' in r)).toBe(false);
    // The dashboard: one body row per counted report in the default view, a section per body, no script.
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/i);
    const counted = result!.reports.filter((r) => !r.duplicateOf).length;
    const view = html!.slice(html!.indexOf('id="by-severity"'));
    expect(view.slice(0, view.indexOf('</table>')).match(/<tr data-body=/g)).toHaveLength(counted);
    expect(html!.match(/<section class="body" [^>]*data-report="\d+" data-source="\w+">/g)).toHaveLength(counted);
    // Progress: begin (cancellable), the count and the file, 100 % at the end of the reading, end.
    expect(progress[0]).toMatchObject({ kind: 'begin', cancellable: true });
    expect(progress.at(-1)).toEqual({ kind: 'end' });
    const reports = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report');
    expect(reports[0]).toMatchObject({ message: '审核 0/4', percentage: 0 });
    expect(reports.map((p) => p.message)).toContainEqual(expect.stringMatching(/^审核 4\/4 · .+\.(xxgk\.yaml|txt)$/));
    expect(reports.find((p) => p.message!.startsWith('审核 4/4'))!.percentage).toBe(100);
    // Read in worker threads: the server bundle found server/out/reviewWorker.js beside itself.
    expect(logged.join('\n')).toMatch(new RegExp(`review of ${small.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: 4 files in \\d+ ms, [2-9]\\d* worker threads`));
  }, 60_000);

  it('says why when the folder is not on this computer or does not exist', async () => {
    const remote = await server.connection.sendRequest(ReviewFolderRequest, { uri: 'vscode-vfs://github/x/y' });
    expect(remote).toEqual({ error: '只能审核本机上的文件夹（vscode-vfs://github/x/y）。' });
    const gone = join(small, '没有这个文件夹');
    const missing = await server.connection.sendRequest(ReviewFolderRequest, { uri: pathToFileURL(gone).href });
    expect(missing).toEqual({ error: `找不到“${gone}”。` });
  });

  it('stops when the client cancels, answers RequestCancelled, and goes on answering', async () => {
    const cancel = new CancellationTokenSource();
    const { answer, progress } = review(pathToFileURL(large).href, 'review-large', (p) => {
      // Cancelled as soon as the first file is done: the review would take seconds more.
      if (p.kind === 'report' && p.message?.includes(' · ')) cancel.cancel();
    }, cancel);
    const error = await answer.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestCancelled);
    expect((error as ResponseError<unknown>).message).toBe('审核已取消。');
    const counts = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report')
      .map((p) => Number(/ (\d+)\//.exec(p.message ?? '')?.[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(LARGE);
    // The server is still there, and reviews again.
    const again = await review(pathToFileURL(small).href, 'review-again').answer;
    expect(again.result!.reports).toHaveLength(4);
  }, 60_000);
});
