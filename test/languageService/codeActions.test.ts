/** Code actions, in process: the quick fixes a clerk is offered where a diagnostic is, and “fix all”. */
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND } from '../../server/src/languageService/codeActions';
import { applyTextEdits, at, crlf, open, textAt, wholeRange } from '../helpers/languageService';
import { CLEAN, MISTAKES, SEED, edit, fixture, sample } from '../helpers/samples';

function diagnosticsOf(text: string): Diagnostic[] {
  const { service, doc } = open(text);
  return service.getDiagnostics(doc);
}

const rules = (text: string) => diagnosticsOf(text).map((d) => String(d.code));

/** The quick fixes offered where the editor shows `diagnostic` (the request VS Code sends for the lightbulb). */
function quickFixes(text: string, diagnostic: Diagnostic): CodeAction[] {
  const { service, doc } = open(text);
  return service.getCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] });
}

function actionsIn(text: string, range: Range, only?: string[]): CodeAction[] {
  const { service, doc } = open(text);
  return service.getCodeActions(doc, range, { diagnostics: [], only });
}

/** The one diagnostic of `rule` whose range covers `marker` (or the only one of that rule). */
function diagnostic(text: string, rule: string, marker?: string): Diagnostic {
  const all = diagnosticsOf(text).filter((d) => d.code === rule);
  const covers = (d: Diagnostic) =>
    textAt(text, d.range).includes(marker!) || d.range.start.line === at(text, marker!).line;
  const found = marker ? all.filter(covers) : all;
  if (found.length !== 1) throw new Error(`expected one ${rule} ${marker ?? ''}, found ${found.length}`);
  return found[0];
}

function editsOf(text: string, action: CodeAction): TextEdit[] {
  return action.edit!.changes![open(text).doc.uri];
}

const apply = (text: string, action: CodeAction) => applyTextEdits(text, editsOf(text, action));

/** As VS Code applies an edit to a CRLF document: inserted line breaks take the document's line ending. */
const applyToCrlf = (text: string, action: CodeAction) =>
  applyTextEdits(text, editsOf(text, action).map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') })));

const mistakes = sample(MISTAKES);

describe('quick fixes on a total', () => {
  it('table 三: sets the row’s total to its computed value; the diagnostic goes', () => {
    const d = diagnostic(mistakes, 'T3-ROW-TOTAL', '76');
    const fixes = quickFixes(mistakes, d);
    expect(fixes.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([['将总计改为计算值 75', 'quickfix', true]]);
    expect(fixes[0].diagnostics!.map((x) => x.code)).toEqual(['T3-ROW-TOTAL']);
    const after = apply(mistakes, fixes[0]);
    expect(after).toBe(edit(mistakes, '[61, 9, 1, 0, 3, 1, 76]', '[61, 9, 1, 0, 3, 1, 75]'));
    expect(rules(after)).not.toContain('T3-ROW-TOTAL');
  });

  it('table 四: the same for a group total', () => {
    const d = diagnostic(mistakes, 'T4-GROUP-TOTAL');
    expect(textAt(mistakes, d.range)).toBe('5');
    const [fix] = quickFixes(mistakes, d);
    expect(fix.title).toBe('将总计改为计算值 4');
    expect(apply(mistakes, fix)).toBe(edit(mistakes, '[2, 1, 0, 1, 5]', '[2, 1, 0, 1, 4]'));
  });
});

describe('quick fixes inside each table', () => {
  it('table 二: a misspelt row key becomes the nearest official key, and the row counts again', () => {
    const d = diagnostic(mistakes, 'STR-UNKNOWN-KEY');
    expect(textAt(mistakes, d.range)).toBe('行政处理');
    const [fix] = quickFixes(mistakes, d);
    expect(fix.title).toBe('改为“行政处罚”');
    const after = apply(mistakes, fix);
    expect(after).toBe(edit(mistakes, '  行政处理: 86', '  行政处罚: 86'));
    expect(rules(after)).not.toContain('T2-SHAPE');
  });

  it('table 二: a missing row is inserted as zeros at its place', () => {
    const text = edit(sample(CLEAN), '  行政强制: 0\n', '');
    const [fix] = quickFixes(text, diagnostic(text, 'T2-SHAPE'));
    expect(fix.title).toBe('补上“行政强制”行（填 0）');
    expect(apply(text, fix)).toBe(edit(sample(CLEAN), '  行政强制: 0\n', '  行政强制: 0\n'));
    expect(rules(apply(text, fix))).toEqual([]);
  });

  it('table 三: a missing row of a group goes after the group’s last row, at the rows’ indentation', () => {
    const seed = sample(SEED);
    const d = diagnostic(seed, 'T3-SHAPE', '不予处理');
    expect(d.message).toBe('表三缺少“5.要求行政机关确认或重新出具已获取信息”行。没有发生的情况也要填 0。');
    const [fix] = quickFixes(seed, d);
    expect(fix.title).toBe('补上“要求行政机关确认或重新出具已获取信息”行（填 0）');
    expect(apply(seed, fix)).toBe(edit(seed, '    无正当理由大量反复申请:   [~, ~, ~, ~, ~, ~, 0]\n',
      '    无正当理由大量反复申请:   [~, ~, ~, ~, ~, ~, 0]\n    要求行政机关确认或重新出具已获取信息: [0, 0, 0, 0, 0, 0]\n'));
  });

  it('table 三: the rows missing at one level are one diagnostic, with one fix that inserts them all', () => {
    // The seed lacks the three rows of （六）其他处理 and 四、结转下年度继续办理: one problem, one entry, one fix.
    const seed = sample(SEED);
    const shapes = diagnosticsOf(seed).filter((d) => d.code === 'T3-SHAPE' && textAt(seed, d.range).startsWith('三、'));
    expect(shapes).toHaveLength(1);
    expect(shapes[0].message).toContain('表三缺少 4 行：“1.申请人无正当理由逾期不补正');
    const fixes = quickFixes(seed, shapes[0]);
    expect(fixes.map((a) => a.title)).toEqual(['补上缺少的各行（填 0）']);
    const after = apply(seed, fixes[0]);
    for (const key of ['其他处理:', '逾期不补正: [0, 0, 0, 0, 0, 0]', '其他: [0, 0, 0, 0, 0, 0]', '结转下年度继续办理: [0, 0, 0, 0, 0, 0]']) {
      expect(after).toContain(key);
    }
    expect(diagnosticsOf(after).filter((d) => d.code === 'T3-SHAPE' && textAt(after, d.range).startsWith('三、'))).toEqual([]);
  });

  it('table 四: a missing part is one diagnostic (not one per row besides), inserted with its table', () => {
    const seed = sample(SEED);
    const d = diagnostic(seed, 'STR-PARTS');
    const fixes = quickFixes(seed, d);
    expect(fixes.map((a) => a.title)).toEqual(['补上“四、政府信息公开行政复议、行政诉讼情况”（表格填 0）']);
    expect(fixes[0].diagnostics!.map((x) => x.code)).toEqual(['STR-PARTS']);
    expect(rules(seed)).not.toContain('T4-SHAPE');
    const after = apply(seed, fixes[0]);
    expect(after).toContain(
      '\n四、政府信息公开行政复议、行政诉讼情况:\n  行政复议: [0, 0, 0, 0]\n  未经复议直接起诉: [0, 0, 0, 0]\n  复议后起诉: [0, 0, 0, 0]\n');
    expect(after.indexOf('四、政府信息公开')).toBeLessThan(after.indexOf('五、存在的主要问题'));
    expect(rules(after)).not.toContain('T4-SHAPE');
  });
});

describe('quick fixes on a blank cell', () => {
  it('writes 0 in the blank, and nothing else', () => {
    const d = diagnostic(mistakes, 'T3-BLANK');
    expect(textAt(mistakes, d.range)).toBe('~');
    const [fix] = quickFixes(mistakes, d);
    expect([fix.title, fix.isPreferred]).toEqual(['填写 0', true]);
    expect(apply(mistakes, fix)).toBe(edit(mistakes, '[1, ~, 0, 0, 0, 0, 1]', '[1, 0, 0, 0, 0, 0, 1]'));
  });
});

describe('which actions a request gets', () => {
  it('only the fixes of findings under the range, plus “fix all” when there is any', () => {
    const range = { start: at(mistakes, '行政处理'), end: at(mistakes, '行政处理', 4) };
    expect(actionsIn(mistakes, range).map((a) => [a.title, a.kind])).toEqual([
      ['改为“行政处罚”', 'quickfix'], ['修复全部 6 个可自动修复的问题', FIX_ALL_KIND],
    ]);
    expect(actionsIn(mistakes, range, ['quickfix']).map((a) => a.title)).toEqual(['改为“行政处罚”']);
  });

  it('nothing where there is nothing to fix, unless “fix all” is asked for by kind', () => {
    const nowhere = { start: at(mistakes, '机关: '), end: at(mistakes, '机关: ') };
    expect(actionsIn(mistakes, nowhere)).toEqual([]);
    expect(actionsIn(mistakes, nowhere, ['source.fixAll']).map((a) => a.kind)).toEqual([FIX_ALL_KIND]);
    expect(actionsIn(sample(CLEAN), wholeRange(open(sample(CLEAN)).doc), ['source.fixAll'])).toEqual([]);
  });
});

describe('“fix all”', () => {
  it('fixes every preferred fix at once and leaves what needs a person', () => {
    const [all] = actionsIn(mistakes, wholeRange(open(mistakes).doc), ['source.fixAll']);
    const after = apply(mistakes, all);
    expect(after).toContain('标题: 示例县自然资源和规划局2024年');
    expect(after).toContain('  行政处罚: 86');
    expect(after).toContain('[61, 9, 1, 0, 3, 1, 75]');
    expect(after).toContain('[1, 0, 0, 0, 0, 0, 1]');
    expect(after).toContain('[2, 1, 0, 1, 4]');
    expect(after).toContain('组织业务培训3次，加强队伍建设');
    expect(rules(after)).toEqual(['DATE-LATE-DEPT', 'TXT-NIL', 'TXT-T3', 'T2-GUIZHANG-ISSUER', 'T2-GUIZHANG-ISSUER',
      'T3-BALANCE', 'T3-BALANCE', 'FEE-COLLECTED-LE-BILLED']);
  });

  it('does not set a total from a term that another fix changes in the same edit', () => {
    // （七）总计 = 194 is right; it only looks wrong (195) while 予以公开's total says 76 instead of 75.
    expect(diagnostic(mistakes, 'T3-RESULT-TOTAL').message).toContain('填报为 194，按各项计算应为 195');
    const [all] = actionsIn(mistakes, wholeRange(open(mistakes).doc), ['source.fixAll']);
    const after = apply(mistakes, all);
    expect(after).toContain('  总计:                       [157, 23, 2, 0, 9, 3, 194]');
    expect(rules(after).filter((r) => r === 'T3-RESULT-TOTAL' || r === 'T3-ROW-TOTAL')).toEqual([]);
  });
});

describe('code actions in documents that are not clean', () => {
  it('an empty file: each missing part can be inserted; “fix all” inserts one without breaking the file', () => {
    const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fixes = actionsIn('', start, ['quickfix']);
    expect(fixes.map((a) => a.title)).toEqual([
      '补上“机关”', '补上“机关类型”', '补上“落款日期”', '补上“格式”', '补上“年度”',
      '补上“一、总体情况”（文字为提示，请改写）', '补上“二、主动公开政府信息情况”（表格填 0）',
      '补上“三、收到和处理政府信息公开申请情况”（表格填 0）', '补上“四、政府信息公开行政复议、行政诉讼情况”（表格填 0）',
      '补上“五、存在的主要问题及改进情况”（文字为提示，请改写）', '补上“六、其他需要报告的事项”（文字为提示，请改写）',
    ]);
    expect(apply('', fixes[3])).toBe('格式: 2021\n');
    const [all] = actionsIn('', start, ['source.fixAll']);
    expect(rules(apply('', all))).not.toContain('YAML-SYNTAX');
  });

  it('after a YAML syntax error: no fix for the error itself, and the fixes offered keep the YAML as it was', () => {
    const text = edit(sample(CLEAN), '  行政处罚: 3\n', '  行政处罚: [3\n');
    const syntax = diagnosticsOf(text).filter((d) => d.code === 'YAML-SYNTAX');
    expect(syntax.length).toBeGreaterThan(0);
    for (const d of syntax) expect(quickFixes(text, d)).toEqual([]);
    const errorsBefore = rules(text).filter((r) => r === 'YAML-SYNTAX').length;
    for (const action of actionsIn(text, wholeRange(open(text).doc))) {
      const errorsAfter = rules(apply(text, action)).filter((r) => r === 'YAML-SYNTAX').length;
      expect(errorsAfter, action.title).toBeLessThanOrEqual(errorsBefore);
    }
  });

  it('garbage: code actions answer without an exception', () => {
    const text = '{[}]:::\n\t- 机关: "';
    expect(() => actionsIn(text, wholeRange(open(text).doc))).not.toThrow();
  });

  it('CRLF line endings: edits hit the same text, inserted rows land after the \\r\\n', () => {
    const windows = crlf(mistakes);
    const [total] = quickFixes(windows, diagnostic(windows, 'T3-ROW-TOTAL', '76'));
    expect(editsOf(windows, total).map((e) => textAt(windows, e.range))).toEqual(['76']);
    const [lfTotal] = quickFixes(mistakes, diagnostic(mistakes, 'T3-ROW-TOTAL', '76'));
    expect(apply(windows, total)).toBe(crlf(apply(mistakes, lfTotal)));

    const seed = sample(SEED);
    const seedWindows = crlf(seed);
    const [row] = quickFixes(seedWindows, diagnostic(seedWindows, 'T3-SHAPE', '不予处理'));
    const [lfRow] = quickFixes(seed, diagnostic(seed, 'T3-SHAPE', '不予处理'));
    expect(editsOf(seedWindows, row).map((e) => e.range)).toEqual(editsOf(seed, lfRow).map((e) => e.range));
    expect(applyToCrlf(seedWindows, row)).toBe(crlf(apply(seed, lfRow)));
  });
});

describe('code actions in a 2019-format report (格式: 2019)', () => {
  it('fill a blank of the trial table 二 and correct a table 四 total', () => {
    const blank = edit(fixture('trial-2020.xxgk.yaml'), '[6, 85.6]', '[6, ~]');
    const trial = edit(blank, '[1, 0, 0, 0, 1]', '[1, 0, 0, 0, 2]');
    expect(rules(trial)).toEqual(['T2-BLANK', 'T4-GROUP-TOTAL']);
    const [all] = actionsIn(trial, wholeRange(open(trial).doc), ['source.fixAll']);
    expect(all.title).toBe('修复全部 2 个可自动修复的问题');
    expect(apply(trial, all)).toBe(edit(fixture('trial-2020.xxgk.yaml'), '[6, 85.6]', '[6, 0]'));
  });
});

describe('code actions and 未识别内容 (kept by the importer)', () => {
  it('the reminder has no fix; fixes elsewhere leave the kept text alone', () => {
    const kept = '未识别内容: |\n  附件：统计表 进行进行核对\n';
    const text = `${edit(mistakes, '行政处理', '行政处罚').trimEnd()}\n\n${kept}`;
    const reminder = diagnostic(text, 'IMPORT-UNMAPPED');
    expect(quickFixes(text, reminder)).toEqual([]);
    const [all] = actionsIn(text, wholeRange(open(text).doc), ['source.fixAll']);
    expect(apply(text, all).endsWith(`\n\n${kept}`)).toBe(true);
  });
});
