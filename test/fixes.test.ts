/** Quick fixes produce the intended text, and the fixed document is valid YAML again (found by the fuzzer). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../server/src/check';
import { FIX_ALL_KIND, fixAll } from '../server/src/languageService/codeActions';
import type { Finding, Fix } from '../server/src/model/findings';
import { parseReport } from '../server/src/model/model';
import { createLanguageService } from '../server/src/languageService/languageService';
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
  it('writes a year and a signing date that follow from the report or from today, never fixed ones', () => {
    // A report without 年度 is most likely last year's.
    const noYear = edit(sample(CLEAN), '年度: 2024\n', '');
    expect(fixOf(noYear, 'META-YEAR')).toContain(`年度: ${TODAY.y - 1}\n`);
    const noDate = edit(sample(CLEAN), '落款日期: 2025-01-20\n', '');
    expect(fixOf(noDate, 'META-FIELD')).toContain('落款日期: 2025-01-20\n');
    const later = checkText(noDate.replace('年度: 2024', '年度: 2030'), { today: TODAY }).findings
      .find((f) => f.rule === 'META-FIELD' && f.message.args?.key === '落款日期');
    expect(later?.fixes?.[0].edits[0].text).toContain('落款日期: 2031-01-20');
  });

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

describe('fixAll', () => {
  /** The quadratic original: a fix is skipped if any edit overlaps (or equals) an edit already taken. */
  function reference(findings: Finding[]): Fix[] {
    const chosen: Fix[] = [];
    const taken: { start: number; end: number }[] = [];
    const seen = new Set<Fix>();
    for (const f of findings) {
      const fix = f.fixes?.find((x) => x.preferred);
      if (!fix || seen.has(fix)) continue;
      seen.add(fix);
      if (fix.edits.some((e) => taken.some((t) => (e.span.start < t.end && t.start < e.span.end) || (e.span.start === t.start && e.span.end === t.end)))) continue;
      taken.push(...fix.edits.map((e) => e.span));
      chosen.push(fix);
    }
    return chosen;
  }

  const span = fc.tuple(fc.nat(60), fc.nat(6)).map(([start, len]) => ({ start, end: start + len }));
  // A fix's own edits never overlap (the property tests check that of every real fix).
  const ownEdits = fc.array(span, { minLength: 1, maxLength: 3 }).map((ss) => ss.sort((a, b) => a.start - b.start)
    .reduce<{ start: number; end: number }[]>((kept, s) => (kept.length && s.start < kept[kept.length - 1].end ? kept : [...kept, s]), [])
    .map((s) => ({ span: s, text: 'x' })));
  const fixArb = fc.record({ edits: ownEdits, preferred: fc.boolean() }).map((f) => ({ title: { key: 'fix.setValue' }, ...f }));

  it('chooses exactly the fixes the original quadratic algorithm chose', () => {
    fc.assert(fc.property(fc.array(fixArb, { maxLength: 40 }), (fixes) => {
      const findings = fixes.map((fix) => ({ rule: 'TXT-DOUBLED', severity: 'warning', span: fix.edits[0].span, message: { key: 'fix.setValue' }, fixes: [fix] }) as Finding);
      const model = parseReport('');
      expect(fixAll({ uri: 'x', version: 1, model, findings })).toEqual(reference(findings));
    }), { seed: 7, numRuns: 3000 });
  });
});

describe('“fix all” edits', () => {
  it('put an insertion before a replacement that starts at the same place (LSP order), so clients accept them', () => {
    // Found by the fuzzer: part 一 is inserted where the misspelt key (renamed by its fix) starts.
    const text = edit(sample(CLEAN), '\n\n导语: |', '\n导语x: |').replace(/^一、总体情况:\n(?: {2}.*\n|\n)*/m, '');
    const service = createLanguageService({ today: TODAY });
    const doc = TextDocument.create('file:///x.xxgk.yaml', 'xxgk', 1, text);
    const all = service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, { diagnostics: [], only: [FIX_ALL_KIND] });
    const edits = all[0].edit!.changes![doc.uri];
    const at = edits.map((e) => doc.offsetAt(e.range.start));
    expect(new Set(at).size).toBeLessThan(at.length); // two edits start at the same place
    const fixed = TextDocument.applyEdits(doc, edits); // throws 'Overlapping edit' in the wrong order
    expect(fixed).toContain('导语: |');
    expect(fixed).toContain('一、总体情况:');
    expect(rulesOf(fixed)).not.toContain('YAML-SYNTAX');
  });
});

describe('no fix rather than a broken document (found by the fuzzer)', () => {
  it.each([
    ['a document that is only a scalar', '~'],
    ['a tag before the first key', '!!map 机关: 张营乡人民政府\n'],
    ['a document end marker', '...\n'],
    ['a document end marker after a byte order mark', '\ufeff...\n'],
    ['a byte order mark before an explicit key', '\ufeff? 格式\n: 2021\n'],
  ])('%s', (_, text) => {
    const findings = checkText(text, { today: TODAY }).findings;
    expect(findings.some((f) => f.rule.startsWith('META-'))).toBe(true);
    const yamlErrors = (t: string) => checkText(t, { today: TODAY }).findings.filter((f) => f.rule === 'YAML-SYNTAX' && f.severity === 'error').length;
    expect(yamlErrors(text)).toBe(0);
    for (const f of findings) for (const fix of f.fixes ?? []) expect(yamlErrors(applyEdits(text, fix.edits)), `${f.rule} fix`).toBe(0);
  });

  it('inserts after a byte order mark, at column 0', () => {
    const text = '\ufeff格式: 2021\n';
    const f = checkText(text, { today: TODAY }).findings.find((x) => x.rule === 'META-FIELD' && x.fixes?.length);
    expect(applyEdits(text, f!.fixes![0].edits)).toMatch(/^\ufeff格式: 2021\n\S+: /);
  });

  it('still inserts into an empty document or one with only comments', () => {
    for (const text of ['', '# 只有注释\n']) {
      const f = checkText(text, { today: TODAY }).findings.find((x) => x.rule === 'META-FIELD' && x.fixes?.length);
      expect(applyEdits(text, f!.fixes![0].edits)).toMatch(/^(# 只有注释\n)?\S+: /);
    }
  });
});

describe('renaming a key to its official spelling', () => {
  it('is offered when the official key is free', () => {
    const text = edit(sample(CLEAN), '\n机关类型:', '\n类型:');
    expect(fixOf(text, 'LABEL-NORMALISE')).toBe(sample(CLEAN));
  });
  it('is not offered when the mapping already has the official key (it would duplicate it; found by the fuzzer)', () => {
    const text = `${sample(CLEAN).trimEnd()}\n类型: 县级政府部门\n`;
    const findings = checkText(text, { today: TODAY }).findings;
    const normalise = findings.find((f) => f.rule === 'LABEL-NORMALISE');
    expect(normalise, 'the finding is still reported').toBeDefined();
    expect(normalise!.fixes).toBeUndefined();
    expect(findings.map((f) => f.rule)).toContain('STR-DUPLICATE');
  });
});

describe('two unknown keys with the same nearest key', () => {
  it('only the first is renamed, so “fix all” never makes a duplicate key (found by the fuzzer)', () => {
    const text = edit(sample(CLEAN), '\n  行政复议:         [0, 0, 0, 0]', '\n  行政处罚: [0, 0, 0, 0]\n  行政强制: [0, 0, 0, 0]');
    const unknown = checkText(text, { today: TODAY }).findings.filter((f) => f.rule === 'STR-UNKNOWN-KEY');
    expect(unknown.length).toBe(2);
    expect(unknown.filter((f) => f.fixes?.length).length).toBe(1);
    const doc = TextDocument.create('file:///r.xxgk.yaml', 'xxgk', 1, text);
    const service = createLanguageService();
    const all = service.getCodeActions(doc, { start: doc.positionAt(0), end: doc.positionAt(0) }, { diagnostics: [], only: [FIX_ALL_KIND] });
    expect(all.length).toBeGreaterThan(0);
    const after = TextDocument.applyEdits(doc, all[0].edit!.changes![doc.uri]);
    expect(rulesOf(after)).not.toContain('STR-DUPLICATE');
  });
});

describe('inserting a missing table row group', () => {
  it('is not offered where the inserted rows would take another pair’s rows (`部分公开: […]:` then indented rows; found by the fuzzer)', () => {
    const text = edit(sample(COUNTY), '  部分公开:          [18, 3, 0, 0, 2, 0, 23]\n  不予公开:\n', '  部分公开:          [18, 3, 0, 0, 2, 0, 23]:\n');
    const findings = checkText(text, { today: TODAY }).findings;
    expect(findings.filter((f) => f.rule === 'YAML-SYNTAX' && f.severity === 'error')).toEqual([]);
    for (const f of findings) {
      for (const fix of f.fixes ?? []) {
        const after = applyEdits(text, fix.edits);
        expect(rulesOf(after), `${f.rule}: ${JSON.stringify(fix.title)}`).not.toContain('YAML-SYNTAX');
      }
    }
  });
});

describe('setting a field’s value', () => {
  it('keeps the space after the colon when the value started on a line of its own (`年度:\\r 2024`; found by the fuzzer)', () => {
    const text = edit(sample(CLEAN), '\n年度: 2024', '\n年度:\r 2024年');
    const after = fixOf(text, 'META-YEAR');
    expect(after).toContain('\n年度: 2024\n');
    expect(rulesOf(after)).not.toContain('YAML-SYNTAX');
  });
  it('replaces only the title’s year, and offers nothing when the year is written in full-width digits', () => {
    const halfWidth = edit(sample(COUNTY), '标题: 示例县自然资源和规划局2024年', '标题: 示例县自然资源和规划局2023年');
    expect(fixOf(halfWidth, 'META-YEAR-MISMATCH')).toBe(sample(COUNTY));
    const fullWidth = edit(sample(COUNTY), '标题: 示例县自然资源和规划局2024年', '标题: 示例县自然资源和规划局２０２３年');
    const f = checkText(fullWidth, { today: TODAY }).findings.find((x) => x.rule === 'META-YEAR-MISMATCH');
    expect(f).toBeDefined();
    expect(f!.fixes).toBeUndefined();
  });
});

describe('no fix glues a value to its key', () => {
  it('a blank cell written as `行政强制:` gets `行政强制: 0` (found by the fuzzer)', () => {
    const text = edit(sample(CLEAN), '  行政强制: 0\n', '  行政强制:\n');
    const after = fixOf(text, 'T2-BLANK');
    expect(after).toBe(sample(CLEAN));
    expect(rulesOf(after)).not.toContain('YAML-SYNTAX');
  });
  it('a colon inside the value is the value’s: the title-year fix leaves `自然资源:0003年` as it is (issue 16)', () => {
    const text = edit(sample(COUNTY), '标题: 示例县自然资源和规划局2024年', '标题: 示例县自然资源:0003年');
    const after = fixOf(text, 'META-YEAR-MISMATCH');
    expect(after).toBe(edit(sample(COUNTY), '标题: 示例县自然资源和规划局2024年', '标题: 示例县自然资源:2024年'));
    expect(rulesOf(after)).not.toContain('YAML-SYNTAX');
    expect(parseReport(after).fields.get('title')?.node?.toString()).toBe('示例县自然资源:2024年政府信息公开工作年度报告');
  });
});

describe('inserting a missing key after a line with a lone \\r', () => {
  it('goes after the \\n: for YAML a lone \\r does not end the line (found by the fuzzer)', () => {
    const text = edit(sample(COUNTY), '年度报告\n机关: 示例县自然资源和规划局\n', '年度报告  # 注\r 示例县自然资源和规划局\n');
    expect(rulesOf(text)).not.toContain('YAML-SYNTAX');
    const after = fixOf(text, 'META-FIELD');
    expect(rulesOf(after)).not.toContain('YAML-SYNTAX');
    expect(after).toContain('# 注\r 示例县自然资源和规划局\n机关: ');
  });
});

describe('inserting a key into a mapping that starts after a byte order mark and spaces', () => {
  it('indents it at column 0, as yaml reads that first line (found by the fuzzer)', () => {
    const after = fixOf('\uFEFF 格式: 2021\n', 'META-FIELD');
    expect(after.startsWith('\uFEFF 格式: 2021\n机关: ')).toBe(true);
    expect(rulesOf(after)).not.toContain('YAML-SYNTAX');
  });
});

describe('fixes while the YAML does not read', () => {
  it('offers no inserted lines after a syntax error (the “missing” row may be swallowed by an unclosed bracket)', () => {
    const broken = edit(sample(CLEAN), '  行政处罚: 3\n', '  行政处罚: [3\n');
    const shapes = checkText(broken, { today: TODAY }).findings.filter((f) => f.rule === 'T2-SHAPE');
    expect(shapes.length).toBeGreaterThan(0);
    for (const f of shapes) expect(f.fixes ?? []).toEqual([]);
    // The near miss: the same row really missing in a document that reads gets its insertion.
    const missing = edit(sample(CLEAN), '  行政事业性收费: 0 # 本年收费金额（万元）\n', '');
    const fix = checkText(missing, { today: TODAY }).findings.find((f) => f.rule === 'T2-SHAPE')?.fixes?.[0];
    expect(fix?.edits[0].text).toContain('行政事业性收费: 0');
  });

  it('names what a part without a table brings: prompts, not “tables as zeros”', () => {
    const noPart5 = sample(CLEAN).replace(/\n五、存在的主要问题及改进情况:[\s\S]*?(?=\n六、)/, '\n');
    const f = checkText(noPart5, { today: TODAY }).findings.find((x) => x.rule === 'STR-PARTS');
    expect(f?.fixes?.[0].title).toEqual({ key: 'fix.insertPartText', args: { part: '五、存在的主要问题及改进情况' } });
  });
});
