/** Document symbols (the outline), in process: metadata, parts, tables, groups and rows, nested as in the file. */
import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { crlf, open, textAt } from '../helpers/languageService';
import { CLEAN, COUNTY, MISTAKES, edit, fixture, sample } from '../helpers/samples';

function symbolsOf(text: string): DocumentSymbol[] {
  const { service, doc } = open(text);
  return service.getDocumentSymbols(doc);
}

/** The outline as the clerk sees it: one line per symbol, indented by depth. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...outline(s.children ?? [], depth + 1)]);
}

function named(symbols: DocumentSymbol[], name: string): DocumentSymbol {
  const found = symbols.find((s) => s.name === name || s.name.startsWith(`${name}、`));
  if (!found) throw new Error(`no symbol “${name}” among ${symbols.map((s) => s.name).join(', ')}`);
  return found;
}

const before = (a: Range['start'], b: Range['start']) =>
  a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** LSP: a symbol's range contains its selection range and its children's ranges. */
function checkNesting(symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    expect(contains(s.range, s.selectionRange), s.name).toBe(true);
    for (const c of s.children ?? []) expect(contains(s.range, c.range), `${c.name} in ${s.name}`).toBe(true);
    checkNesting(s.children ?? []);
  }
}

const PARTS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

describe('the outline of a complete report', () => {
  const clean = sample(CLEAN);
  const symbols = symbolsOf(clean);

  it('lists metadata and the six parts in document order, each table with its rows and row groups', () => {
    expect(symbols.map((s) => s.name)).toEqual(['格式', '机关', '机关类型', '年度', '落款日期', '联系方式', '导语', ...PARTS]);
    expect(outline([named(symbols, '二')])).toEqual([
      '二、主动公开政府信息情况', '  规章', '  行政规范性文件', '  行政许可', '  行政处罚', '  行政强制', '  行政事业性收费',
    ]);
    expect(outline(named(symbols, '三').children!).filter((l) => !l.startsWith(' '))).toEqual([
      '本年新收', '上年结转', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '结转下年度继续办理',
    ]);
    expect(outline([named(named(symbols, '三').children!, '其他处理')])).toEqual(['其他处理', '  逾期不补正', '  逾期未缴费', '  其他']);
    expect(outline([named(symbols, '四')])).toEqual(['四、政府信息公开行政复议、行政诉讼情况', '  行政复议', '  未经复议直接起诉', '  复议后起诉']);
  });

  it('shows the value of a metadata field, the table of a part and the official label of a row', () => {
    expect(named(symbols, '机关').detail).toBe('张营乡人民政府');
    expect(named(symbols, '导语').detail).toBeUndefined(); // prose is not repeated in the outline
    expect(named(symbols, '三').detail).toBe('表三');
    expect(named(symbols, '三').kind).toBe(SymbolKind.Class);
    const group = named(named(symbols, '三').children!, '不予公开');
    expect([group.kind, group.detail]).toEqual([SymbolKind.Struct, '（三）不予公开']);
    expect(group.children![0].detail).toBe('1.属于国家秘密');
    expect(named(named(symbols, '四').children!, '未经复议直接起诉').detail).toBe('行政诉讼（未经复议直接起诉）');
  });

  it('nests 信息处理费’s figures inside it, as in the file', () => {
    expect(outline([named(symbols, '六')])).toEqual([
      '六、其他需要报告的事项', '  信息处理费', '    收费通知件数', '    收费通知金额', '    实际收取金额', '  其他',
    ]);
  });

  it('selects the key and spans the whole value', () => {
    const t3 = named(symbols, '三');
    expect(textAt(clean, t3.selectionRange)).toBe('三、收到和处理政府信息公开申请情况');
    expect(textAt(clean, t3.range)).toMatch(/^三、收到和处理政府信息公开申请情况:\n[\s\S]*结转下年度继续办理: {9}\[0, 0, 0, 0, 0, 0\]\n$/);
    const row = named(t3.children!, '本年新收');
    expect(textAt(clean, row.range)).toBe('本年新收:          [3, 1, 0, 0, 0, 0]');
    expect(textAt(clean, named(symbols, '机关').range)).toBe('机关: 张营乡人民政府');
    checkNesting(symbols);
  });
});

describe('the outline of reports that are not clean', () => {
  it('an empty file: nothing', () => {
    expect(symbolsOf('')).toEqual([]);
  });

  it('leaves out unknown keys and keeps rows with blank cells', () => {
    const symbols = symbolsOf(sample(MISTAKES));
    expect(outline([named(symbols, '二')])).toEqual([
      '二、主动公开政府信息情况', '  规章', '  行政规范性文件', '  行政许可', '  行政强制', '  行政事业性收费', // 行政处理 is a typo
    ]);
    expect(named(named(named(symbols, '三').children!, '不予处理').children!, '要求提供公开出版物').detail).toBe('3.要求提供公开出版物');
  });

  it('a part missing from the file is missing from the outline (the seed lacks part 四)', () => {
    expect(symbolsOf(sample('seed-zhangying-2023.xxgk.yaml')).map((s) => s.name).filter((n) => /^[一二三四五六]、/.test(n)))
      .toEqual([PARTS[0], PARTS[1], PARTS[2], PARTS[4], PARTS[5]]);
  });

  it('after a YAML syntax error: the parts are all there, the rows the error swallowed are not', () => {
    const text = edit(sample(CLEAN), '  行政处罚: 3\n', '  行政处罚: [3\n');
    const symbols = symbolsOf(text);
    expect(symbols.map((s) => s.name).filter((n) => /^[一二三四五六]、/.test(n))).toEqual(PARTS);
    // `[3` runs on over the next lines: 行政强制 keeps its key (its value is broken), 行政事业性收费 is swallowed.
    expect(outline(named(symbols, '二').children!)).toEqual(['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制']);
    expect(named(symbols, '四').children).toHaveLength(3);
    checkNesting(symbols);
  });

  it('garbage: no symbols, no exception', () => {
    expect(symbolsOf('{[}]:::\n\t- 机关: "')).toEqual([]);
  });

  it('CRLF line endings: the same symbols with the same ranges as with LF', () => {
    const text = sample(COUNTY);
    const windows = symbolsOf(crlf(text));
    expect(windows).toEqual(symbolsOf(text));
    const row = named(named(windows, '三').children!, '予以公开');
    expect(textAt(crlf(text), row.range)).toBe('予以公开:          [61, 9, 1, 0, 3, 1, 75]');
  });
});

describe('the outline of a 2019-format report (格式: 2019)', () => {
  const trial = fixture('trial-2020.xxgk.yaml');
  const symbols = symbolsOf(trial);

  it('has the trial rows: 政府集中采购 in table 二, （六）其他处理 as one row and the written （七）总计', () => {
    expect(outline(named(symbols, '二').children!)).toEqual([
      '规章', '规范性文件', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购',
    ]);
    const t3 = named(symbols, '三').children!;
    const other = named(t3, '其他处理');
    expect([other.kind, other.detail, other.children]).toEqual([SymbolKind.Field, '（六）其他处理', undefined]);
    expect(named(t3, '总计').detail).toBe('（七）总计');
    expect(named(symbols, '六').children).toEqual([]); // part 六 is one paragraph here
  });
});

describe('the outline with 未识别内容 (kept by the importer)', () => {
  it('shows it where it is, after the parts', () => {
    const text = `${sample(CLEAN).trimEnd()}\n\n# ── 导入时未能识别的内容：原样保留如下。──\n未识别内容: |\n  第七部分 其他事项 12 件\n`;
    const symbols = symbolsOf(text);
    expect(symbols.map((s) => s.name).slice(-2)).toEqual([PARTS[5], '未识别内容']);
    const kept = named(symbols, '未识别内容');
    expect(kept.kind).toBe(SymbolKind.Property);
    expect(textAt(text, kept.range)).toBe('未识别内容: |\n  第七部分 其他事项 12 件\n');
  });
});
