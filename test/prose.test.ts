/** Locating text inside prose values: exact spans in every scalar style (escapes, folding, CRLF). */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../server/src/model/model';
import { locateInProse } from '../server/src/model/prose';

function locate(text: string, needle: string, nth = 0) {
  const model = parseReport(text);
  const prose = model.prose[0];
  let index = -1;
  for (let k = 0; k <= nth; k++) index = prose.text.indexOf(needle, index + 1);
  expect(index).toBeGreaterThanOrEqual(0);
  const span = locateInProse(text, prose, index, needle.length);
  return text.slice(span.start, span.end);
}

describe('locateInProse', () => {
  it.each([
    ['a literal block', '导语: |\n  第一段进行进行。\n\n  第二段进行进行。\n'],
    ['a folded block', '导语: >-\n  第一段进行进行\n  第二段进行进行\n'],
    ['a plain multi-line scalar', '导语: 第一段进行进行\n  第二段进行进行\n'],
    ['a double-quoted scalar with escapes', '导语: "\\u7b2c一段\\t进行进行 \\"第二段\\" 进行进行"\n'],
    ['a single-quoted scalar', "导语: '它''s 进行进行，又进行进行'\n"],
    ['CRLF line ends', '导语: |\r\n  第一段进行进行。\r\n  第二段进行进行。\r\n'],
  ])('finds the exact source text in %s', (_, text) => {
    expect(locate(text, '进行进行', 0)).toBe('进行进行');
    expect(locate(text, '进行进行', 1)).toBe('进行进行');
  });

  it('points at the escape for text that comes from one', () => {
    expect(locate('导语: "\\u7b2c一段"\n', '第')).toBe('\\');
  });

  it('places the second occurrence after the first', () => {
    const text = '导语: |\n  进行进行，再进行进行\n';
    const model = parseReport(text);
    const p = model.prose[0];
    const a = locateInProse(text, p, p.text.indexOf('进行进行'), 4);
    const b = locateInProse(text, p, p.text.lastIndexOf('进行进行'), 4);
    expect(b.start).toBeGreaterThan(a.start);
    expect(text.slice(b.start, b.end)).toBe('进行进行');
  });
});
