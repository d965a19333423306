/**
 * `npm run fuzz`: the property tests of test/fuzz.test.ts with a large count (≥ 100,000 inputs by default).
 *
 *   npm run fuzz                          every property, default counts, 2 workers
 *   npm run fuzz -- --scale 0.1           a tenth of the counts (every 10th prefix, 1 MB files)
 *   npm run fuzz -- --only edited --seed 42 --path 1234    replay one input (the path a failure printed)
 *   npm run fuzz -- --budget 90           a fresh seed for about 90 s in all (.ci/run): each property stops
 *                                         when its share of the time is up
 *
 * Each property runs in its own child process: a crash (out of memory, stack) or a hang is reported with
 * the seed and the input's index instead of taking the run down, and two properties run at a time.
 * Failing inputs are written to .cache/fuzz-failures/<property>-<seed>.txt, and beside each the invariant's
 * message, the seed and the replay command (<property>-<seed>.message.txt), so they can be replayed and
 * turned into tests after the terminal has scrolled.
 */
import fc from 'fast-check';
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import {
  aliasBombs, deepNesting, editedSample, editSequences, exercise, exerciseIncremental, exerciseService, hugeReport, longStrings, manyKeys, randomBytes, randomUnicode,
  reportGrammar, samplePrefixes,
} from '../test/helpers/fuzz';
import { damagedFiles, exerciseDamaged } from '../test/helpers/damagedFiles';

interface Property {
  name: string;
  what: string;
  runs: number;
  /** A random property … */
  arb?: fc.Arbitrary<unknown>;
  check?: (input: never) => void;
  /** … or one whose check is asynchronous (the importer) … */
  asyncCheck?: (input: never) => Promise<void>;
  /** … or a fixed list of inputs (`scale` below 1 thins it out or shrinks it). */
  inputs?: (scale: number) => Iterable<string>;
}

const core = (maxFixes: number) => (text: string) => { exercise(text, { maxFixes }); };

const PROPERTIES: Property[] = [
  { name: 'edited', what: 'random edits of the samples', runs: 25_000, arb: editedSample(), check: core(2) },
  { name: 'grammar', what: 'reports from the template with random values and typos', runs: 20_000, arb: reportGrammar, check: core(2) },
  {
    name: 'prefixes', what: 'every prefix of every sample (typing from the top)', runs: 0, check: core(1),
    inputs: (scale) => [...samplePrefixes(Math.max(1, Math.round(1 / scale)))].map((p) => p.text),
  },
  { name: 'bytes', what: 'random bytes, UTF-8 or Latin-1', runs: 20_000, arb: randomBytes, check: core(1) },
  { name: 'unicode', what: 'random Unicode, lone surrogates, YAML fragments', runs: 20_000, arb: randomUnicode, check: core(1) },
  { name: 'deep', what: 'deep nesting (up to 20,000 levels)', runs: 1_500, arb: deepNesting(), check: core(1) },
  { name: 'long', what: 'very long strings and lines (up to 1 M chars)', runs: 300, arb: longStrings(1_000_000), check: core(1) },
  { name: 'bombs', what: 'YAML alias bombs', runs: 3_000, arb: aliasBombs, check: core(1) },
  {
    name: 'huge', what: '10 MB files: a prose report, a file of keys', runs: 0, check: core(1),
    inputs: (scale) => {
      const size = Math.round(10 * 1024 * 1024 * Math.min(1, scale));
      return [hugeReport(size), manyKeys(size)];
    },
  },
  { name: 'incremental', what: 'incremental parsing = full parse, edit after edit', runs: 3_000, arb: editSequences, check: exerciseIncremental },
  {
    name: 'service', what: 'language service: every feature, fix all', runs: 5_000, check: (text: string) => exerciseService(text),
    arb: fc.oneof(editedSample(), reportGrammar, randomUnicode, deepNesting(3_000), aliasBombs),
  },
  {
    name: 'damaged', what: 'damaged Word, web page and text reports: imported or refused', runs: 1_500,
    arb: damagedFiles, asyncCheck: exerciseDamaged,
  },
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// ------------------------------------------------------------------------------------------ child

interface Report { name: string; runs: number; failed: boolean; ms: number; slowest: number; message?: string; replay?: string; file?: string }

const FAILURES = join(__dirname, '..', '.cache', 'fuzz-failures');

/** The invariant's message (and how to replay it) beside the saved input, or alone when no input was saved. */
function saveMessage(name: string, seed: number, r: Pick<Report, 'message' | 'replay' | 'runs' | 'file'>): string {
  mkdirSync(FAILURES, { recursive: true });
  const file = join(FAILURES, `${name}-${seed}.message.txt`);
  writeFileSync(file, [
    `property: ${name}`, `seed: ${seed}`, `inputs before the failure: ${r.runs}`,
    `input: ${r.file ?? '(not saved: the worker died or hung)'}`, `replay: ${r.replay ?? '(none)'}`, `node: ${process.version}`,
    '', r.message ?? '', '',
  ].join('\n'));
  return file;
}

async function runChild(p: Property, seed: number, scale: number, path: string | undefined, budgetMs: number): Promise<Report> {
  const started = performance.now();
  let slowest = 0;
  let n = 0;
  let reported = performance.now();
  const tick = () => {
    const t0 = performance.now();
    // Progress every 500 inputs, or every 5 s when inputs are slow (the parent takes silence for a hang).
    if (++n % 500 === 0 || t0 - reported > 5_000) { process.send?.({ progress: n }); reported = t0; }
    return t0;
  };
  const timed = (input: unknown) => {
    const t0 = tick();
    (p.check as (x: unknown) => void)(input);
    slowest = Math.max(slowest, performance.now() - t0);
  };
  const timedAsync = async (input: unknown) => {
    const t0 = tick();
    await (p.asyncCheck as (x: unknown) => Promise<void>)(input);
    slowest = Math.max(slowest, performance.now() - t0);
  };
  const failure = (message: string, input: unknown, replay?: string): Report => {
    mkdirSync(FAILURES, { recursive: true });
    const file = join(FAILURES, `${p.name}-${seed}.txt`);
    writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input, null, 1));
    const r: Report = { name: p.name, runs: n, failed: true, ms: performance.now() - started, slowest, message, replay, file };
    saveMessage(p.name, seed, r);
    return r;
  };
  if (p.inputs) {
    for (const text of p.inputs(scale)) {
      if (performance.now() - started > budgetMs) break; // its share of the time is up (--budget)
      try { timed(text); } catch (e) { return failure(String((e as Error).message ?? e), text); }
    }
    return { name: p.name, runs: n, failed: false, ms: performance.now() - started, slowest };
  }
  const runs = Math.max(1, Math.round(p.runs * scale));
  // No shrinking while searching (inputs can be megabytes); a failure is then shrunk for up to a minute.
  const limit = Number.isFinite(budgetMs) ? { interruptAfterTimeLimit: budgetMs, markInterruptAsFailure: false } : {};
  const property = () => (p.asyncCheck ? fc.asyncProperty(p.arb!, timedAsync) : fc.property(p.arb!, timed));
  const result = await fc.check(property(), { seed, numRuns: path ? 1 : runs, path, endOnFailure: true, ...limit });
  if (!result.failed) return { name: p.name, runs: n, failed: false, ms: performance.now() - started, slowest };
  const searched = n;
  const shrunk = await fc.check(property(), { seed, path: result.counterexamplePath ?? undefined, interruptAfterTimeLimit: 60_000 });
  const input = (shrunk.counterexample ?? result.counterexample)![0];
  const message = String((shrunk.errorInstance as Error)?.message ?? (result.errorInstance as Error)?.message ?? result.errorInstance);
  const r = failure(message, input, `npm run fuzz -- --only ${p.name} --seed ${seed} --path ${result.counterexamplePath}`);
  r.runs = searched;
  return r;
}

// ------------------------------------------------------------------------------------------ parent

async function main(): Promise<void> {
  const only = option('only');
  const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
  const scale = Number(option('scale') ?? 1);
  const path = option('path');
  /** --budget: seconds for the whole run; in a child, the milliseconds of its own share. */
  const budget = Number(option('budget') ?? Infinity);
  if (process.argv.includes('--child')) {
    const p = PROPERTIES.find((x) => x.name === only)!;
    process.send!({ done: await runChild(p, seed, scale, path, budget) }, () => process.disconnect());
    return;
  }
  const selected = PROPERTIES.filter((p) => !only || only.split(',').includes(p.name));
  if (!selected.length) throw new Error(`no property named ${only}; choose from ${PROPERTIES.map((p) => p.name).join(', ')}`);
  const workers = Math.max(1, Math.min(Number(option('workers') ?? cpus().length), 4));
  // Properties run `workers` at a time: each gets an equal share of the wall time (a slow single input may overrun it).
  const shareMs = (budget * 1000 * workers) / selected.length;
  const budgeted = Number.isFinite(budget) ? `, budget ${budget} s (${(shareMs / 1000).toFixed(0)} s per property)` : '';
  console.log(`fuzz: ${selected.length} properties, seed ${seed}, scale ${scale}, ${workers} workers${budgeted}`);
  const started = performance.now();
  const reports: Report[] = [];
  const queue = [...selected];
  // A property that reports no progress for this long is hung (the slowest single inputs take ~30 s).
  const HANG_MS = 180_000;
  const runOne = (p: Property) => new Promise<Report>((resolve) => {
    const args = ['--child', '--only', p.name, '--seed', String(seed), '--scale', String(scale), ...(path ? ['--path', path] : [])];
    if (Number.isFinite(shareMs)) args.push('--budget', String(shareMs));
    const child = fork(__filename, args, { execArgv: ['--import', 'tsx', '--max-old-space-size=4096'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let progress = 0;
    let timer = setTimeout(hang, HANG_MS);
    function hang() {
      child.kill('SIGKILL');
      resolve({ name: p.name, runs: progress, failed: true, ms: NaN, slowest: NaN, message: `no progress for ${HANG_MS / 1000} s after about ${progress} inputs (hang)`, replay: `npm run fuzz -- --only ${p.name} --seed ${seed}` });
    }
    child.on('message', (m: { progress?: number; done?: Report }) => {
      clearTimeout(timer);
      timer = setTimeout(hang, HANG_MS);
      if (m.progress) progress = m.progress;
      if (m.done) { clearTimeout(timer); resolve(m.done); }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ name: p.name, runs: progress, failed: true, ms: NaN, slowest: NaN, message: `worker died (exit ${code}, ${signal ?? 'no signal'}): a crash such as running out of memory`, replay: `npm run fuzz -- --only ${p.name} --seed ${seed}` });
    });
  });
  await Promise.all(Array.from({ length: workers }, async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const r = await runOne(p);
      reports.push(r);
      console.log(`  ${r.failed ? 'FAIL' : 'ok  '} ${p.name.padEnd(9)} ${String(r.runs).padStart(7)} inputs  ${(r.ms / 1000).toFixed(1)} s`);
    }
  }));
  const total = reports.reduce((s, r) => s + r.runs, 0);
  const wall = (performance.now() - started) / 1000;
  reports.sort((a, b) => selected.findIndex((p) => p.name === a.name) - selected.findIndex((p) => p.name === b.name));
  console.log('\n| property | inputs | result | CPU time | slowest input |\n|---|---:|---|---:|---:|');
  for (const r of reports) {
    const p = selected.find((x) => x.name === r.name)!;
    console.log(`| ${p.what} | ${r.runs.toLocaleString('en')} | ${r.failed ? '**FAILED**' : 'ok'} | ${Number.isFinite(r.ms) ? `${(r.ms / 1000).toFixed(1)} s` : '—'} | ${Number.isFinite(r.slowest) ? `${r.slowest.toFixed(0)} ms` : '—'} |`);
  }
  console.log(`| **total** | **${total.toLocaleString('en')}** | ${reports.some((r) => r.failed) ? '**FAILED**' : 'ok'} | ${wall.toFixed(0)} s wall, ${workers} workers | |`);
  console.log(`\nseed ${seed}, node ${process.version}`);
  for (const r of reports.filter((x) => x.failed)) {
    const message = r.file ? join(FAILURES, `${r.name}-${seed}.message.txt`) : saveMessage(r.name, seed, r);
    console.log(`\nFAILED ${r.name}: ${r.message}\n  input saved to ${r.file ?? '(not saved)'}`);
    console.log(`  message saved to ${message}\n  replay: ${r.replay}`);
  }
  process.exitCode = reports.some((r) => r.failed) ? 1 : 0;
}

void main();
