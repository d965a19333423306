/** The located model: bad input becomes findings at the right place, never an exception. */
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/check';
import { parseReport } from '../server/src/model/model';
import { CLEAN, check, edit, lineOf, sample } from './helpers/samples';

describe('parseReport', () => {
  it('locates every cell of a flow sequence exactly', () => {
    const text = sample(CLEAN);
    const model = parseReport(text);
    const cell = model.cells.get('t3.r1:CE')!;
    expect(text.slice(cell.span.start, cell.span.end)).toBe('1');
    expect(model.lines.positionAt(cell.span.start).line + 1).toBe(lineOf(text, '本年新收:'));
  });

  it.each([
    ['empty', ''],
    ['a scalar', '42'],
    ['a list', '- a\n- b'],
    ['tabs', '格式:\t2021\n\t机关: x'],
    ['garbage', '{[}]:::\n\u0000\uffff'],
    ['an unterminated quote', '机关: "张营乡'],
    ['duplicate keys', '机关: a\n机关: b'],
    ['an alias', 'a: &x [1]\n年度: *x'],
  ])('never throws on %s, and says what is wrong', (_, text) => {
    const r = checkText(text);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) {
      expect(f.span.start).toBeGreaterThanOrEqual(0);
      expect(f.span.end).toBeLessThanOrEqual(text.length);
    }
  });

  it('reports a key written twice in any mapping, at the second one', () => {
    const text = 'x:\n  a: 1\n  b: [{c: 1, c: 2}]\n  a: 2\n';
    const dups = checkText(text).findings.filter((f) => f.message.key === 'yaml.DUPLICATE_KEY');
    expect(dups.map((f) => text.slice(f.span.start, f.span.start + 1))).toEqual(['c', 'a']);
    expect(dups.map((f) => f.span.start)).toEqual([text.lastIndexOf('c:'), text.lastIndexOf('a:')]);
  });

  it('reports a quoted string left open at the end of the file, even when it ends in an escaped quote', () => {
    const syntax = (text: string) => checkText(text).findings.filter((f) => f.rule === 'YAML-SYNTAX').map((f) => f.message.key);
    expect(syntax('机关: "张营乡\\"')).toEqual(['yaml.MISSING_CHAR']);
    expect(syntax('机关: "张营乡')).toEqual(['yaml.MISSING_CHAR']);
    expect(syntax('机关: "张营乡\\\\"')).toEqual([]);
    expect(syntax('机关: "张营乡"')).toEqual([]);
  });

  it('reads thousands of nesting levels without overflowing the stack, and says where it nests too deep', () => {
    // Found by the fuzzer: 3,000 indentation levels inside a report, with the report going on after them.
    const deep = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const text = sample(CLEAN).replace('  本年新收:', `  本年新收: ${deep} 1\n  本年新收x:`);
    const f = checkText(text).findings.find((x) => x.message.key === 'yaml.tooDeep');
    expect(f).toBeDefined();
    expect(text.slice(f!.span.start, f!.span.end).trim()).toBe('k2999: 1');
  });

  it('does not hand thousands of brackets to yaml (deep recursion can abort the process), and says where', () => {
    const text = `机关: 张营乡\n年度: ${'[&a '.repeat(5000)}${']'.repeat(5000)}\n`;
    const f = checkText(text).findings.find((x) => x.message.key === 'yaml.tooDeep');
    expect(f).toBeDefined();
    expect(text.slice(f!.span.start, f!.span.end)).toMatch(/^年度: \[&a \[/);
    expect(checkText('年度: [[[[1]]]]\n导语: |\n' + ' '.repeat(600) + 'x\n').findings.some((x) => x.message.key === 'yaml.tooDeep')).toBe(false);
  });

  it('reports an unclosed bracket on the line that lacks it', () => {
    const text = edit(sample(CLEAN), '  上年结转:          [0, 0, 0, 0, 0, 0]', '  上年结转:          [0, 0, 0, 0, 0, 0');
    const f = check(text).find((x) => x.rule === 'YAML-SYNTAX')!;
    expect(f.line).toBe(lineOf(text, '上年结转'));
    expect(f.message).toContain('“]”没有闭合');
  });

  it('suggests the nearest key for a typo and offers the fix', () => {
    const text = edit(sample(CLEAN), '    逾期不补正:', '    逾期不不补正:');
    const f = check(text).find((x) => x.rule === 'STR-UNKNOWN-KEY')!;
    expect(f.message).toBe('无法识别的项目“逾期不不补正”，是否应为“逾期不补正”？');
    expect(f.finding.fixes?.[0].edits[0].text).toBe('逾期不补正');
  });

  it('never suggests a key the mapping already has (the fix would write a duplicate)', () => {
    const typo = check(edit(sample(CLEAN), '  其他: |', '  其他x: |')).filter((x) => x.rule === 'STR-UNKNOWN-KEY');
    expect(typo.map((u) => u.message)).toEqual(['无法识别的项目“其他x”，是否应为“其他”？']);
    const extra = check(edit(sample(CLEAN), '  信息处理费:', '  其他x: 1\n  信息处理费:')).filter((x) => x.rule === 'STR-UNKNOWN-KEY');
    expect(extra.map((u) => u.message)).toEqual([expect.stringMatching(/^无法识别的项目“其他x”。/)]);
    expect(extra[0].finding.fixes).toBeUndefined();
  });

  it('accepts full official labels and half-width brackets as the same row', () => {
    const text = edit(sample(CLEAN), '  予以公开:', '  (一) 予以公开:');
    const model = parseReport(text);
    expect(model.rows.get('t3.r3.1')?.cells.get('NP')?.value).toBe(2);
  });
});
