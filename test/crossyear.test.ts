/**
 * Cross-year rules against last year's report of the same body (T3-CARRY-OVER, T2-VALID-CONTINUITY,
 * TXT-DUPLICATE, META-PREVIOUS), the lookup that finds that report, and the similarity measure.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/tmp';
import { main } from '../server/src/cli';
import { parseReport } from '../server/src/model/model';
import { findPreviousReport, quickMeta } from '../server/src/previous';
import { DUPLICATE_THRESHOLD } from '../server/src/rules/crossyear';
import { comparableText, similarity } from '../server/src/model/similarity';
import { CLEAN, COUNTY, COUNTY_2023, ROOT, SEED, check, edit, lineOf, sample } from './helpers/samples';

const county = sample(COUNTY);
const lastYear = { previous: { name: COUNTY_2023, model: parseReport(sample(COUNTY_2023)) } };

describe('against last year’s report', () => {
  it('a consistent pair has no findings', () => {
    expect(check(county, lastYear)).toEqual([]);
  });

  it('T3-CARRY-OVER: each applicant column whose 上年结转 differs, at its cell, with the fix', () => {
    const text = edit(county, '  上年结转:          [11, 2, 0, 0, 1, 0, 14]', '  上年结转:          [12, 2, 0, 0, 0, 0, 14]');
    const hits = check(text, lastYear).filter((f) => f.rule === 'T3-CARRY-OVER');
    expect(hits.map((h) => h.finding.cell)).toEqual(['t3.r2:NP', 't3.r2:LS']);
    const line = lineOf(text, '  上年结转:');
    expect(hits.every((h) => h.line === line && h.severity === 'warning')).toBe(true);
    const np = hits[0];
    expect(text.slice(np.finding.span.start, np.finding.span.end)).toBe('12');
    expect(np.message).toBe(`表三“上年结转”行“自然人”列为 12，上年报告（${COUNTY_2023} 第 ${lineOf(sample(COUNTY_2023), '  结转下年度继续办理:')} 行）“结转下年度继续办理”为 11，相差 +1。上年结转应等于上年的结转下年度继续办理。`);
    expect(np.finding.fixes?.[0].edits[0].text).toBe('11');
  });

  it('T3-CARRY-OVER: the total only when it alone differs', () => {
    const text = edit(county, '  上年结转:          [11, 2, 0, 0, 1, 0, 14]', '  上年结转:          [11, 2, 0, 0, 1, 0, 15]');
    expect(check(text, lastYear).filter((f) => f.rule === 'T3-CARRY-OVER').map((h) => h.finding.cell)).toEqual(['t3.r2:TOT']);
  });

  it('T2-VALID-CONTINUITY: 现行有效 = last year’s + 制发 − 废止', () => {
    const text = edit(county, '  行政规范性文件:   [3, 1, 27]', '  行政规范性文件:   [3, 1, 30]');
    const hits = check(text, lastYear).filter((f) => f.rule === 'T2-VALID-CONTINUITY');
    expect(hits).toHaveLength(1);
    expect(hits[0].finding.cell).toBe('t2.normative:valid');
    expect(hits[0].message).toBe(`表二“行政规范性文件”现行有效件数为 30；按上年报告（${COUNTY_2023}）的 25 件，加本年制发 3 件、减本年废止 1 件，应为 27 件（相差 +3）。文件因有效期届满失效时可能不同，请核对。`);
    // Issued and repealed that explain the change pass.
    expect(check(edit(text, '[3, 1, 30]', '[6, 1, 30]'), lastYear).filter((f) => f.rule === 'T2-VALID-CONTINUITY')).toEqual([]);
  });

  it('TXT-DUPLICATE: last year’s text with only the figures changed is 内容雷同; new text is not', () => {
    const copied = '完成门户网站自然资源专栏改版，新设“土地征收”“矿产资源”两个栏目；开通“示例县自然资源”微信公众号，全年推送信息486条。';
    const text = county.replace(/  平台建设: \|\n    [^\n]*\n/, `  平台建设: |\n    ${copied}\n`);
    const hits = check(text, lastYear).filter((f) => f.rule === 'TXT-DUPLICATE');
    expect(hits).toHaveLength(1);
    expect(hits[0].line).toBe(lineOf(text, copied));
    expect(hits[0].message).toMatch(/^“一、（四）政府信息公开平台建设”与上年报告（county-dept-2023\.xxgk\.yaml 第 \d+ 行）的“一、（四）政府信息公开平台建设”内容雷同（相似度 \d+%）/);
    // A short or rewritten text is not a copy.
    const rewritten = county.replace(/  平台建设: \|\n    [^\n]*\n/, '  平台建设: |\n    本年新开设“征地信息公开”子栏目，网站留言全部按期办结，政务新媒体发布信息486条。\n');
    expect(check(rewritten, lastYear).filter((f) => f.rule === 'TXT-DUPLICATE')).toEqual([]);
  });

  it('TXT-DUPLICATE: a whole report copied from last year is flagged section by section (the preamble excepted)', () => {
    const copy = edit(edit(sample(COUNTY_2023), '年度: 2023', '年度: 2024'), '落款日期: 2024-01-19', '落款日期: 2025-01-19')
      .replace(/2023年/g, '2024年').replace('发布日期: 2024-01-23\n', '');
    const hits = check(copy, lastYear).filter((f) => f.rule === 'TXT-DUPLICATE');
    expect(hits.length).toBeGreaterThanOrEqual(8);
    expect(hits.some((h) => h.message.includes('导语'))).toBe(false);
  });

  it('META-PREVIOUS: a named report that is missing, of another year or of another body', () => {
    const named = edit(county, '联系方式:', '上年报告: 2023.xxgk.yaml\n联系方式:');
    const missing = check(named, { previous: { name: '2023.xxgk.yaml' } }).filter((f) => f.rule === 'META-PREVIOUS');
    expect(missing.map((f) => [f.line, f.message])).toEqual([[lineOf(named, '上年报告'), '找不到上年报告“2023.xxgk.yaml”，无法核对上年结转、现行有效件数和内容雷同。请检查“上年报告”写的路径（相对于本文件）。']]);
    const otherYear = check(named, { previous: { name: '2023.xxgk.yaml', model: parseReport(county) } }).filter((f) => f.rule === 'META-PREVIOUS');
    expect(otherYear[0].message).toBe('上年报告“2023.xxgk.yaml”的年度是 2024，应为 2023。跨年度核对未进行。');
    const otherBody = check(named, { previous: { name: '2023.xxgk.yaml', model: parseReport(sample(SEED)) } }).filter((f) => f.rule === 'META-PREVIOUS');
    expect(otherBody[0].message).toBe('上年报告“2023.xxgk.yaml”的机关是“张营乡人民政府”，与本报告的“示例县自然资源和规划局”不同。跨年度核对未进行。');
    // No cross-year rule runs on a mismatched report.
    expect(check(edit(named, '[11, 2, 0, 0, 1, 0, 14]', '[99, 2, 0, 0, 1, 0, 102]'), { previous: { name: 'x', model: parseReport(sample(SEED)) } })
      .filter((f) => f.rule === 'T3-CARRY-OVER')).toEqual([]);
  });

  it('no previous report given: no cross-year rule runs (the checker itself never reads files)', () => {
    const text = edit(county, '  上年结转:          [11, 2, 0, 0, 1, 0, 14]', '  上年结转:          [12, 2, 0, 0, 1, 0, 15]');
    expect(check(text).filter((f) => f.rule === 'T3-CARRY-OVER' || f.rule === 'META-PREVIOUS')).toEqual([]);
  });
});

describe('finding last year’s report', () => {
  const samples = join(ROOT, 'samples');

  it('in the same folder: same body (short names allowed), year − 1', () => {
    const found = findPreviousReport(join(samples, COUNTY), parseReport(county));
    expect(found?.name).toBe(COUNTY_2023);
    expect(found?.model?.fields.has('year')).toBe(true);
    // 张营乡 2024 finds the seed, 张营乡 2023.
    expect(findPreviousReport(join(samples, CLEAN), parseReport(sample(CLEAN)))?.name).toBe(SEED);
    // The seed has no 2022 report beside it.
    expect(findPreviousReport(join(samples, SEED), parseReport(sample(SEED)))).toBeUndefined();
  });

  it('named in the report, relative to it; a name that does not resolve is reported, not skipped', () => {
    const named = edit(county, '联系方式:', `上年报告: ../samples/${COUNTY_2023}\n联系方式:`);
    const found = findPreviousReport(join(ROOT, 'test', 'x.xxgk.yaml'), parseReport(named));
    expect(found?.name).toBe(`../samples/${COUNTY_2023}`);
    expect(found?.model).toBeDefined();
    const gone = findPreviousReport(join(ROOT, 'x.xxgk.yaml'), parseReport(named));
    expect(gone).toEqual({ name: `../samples/${COUNTY_2023}`, model: undefined });
  });

  it('reads through the caller’s functions (the language server passes open editors’ text)', () => {
    const reads: string[] = [];
    const found = findPreviousReport('/virtual/b.xxgk.yaml', parseReport(county), {
      list: () => ['a.xxgk.yaml', 'b.xxgk.yaml', 'notes.txt'],
      read: (p) => { reads.push(p); return p.endsWith('a.xxgk.yaml') ? sample(COUNTY_2023) : undefined; },
    });
    expect(found?.name).toBe('a.xxgk.yaml');
    // The report itself is taken as the caller has it, never re-read; other files are only scanned for 年度/机关.
    expect(reads.every((p) => p === '/virtual/a.xxgk.yaml')).toBe(true);
    expect(reads.length).toBeGreaterThan(0);
  });

  it('indexes a folder from each report’s top lines, without parsing it', () => {
    expect(quickMeta(county)).toEqual({ year: 2024, issuer: '示例县自然资源和规划局' });
    expect(quickMeta('# x\n发布机关: "某局"  # 注\n报告年度: 2023\n')).toEqual({ year: 2023, issuer: '某局' });
    expect(quickMeta('年度: 二〇二三\n')).toEqual({});
  });

  it('xxgk check runs the cross-year rules on a folder', async () => {
    const dir = tempDir('xxgk-cross-');
    copyFileSync(join(samples, COUNTY_2023), join(dir, '2023.xxgk.yaml'));
    writeFileSync(join(dir, '2024.xxgk.yaml'), edit(county, '  上年结转:          [11, 2, 0, 0, 1, 0, 14]', '  上年结转:          [11, 2, 0, 0, 1, 1, 15]'));
    const out: string[] = [];
    const code = await main(['check', dir], { out: (s) => out.push(s), err: () => {}, cwd: dir, env: {} });
    expect(code).toBe(1); // T3-BALANCE is an error in its own right
    expect(out.filter((l) => l.includes('T3-CARRY-OVER'))).toEqual([
      `2024.xxgk.yaml:${lineOf(county, '  上年结转:')}:35 warning T3-CARRY-OVER 表三“上年结转”行“其他”列为 1，上年报告（2023.xxgk.yaml 第 ${lineOf(sample(COUNTY_2023), '  结转下年度继续办理:')} 行）“结转下年度继续办理”为 0，相差 +1。上年结转应等于上年的结转下年度继续办理。`,
    ]);
  });
});

describe('similarity (内容雷同)', () => {
  it('compares text without spaces, punctuation or the figures', () => {
    expect(comparableText('2023年，全年 发布信息370条。')).toBe('#年全年发布信息#条');
    expect(similarity('全年通过门户网站发布信息370条，其中重点领域39条。', '全年通过门户网站发布信息412条，其中重点领域45条。')).toBe(1);
  });

  it('keeps different years’ own texts below the threshold, and light edits of a copy above it', () => {
    const a = parseReport(sample(COUNTY)), b = parseReport(sample(COUNTY_2023));
    const texts = (m: typeof a) => m.prose.filter((p) => p.label !== '导语').map((p) => p.text);
    // The closest pair is the formulaic 依申请公开 sentence (新收…上年结转…办结…结转下年度), at about 0.4.
    for (const x of texts(a)) for (const y of texts(b)) expect(similarity(x, y)).toBeLessThan(DUPLICATE_THRESHOLD);
    const base = texts(b)[1];
    const edited = base.replace('598条', '620条').replace('15篇', '18篇').replace('矿业权出让', '矿业权出让和地质灾害防治');
    expect(similarity(base, edited)).toBeGreaterThan(DUPLICATE_THRESHOLD);
  });
});
