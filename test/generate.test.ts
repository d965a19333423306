/** The benchmark's generated reports are valid reports of the requested size (so the benchmark measures real work). */
import { describe, expect, it } from 'vitest';
import { generateReport } from '../bench/generate';
import { checkText } from '../server/src/check';
import { localize } from '../server/src/l10n';
import { TODAY } from './helpers/samples';

const problems = (text: string) => checkText(text, { today: TODAY }).findings.map((f) => `${f.rule} ${localize(f.message)}`);

describe('generateReport', () => {
  it.each([1, 2, 3, 42, 4999])('seed %i gives a report with zero findings', (seed) => {
    expect(problems(generateReport(seed))).toEqual([]);
  });

  it.each([50_000, 1_000_000])('reaches about %i bytes with long prose and comments, still with zero findings', (bytes) => {
    const text = generateReport(7, { targetBytes: bytes });
    const size = Buffer.byteLength(text);
    expect(size).toBeGreaterThanOrEqual(bytes);
    expect(size).toBeLessThan(bytes * 1.05);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('# 备注')).length).toBeGreaterThan(bytes / 20_000);
    expect(problems(text)).toEqual([]);
  });

  it('varies with the seed and is the same for the same seed', () => {
    expect(generateReport(1)).toBe(generateReport(1));
    expect(generateReport(1)).not.toBe(generateReport(2));
  });
});
