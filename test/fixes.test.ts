/** Quick fixes produce the intended text, and the fixed document is valid YAML again (found by the fuzzer). */
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/check';
import { applyEdits } from './helpers/fuzz';
import { CLEAN, edit, sample, TODAY } from './helpers/samples';

function fixOf(text: string, rule: string) {
  const f = checkText(text, { today: TODAY }).findings.find((x) => x.rule === rule && x.fixes?.length);
  expect(f, `a ${rule} finding with a fix`).toBeDefined();
  return applyEdits(text, f!.fixes![0].edits);
}

const rulesOf = (text: string) => checkText(text, { today: TODAY }).findings.map((f) => f.rule);

describe('padding a short table row with zeros', () => {
  it.each([
    ['[3, 1, 0]', '[3, 1, 0, 0, 0, 0]'],
    ['[3, 1, 0, ]', '[3, 1, 0, 0, 0, 0, ]'],
    ['[3, 1, 0 ]  # 注释', '[3, 1, 0, 0, 0, 0 ]  # 注释'],
    ['[]', '[0, 0, 0, 0, 0, 0]'],
  ])('%s becomes %s', (row, fixed) => {
    const text = edit(sample(CLEAN), '本年新收:          [3, 1, 0, 0, 0, 0]', `本年新收:          ${row}`);
    const after = fixOf(text, 'T3-SHAPE');
    expect(after).toBe(edit(sample(CLEAN), '本年新收:          [3, 1, 0, 0, 0, 0]', `本年新收:          ${fixed}`));
    expect(rulesOf(after)).not.toContain('YAML-SYNTAX');
  });
});

describe('inserting a missing key', () => {
  it('indents it like the mapping, also when the mapping starts with an explicit key (? )', () => {
    const after = fixOf('? 格式\n: 2021\n', 'META-FIELD');
    expect(after.split('\n').filter((l) => l.includes('机关'))).toEqual(['机关: ']);
    expect(rulesOf(after)).not.toContain('YAML-SYNTAX');
  });
});
