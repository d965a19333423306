/**
 * Mocha reporter for the API suite: every event appended to the results file (see results.ts) synchronously, so
 * nothing is lost when the extension host exits right after the run; test/vscode/run.ts prints them. Without a
 * results file (the suite started by some other runner) it prints mocha's usual spec output instead.
 */
import { appendFileSync } from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { RESULTS_ENV, type ResultEvent } from './results';

const {
  EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_BEGIN, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING,
} = Mocha.Runner.constants;

export function writeResult(event: ResultEvent): void {
  const file = process.env[RESULTS_ENV];
  if (file) appendFileSync(file, `${JSON.stringify(event)}\n`);
}

export function reporterFor(files: string[]): typeof Mocha.reporters.Base {
  const Console = process.env[RESULTS_ENV] ? Mocha.reporters.Base : Mocha.reporters.Spec;
  return class ResultsReporter extends Console {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      runner.once(EVENT_RUN_BEGIN, () => writeResult({ event: 'start', total: runner.total, vscode: vscode.version, files }));
      runner.on(EVENT_TEST_BEGIN, (test) => writeResult({ event: 'test', fullTitle: test.fullTitle() }));
      runner.on(EVENT_TEST_PASS, (test) => writeResult({
        event: 'pass', titlePath: test.titlePath(), duration: test.duration ?? 0,
      }));
      runner.on(EVENT_TEST_FAIL, (test, err: Error) => writeResult({
        event: 'fail', titlePath: test.titlePath(), hook: (test as { type?: string }).type === 'hook',
        duration: test.duration, message: err.message, stack: err.stack,
      }));
      runner.on(EVENT_TEST_PENDING, (test) => writeResult({ event: 'pending', titlePath: test.titlePath() }));
      runner.once(EVENT_RUN_END, () => {
        const s = runner.stats;
        writeResult({
          event: 'end', passes: s?.passes ?? 0, failures: s?.failures ?? 0, pending: s?.pending ?? 0, duration: s?.duration ?? 0,
        });
      });
    }
  };
}
