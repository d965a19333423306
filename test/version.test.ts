/**
 * Format versions: a 2019/2020 report in the 2019 trial format is read and checked against its own template;
 * the same report for a year ≥ 2021 is flagged precisely (META-VERSION once, VER-OLD-MARKERS per old row);
 * 2019 keys in a 2021 report are old-format markers, not typos.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../server/src/model/model';
import { renderDocument } from '../server/src/render/html';
import { legacyLabels, template2019, template2021, templateFor, templateForYear } from '../server/src/template';
import { CLEAN, check, edit, fixture, lineOf, sample } from './helpers/samples';

const trial = fixture('trial-2020.xxgk.yaml');

describe('2019 trial format', () => {
  it('is recognised (格式: 2019) and a correct 2020 report has no findings', () => {
    expect(parseReport(trial).template).toBe(template2019);
    expect(check(trial).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it('reads the old table 二: 本年增/减 may be negative or signed, 政府集中采购 has an amount', () => {
    const model = parseReport(trial);
    expect(model.cells.get('t2.licensing:change')?.value).toBe(-3);
    expect(model.cells.get('t2.procurement:amount')?.value).toBe(85.6);
    const signed = edit(trial, '[38, -3, 1562]', '[38, "+3", 1562]');
    expect(parseReport(signed).cells.get('t2.licensing:change')?.value).toBe(3);
    expect(check(signed)).toEqual([]);
    const fraction = check(edit(trial, '[38, -3, 1562]', '[38, 两, 1562]')).filter((f) => f.rule === 'T2-INT');
    expect(fraction.map((f) => f.message)).toEqual(['表二“行政许可”行“本年增/减”列应为整数（减少时写负数，如 -2），现为“两”。']);
  });

  it('checks table 三 with one （六）其他处理 row, in the sums too', () => {
    const wrong = edit(trial, '  其他处理:                   [0, 0, 0, 0, 0, 0, 0]', '  其他处理:                   [1, 0, 0, 0, 0, 0, 1]');
    const found = check(wrong);
    // Its row total is right; the printed （七）总计 now misses it.
    expect(found.map((f) => f.rule)).toEqual(['T3-RESULT-TOTAL', 'T3-RESULT-TOTAL']);
    expect(found[0].line).toBe(lineOf(wrong, '  总计:'));
    // 19 result rows in the 2019 table (the 2021 one has 21): （六） is one of them.
    expect(found[0].message).toContain('按各项计算应为 21');
    expect(found[0].message).toContain('（共 19 项，');
  });

  it('keeps rules written for 2021 rows working where the row is the same (规章 for a county department)', () => {
    const f = check(edit(trial, '  规章:              [0, 0, 0]', '  规章:              [1, 1, 1]')).filter((x) => x.rule === 'T2-GUIZHANG-ISSUER');
    expect(f.map((x) => x.line)).toEqual([lineOf(trial, '  规章:'), lineOf(trial, '  规章:'), lineOf(trial, '  规章:')]);
  });

  it('is rendered with its own table 二', () => {
    const html = renderDocument(parseReport(trial));
    for (const label of ['第二十条第（九）项', '政府集中采购', '本年增/减', '其他对外管理服务事项', '（六）其他处理']) expect(html).toContain(label);
  });

  it('is the format of 2019 and 2020 reports', () => {
    expect(templateForYear(2019)).toBe(template2019);
    expect(templateForYear(2020)).toBe(template2019);
    expect(templateForYear(2021)).toBe(template2021);
    expect(templateForYear(2030)).toBe(template2021);
    expect(templateFor(2019)).toBe(template2019);
    expect(templateFor(2018)).toBeUndefined();
  });
});

describe('the 2019 format on a report for 2021 or later', () => {
  const late = edit(edit(edit(trial, '年度: 2020', '年度: 2023'), '落款日期: 2021-01-22', '落款日期: 2024-01-22'), '2020年政府信息公开', '2023年政府信息公开');
  const found = check(late);

  it('flags the version once, at 格式, naming both documents', () => {
    const v = found.filter((f) => f.rule === 'META-VERSION');
    expect(v).toHaveLength(1);
    expect(v[0].line).toBe(lineOf(late, '格式: 2019'));
    expect(v[0].message).toContain('2023 年度报告应使用 2021 格式（国办公开办函〔2021〕30号）');
    expect(v[0].message).toContain('国办公开办函〔2019〕60号');
    // No one-click fix: the old columns would silently be read as the new ones.
    expect(v[0].finding.fixes).toBeUndefined();
  });

  it('names each row written the 2019 way, at its key (VER-OLD-MARKERS)', () => {
    const old = found.filter((f) => f.rule === 'VER-OLD-MARKERS');
    const keys = ['  规章:', '  规范性文件:', '  行政许可:', '  其他对外管理服务事项:', '  行政处罚:', '  行政强制:', '  行政事业性收费:', '  政府集中采购:', '  其他处理:'];
    expect(old.map((f) => f.line)).toEqual(keys.map((k) => lineOf(late, k)));
    expect(old.every((f) => f.severity === 'error')).toBe(true);
    expect(old.find((f) => f.line === lineOf(late, '  行政许可:'))!.message)
      .toBe('“行政许可”按 2019 年试行格式填写（上一年项目数量、本年增/减、处理决定数量），2023 年度报告应使用 2021 格式，该行应填写：本年处理决定数量。');
    expect(old.find((f) => f.line === lineOf(late, '  其他处理:'))!.message).toContain('分为：1.申请人无正当理由逾期不补正');
  });

  it('is not reported for 2019 and 2020', () => {
    expect(check(trial).filter((f) => f.rule === 'VER-OLD-MARKERS' || f.rule === 'META-VERSION')).toEqual([]);
  });

  it('says a year before 2019 has no uniform format', () => {
    const early = check(edit(trial, '年度: 2020', '年度: 2018')).filter((f) => f.rule === 'META-VERSION');
    expect(early.map((f) => f.message)).toEqual(['2018 年度尚无统一的年度报告格式（统一格式始于 2019 年度），格式 2019 不适用。']);
  });
});

describe('2019 items in a 2021 report', () => {
  it('are old-format markers at their key, not unknown keys', () => {
    const text = edit(sample(CLEAN), '  行政强制: 0\n', '  行政强制: 0\n  政府集中采购: [0, 0]\n');
    const found = check(text);
    expect(found.map((f) => f.rule)).toEqual(['VER-OLD-MARKERS']);
    expect(found[0].line).toBe(lineOf(text, '政府集中采购'));
    expect(found[0].message).toContain('“政府集中采购”是 2019 年试行格式（国办公开办函〔2019〕60号）的项目');
  });

  it('are derived from the two templates, not listed by hand', () => {
    const labels = [...legacyLabels(template2021).values()].map((l) => l.label);
    for (const l of ['其他对外管理服务事项', '政府集中采购', '第二十条第（九）项', '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '采购总金额']) {
      expect(labels).toContain(l);
    }
    // Shared labels are not markers.
    for (const l of ['规章', '规范性文件', '行政许可', '其他处理', '（六）其他处理']) expect(labels).not.toContain(l);
  });
});
