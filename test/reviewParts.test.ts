/**
 * The stages of `xxgk review` one by one: discovery (links, loops, lock files), the 雷同 measure against
 * TXT-DUPLICATE's, the 雷同 index's thresholds and limits, last year's report among the inputs, the progress bar.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusBodies, corpusReport, corpusTable3, sharedParagraph } from '../bench/reviewCorpus';
import { parseReport } from '../server/src/model/model';
import { similarity } from '../server/src/model/similarity';
import { analyzeModel, type AnalyzeOptions } from '../server/src/review/analyze';
import { previousAmong } from '../server/src/review/crossYear';
import { discoverReports, MissingInputError } from '../server/src/review/discover';
import { progressBar, shorten } from '../server/src/review/progress';
import { runReview } from '../server/src/review/review';
import { findSimilar, MAX_NAMED, type SimilarInput } from '../server/src/review/similar';
import { MAX_EXACT, sketchJaccard, sketchOf } from '../server/src/review/sketch';
import { SAMPLES } from './helpers/fuzz';
import { ROOT, TODAY } from './helpers/samples';
import { tempDir } from './helpers/tmp';

const OPTIONS: AnalyzeOptions = { locale: 'zh-cn', today: TODAY, render: false };

describe('discovery', () => {
  it('finds report files in a stable order, follows links once, survives loops and links to nowhere', () => {
    const dir = tempDir('xxgk-discover-');
    mkdirSync(join(dir, 'b/子目录'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    for (const f of [
      'b/子目录/z.docx',
      'b/a.xxgk.yaml',
      'a.HTML',
      'b/notes.md',
      '.hidden/x.txt',
      'b/~$a.docx',
      'c.pdf',
      'old.doc',
    ])
      writeFileSync(join(dir, f), 'x');
    symlinkSync('..', join(dir, 'b', 'up'));
    symlinkSync(join(dir, 'b'), join(dir, 'zlink'));
    symlinkSync('missing.txt', join(dir, 'gone.txt'));
    symlinkSync('c.pdf', join(dir, 'same.pdf'));
    const d = discoverReports(['.'], { cwd: dir, exclude: [join(dir, 'c.pdf')] });
    expect(d.files.map((f) => f.shown)).toEqual(['a.HTML', 'b/a.xxgk.yaml', 'b/子目录/z.docx', 'old.doc']);
    expect(d.problems).toEqual([
      { shown: 'gone.txt', reason: 'broken-link', message: { key: 'file.brokenLink', args: { detail: 'ENOENT' } } },
    ]);
    expect(d.skipped.map((s) => [s.shown, s.message.key])).toEqual([
      ['b/up', 'file.skipped.seenFolder'],
      ['b/~$a.docx', 'file.skipped.lockFile'],
      ['zlink', 'file.skipped.seenFolder'],
    ]);
    expect(() => discoverReports(['nope'], { cwd: dir })).toThrow(MissingInputError);
    // A file named on the command line is taken whatever its name; named twice, once.
    expect(discoverReports(['b/notes.md', 'b/notes.md'], { cwd: dir }).files.map((f) => f.shown)).toEqual([
      'b/notes.md',
    ]);
  });
});

describe('the 雷同 measure', () => {
  const prose = SAMPLES.flatMap((s) => parseReport(s.text).prose.map((p) => p.text)).filter((t) => t.length > 40);

  it('is TXT-DUPLICATE’s Jaccard index of 4-grams, exactly, for sections of ordinary length', () => {
    expect(prose.length).toBeGreaterThan(20);
    for (let i = 0; i + 1 < prose.length; i++) {
      expect(sketchJaccard(sketchOf(prose[i]), sketchOf(prose[i + 1]))).toBeCloseTo(
        similarity(prose[i], prose[i + 1]),
        12,
      );
    }
    const edited = prose[3].replace(/。/g, '，并').slice(0, -10);
    expect(sketchJaccard(sketchOf(prose[3]), sketchOf(edited))).toBeCloseTo(similarity(prose[3], edited), 12);
  });

  it('estimates it closely from a consistent sample for very long sections', () => {
    const long = Array.from({ length: 60 }, (_, i) =>
      corpusReport({ body: corpusBodies(60)[i], year: 2024, seed: i }),
    ).join('');
    const other =
      long.slice(0, Math.floor(long.length * 0.7)) +
      corpusReport({ body: corpusBodies(3)[2], year: 2023, seed: 9 }).repeat(3);
    const a = sketchOf(long),
      b = sketchOf(other);
    expect(a.level).toBeGreaterThan(0);
    expect(a.hashes.length).toBeLessThanOrEqual(MAX_EXACT);
    expect(sketchJaccard(a, b)).toBeCloseTo(similarity(long, other), 1);
  });
});

function inputsOf(texts: string[]): SimilarInput[] {
  return texts.map((text, index) => {
    const analysis = analyzeModel(
      { index, path: `${index}.xxgk.yaml`, shown: `${index}.xxgk.yaml` },
      parseReport(text),
      'yaml',
      OPTIONS,
    );
    return { analysis, review: analysis.review!, body: analysis.body! };
  });
}

describe('雷同 across bodies', () => {
  const bodies = corpusBodies(40, 3);
  const report = (i: number, extra: Partial<Parameters<typeof corpusReport>[0]> = {}) =>
    corpusReport({ body: bodies[i], year: 2024, seed: i, ...extra });

  it('flags a section copied into another body’s report, not one below the threshold, not the same body’s', () => {
    const shared = sharedParagraph(1);
    const barely = `${shared}${sharedParagraph(2)}`; // the copy is half of this section: Jaccard about one half
    const inputs = inputsOf([
      report(13, { shared }),
      report(14, { shared: barely }),
      report(15, { shared: `${shared}${sharedParagraph(3)}${sharedParagraph(4)}` }),
    ]);
    findSimilar(2024, inputs, 'zh-cn');
    const flagged = inputs.map((x) =>
      x.review.findings.filter((f) => f.rule === 'TXT-DUPLICATE-OTHER').map((f) => f.other!.issuer),
    );
    expect(similarity(shared, barely)).toBeGreaterThanOrEqual(0.5);
    expect(similarity(shared, `${shared}${sharedParagraph(3)}${sharedParagraph(4)}`)).toBeLessThan(0.5);
    expect(flagged).toEqual([[bodies[14].issuer], [bodies[13].issuer], []]);
    const same = inputsOf([report(13, { shared }), report(13, { shared })]);
    findSimilar(2024, same, 'zh-cn');
    expect(same.flatMap((x) => x.review.findings.filter((f) => f.rule === 'TXT-DUPLICATE-OTHER'))).toEqual([]);
  });

  it('names at most a few others when a paragraph was copied by many bodies, and counts the rest', () => {
    const shared = sharedParagraph(7);
    const inputs = inputsOf(bodies.slice(0, 30).map((_, i) => report(i, { shared })));
    const pairs = findSimilar(2024, inputs, 'zh-cn');
    for (const x of inputs) {
      const f = x.review.findings.filter((y) => y.rule === 'TXT-DUPLICATE-OTHER');
      expect(f).toHaveLength(MAX_NAMED);
      expect(f.at(-1)!.message).toContain(`另有 ${29 - MAX_NAMED} 个机关`);
    }
    expect(pairs.length).toBeLessThan(30 * MAX_NAMED);
  });

  it('flags identical tables 三 that are not trivially small', () => {
    const t3 = corpusTable3(5);
    const tiny = new Map([...t3].map(([k, v]) => [k, v.map(() => 0)]));
    tiny.set('t3.r1', [1, 0, 0, 0, 0, 0]);
    tiny.set('t3.r3.1', [1, 0, 0, 0, 0, 0]);
    tiny.set('t3.r3.7', [1, 0, 0, 0, 0, 0]);
    const inputs = inputsOf([
      report(1, { table3: t3 }),
      report(2, { table3: new Map(t3) }),
      report(3, { table3: tiny }),
      report(4, { table3: new Map(tiny) }),
    ]);
    findSimilar(2024, inputs, 'zh-cn');
    expect(inputs.map((x) => x.review.findings.filter((f) => f.rule === 'T3-DUPLICATE-OTHER').length)).toEqual([
      1, 1, 0, 0,
    ]);
  });
});

describe('last year’s report among the inputs', () => {
  it('is the same body (full or short name) one year before', () => {
    expect(
      previousAmong([
        { year: 2024, issuer: '张营乡人民政府' },
        { year: 2023, issuer: '张营乡' },
        { year: 2022, issuer: '张营乡人民政府' },
        { year: 2024, issuer: '李庄乡人民政府' },
        { year: 2023 },
      ]),
    ).toEqual([1, 2, -1, -1, -1]);
  });
});

describe('the progress bar', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return {
      written,
      s: {
        isTTY,
        columns: 100,
        write: (x: string) => {
          written.push(x);
          return true;
        },
        cursorTo() {
          return true;
        },
        clearLine() {
          return true;
        },
        moveCursor() {
          return true;
        },
        on() {
          return this;
        },
        removeListener() {
          return this;
        },
      } as unknown as NodeJS.WriteStream,
    };
  };

  it('draws count and file on a terminal, and nothing when not a terminal or when quiet', () => {
    for (const [tty, enabled, draws] of [
      [true, true, true],
      [false, true, false],
      [true, false, false],
    ] as const) {
      const { written, s } = stream(tty);
      const bar = progressBar(s, enabled);
      bar.start(3, '审核');
      bar.tick('甲.pdf');
      bar.tick('乙.html');
      bar.tick('丙.docx');
      bar.stop();
      expect(written.join('').includes('3/3'), `${tty} ${enabled}`).toBe(draws);
    }
  });

  it('keeps the end of a long path within the width (Chinese counted as two columns)', () => {
    expect(shorten('短.pdf', 20)).toBe('短.pdf');
    const s = shorten('某某县/乡镇街道/某某县某某镇人民政府2024年政府信息公开工作年度报告.docx', 30);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('.docx')).toBe(true);
    expect([...s].reduce((w, c) => w + (/[\u4e00-\u9fff…]/.test(c) ? 2 : 1), 0)).toBeLessThanOrEqual(31);
  });
});

describe('雷同 at scale', () => {
  it('chains a paragraph copied by many bodies with their own names in it, naming three and counting the rest', () => {
    const bodies = corpusBodies(80, 5);
    const shared = sharedParagraph(11);
    const inputs = inputsOf(
      bodies.map((b, i) => corpusReport({ body: b, year: 2024, seed: i, shared: `${b.issuer.slice(0, 6)}${shared}` })),
    );
    findSimilar(2024, inputs, 'zh-cn');
    for (const x of inputs) {
      const f = x.review.findings.filter((y) => y.rule === 'TXT-DUPLICATE-OTHER');
      expect(f.length, x.review.issuer).toBeGreaterThanOrEqual(2);
      expect(f.length, x.review.issuer).toBeLessThanOrEqual(MAX_NAMED);
      expect(f.at(-1)!.message).toContain(`另有 ${79 - f.length} 个机关`);
    }
  });
});

describe('--year', () => {
  it('reviews one year, lists the others as skipped, and still checks against last year’s', async () => {
    const { result } = await runReview({ inputs: ['samples'], cwd: ROOT, year: 2024, today: TODAY, jobs: 1 });
    expect(new Set(result.reports.map((r) => r.year))).toEqual(new Set([2024]));
    expect(result.skipped.map((s) => s.file)).toEqual([
      'samples/county-dept-2023.xxgk.yaml',
      'samples/seed-zhangying-2023.xxgk.yaml',
    ]);
    expect(result.skipped[0].message).toContain('--year 2024');
    expect(result.reports.find((r) => r.file.includes('clean-zhangying'))?.previous).toBe(
      'samples/seed-zhangying-2023.xxgk.yaml',
    );
    expect(result.totals.map((t) => t.year)).toEqual([2024]);
  });
});
