/** Timing helpers for the benchmark: warm-up, repeated batches, medians and percentiles. */

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(xs: number[]): number {
  return percentile([...xs].sort((a, b) => a - b), 50);
}

/**
 * CPU time of this process in ms (user + system). In-process compute is timed by CPU time, not wall time,
 * so other processes on a busy machine do not inflate the numbers (they still share caches).
 */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * CPU time of one call of `fn`, in ms (the fastest of several batches): warm up (JIT), then time batches until `minMs` has passed and
 * at least `minBatches` batches ran; each batch is sized to take about 40 ms so clock granularity is irrelevant.
 */
export function timeIt(fn: () => unknown, { minMs = 400, minBatches = 7 } = {}): number {
  const warmUntil = cpuNow() + Math.min(200, minMs / 2);
  let calls = 0;
  while (cpuNow() < warmUntil || calls < 3) { fn(); calls++; }
  const t0 = cpuNow();
  fn();
  const once = Math.max(cpuNow() - t0, 0.001);
  const perBatch = Math.max(1, Math.round(40 / once));
  const batches: number[] = [];
  const end = cpuNow() + minMs;
  while (cpuNow() < end || batches.length < minBatches) {
    const s = cpuNow();
    for (let i = 0; i < perBatch; i++) fn();
    batches.push((cpuNow() - s) / perBatch);
  }
  // The fastest batch: interference (other processes, GC of earlier work) only ever adds time.
  return Math.min(...batches);
}

/** Times several functions interleaved (a, b, a, b …), so a noisy neighbour affects all of them alike. */
export function timeInterleaved(fns: Record<string, () => unknown>, rounds = 5, opts = { minMs: 150, minBatches: 3 }): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(fns)) samples[k].push(timeIt(fn, opts));
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
}

/**
 * Times functions call by call in rotation (a, b, a, b …) on a machine that may be busy: each call's CPU time
 * is taken back to back with the others', so a noisy neighbour hits all of them alike. Returns the median
 * per-call time of each, and the median of the per-round ratios to the first (the floor).
 */
export function timePaired(fns: Record<string, () => unknown>, { minMs = 1500, minRounds = 30, warmMs = 300 } = {}): { ms: Record<string, number>; ratio: Record<string, number>; rounds: number } {
  const names = Object.keys(fns);
  const warmUntil = cpuNow() + warmMs;
  while (cpuNow() < warmUntil) for (const n of names) fns[n]();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const end = cpuNow() + minMs;
  let rounds = 0;
  while (cpuNow() < end || rounds < minRounds) {
    for (const n of names) {
      const s = cpuNow();
      fns[n]();
      samples[n].push(cpuNow() - s);
    }
    rounds++;
  }
  const first = samples[names[0]];
  return {
    ms: Object.fromEntries(names.map((n) => [n, median(samples[n])])),
    ratio: Object.fromEntries(names.map((n) => [n, median(samples[n].map((x, i) => x / Math.max(first[i], 1e-6)))])),
    rounds,
  };
}

/**
 * CPU time of one call of an async `fn`, in ms (the median of the calls after a warm-up). For work that is
 * CPU-bound behind a promise (the .docx is zipped synchronously), so CPU time is its whole cost.
 */
export async function timeItAsync(fn: () => Promise<unknown>, { minMs = 600, minCalls = 10, warmCalls = 3 } = {}): Promise<number> {
  for (let i = 0; i < warmCalls; i++) await fn();
  const times: number[] = [];
  const end = cpuNow() + minMs;
  while (cpuNow() < end || times.length < minCalls) {
    const s = cpuNow();
    await fn();
    times.push(cpuNow() - s);
  }
  return median(times);
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** A markdown table (what the README includes). */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
