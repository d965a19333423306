/**
 * `npm run bench -- --only review`: `xxgk review` (the real CLI, a new process each run) over 1,000 and 10,000
 * generated reports: all `.xxgk.yaml` (the target: ≥ 400 reports/s per core), and mixed forms as a disclosure
 * office receives them (web pages, copied text, Word, PDF). Each with --jobs 1 and --jobs 2: reports/s by the
 * clock and per CPU-second (the per-core rate, which a loaded machine inflates less), the share of the 雷同
 * stage, and peak RSS (the CLI's --stats line).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishedDocx, publishedHtml, publishedText } from '../test/helpers/published';
import { fmtBytes, table } from './measure';
import { corpusBodies, corpusReport, sharedParagraph } from './reviewCorpus';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const PDFS = ['county-2024.chromium.pdf', 'zhangying-2024.word.pdf', 'generated-7.landscape.pdf'];

export type Mix = 'yaml' | 'mixed';

/** Forms of the mixed folder, per 100 reports: what a county's office receives (mostly pages and Word files). */
const MIXED: [form: string, per100: number][] = [
  ['yaml', 60],
  ['html', 20],
  ['txt', 10],
  ['docx', 8],
  ['pdf', 2],
];

/** Writes `n` reports (one per body, one year; every 50th pair of towns shares a paragraph). */
export async function writeFolder(dir: string, n: number, mix: Mix): Promise<Record<string, number>> {
  const bodies = corpusBodies(n, 17);
  const forms: Record<string, number> = {};
  const shared = sharedParagraph(3);
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    const yaml = corpusReport({ body: b, year: 2024, seed: i, shared: i % 50 < 2 ? shared : undefined });
    const k = i % 100;
    let acc = 0;
    const form = mix === 'yaml' ? 'yaml' : MIXED.find(([, p]) => k < (acc += p))![0];
    forms[form] = (forms[form] ?? 0) + 1;
    const sub = join(dir, b.county);
    mkdirSync(sub, { recursive: true });
    const base = join(sub, `${b.issuer}2024年度报告`);
    if (form === 'yaml') writeFileSync(`${base}.xxgk.yaml`, yaml);
    else if (form === 'html') writeFileSync(`${base}.html`, publishedHtml(yaml, { totals: true, fees: true }));
    else if (form === 'txt') writeFileSync(`${base}.txt`, publishedText(yaml, { totals: true, fees: true }, 'clean'));
    else if (form === 'docx') writeFileSync(`${base}.docx`, await publishedDocx(yaml, { fees: true }));
    else copyFileSync(join(ROOT, 'test', 'fixtures', 'pdf', PDFS[i % PDFS.length]), `${base}.pdf`);
  }
  return forms;
}

interface Stats {
  jobs: number;
  stages: Record<string, number>;
  cpuMs: number;
  maxRssBytes: number;
}

function run(dir: string, jobs: number): { wall: number; stats: Stats } {
  const out = join(dir, '..', `review-${jobs}.json`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [CLI, 'review', dir, '-o', out, '--force', '--quiet', '--stats', '--jobs', String(jobs)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`xxgk review failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { wall, stats: JSON.parse(r.stderr.trim().split('\n').at(-1)!) };
}

export async function reviewBench(sizes: number[], mixes: Mix[] = ['yaml', 'mixed']): Promise<string[][]> {
  const rows: string[][] = [];
  for (const mix of mixes) {
    for (const n of sizes) {
      const root = mkdtempSync(join(tmpdir(), 'xxgk-bench-review-'));
      const dir = join(root, 'reports');
      const forms = await writeFolder(dir, n, mix);
      for (const jobs of [1, 2]) {
        const load = loadavg()[0];
        const { wall, stats } = run(dir, jobs);
        const total = Object.values(stats.stages).reduce((a, b) => a + b, 0);
        rows.push([
          `${n.toLocaleString('en')} ${
            mix === 'yaml'
              ? '.xxgk.yaml'
              : `mixed (${Object.entries(forms)
                  .map(([f, c]) => `${f} ${c}`)
                  .join(', ')})`
          }`,
          String(jobs),
          `${(wall / 1000).toFixed(1)} s`,
          String(Math.round(n / (wall / 1000))),
          String(Math.round(n / (stats.cpuMs / 1000))),
          `${((100 * stats.stages.similar) / total).toFixed(1)} % (${stats.stages.similar} ms)`,
          fmtBytes(stats.maxRssBytes),
          load.toFixed(1),
        ]);
        console.error(`  review ${n} ${mix} --jobs ${jobs}: ${rows.at(-1)!.join(' | ')}`);
      }
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}

export const REVIEW_HEAD = [
  'reports',
  '--jobs',
  'wall clock (process start included)',
  'reports/s',
  'reports per CPU-second (per core)',
  '雷同 stage (share of the stages)',
  'peak RSS',
  'load average (1 min) at start',
];
export { table };
