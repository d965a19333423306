/** Quick fixes produce the intended text, and the fixed document is valid YAML again (found by the fuzzer). */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../server/src/check';
import { FIX_ALL_KIND } from '../server/src/codeActions';
import { createLanguageService } from '../server/src/languageService';
import { applyEdits } from './helpers/fuzz';
import { CLEAN, COUNTY, edit, sample, TODAY } from './helpers/samples';

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

describe('“fix all” with a misspelt key', () => {
  it('renames the typo and does not also insert the key (which would write it twice)', () => {
    const text = edit(sample(COUNTY), '  行政处罚: 86', '  行政处份: 86');
    const service = createLanguageService({ today: TODAY });
    const doc = TextDocument.create('file:///x.xxgk.yaml', 'xxgk', 1, text);
    const insert = checkText(text, { today: TODAY }).findings.find((f) => f.rule === 'T2-SHAPE')!;
    expect(insert.fixes?.[0].preferred).toBe(false);
    const all = service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, { diagnostics: [], only: [FIX_ALL_KIND] });
    const fixed = TextDocument.applyEdits(doc, all[0].edit!.changes![doc.uri]);
    expect(fixed.match(/^ {2}行政处罚:/gm)).toHaveLength(1);
    expect(fixed).toContain('  行政处罚: 86');
    expect(rulesOf(fixed)).not.toContain('YAML-SYNTAX');
  });
});
