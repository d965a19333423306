/**
 * The samples: the seed yields exactly its real defects, each at its line; the clean and county samples
 * yield nothing; the mistakes sample yields each deliberate mistake.
 */
import { describe, expect, it } from 'vitest';
import { CLEAN, COUNTY, MISTAKES, SEED, check, lineOf, sample } from './helpers/samples';

describe('seed sample (张营乡 2023, transcribed with its real defects)', () => {
  const text = sample(SEED);
  const found = check(text);
  const notBlank = found.filter((f) => f.rule !== 'T3-BLANK').map((f) => `${f.line} ${f.rule}`);

  it('yields exactly its real defects, each at its line', () => {
    const tableKey = lineOf(text, '三、收到和处理政府信息公开申请情况:');
    const part5 = lineOf(text, '五、存在的主要问题及改进情况:');
    expect(notBlank).toEqual([
      `${lineOf(text, '落款日期: 2023年1月22日')} DATE-BEFORE-PERIOD-END`,
      `${lineOf(text, '情况进行进行报备')} TXT-DOUBLED`,
      `${lineOf(text, '张营乡乡依托')} TXT-DOUBLED`,
      `${lineOf(text, '  监督保障:')} STR-GOV-ART50-4`,
      // table 三 stops after （五）4: （六）1–3 and 四、结转下年度继续办理 are missing (the total row may be left out),
      // one finding for what is missing at each level
      `${tableKey} T3-SHAPE`,
      `${lineOf(text, '  不予处理:')} T3-SHAPE`, // （五）5 is missing
      `${part5} STR-PARTS`, // part 四 and its table 四 are missing: one problem, one finding
      `${lineOf(text, '六、其他需要报告的事项:')} FEE-SHAPE`,
    ]);
  });

  it('names each missing row of table 三, and table 四 with its part', () => {
    expect(found.find((f) => f.rule === 'STR-PARTS')?.message).toContain('及其表四（15 个数据项）');
    const rows = found.filter((f) => f.rule === 'T3-SHAPE').map((f) => f.message);
    expect(rows[0]).toMatch(/^表三缺少 4 行：/);
    for (const label of ['5.要求行政机关确认或重新出具已获取信息', '1.申请人无正当理由逾期不补正', '2.申请人逾期未按收费通知要求缴纳费用', '“3.其他”', '四、结转下年度继续办理']) {
      expect(rows.some((m) => m.includes(label)), label).toBe(true);
    }
  });

  it('flags the blank cells of table 三 once per row, each finding marking all of its row\'s blank cells', () => {
    const blanks = found.filter((f) => f.rule === 'T3-BLANK');
    const lines = text.split('\n').filter((l) => !l.trim().startsWith('#'));
    const tildes = lines.join('\n').match(/~/g)!.length;
    expect(tildes).toBe(110); // what a reviewer used to read, one line per cell
    expect(blanks).toHaveLength(lines.filter((l) => l.includes('~')).length);
    expect(blanks).toHaveLength(19);
    expect(blanks.flatMap((b) => b.finding.cells ?? [])).toHaveLength(tildes);
    expect(new Set(blanks.map((b) => b.line)).size).toBe(blanks.length);
    expect(blanks.every((b) => b.severity === 'warning')).toBe(true);
    expect(blanks[0].line).toBe(lineOf(text, '本年新收:'));
    expect(blanks[0].message).toBe('表三“一、本年新收政府信息公开申请数量”行有 5 个空白单元格（商业企业、科研机构、社会公益组织、法律服务机构、其他），按 0 计算。没有发生的情况应填 0。');
    // One quick fix fills the row: five zeros.
    expect(blanks[0].finding.fixes?.[0].edits.map((e) => e.text)).toEqual(['0', '0', '0', '0', '0']);
  });

  it('puts the doubled words and the date in Chinese a clerk understands', () => {
    const date = found.find((f) => f.rule === 'DATE-BEFORE-PERIOD-END')!;
    expect(date.message).toContain('2023年1月22日');
    expect(date.message).toContain('2023年12月31日');
    expect(date.finding.fixes?.[0].edits[0].text).toBe('2024年1月22日');
    const doubled = found.filter((f) => f.rule === 'TXT-DOUBLED').map((f) => f.message);
    expect(doubled).toEqual(['“进行进行”疑似重复，应为“进行”。', '“张营乡乡”疑似重复，应为“张营乡”。']);
  });
});

describe('clean samples', () => {
  it.each([CLEAN, COUNTY])('%s has no findings at all', (name) => {
    expect(check(sample(name)).map((f) => `${f.line} ${f.rule} ${f.message}`)).toEqual([]);
  });
});

describe('mistakes sample', () => {
  const text = sample(MISTAKES);
  const found = check(text);
  it('reports every deliberate mistake at its line', () => {
    const marked = text.split('\n').flatMap((l, i) => (l.includes('# 错误') ? [i + 1] : []));
    const lines = new Set(found.map((f) => f.line));
    for (const line of marked) expect(lines.has(line), `line ${line}: ${text.split('\n')[line - 1]}`).toBe(true);
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set([
      'META-YEAR-MISMATCH', 'DATE-LATE-DEPT', 'TXT-NIL', 'TXT-T3', 'TXT-DOUBLED', 'T2-SHAPE', 'T2-GUIZHANG-ISSUER', 'STR-UNKNOWN-KEY',
      'T3-ROW-TOTAL', 'T3-BLANK', 'T3-RESULT-TOTAL', 'T3-BALANCE', 'T4-GROUP-TOTAL', 'FEE-COLLECTED-LE-BILLED',
    ]));
  });
  it('words a failed sum with reported, computed, difference and every addend', () => {
    const f = found.find((x) => x.rule === 'T3-ROW-TOTAL')!;
    expect(f.message).toBe('表三“（一）予以公开”行的总计填报为 76，按各项计算应为 75（自然人 61 + 商业企业 9 + 科研机构 1 + 社会公益组织 0 + 法律服务机构 3 + 其他 1），相差 +1。');
    expect(f.finding.related).toHaveLength(6);
    expect(f.finding.fixes?.[0].edits[0].text).toBe('75');
    const balance = found.find((x) => x.rule === 'T3-BALANCE')!;
    expect(balance.message).toContain('第一项加第二项为 163（本年新收 152 + 上年结转 11）');
    expect(balance.message).toContain('第三项总计加第四项为 164（（七）总计 157 + 结转下年度继续办理 7）');
  });
});
