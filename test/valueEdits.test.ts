/**
 * The pass every fix goes through (server/src/valueEdits.ts): what a fix writes into a value reads, for YAML,
 * as exactly that value — separated from its key's colon and only that colon, quoted where plain text would
 * read otherwise, or not offered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Finding, Fix, TextEdit } from '../server/src/model/findings';
import { parseReport, PARSE_OPTIONS } from '../server/src/model/model';
import { doubleQuoted, guardFixes } from '../server/src/model/valueEdits';
import { applyEdits } from './helpers/fuzz';

/** The edit offered for `edit` on `text`, or null when the fix is dropped. */
function guarded(text: string, edit: TextEdit): TextEdit | null {
  const fixes: Fix[] = [{ title: { key: 'fix.setValue' }, edits: [edit] }];
  const f: Finding = { rule: 'META-FIELD', severity: 'error', span: edit.span, message: { key: 'fix.setValue' }, fixes };
  guardFixes(parseReport(text), [f]);
  return f.fixes?.[0].edits[0] ?? null;
}

/** `text` with `what` (the first occurrence after `after`) replaced by `by`, through the pass. */
function fix(text: string, what: string, by: string, after = ''): string | null {
  const start = text.indexOf(what, after ? text.indexOf(after) + after.length : 0);
  expect(start, `“${what}” in the text`).toBeGreaterThanOrEqual(0);
  const e = guarded(text, { span: { start, end: start + what.length }, text: by });
  return e && applyEdits(text, [e]);
}

/** The value at a path of keys / indexes, as yaml reads it (errors make it undefined). */
function valueAt(text: string, path: (string | number)[]): unknown {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length) return undefined;
  let node = doc.contents as Node | null;
  for (const p of path) {
    if (isMap(node)) node = node.items.find((i) => isScalar(i.key) && i.key.value === p)?.value as Node | null;
    else if (isSeq(node)) node = node.items[p as number] as Node | null;
    else return undefined;
  }
  return isScalar(node) ? node.value : node ? 'not a scalar' : undefined;
}

describe('a value after its key’s colon', () => {
  it.each([
    ['行政强制:\n', '行政强制: 0\n'],
    ['行政强制:', '行政强制: 0'],
    ['行政强制: \n', '行政强制: 0 \n'],
  ])('%j is filled as %j', (text, expected) => {
    const at = text.indexOf(':') + 1;
    expect(applyEdits(text, [guarded(text, { span: { start: at, end: at }, text: '0' })!])).toBe(expected);
  });

  it('is kept apart from a comment that follows the empty value', () => {
    const text = '行政强制:   # 注\n';
    for (const at of [text.indexOf(':') + 1, text.indexOf('#')]) {
      const after = applyEdits(text, [guarded(text, { span: { start: at, end: at }, text: '0' })!]);
      expect(valueAt(after, ['行政强制'])).toBe(0);
      expect(after).toContain('# 注');
    }
  });

  it('goes after a tag, apart from it, and is not offered when the tag would change it', () => {
    const int = '行政强制: !!int\n';
    const at = int.indexOf('\n');
    const filled = guarded(int, { span: { start: at, end: at }, text: '3' });
    expect(applyEdits(int, [filled!])).toBe('行政强制: !!int 3\n');
    const str = '行政强制: !!str\n';
    expect(guarded(str, { span: { start: at, end: at }, text: '3' })).toBeNull();
    // Before the tag, the value would read `3 !!int`.
    expect(guarded(int, { span: { start: 5, end: 5 }, text: '3' })).toBeNull();
  });

  it('is not offered for a key without a colon (`? 机关`), where it would become part of the key', () => {
    expect(guarded('? 机关\n', { span: { start: 4, end: 4 }, text: '张营乡' })).toBeNull();
    expect(guarded('{机关}', { span: { start: 3, end: 3 }, text: '张营乡' })).toBeNull();
    expect(guarded('- 机关\n', { span: { start: 4, end: 4 }, text: '张营乡' })).toBeNull();
  });

  it('in a flow mapping too (`{行政强制:}`)', () => {
    expect(valueAt(fix('{"行政强制":}', '', '0', ':')!, ['行政强制'])).toBe(0);
  });
});

describe('an edit inside a value never changes what the value is (issue 16)', () => {
  it('leaves a colon that belongs to the value alone', () => {
    expect(fix('标题: 自然资源:0003年报告\n', '0003', '2024')).toBe('标题: 自然资源:2024年报告\n');
  });

  it.each([
    ['a colon and a space (a mapping)', 'x: y'],
    ['a space and a hash (a comment)', 'x #y'],
    ['a tab and a hash (a comment)', 'x\t#y'],
  ])('quotes the title when the edit introduces %s', (_, inserted) => {
    const after = fix('标题: 自然资源0003年报告 # 注\n', '0003', inserted)!;
    expect(after).toMatch(/^标题: "/);
    expect(valueAt(after, ['标题'])).toBe(`自然资源${inserted}年报告`);
    expect(after).toContain('# 注');
  });

  it('quotes a plain value when an edit at its start leaves an indicator first', () => {
    const after = fix('标题: a[1]\n', 'a', '')!;
    expect(valueAt(after, ['标题'])).toBe('[1]');
  });

  it('in a long value too (read around the edit, not copied whole)', () => {
    const long = `标题: ${'自然资源'.repeat(200)}0003年${'报告'.repeat(200)}\n`;
    expect(fix(long, '0003', '2024')).toBe(long.replace('0003', '2024'));
    for (const inserted of ['x: y', 'x #y', 'a:']) {
      expect(valueAt(fix(long, '0003', inserted)!, ['标题'])).toBe(long.slice(4, -1).replace('0003', inserted));
    }
    expect(valueAt(fix(long, '0003', '年 #')!, ['标题'])).toBe(long.slice(4, -1).replace('0003', '年 #'));
  });

  it('keeps a quoted value quoted, escaping what the edit brings in', () => {
    expect(fix('标题: "2023年报告"\n', '2023', '2024')).toBe('标题: "2024年报告"\n');
    expect(valueAt(fix('标题: "2023年报告"\n', '2023', 'a"b')!, ['标题'])).toBe('a"b年报告');
    expect(valueAt(fix("标题: '2023年报告'\n", '2023', "it's")!, ['标题'])).toBe("it's年报告");
  });

  it('is not offered inside a quoted value with escapes, where the characters are not the value’s', () => {
    expect(fix('标题: "\\u0032023年报告"\n', '2023', '2024')).toBeNull();
  });

  it('inside literal text (a block scalar) changes only that text', () => {
    const text = '导语: |\n  我局进行进行了梳理: 一\n';
    const after = fix(text, '进行', '', '进行')!;
    expect(valueAt(after, ['导语'])).toBe('我局进行了梳理: 一\n');
  });

  it('in a plain value over several lines, only when the edited line still reads as text', () => {
    const text = '导语: 我局进行\n  进行了梳理\n';
    expect(valueAt(fix(text, '了', '了了')!, ['导语'])).toBe('我局进行 进行了了梳理');
    expect(fix(text, '了', ': ')).toBeNull();
  });
});

describe('a value or key written over whole', () => {
  it('is plain when it reads as itself: a number stays a number', () => {
    expect(fix('k: [1, 2]\n', '2', '7')).toBe('k: [1, 7]\n');
    expect(valueAt(fix('k: "x"\n', '"x"', '7')!, ['k'])).toBe(7);
  });

  const AMBIGUOUS = ['- x', '[x', '{x', '#x', '&x', '*x', '!x', '|x', '>x', '%x', '@x', '`x', '? x', 'x: y', 'x #y', "'x", '"x', 'x,y'];
  it.each(AMBIGUOUS)(
    'is quoted when plain %j would read as something else, in a block and in a flow',
    (value) => {
      expect(valueAt(fix('k: 一\n', '一', value)!, ['k'])).toBe(value);
      expect(valueAt(fix('k: [一, 二]\n', '一', value)!, ['k', 0])).toBe(value);
      expect(valueAt(fix('一: 1\n', '一', value)!, [value])).toBe(1);
    },
  );

  it('renames a quoted key followed right by its colon (`{"行政处份":1}`) without gluing them', () => {
    expect(valueAt(fix('{"行政处份":1}', '"行政处份"', '行政处罚')!, ['行政处罚'])).toBe(1);
  });

  it('keeps the space after a colon a value started right after (`年度:\\r 2024年`)', () => {
    const text = '年度:\r 2024年\n';
    expect(fix(text, '\r 2024年', '2024')).toBe('年度: 2024\n');
  });
});

describe('structural edits pass unchanged', () => {
  it('inserted lines and zeros appended to a row', () => {
    const lines = { span: { start: 6, end: 6 }, text: '机关: 张营乡\n' };
    expect(guarded('年度: 1\n', lines)).toEqual(lines);
    const zeros = { span: { start: 7, end: 7 }, text: ', 0' };
    expect(guarded('k: [1, 2]\n', zeros)).toEqual(zeros);
  });
});

describe('double-quoted form', () => {
  it('reads back as exactly the string, whatever it holds', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      expect(parseDocument(`k: ${doubleQuoted(s)}`, PARSE_OPTIONS).get('k')).toBe(s);
    }), { seed: 16, numRuns: 2000 });
  });
});

describe('property: whatever a fix writes, wherever, it reads as intended or is not offered', () => {
  const PLACES = [
    { text: '标题: 示例县0003年报告 # 注\n年度: 2024\n', what: '0003', path: ['标题'], inside: true },
    { text: '标题: "示例县0003年报告"\n', what: '0003', path: ['标题'], inside: true },
    { text: '标题: 示例县0003年报告\n', what: '示例县0003年报告', path: ['标题'], inside: false },
    { text: '本年新收: [1, 2, 3]  # 注\n', what: '2', path: ['本年新收', 1], inside: false },
    { text: '行政强制:\n年度: 2024\n', what: '', path: ['行政强制'], inside: false },
    { text: '机关:   # 注\n', what: '', path: ['机关'], inside: false },
  ];
  const value = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789:# -[]{},&*!|>\'"%@`?\\年abc\t'), maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  it('applied, the document parses and the value is the written one (the rest unchanged)', () => {
    fc.assert(fc.property(fc.constantFrom(...PLACES), value, (place, written) => {
      const trimmed = written.replace(/^[ \t]+|[ \t]+$/g, '');
      fc.pre(trimmed !== '' && !/[\r\n]/.test(written));
      const after = fix(place.text, place.what, written, place.what === '' ? ':' : '');
      if (after === null) return; // not offered
      const old = String(valueAt(place.text, place.path));
      const expected = place.inside ? old.replace(place.what, () => written) : plainOrString(trimmed);
      const got = valueAt(after, place.path);
      expect(got, JSON.stringify(after)).toBe(expected);
      if (place.text.includes('年度')) expect(valueAt(after, ['年度'])).toBe(2024);
      if (place.text.includes('# 注')) expect(after).toContain('# 注');
    }), { seed: 1616, numRuns: 3000 });
  });
});

/** What a rule writing `s` means: its plain reading when that is one scalar of exactly `s`, else the text. */
function plainOrString(s: string): unknown {
  const doc = parseDocument(`k: ${s}`, PARSE_OPTIONS);
  const v = doc.errors.length || doc.warnings.length ? undefined : doc.get('k', true);
  return isScalar(v) && v.type === 'PLAIN' && v.range && v.range[0] === 3 && v.range[1] === 3 + s.length ? v.value : s;
}
