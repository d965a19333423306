/**
 * Rollover (`xxgk new --from … --year N`): next year's report keeps the body, carries 上年结转 and 现行有效件数
 * so it passes the carry-over checks against its source, zeroes the year's figures, and leaves prose as
 * prompts the checker flags until they are written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/tmp';
import { main } from '../server/src/cli';
import { localize } from '../server/src/l10n';
import { parseReport } from '../server/src/model/model';
import { rolloverReport, RolloverError } from '../server/src/write/rollover';
import { COUNTY, COUNTY_2023, ROOT, SEED, check, fixture, lineOf, sample } from './helpers/samples';

const TODAY_2026 = { y: 2026, m: 11, d: 27 };

function cells(yaml: string, row: string): number[] {
  const m = parseReport(yaml);
  return [...(m.rows.get(row)?.cells.values() ?? [])].map((c) => c.value);
}

describe('rollover from last year’s report', () => {
  const last = sample(COUNTY);
  const { yaml, notes } = rolloverReport(last, { previousPath: COUNTY });
  const previous = { name: COUNTY, model: parseReport(last) };

  it('keeps body, kind, contact and names last year’s report', () => {
    const m = parseReport(yaml);
    const text = (id: string) => String((m.fields.get(id)?.node as { value?: unknown } | undefined)?.value);
    expect(text('issuer')).toBe('示例县自然资源和规划局');
    expect(text('kind')).toBe('县级政府部门');
    expect(text('year')).toBe('2025');
    expect(text('contact')).toBe('示例县自然资源和规划局办公室，地址：示例县人民路18号，电话：0000-1234567');
    expect(text('previousReport')).toBe(COUNTY);
    expect(text('title')).toBe('示例县自然资源和规划局2025年政府信息公开工作年度报告');
  });

  it('carries 上年结转 per column and 现行有效件数, and zeroes the year’s figures', () => {
    expect(cells(yaml, 't3.r2')).toEqual([6, 2, 0, 1, 1, 1]);
    expect(cells(yaml, 't2.normative')).toEqual([0, 0, 27]);
    expect(cells(yaml, 't3.r1')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(cells(yaml, 't3.r4')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(cells(yaml, 't2.licensing')).toEqual([0]);
    expect(cells(yaml, 't4.AR')).toEqual([0, 0, 0, 0]);
  });

  it('passes the carry-over checks against its source; left: the prompts, and where the carried applications went', () => {
    const found = check(yaml, { previous, today: TODAY_2026 });
    expect(found.filter((f) => f.rule.startsWith('T3-CARRY') || f.rule.startsWith('T2-VALID') || f.rule === 'META-PREVIOUS' || f.rule === 'TXT-DUPLICATE')).toEqual([]);
    // 5 topics of part 一, part 五, part 六's text.
    const prompts = found.filter((f) => f.rule === 'TXT-PLACEHOLDER');
    expect(prompts).toHaveLength(7);
    expect(prompts[0].line).toBe(lineOf(yaml, '（主动公开）……'));
    // The year's figures are zero, so the carried 11 applications are in no result yet: 勾稽关系 says so, per column.
    const balance = found.filter((f) => f.rule === 'T3-BALANCE');
    expect(balance.map((f) => f.finding.cell)).toEqual(['t3.r4:NP', 't3.r4:CE', 't3.r4:SW', 't3.r4:LS', 't3.r4:OT']);
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(['TXT-PLACEHOLDER', 'T3-BALANCE']));
    expect(notes.map((n) => localize(n))).toContain('上年结转的 11 件申请须在本年的办理结果或“结转下年度继续办理”中填写，填写前表三的勾稽关系不成立。');
  });

  it('dates the report in January of the next year, marked 待定, with no date error', () => {
    expect(yaml).toMatch(/^落款日期: 2026-01-20 {2}# 待定：请改为实际落款（成文）日期$/m);
    expect(check(yaml, { today: TODAY_2026 }).filter((f) => f.rule.startsWith('DATE-'))).toEqual([]);
    expect(notes.map((n) => localize(n))).toContain('落款日期暂填为 2026-01-20（待定），请改为实际的成文日期。');
  });

  it('moves the period statement of the preamble to the new year and says so', () => {
    expect(yaml).toContain('统计期限自2025年1月1日起至2025年12月31日止');
    expect(yaml).not.toContain('2024年1月1日');
    expect(notes.map((n) => n.key)).toContain('rollover.preamble');
  });

  it('looks like the samples: one line per row, column names in a comment', () => {
    expect(yaml).toContain('  #                    自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他（总计不填，自动计算）\n  本年新收:           [0, 0, 0, 0, 0, 0]');
    expect(yaml).toContain('  行政许可:       0  # 本年处理决定数量');
    expect(parseReport(yaml).findings).toEqual([]);
  });

  it('the next year’s rollover of a rollover still carries (2025 → 2026)', () => {
    const next = rolloverReport(yaml, { previousPath: 'x' }).yaml;
    expect(cells(next, 't3.r2')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(cells(next, 't2.normative')).toEqual([0, 0, 27]);
  });
});

describe('rollover edge cases', () => {
  it('the seed (no 结转下年度继续办理 row, a wrong-year 落款): 上年结转 0 with a note; a January date of N+1', () => {
    const { yaml, notes } = rolloverReport(sample(SEED));
    expect(cells(yaml, 't3.r2')).toEqual([0, 0, 0, 0, 0, 0]);
    expect(notes.map((n) => n.key)).toContain('rollover.noCarryRow');
    expect(yaml).toMatch(/^落款日期: 2025-01-22 /m);
    expect(yaml).toContain('起止时间为 2024 年 1 月 1 日至 2024 年 12 月 31 日');
    const rules = new Set(check(yaml, { today: TODAY_2026 }).map((f) => f.rule));
    expect(rules).toEqual(new Set(['TXT-PLACEHOLDER', 'STR-GOV-ART50-4']));
  });

  it('from a 2019-format report to 2021: the 2021 template, 上年结转 carried, 现行有效 not (the old table has none)', () => {
    const { yaml, notes } = rolloverReport(fixture('trial-2020.xxgk.yaml'), { year: 2021 });
    expect(parseReport(yaml).template.version).toBe(2021);
    expect(cells(yaml, 't3.r2')).toEqual([1, 0, 0, 0, 0, 0]);
    expect(notes.filter((n) => n.key === 'rollover.noValid')).toHaveLength(2);
  });

  it('says when the new year is not the next one, and refuses what is not a report', () => {
    expect(rolloverReport(sample(COUNTY), { year: 2027 }).notes.map((n) => n.key)).toContain('rollover.notNextYear');
    expect(() => rolloverReport('- a list')).toThrow(RolloverError);
    // The core says what is wrong and names no CLI flag: the CLI and the editor each add how to fix it.
    expect(() => rolloverReport('机关: 某局\n')).toThrow('上年报告没有可读的“年度”，无法推出新报告的年度。');
    expect(() => rolloverReport('机关: 某局\n')).not.toThrow('--year');
  });

  it('counts blank cells of last year’s 结转下年度 as 0 and says so', () => {
    const last = sample(COUNTY).replace('  结转下年度继续办理:         [6, 2, 0, 1, 1, 1, 11]', '  结转下年度继续办理:         [6, ~, 0, 1, 1, 1, 9]');
    const { yaml, notes } = rolloverReport(last);
    expect(cells(yaml, 't3.r2')).toEqual([6, 0, 0, 1, 1, 1]);
    expect(notes.find((n) => n.key === 'rollover.carryBlank')?.args).toEqual({ count: 1 });
  });
});

describe('xxgk new', () => {
  async function run(cwd: string, ...argv: string[]) {
    const out: string[] = [], err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd, env: {} });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes next year’s report beside last year’s; xxgk check then finds and passes the carry-over', async () => {
    const dir = tempDir('xxgk-new-');
    writeFileSync(join(dir, '2024.xxgk.yaml'), sample(COUNTY));
    const r = await run(dir, 'new', '--from', '2024.xxgk.yaml', '--year', '2025', '-o', '2025.xxgk.yaml');
    expect(r.code).toBe(0);
    expect(r.err).toContain('表三“上年结转”按上年报告的“结转下年度继续办理”填为 6、2、0、1、1、1（共 11 件）。');
    const written = readFileSync(join(dir, '2025.xxgk.yaml'), 'utf8');
    expect(written).toMatch(/^上年报告: 2024\.xxgk\.yaml$/m);
    const checked = await run(dir, 'check', '2025.xxgk.yaml', '--format', 'json');
    const rules = new Set(JSON.parse(checked.out).files[0].findings.map((f: { rule: string }) => f.rule));
    expect(rules).toEqual(new Set(['TXT-PLACEHOLDER', 'T3-BALANCE']));
    // Cross-year checks did run: a wrong carry is caught.
    writeFileSync(join(dir, '2025.xxgk.yaml'), written.replace('上年结转:           [6, 2, 0, 1, 1, 1]', '上年结转:           [7, 2, 0, 1, 1, 1]'));
    expect((await run(dir, 'check', '2025.xxgk.yaml')).out).toContain('warning T3-CARRY-OVER 表三“上年结转”行“自然人”列为 7');
  });

  it('never overwrites an existing file', async () => {
    const dir = tempDir('xxgk-new-');
    writeFileSync(join(dir, 'mine.xxgk.yaml'), 'mine');
    const r = await run(dir, 'new', '--from', join(ROOT, 'samples', COUNTY_2023), '-o', 'mine.xxgk.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('“mine.xxgk.yaml”已存在，不会覆盖');
    expect(readFileSync(join(dir, 'mine.xxgk.yaml'), 'utf8')).toBe('mine');
  });

  it('prints to stdout without -o, and explains bad usage', async () => {
    const r = await run(ROOT, 'new', '--from', `samples/${COUNTY}`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('年度: 2025');
    expect(r.out).toContain(`上年报告: samples/${COUNTY}`);
    expect((await run(ROOT, 'new')).err).toContain('请用 --from 指定上一年度的报告');
    expect((await run(ROOT, 'new', '--from', `samples/${COUNTY}`, '--year', '二〇二五')).code).toBe(2);
    expect((await run(ROOT, 'new', '--from', 'nope.xxgk.yaml')).err).toContain('找不到上一年度的报告“nope.xxgk.yaml”');
    expect(existsSync(join(ROOT, 'nope.xxgk.yaml'))).toBe(false);
  });

  it('adds its --year flag to the core’s “no year” message, in the language of --lang', async () => {
    const dir = tempDir('xxgk-new-');
    writeFileSync(join(dir, 'last.xxgk.yaml'), '机关: 某局\n');
    const zh = await run(dir, 'new', '--from', 'last.xxgk.yaml');
    expect(zh.code).toBe(2);
    expect(zh.err).toBe('上年报告没有可读的“年度”，无法推出新报告的年度。请用 --year 指定新报告的年度。');
    const en = await run(dir, 'new', '--from', 'last.xxgk.yaml', '--lang', 'en');
    expect(en.err).toBe("Last year's report has no readable “年度”, so the new report's year is not known. Give the year of the new report with --year.");
    expect((await run(dir, 'new', '--from', 'nope.xxgk.yaml', '--lang=en')).err).toBe("Last year's report “nope.xxgk.yaml” was not found.");
    expect((await run(dir, 'new', '--from', 'last.xxgk.yaml', '--year', '2025', '-o', 'last.xxgk.yaml', '--lang', 'en')).err)
      .toBe('“last.xxgk.yaml” already exists and is not overwritten. Choose another name, or move the existing file first.');
  });
});
