/** Diagnostics, in process: each finding at the exact cell or key, with its rule id, severity and message. */
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { crlf, open, textAt } from '../helpers/languageService';
import { CLEAN, COUNTY, MISTAKES, edit, fixture, sample } from '../helpers/samples';

function diagnosticsOf(text: string, locale?: 'en'): Diagnostic[] {
  const { service, doc } = open(text, locale ? { locale } : {});
  return service.getDiagnostics(doc);
}

/** Each diagnostic as “rule @ the text it underlines”. */
const located = (text: string, ds: Diagnostic[]) => ds.map((d) => `${d.code} @ ${textAt(text, d.range)}`);

function only(ds: Diagnostic[], rule: string): Diagnostic {
  const found = ds.filter((d) => d.code === rule);
  if (found.length !== 1) throw new Error(`expected one ${rule}, found ${found.length}`);
  return found[0];
}

const mistakes = sample(MISTAKES);

describe('diagnostics of complete reports', () => {
  it('none for a complete, correct report (2021 and 2019 formats)', () => {
    expect(diagnosticsOf(sample(CLEAN))).toEqual([]);
    expect(diagnosticsOf(sample(COUNTY))).toEqual([]);
    expect(diagnosticsOf(fixture('trial-2020.xxgk.yaml'))).toEqual([]);
  });

  it('every mistake of the mistakes sample, each at the text it is about', () => {
    expect(located(mistakes, diagnosticsOf(mistakes))).toEqual([
      'META-YEAR-MISMATCH @ 2023', 'DATE-LATE-DEPT @ 2025-02-10', 'TXT-NIL @ 未收到政府信息公开申请', 'TXT-T3 @ 结转下年度继续办理11件',
      'TXT-DOUBLED @ 加强加强', 'T2-SHAPE @ 二、主动公开政府信息情况', 'T2-GUIZHANG-ISSUER @ 1', 'T2-GUIZHANG-ISSUER @ 1',
      'STR-UNKNOWN-KEY @ 行政处理', 'T3-ROW-TOTAL @ 76', 'T3-BLANK @ ~', 'T3-RESULT-TOTAL @ 194',
      'T3-BALANCE @ 7', 'T3-BALANCE @ 12',
      'T4-GROUP-TOTAL @ 5', 'FEE-COLLECTED-LE-BILLED @ 500',
    ]);
    for (const d of diagnosticsOf(mistakes)) expect(d.source).toBe('xxgk');
  });
});

describe('diagnostics on a total', () => {
  it('table 三: reported and computed value, and every addend as related information at its cell', () => {
    const d = only(diagnosticsOf(mistakes), 'T3-ROW-TOTAL');
    expect(d.severity).toBe(DiagnosticSeverity.Error);
    expect(d.message).toContain('填报为 76，按各项计算应为 75');
    expect(d.relatedInformation!.map((r) => `${r.message} @ ${textAt(mistakes, r.location.range)}`)).toEqual([
      '自然人：61 @ 61', '商业企业：9 @ 9', '科研机构：1 @ 1', '社会公益组织：0 @ 0', '法律服务机构：3 @ 3', '其他：1 @ 1',
    ]);
    expect(d.relatedInformation!.every((r) => r.location.uri === open(mistakes).doc.uri)).toBe(true);
  });

  it('table 四', () => {
    const d = only(diagnosticsOf(mistakes), 'T4-GROUP-TOTAL');
    expect(d.message).toBe('表四“行政复议”行的总计填报为 5，按各项计算应为 4（结果维持 2 + 结果纠正 1 + 其他结果 0 + 尚未审结 1），相差 +1。');
    expect(d.relatedInformation).toHaveLength(4);
  });

  it('a total left blank is reported once, as blank, with the computed value — not as a sum error', () => {
    const text = edit(sample(COUNTY), '[2, 1, 0, 1, 4]', '[2, 1, 0, 1, ~]');
    expect(located(text, diagnosticsOf(text))).toEqual(['T4-BLANK @ ~']);
    expect(only(diagnosticsOf(text), 'T4-BLANK').message).toContain('总计未填（总计 4，按各项计算）');
  });
});

describe('diagnostics inside each table', () => {
  it('table 二: a misspelt key is a warning at the key; the missing row an error at the part', () => {
    const ds = diagnosticsOf(mistakes);
    const unknown = only(ds, 'STR-UNKNOWN-KEY');
    expect([unknown.severity, unknown.message]).toEqual([DiagnosticSeverity.Warning, '无法识别的项目“行政处理”，是否应为“行政处罚”？']);
    const shape = only(ds, 'T2-SHAPE');
    expect([shape.severity, shape.message]).toEqual([DiagnosticSeverity.Error, '表二缺少“行政处罚”行。没有发生的情况也要填 0。']);
  });

  it('table 三: a row with a value too few, at the row', () => {
    const text = edit(sample(CLEAN), '本年新收:          [3, 1, 0, 0, 0, 0]', '本年新收:          [3, 1, 0, 0, 0]');
    const d = only(diagnosticsOf(text), 'T3-SHAPE');
    expect(textAt(text, d.range)).toBe('[3, 1, 0, 0, 0]');
  });
});

describe('diagnostics on a blank cell', () => {
  it('a warning at the ~ naming its table, row and column', () => {
    const d = only(diagnosticsOf(mistakes), 'T3-BLANK');
    expect(d.severity).toBe(DiagnosticSeverity.Warning);
    expect(d.message).toBe('表三“3.要求提供公开出版物”行“商业企业”列是空白，按 0 计算。没有发生的情况应填 0。');
  });
});

describe('diagnostics of documents that are not clean', () => {
  it('an empty file: what is missing, at the start', () => {
    const ds = diagnosticsOf('');
    expect(ds.map((d) => d.code)).toEqual(['META-FIELD', 'META-FIELD', 'META-FIELD', 'META-VERSION', 'META-YEAR',
      ...Array(6).fill('STR-PARTS')]);
    for (const d of ds) expect(d.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('a YAML syntax error: a clear message at the bracket, and the rest of the report is still checked', () => {
    const broken = edit(sample(CLEAN), '  行政处罚: 3\n', '  行政处罚: [3\n');
    const text = edit(broken, '[3, 1, 0, 0, 0, 0]', '[3, 1, 0, 0, 0, 0, 5]');
    const ds = diagnosticsOf(text);
    const syntax = ds.find((d) => d.code === 'YAML-SYNTAX')!;
    expect(syntax.severity).toBe(DiagnosticSeverity.Error);
    expect(syntax.range.start.line).toBe(text.split('\n').indexOf('  行政处罚: [3'));
    expect(syntax.message).toBe('这一行的“]”没有闭合：方括号或花括号要在同一行内配对。');
    expect(located(text, ds.filter((d) => d.code === 'T3-ROW-TOTAL'))).toEqual(['T3-ROW-TOTAL @ 5']); // below the error
    expect(ds.map((d) => d.code)).toContain('STR-TYPE'); // the value the bracket swallowed
  });

  it('garbage: diagnostics, not an exception', () => {
    const ds = diagnosticsOf('{[}]:::\n\t- 机关: "');
    expect(ds.map((d) => d.code)).toContain('YAML-SYNTAX');
    expect(only(ds, 'META-CONTACT').severity).toBe(DiagnosticSeverity.Information);
  });

  it('CRLF line endings: the same diagnostics, on the same lines and columns', () => {
    // The same but for the document's uri (each text is its own document here).
    const withoutUri = (ds: Diagnostic[]) =>
      ds.map(({ relatedInformation, ...d }) => ({ ...d, related: relatedInformation?.map((r) => r.location.range) }));
    const windows = diagnosticsOf(crlf(mistakes));
    expect(withoutUri(windows)).toEqual(withoutUri(diagnosticsOf(mistakes)));
    expect(located(crlf(mistakes), windows)).toEqual(located(mistakes, diagnosticsOf(mistakes)));
  });
});

describe('diagnostics of a 2019-format report (格式: 2019)', () => {
  it('a trial-format report for 2022: the version at 格式 and every old row at its key', () => {
    const for2022 = edit(fixture('trial-2020.xxgk.yaml'), '年度: 2020', '年度: 2022');
    const text = edit(for2022, '落款日期: 2021-01-22', '落款日期: 2023-01-22');
    const ds = diagnosticsOf(text);
    expect(located(text, ds.filter((d) => d.code === 'META-VERSION' || d.code === 'VER-OLD-MARKERS'))).toEqual([
      'META-VERSION @ 2019', 'VER-OLD-MARKERS @ 规章', 'VER-OLD-MARKERS @ 规范性文件', 'VER-OLD-MARKERS @ 行政许可',
      'VER-OLD-MARKERS @ 其他对外管理服务事项', 'VER-OLD-MARKERS @ 行政处罚', 'VER-OLD-MARKERS @ 行政强制',
      'VER-OLD-MARKERS @ 行政事业性收费', 'VER-OLD-MARKERS @ 政府集中采购', 'VER-OLD-MARKERS @ 其他处理',
    ]);
    expect(only(ds, 'META-VERSION').message).toMatch(/^2022 年度报告应使用 2021 格式/);
  });

  it('a trial-format total is checked against the trial rows (（六） as one row)', () => {
    const row = '  其他处理:                   ';
    const text = edit(fixture('trial-2020.xxgk.yaml'), `${row}[0, 0, 0, 0, 0, 0, 0]`, `${row}[1, 0, 0, 0, 0, 0, 1]`);
    // The written （七）总计 (20 and 24) no longer adds up; the balance still holds with the written totals.
    expect(located(text, diagnosticsOf(text))).toEqual(['T3-RESULT-TOTAL @ 20', 'T3-RESULT-TOTAL @ 24']);
    // 19 terms: （一）（二）, 8 + 3 + 5 sub-rows and （六） as one row (the 2021 format has 21).
    expect(diagnosticsOf(text)[0].message).toContain('填报为 20，按各项计算应为 21（予以公开 9 + 部分公开 3 + ');
    expect(diagnosticsOf(text)[0].message).toContain('（共 19 项，10 项为 0）');
  });
});

describe('diagnostics with 未识别内容 (kept by the importer)', () => {
  it('one reminder at the key with the number of kept paragraphs; the kept text is not checked', () => {
    const text = `${sample(CLEAN).trimEnd()}\n\n未识别内容: |\n  第七部分 其他事项 12 件\n\n  附件：进行进行核对\n`;
    const ds = diagnosticsOf(text);
    expect(located(text, ds)).toEqual(['IMPORT-UNMAPPED @ 未识别内容']);
    expect(ds[0].message).toBe('“未识别内容”中还有 2 段导入时未能识别的内容。请逐段核对：移到相应的部分或表格，或确认无用后删除。');
  });
});

describe('diagnostics in English', () => {
  it('the same findings, in the English bundle', () => {
    const d = only(diagnosticsOf(mistakes, 'en'), 'T3-ROW-TOTAL');
    expect(d.message).not.toMatch(/填报为|按各项计算/);
    expect(d.message).toContain('76');
    expect(d.message).toContain('75');
    expect(diagnosticsOf(mistakes, 'en').map((x) => x.code)).toEqual(diagnosticsOf(mistakes).map((x) => x.code));
  });
});
