/**
 * The oracle the property tests apply to every offered fix (helpers/fixMeaning.ts) can fail: it tells a fix
 * that reads as intended from one that parses but means something else.
 */
import { describe, expect, it } from 'vitest';
import type { Fix, TextEdit } from '../server/src/model/findings';
import { parseYaml } from '../server/src/model/model';
import { applyEdits } from './helpers/fuzz';
import { fixMeaningError } from './helpers/fixMeaning';

function verdict(text: string, ...edits: TextEdit[]): string | undefined {
  const fix: Fix = { title: { key: 'fix.setValue' }, edits };
  const after = parseYaml(applyEdits(text, edits));
  expect(after.errors, 'the fixed text parses').toEqual([]);
  return fixMeaningError(text, parseYaml(text), fix, after);
}

const at = (text: string, marker: string, length = 0) => {
  const start = text.indexOf(marker);
  return { start, end: start + length };
};

describe('the fix-meaning oracle', () => {
  it('accepts a value written apart from its key’s colon, and a title’s year changed in place', () => {
    const blank = '年度: 2024\n行政强制:\n';
    expect(verdict(blank, { span: { start: blank.length - 1, end: blank.length - 1 }, text: ' 0' })).toBeUndefined();
    const title = '标题: 某局:0003年报告\n';
    expect(verdict(title, { span: at(title, '0003', 4), text: '2024' })).toBeUndefined();
  });

  it('rejects a value glued to its key (the key changes)', () => {
    const blank = '行政强制:\n';
    const end = { start: blank.length - 1, end: blank.length - 1 };
    expect(verdict(blank, { span: end, text: '0' })).toMatch(/a mapping became "行政强制:0"/);
  });

  it('rejects a value glued to the comment after it (`0# 注` is one value)', () => {
    const text = '行政强制:   # 注\n';
    expect(verdict(text, { span: at(text, '#'), text: '0' })).toMatch(/writes 0 but YAML reads "0# 注"/);
  });

  it('rejects an edit inside a value that YAML reads as more than the edit', () => {
    const text = '标题: 某局 0003年报告\n';
    expect(verdict(text, { span: at(text, ' 0003', 5), text: ' #2024' })).toMatch(/changes/);
  });

  it('rejects a change anywhere else, and accepts only additions from inserted lines', () => {
    const text = '年度: 2024\n机关: 某局\n';
    expect(verdict(text, { span: at(text, '2024', 4), text: '2025' }, { span: at(text, '某局', 2), text: '某县' }))
      .toBeUndefined();
    const insert = { span: at(text, '机关'), text: '格式: 2021\n' };
    expect(verdict(text, insert)).toBeUndefined();
    // A document that is only a tag (`!`, an empty string) takes inserted keys (found by the short fuzz of .ci/run).
    expect(verdict('!', { span: { start: 1, end: 1 }, text: '\n机关: \n' })).toBeUndefined();
    // An edit over several values is no value's: all it may do is add.
    expect(verdict(text, { span: at(text, '2024', 11), text: '2024\n机关: 某县' })).toMatch(/"某局" became "某县"/);
  });

  it('accepts a value written over an alias whole, and nothing less (found by the fresh-seed fuzz of .ci/run)', () => {
    // META-VERSION's “改为 2021” on `格式: *ax` (an alias whose anchor is nowhere: the format cannot be read).
    const text = '格式: *ax\n机关: 某局\n';
    expect(verdict(text, { span: at(text, '*ax', 3), text: '2021' })).toBeUndefined();
    const anchored = '年度: &y 2024\n格式: *y\n';
    expect(verdict(anchored, { span: at(anchored, '*y', 2), text: '2021' })).toBeUndefined();
    expect(verdict(anchored, { span: at(anchored, '*y', 1), text: '2021' })).toMatch(/\*y became/);
  });
});
