/**
 * Follows the API suite's results file (results.ts) while VS Code runs it: prints each test as it finishes, and
 * ends with the mocha counts, or with the reason there are none (the watchdog says why the run cannot finish).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import type { ResultEvent } from './results';

export interface Outcome {
  ok: boolean;
  passes: number;
  failures: number;
  /** Skipped (pending) tests and those a failed hook kept from running. */
  notRun: number;
  /** Why the run produced no complete result (set when the suite never finished). */
  reason?: string;
}

export interface Watchdog {
  /** A reason to stop waiting (the extension host never started, exited, …), given whether the suite has started. */
  check(started: boolean, currentTest: string | undefined): string | undefined;
}

const POLL_MS = 200; // how often the file is read; a polling rate, not a wait standing in for a condition

export async function followResults(file: string, watchdog: Watchdog): Promise<Outcome> {
  const printer = new Printer();
  let consumed = 0;
  let current: string | undefined;
  let started = false;
  for (;;) {
    // Asked before reading: whatever the suite wrote before, say, its host exited is still read below.
    const reason = watchdog.check(started, current);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    // The last element is an unfinished (or empty) line: leave it for the next read.
    for (const line of lines.slice(consumed, Math.max(lines.length - 1, consumed))) {
      consumed++;
      const e = JSON.parse(line) as ResultEvent;
      if (e.event === 'start') started = true;
      if (e.event === 'test') current = e.fullTitle;
      printer.print(e);
      if (e.event === 'end') return printer.finish(e);
      if (e.event === 'error') return printer.finishWithout(e.message);
    }
    if (reason) return printer.finishWithout(reason);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

class Printer {
  private suitePath: string[] = [];
  private readonly failed: Extract<ResultEvent, { event: 'fail' }>[] = [];
  private readonly pendingTitles: string[] = [];
  private passes = 0;
  private total = 0;

  print(e: ResultEvent): void {
    switch (e.event) {
      case 'start':
        this.total = e.total;
        console.log(`VS Code ${e.vscode}: running ${e.total} tests from ${e.files.join(', ')}`);
        break;
      case 'pass':
        this.passes++;
        this.suite(e.titlePath);
        console.log(`${this.indent()}✓ ${e.titlePath.at(-1)} (${e.duration}ms)`);
        break;
      case 'fail':
        this.suite(e.titlePath);
        this.failed.push(e);
        console.log(`${this.indent()}✗ ${this.failed.length}) ${e.titlePath.at(-1)}`);
        break;
      case 'pending':
        this.suite(e.titlePath);
        this.pendingTitles.push(e.titlePath.join(' › '));
        console.log(`${this.indent()}- ${e.titlePath.at(-1)} (pending)`);
        break;
      default:
        break;
    }
  }

  /** Prints the enclosing describe() titles when they change, as mocha's spec reporter does. */
  private suite(titlePath: string[]): void {
    const path = titlePath.slice(0, -1);
    path.forEach((title, i) => {
      if (this.suitePath[i] !== title) console.log(`${'  '.repeat(i + 1)}${title}`);
    });
    this.suitePath = path;
  }

  private indent(): string {
    return '  '.repeat(this.suitePath.length + 1);
  }

  private listFailures(): void {
    this.failed.forEach((f, i) => {
      console.log(`\n  ${i + 1}) ${f.titlePath.join(' › ')}\n     ${f.message.split('\n').join('\n     ')}`);
      const frames = (f.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 4).map(toSource);
      if (frames.length) console.log(frames.map((l) => `     ${l.trim()}`).join('\n'));
    });
  }

  finish(end: Extract<ResultEvent, { event: 'end' }>): Outcome {
    this.listFailures();
    const failedTests = this.failed.filter((f) => !f.hook).length;
    const notRun = this.total - end.passes - failedTests - end.pending;
    console.log(`\n  ${end.passes} passing (${(end.duration / 1000).toFixed(1)}s)`);
    if (end.failures) console.log(`  ${end.failures} failing`);
    if (end.pending) console.log(`  ${end.pending} pending (skipped tests count as not run): ${this.pendingTitles.join('; ')}`);
    if (notRun > 0) console.log(`  ${notRun} not run (a hook failed)`);
    const ok = end.failures === 0 && end.pending === 0 && notRun === 0 && end.passes > 0;
    return { ok, passes: end.passes, failures: end.failures, notRun: end.pending + Math.max(notRun, 0) };
  }

  finishWithout(reason: string): Outcome {
    this.listFailures();
    const failures = this.failed.length;
    console.log(`\n  NO RESULT: the suite did not finish (${this.passes} passed, ${failures} failed before it stopped)\n  ${reason}`);
    return { ok: false, passes: this.passes, failures, notRun: Math.max(this.total - this.passes - failures, 0), reason };
  }
}

const maps = new Map<string, SourceMap | undefined>();

/**
 * A stack frame in a bundled suite file, pointed back at its TypeScript source through the bundle's inline source
 * map. (VS Code's extension host formats stack traces itself, so Node's own source-map support does not apply.)
 */
function toSource(frame: string): string {
  return frame.replace(/([^\s()]+\.js):(\d+):(\d+)/, (whole, file: string, line: string, column: string) => {
    const path = resolve(file); // VS Code prints the suite's files relative to the checkout (the cwd here)
    if (!maps.has(path)) maps.set(path, readInlineMap(path));
    const entry = maps.get(path)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return whole;
    const source = resolve(dirname(path), entry.originalSource.replace(/^file:\/\//, ''));
    return `${relative(process.cwd(), source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function readInlineMap(file: string): SourceMap | undefined {
  if (!existsSync(file)) return undefined;
  const m = /\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(readFileSync(file, 'utf8'));
  return m ? new SourceMap(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'))) : undefined;
}
