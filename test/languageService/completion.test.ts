/** Completion, in process: what is offered where the clerk types, and what accepting it writes. */
import { describe, expect, it } from 'vitest';
import { CURSOR, acceptCompletion, crlf, item, labels, open, openAt } from '../helpers/languageService';
import { CLEAN, MISTAKES, edit, fixture, sample } from '../helpers/samples';

/** Completion at the ‸ in `marked`. */
function complete(marked: string) {
  const { service, doc, text, position } = openAt(marked);
  return { list: service.getCompletion(doc, position), text, position };
}

/** Rules found in a text (through the same service). */
function rules(text: string): string[] {
  const { service, doc } = open(text);
  return service.getDiagnostics(doc).map((d) => String(d.code));
}

const clean = sample(CLEAN);
const PARTS = [
  '一、总体情况', '二、主动公开政府信息情况（含表二，填 0）', '三、收到和处理政府信息公开申请情况（含表三，填 0）',
  '四、政府信息公开行政复议、行政诉讼情况（含表四，填 0）', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
];

describe('completion in an empty file', () => {
  it('offers the whole report first, then every metadata key a clerk writes and the six parts', () => {
    const { list } = complete(CURSOR);
    // Not 未识别内容: the importer writes it, a clerk only empties it.
    expect(labels(list)).toEqual([
      '完整年度报告（六个部分，表格填 0）',
      '格式', '标题', '机关', '机关类型', '年度', '落款日期', '发布日期', '联系方式', '上年报告', '导语',
      ...PARTS,
    ]);
  });

  it('the whole report, accepted, leaves only what a person must write (contact, prose, Art. 50(4) content)', () => {
    const { list, text } = complete(CURSOR);
    const report = acceptCompletion(text, list.items[0]);
    // Last year for the service's “today” (2026-11-27), signed on 20 January after it.
    expect(report.startsWith('格式: 2021\n机关: 机关名称\n机关类型: 乡镇人民政府\n年度: 2025\n落款日期: 2026-01-20\n')).toBe(true);
    const found = rules(report);
    expect(new Set(found)).toEqual(new Set(['META-CONTACT', 'TXT-PLACEHOLDER', 'STR-GOV-ART50-4']));
    expect(found.filter((r) => r === 'TXT-PLACEHOLDER')).toHaveLength(6); // five topics of part 一, part 五
  });

  it('a part with its table, accepted at the top level, writes the table as zeros', () => {
    const { list, text } = complete(CURSOR);
    expect(acceptCompletion(text, item(list, PARTS[3]))).toBe(
      '四、政府信息公开行政复议、行政诉讼情况:\n  行政复议: [0, 0, 0, 0]\n  未经复议直接起诉: [0, 0, 0, 0]\n  复议后起诉: [0, 0, 0, 0]');
  });
});

describe('completion of metadata', () => {
  it('does not offer keys already written, nor the whole report once the file has content', () => {
    const { list } = complete(`格式: 2021\n年度: 2024\n${CURSOR}`);
    expect(labels(list)).not.toContain('格式');
    expect(labels(list)).not.toContain('年度');
    expect(labels(list)).not.toContain('完整年度报告（六个部分，表格填 0）');
    expect(labels(list)).toContain('机关');
    // The date defaults to the report's year: signed in the next January.
    expect(item(list, '落款日期').textEdit!.newText).toBe('落款日期: ${1:2025-01-20}');
  });

  it('机关类型: every kind of body, each with its publication deadline', () => {
    const { list, text } = complete(`年度: 2024\n机关类型: ${CURSOR}`);
    expect(labels(list)).toEqual(['国务院部门', '省级人民政府', '市级人民政府', '县级人民政府', '省级政府部门', '市级政府部门',
      '县级政府部门', '乡镇人民政府', '街道办事处', '其他']);
    expect(item(list, '县级政府部门').detail).toBe('发布时限：次年1月31日（《条例》第四十九条第一款）');
    expect(acceptCompletion(text, item(list, '街道办事处'))).toBe('年度: 2024\n机关类型: 街道办事处');
  });

  it('机关类型 right after the colon: the space is added', () => {
    const { list, text } = complete(`机关类型:${CURSOR}`);
    expect(acceptCompletion(text, item(list, '乡镇人民政府'))).toBe('机关类型: 乡镇人民政府');
  });

  it('落款日期: today (the service’s) and the deadline of the body’s kind', () => {
    expect(labels(complete(`年度: 2024\n机关类型: 县级政府部门\n落款日期: ${CURSOR}`).list)).toEqual(['2026-11-27', '2025-01-31']);
    expect(labels(complete(`年度: 2024\n机关类型: 县级人民政府\n落款日期: ${CURSOR}`).list)).toEqual(['2026-11-27', '2025-03-31']);
    expect(labels(complete(`落款日期: ${CURSOR}`).list)).toEqual(['2026-11-27']); // no year: no deadline
  });

  it('年度 and 格式', () => {
    expect(labels(complete(`年度: ${CURSOR}`).list)).toEqual(['2025']);
    expect(labels(complete(`格式: ${CURSOR}`).list)).toEqual(['2021']);
  });
});

describe('completion inside table 二', () => {
  it('offers the missing row, with as many zeros as it has columns', () => {
    const marked = edit(clean, '  行政规范性文件:   [0, 0, 0]\n', `  ${CURSOR}\n`);
    const { list, text } = complete(marked);
    expect(labels(list)).toEqual(['行政规范性文件', '说明']);
    const expected = edit(clean, '  行政规范性文件:   [0, 0, 0]\n', '  行政规范性文件: [0, 0, 0]\n');
    expect(acceptCompletion(text, item(list, '行政规范性文件'))).toBe(expected);
  });

  it('a row’s value: a list for a three-column row, one number for a one-value row', () => {
    const list = complete(edit(clean, '  规章:            [0, 0, 0]', `  规章: ${CURSOR}`)).list;
    expect(labels(list)).toEqual(['[0, 0, 0]']);
    expect(list.items[0].detail).toBe('本年制发 · 本年废止 · 现行有效');
    const one = complete(edit(clean, '  行政强制: 0', `  行政强制: ${CURSOR}`));
    expect(acceptCompletion(one.text, one.list.items[0])).toBe(clean);
  });

  it('a key being typed: the range replaces what was typed', () => {
    const { list, text } = complete(edit(clean, '  行政强制: 0\n', `  行政强${CURSOR}\n`));
    expect(acceptCompletion(text, item(list, '行政强制'))).toBe(clean);
  });

  it('only 说明 when every row is there', () => {
    const last = '  行政事业性收费: 0 # 本年收费金额（万元）\n';
    expect(labels(complete(edit(clean, last, `${last}  ${CURSOR}\n`)).list)).toEqual(['说明']);
  });
});

describe('completion inside table 三', () => {
  const emptied = clean.replace(/三、收到和处理政府信息公开申请情况:\n[\s\S]*?\n\n四、/, `三、收到和处理政府信息公开申请情况:\n  ${CURSOR}\n\n四、`);

  it('in an empty table: the whole table first, then each row and row group', () => {
    const { list } = complete(emptied);
    expect(labels(list)).toEqual([
      '表三“收到和处理政府信息公开申请情况”全部行（填 0）', '本年新收', '上年结转', '予以公开', '部分公开', '不予公开',
      '无法提供', '不予处理', '其他处理', '总计', '结转下年度继续办理', '说明',
    ]);
  });

  it('the whole table, accepted, completes table 三 (the optional 总计 row left out)', () => {
    const { list, text } = complete(emptied);
    const after = acceptCompletion(text, list.items[0]);
    expect(after).toContain('\n  不予公开:\n    属于国家秘密: [0, 0, 0, 0, 0, 0]\n');
    expect(after).not.toMatch(/^ {2}总计:/m);
    expect(rules(after).filter((r) => r.startsWith('T3-') || r === 'YAML-SYNTAX')).toEqual([]);
  });

  it('a row group, accepted, is indented under the table', () => {
    const { list, text } = complete(emptied);
    const after = acceptCompletion(text, item(list, '无法提供'));
    expect(after).toContain('三、收到和处理政府信息公开申请情况:\n  无法提供:\n    本机关不掌握相关政府信息: [0, 0, 0, 0, 0, 0]\n'
      + '    没有现成信息需要另行制作: [0, 0, 0, 0, 0, 0]\n    补正后申请内容仍不明确: [0, 0, 0, 0, 0, 0]\n\n四、');
  });

  it('inside a row group: only that group’s missing rows', () => {
    const { list, text } = complete(edit(clean, '    逾期未缴费:               [0, 0, 0, 0, 0, 0]\n', `    ${CURSOR}\n`));
    expect(labels(list)).toEqual(['逾期未缴费']);
    const expected = edit(clean, '    逾期未缴费:               [0, 0, 0, 0, 0, 0]', '    逾期未缴费: [0, 0, 0, 0, 0, 0]');
    expect(acceptCompletion(text, list.items[0])).toBe(expected);
  });

  it('on a blank cell inside a row: nothing (and no error)', () => {
    const marked = edit(sample(MISTAKES), '要求提供公开出版物:       [1, ~', `要求提供公开出版物:       [1, ~${CURSOR}`);
    expect(complete(marked).list.items).toEqual([]);
  });
});

describe('completion inside table 四', () => {
  it('the missing row, and a row’s value with four zeros (the total left out)', () => {
    const missing = complete(edit(clean, '  复议后起诉:       [0, 0, 0, 0]\n', `  ${CURSOR}\n`));
    expect(labels(missing.list)).toEqual(['复议后起诉', '说明']);
    expect(item(missing.list, '复议后起诉').textEdit!.newText).toBe('复议后起诉: [${1:0}, ${2:0}, ${3:0}, ${4:0}]');
    const value = complete(edit(clean, '  行政复议:         [0, 0, 0, 0]', `  行政复议: ${CURSOR}`));
    expect(labels(value.list)).toEqual(['[0, 0, 0, 0]']);
    expect(value.list.items[0].detail).toBe('维持 · 纠正 · 其他 · 尚未审结 · 总计');
  });
});

describe('completion in the prose parts', () => {
  it('part 一: the missing topics', () => {
    const text = edit(clean, '  平台建设: |\n    按照河北省政务新媒体管理要求完成账号备案和年度核验，明确专人负责信息发布与维护，全乡保留微信公众号1个。\n', `  ${CURSOR}\n`);
    const { list } = complete(text);
    expect(labels(list)).toEqual(['平台建设']);
    expect(list.items[0].textEdit!.newText).toBe('平台建设: |\n  ${1:（四）政府信息公开平台建设……}');
  });

  it('part 六: 信息处理费’s figures', () => {
    const { list, text } = complete(edit(clean, '    收费通知金额: 0\n', `    ${CURSOR}\n`));
    expect(labels(list)).toEqual(['收费通知金额']);
    expect(acceptCompletion(text, list.items[0])).toBe(clean);
  });

  it('nothing inside prose text or a comment', () => {
    expect(complete(edit(clean, '全年新收政府信息公开申请4件', `全年新收${CURSOR}政府信息公开申请4件`)).list.items).toEqual([]);
    expect(complete(edit(clean, '# 一份完整', `# 一份${CURSOR}完整`)).list.items).toEqual([]);
  });
});

describe('completion in documents that are not clean', () => {
  it('after a YAML syntax error: the tables below still get their rows', () => {
    const broken = edit(clean, '  行政处罚: 3\n', '  行政处罚: [3\n');
    const { list, text } = complete(edit(broken, '  复议后起诉:       [0, 0, 0, 0]\n', `  ${CURSOR}\n`));
    expect(labels(list)).toEqual(['复议后起诉', '说明']);
    expect(acceptCompletion(text, item(list, '复议后起诉'))).toContain('  未经复议直接起诉: [0, 0, 0, 0]\n  复议后起诉: [0, 0, 0, 0]\n');
    // At the broken spot itself, every position answers (no exception).
    const { service, doc } = open(broken);
    const line = broken.split('\n').findIndex((l) => l === '  行政处罚: [3');
    for (let character = 0; character <= 12; character++) {
      expect(() => service.getCompletion(doc, { line, character })).not.toThrow();
    }
  });

  it('garbage: an empty list or items, never an exception', () => {
    const { service, doc } = open('{[}]:::\n\t- 机关: "');
    for (const [line, character] of [[0, 0], [0, 4], [1, 5], [9, 0]]) {
      expect(() => service.getCompletion(doc, { line, character })).not.toThrow();
    }
  });

  it('CRLF line endings: the same items on the same positions, and accepting keeps CRLF', () => {
    const marked = edit(clean, '    属于行政执法案卷:         [0, 0, 0, 0, 0, 0]\n', `    ${CURSOR}\n`);
    const lf = complete(marked);
    const windows = complete(crlf(marked));
    expect(windows.position).toEqual(lf.position);
    expect(windows.list).toEqual(lf.list);
    const row = '    属于行政执法案卷:         [0, 0, 0, 0, 0, 0]';
    const withRow = crlf(edit(clean, row, '    属于行政执法案卷: [0, 0, 0, 0, 0, 0]'));
    expect(acceptCompletion(windows.text, windows.list.items[0])).toBe(withRow);
    // A value on a CRLF line: the range ends before the \r.
    const value = complete(crlf(edit(clean, '  行政复议:         [0, 0, 0, 0]', `  行政复议: ${CURSOR}`)));
    const withValue = crlf(edit(clean, '  行政复议:         [0, 0, 0, 0]', '  行政复议: [0, 0, 0, 0]'));
    expect(acceptCompletion(value.text, value.list.items[0])).toBe(withValue);
  });
});

describe('completion in a 2019-format report (格式: 2019)', () => {
  const trial = fixture('trial-2020.xxgk.yaml');

  it('table 二 has the trial rows: 政府集中采购 with its two columns', () => {
    const { list, text } = complete(edit(trial, '  政府集中采购:       [6, 85.6]\n', `  ${CURSOR}\n`));
    expect(labels(list)).toEqual(['政府集中采购', '说明']);
    expect(acceptCompletion(text, item(list, '政府集中采购'))).toContain('\n  政府集中采购: [0, 0]\n');
  });

  it('行政许可 takes three values in the trial format (one in 2021)', () => {
    const { list } = complete(edit(trial, '  行政许可:          [38, -3, 1562]', `  行政许可: ${CURSOR}`));
    expect(labels(list)).toEqual(['[0, 0, 0]']);
    expect(list.items[0].detail).toBe('上年项目数 · 本年增减 · 处理决定');
  });

  it('（六）其他处理 is one row in table 三, not a group', () => {
    const { list, text } = complete(edit(trial, '  其他处理:                   [0, 0, 0, 0, 0, 0, 0]\n', `  ${CURSOR}\n`));
    expect(labels(list)).toEqual(['其他处理', '说明']);
    expect(acceptCompletion(text, item(list, '其他处理'))).toContain('\n  其他处理: [0, 0, 0, 0, 0, 0]\n  总计:');
  });
});

describe('completion with 未识别内容 (kept by the importer)', () => {
  const kept = `${clean.trimEnd()}\n\n# ── 导入时未能识别的内容：原样保留如下。──\n未识别内容: |\n  第七部分 其他事项 12 件\n`;

  it('nothing inside the kept text, and the key is not offered twice', () => {
    expect(complete(edit(kept, '第七部分 其他事项', `第七部分 ${CURSOR}其他事项`)).list.items).toEqual([]);
    const top = complete(`${kept}${CURSOR}`).list;
    expect(labels(top)).toEqual(['标题', '发布日期', '上年报告']);
  });
});
