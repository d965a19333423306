/** Hover, in process: what the clerk sees when pointing at a key, a cell, a total, a part or a field. */
import { describe, expect, it } from 'vitest';
import { at, crlf, hoverText, open, textAt } from '../helpers/languageService';
import { CLEAN, COUNTY, MISTAKES, edit, fixture, sample } from '../helpers/samples';

/** The hover's markdown and the text its range covers. */
function hoverAt(text: string, marker: string, delta = 0) {
  const { service, doc } = open(text);
  const hover = service.getHover(doc, at(text, marker, delta));
  return hover && { markdown: hoverText(hover), covers: textAt(text, hover.range!), range: hover.range! };
}

/** The paragraphs of a markdown text (blank-line separated). */
const paragraphs = (markdown: string) => markdown.split(/\n\n+/);

const mistakes = sample(MISTAKES);
const T3_ROW = '[61, 9, 1, 0, 3, 1, 76]';

describe('hover on a total', () => {
  it('shows the official row and column, the identity and whether it holds, reported and computed value', () => {
    const h = hoverAt(mistakes, T3_ROW, T3_ROW.indexOf('76'))!;
    expect(h.covers).toBe('76');
    expect(paragraphs(h.markdown)).toEqual([
      '**表三 · （一）予以公开 · 申请人情况 / 总计**',
      '全部予以公开的申请件数。',
      '勾稽关系：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（不成立：76 ≠ 75，相差 1）',
      '勾稽关系：（七）总计 = （一）+（二）+（三）1～8 +（四）1～3 +（五）1～5 +（六）1～3（不成立：194 ≠ 195，相差 -1）',
      '填报值：76',
      '计算值：75',
      '依据：《条例》第五十条第（二）项',
    ]);
  });

  it('on the （七）总计 row of table 三: the three identities it takes part in', () => {
    const county = sample(COUNTY);
    const h = hoverAt(county, '[157, 23, 2, 0, 9, 3, 194]', '[157, 23, 2, 0, 9, 3, '.length)!;
    expect(h.covers).toBe('194');
    expect(paragraphs(h.markdown)[0]).toBe('**表三 · （七）总计 · 申请人情况 / 总计**');
    expect(h.markdown).toContain('勾稽关系：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（成立：194）');
    expect(h.markdown).toContain('勾稽关系：（七）总计 = （一）+（二）+（三）1～8 +（四）1～3 +（五）1～5 +（六）1～3（成立：194）');
    expect(h.markdown).toContain('勾稽关系：一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理（成立：205）');
    expect(h.markdown).toContain('填报值：194\n\n计算值：194');
  });

  it('on （七）总计 · 总计, a total two ways: both computed values when the row and the column disagree', () => {
    const county = edit(sample(COUNTY), '[157, 23, 2, 0, 9, 3, 194]', '[157, 23, 2, 0, 9, 4, 194]');
    const h = hoverAt(county, '[157, 23, 2, 0, 9, 4, 194]', '[157, 23, 2, 0, 9, 4, '.length)!;
    expect(h.covers).toBe('194');
    expect(h.markdown).toContain('填报值：194\n\n计算值：195（总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他）'
      + '\n\n计算值：194（（七）总计 = （一）+（二）+（三）1～8 +（四）1～3 +（五）1～5 +（六）1～3）');
  });

  it('in table 四', () => {
    const h = hoverAt(mistakes, '[2, 1, 0, 1, 5]', '[2, 1, 0, 1, '.length)!;
    expect(h.covers).toBe('5');
    expect(h.markdown).toContain('**表四 · 行政复议 · 行政复议 / 总计**');
    expect(h.markdown).toContain('勾稽关系：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结（不成立：5 ≠ 4，相差 1）');
    expect(h.markdown).toContain('填报值：5\n\n计算值：4');
    expect(h.markdown).toContain('依据：《条例》第五十条第（三）项');
  });

  it('left blank (~): the reported value is “空白”, the computed value still shows', () => {
    const text = edit(mistakes, T3_ROW, '[61, 9, 1, 0, 3, 1, ~]');
    const h = hoverAt(text, '[61, 9, 1, 0, 3, 1, ~]', '[61, 9, 1, 0, 3, 1, '.length)!;
    expect(h.covers).toBe('~');
    expect(h.markdown).toContain('填报值：空白\n\n计算值：75');
  });

  it('that holds: “成立” with the value', () => {
    const text = edit(mistakes, T3_ROW, '[61, 9, 1, 0, 3, 1, 75]');
    const h = hoverAt(text, '[61, 9, 1, 0, 3, 1, 75]', '[61, 9, 1, 0, 3, 1, '.length)!;
    expect(h.markdown).toContain('其他（成立：75）');
    expect(h.markdown).toContain('填报值：75\n\n计算值：75');
  });
});

describe('hover inside each table', () => {
  it('table 二: a one-value row’s value and its key', () => {
    const value = hoverAt(mistakes, '行政许可: 1243', '行政许可: '.length)!;
    expect(value.covers).toBe('1243');
    expect(paragraphs(value.markdown)[0]).toBe('**表二 · 行政许可 · 本年处理决定数量**');
    expect(value.markdown).toContain('依据：《条例》第五十条第（一）项、第二十条');
    const key = hoverAt(mistakes, '行政许可: 1243', 1)!;
    expect(key.covers).toBe('行政许可');
    expect(paragraphs(key.markdown)).toEqual([
      '**表二 · 行政许可**', '本年作出的行政许可处理决定数量（包括公开的和依法不公开的）。', '各列：本年处理决定数量',
    ]);
  });

  it('table 二: a cell of a three-column row names its column and unit-free help', () => {
    const h = hoverAt(mistakes, '行政规范性文件:   [3, 1, 27]', '行政规范性文件:   [3, 1, '.length)!;
    expect(h.covers).toBe('27');
    expect(paragraphs(h.markdown)[0]).toMatch(/^\*\*表二 · 行政规范性文件 · .*现行有效件数\*\*$/);
  });

  it('table 三: an ordinary cell shows the identities its row and column take part in', () => {
    const h = hoverAt(mistakes, T3_ROW, 1)!;
    expect(h.covers).toBe('61');
    expect(paragraphs(h.markdown)[0]).toBe('**表三 · （一）予以公开 · 申请人情况 / 自然人**');
    expect(h.markdown).toContain('（不成立：76 ≠ 75，相差 1）');
    expect(h.markdown).toContain('（六）1～3（成立：157）');
    expect(h.markdown).not.toContain('计算值'); // only totals have a computed value
  });

  it('table 三: a group key and a row key inside the group', () => {
    const group = hoverAt(mistakes, '  不予公开:', 2)!;
    expect(group.covers).toBe('不予公开');
    expect(paragraphs(group.markdown)).toEqual(['**（三）不予公开**', '不予公开的申请，按理由分 8 项。']);
    const row = hoverAt(mistakes, '属于国家秘密:', 1)!;
    expect(row.covers).toBe('属于国家秘密');
    expect(paragraphs(row.markdown)[0]).toBe('**表三 · 1.属于国家秘密**');
  });

  it('table 四: a row key lists the columns, the total marked as optional', () => {
    const h = hoverAt(mistakes, '  复议后起诉:', 2)!;
    expect(h.covers).toBe('复议后起诉');
    expect(paragraphs(h.markdown)[0]).toBe('**表四 · 行政诉讼（复议后起诉）**');
    expect(h.markdown).toContain('各列：结果维持、结果纠正、其他结果、尚未审结、总计（可不填，自动计算）');
  });

  it('a part heading: its help, legal basis and each identity of its table as a paragraph of its own', () => {
    const h = hoverAt(mistakes, '三、收到和处理政府信息公开申请情况:', 1)!;
    expect(h.covers).toBe('三、收到和处理政府信息公开申请情况');
    expect(paragraphs(h.markdown)).toEqual([
      '**三、收到和处理政府信息公开申请情况**',
      '表三：按申请人类型统计本年新收、上年结转的申请和办理结果。',
      '依据：《条例》第五十条第（二）项',
      '勾稽关系：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
      '勾稽关系：（七）总计 = （一）+（二）+（三）1～8 +（四）1～3 +（五）1～5 +（六）1～3',
      '勾稽关系：一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理',
    ]);
  });
});

describe('hover on a blank cell', () => {
  it('names the cell under the cursor and counts the blank as 0 in its row’s identity', () => {
    const h = hoverAt(mistakes, '~')!;
    expect(h.covers).toBe('~');
    expect(paragraphs(h.markdown)[0]).toBe('**表三 · 3.要求提供公开出版物 · 申请人情况 / 法人或其他组织 / 商业企业**');
    expect(h.markdown).toContain('其他（成立：1）'); // [1, ~, 0, 0, 0, 0, 1]
  });
});

describe('hover on metadata and prose', () => {
  it('机关类型: the deadline that the written kind brings, on the key and on the value', () => {
    for (const delta of [1, '机关类型: '.length + 1]) {
      const h = hoverAt(mistakes, '机关类型: 县级政府部门', delta)!;
      expect(h.markdown).toContain('**机关类型**（机关类型）');
      expect(h.markdown).toContain('发布时限：次年1月31日（《条例》第四十九条第一款）');
    }
    expect(hoverAt(mistakes, '机关类型: 县级政府部门', 1)!.covers).toBe('机关类型');
    expect(hoverAt(mistakes, '机关类型: 县级政府部门', 7)!.covers).toBe('县级政府部门');
  });

  it('inside a topic’s prose: the topic', () => {
    const h = hoverAt(mistakes, '全年主动公开政府信息1,286条', 3)!;
    expect(paragraphs(h.markdown)).toEqual(['**（一）主动公开**（主动公开）', '主动公开政府信息的渠道、数量和重点领域。']);
    expect(h.covers).toContain('全年主动公开政府信息1,286条');
  });

  it('nothing on an unknown key, a comment, or between cells', () => {
    expect(hoverAt(mistakes, '行政处理: 86', 1)).toBeNull();
    expect(hoverAt(mistakes, '# 错误：行总计应为 75', 3)).toBeNull();
    expect(hoverAt(mistakes, T3_ROW, 4)).toBeNull(); // the space after “61,”
  });
});

describe('hover in documents that are not clean', () => {
  it('an empty file: nothing, no error', () => {
    const { service, doc } = open('');
    expect(service.getHover(doc, { line: 0, character: 0 })).toBeNull();
    expect(service.getHover(doc, { line: 5, character: 9 })).toBeNull();
  });

  it('after a YAML syntax error: the rest of the report still answers, the broken spot does not throw', () => {
    const text = edit(sample(CLEAN), '  行政处罚: 3\n', '  行政处罚: [3\n');
    const cell = hoverAt(text, '本年新收:          [3, 1', '本年新收:          [3, '.length)!;
    expect(cell.covers).toBe('1');
    expect(paragraphs(cell.markdown)[0]).toBe('**表三 · 一、本年新收政府信息公开申请数量 · 申请人情况 / 法人或其他组织 / 商业企业**');
    expect(hoverAt(text, '行政处罚: [3', 1)!.covers).toBe('行政处罚');
    const { service, doc } = open(text);
    for (let character = 0; character <= 14; character++) {
      expect(() => service.getHover(doc, { line: at(text, '行政处罚: [3').line, character })).not.toThrow();
    }
  });

  it('garbage: null, not an exception', () => {
    const { service, doc } = open('{[}]:::\n\t- 机关: "');
    expect(service.getHover(doc, { line: 0, character: 1 })).toBeNull();
    expect(service.getHover(doc, { line: 1, character: 4 })).toBeNull();
  });

  it('CRLF line endings: the same lines and columns as with LF', () => {
    const lf = hoverAt(mistakes, T3_ROW, T3_ROW.indexOf('76'))!;
    const windows = crlf(mistakes);
    const h = hoverAt(windows, T3_ROW, T3_ROW.indexOf('76'))!;
    expect(h.covers).toBe('76');
    expect(h.range).toEqual(lf.range);
    expect(h.markdown).toBe(lf.markdown);
    // The last field on a line: its range stops before the \r.
    const contact = hoverAt(windows, '联系方式: ', '联系方式: '.length)!;
    expect(contact.covers).toBe('示例县自然资源和规划局办公室，地址：示例县人民路18号，电话：0000-1234567');
  });
});

describe('hover in a 2019-format report (格式: 2019)', () => {
  const trial = fixture('trial-2020.xxgk.yaml');

  it('uses the trial template: table 二’s columns and rows of 2019', () => {
    const h = hoverAt(trial, '行政许可:          [38, -3, 1562]', '行政许可:          [38, '.length)!;
    expect(h.covers).toBe('-3');
    expect(paragraphs(h.markdown)[0]).toBe('**表二 · 行政许可 · 本年增/减**');
    const procurement = hoverAt(trial, '政府集中采购:       [6, 85.6]', '政府集中采购:       [6, '.length)!;
    expect(procurement.covers).toBe('85.6');
    expect(paragraphs(procurement.markdown)[0]).toBe('**表二 · 政府集中采购 · 采购总金额**');
  });

  it('（六）其他处理 is one row, and （七）总计 adds （六） as a whole', () => {
    const h = hoverAt(trial, '[20, 3, 0, 0, 1, 0, 24]', '[20, 3, 0, 0, 1, 0, '.length)!;
    expect(h.covers).toBe('24');
    expect(h.markdown).toContain('（七）总计 = （一）+（二）+（三）1～8 +（四）1～3 +（五）1～5 +（六）（成立：24）');
    expect(h.markdown).toContain('填报值：24\n\n计算值：24');
  });
});

describe('hover on 未识别内容 (kept by the importer)', () => {
  const text = `${sample(COUNTY).trimEnd()}\n\n# ── 导入时未能识别的内容：原样保留如下。──\n未识别内容: |\n  第七部分 其他事项 12 件\n`;

  it('explains what it is, on the key and inside the kept text', () => {
    const key = hoverAt(text, '未识别内容:', 1)!;
    expect(key.covers).toBe('未识别内容');
    expect(paragraphs(key.markdown)).toEqual([
      '**导入时未识别的内容**（未识别内容）',
      '导入已发布的报告时，未能对应到格式中任何位置的文字和表格单元格原样保留在这里。请逐条核对：移到正确的位置，或确认无用后删除。',
    ]);
    expect(hoverAt(text, '第七部分', 1)!.markdown).toBe(key.markdown);
  });
});

describe('hover in English', () => {
  it('speaks the English bundle, with quoted Chinese labels only', () => {
    const { service, doc } = open(mistakes, { locale: 'en' });
    const md = hoverText(service.getHover(doc, at(mistakes, T3_ROW, T3_ROW.indexOf('76'))));
    expect(md).toContain('Computed: 75');
    expect(md).toContain('Reported: 76');
    expect(md).not.toMatch(/计算值|填报值|勾稽关系/);
  });
});
