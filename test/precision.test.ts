/**
 * Precision (issue 11): a blank total is “not written”, never a sum error; one finding per problem (blank cells
 * per row, a sum error that follows from another names its cause); the preview still marks every blank cell.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../server/src/check';
import { createLanguageService } from '../server/src/languageService/languageService';
import { renderBody } from '../server/src/render/html';
import { localize } from '../server/src/l10n';
import { blankTotals } from './helpers/corpus';
import { applyEdits } from './helpers/fuzz';
import { COUNTY, SEED, TODAY, check, edit, lineOf, sample } from './helpers/samples';

const county = sample(COUNTY);
const SUM_RULES = ['T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T3-BALANCE', 'T4-GROUP-TOTAL'];
const sumErrors = (text: string) => check(text).filter((f) => SUM_RULES.includes(f.rule));

describe('blank totals are not sum errors', () => {
  it('a report with every total blank gets no sum error, one blank finding per row, and a fix that writes the totals', () => {
    const text = blankTotals(county);
    expect(text.match(/~/g)).toHaveLength(25 + 3);
    expect(sumErrors(text)).toEqual([]);
    const blanks = check(text).filter((f) => f.rule === 'T3-BLANK' || f.rule === 'T4-BLANK');
    expect(blanks).toHaveLength(25 + 3);
    expect(blanks[0].message).toBe('表三“一、本年新收政府信息公开申请数量”行的总计未填（总计 191，按各项计算），按计算值核对勾稽关系。总计应填写。');
    // “Fix all” writes the computed totals back: the county sample as it was.
    const fixes = checkText(text, { today: TODAY }).findings.filter((f) => f.rule.endsWith('-BLANK')).flatMap((f) => f.fixes![0].edits);
    expect(applyEdits(text, fixes)).toBe(county);
  });

  it('a blank 总计 of 结转下年度继续办理 does not break T3-BALANCE when every written number balances', () => {
    const text = edit(county, '结转下年度继续办理:         [6, 2, 0, 1, 1, 1, 11]', '结转下年度继续办理:         [6, 2, 0, 1, 1, 1, ~]');
    expect(sumErrors(text)).toEqual([]);
    expect(check(text).map((f) => f.rule)).toEqual(['T3-BLANK']);
  });

  it('a blank （七）总计 row and blank table 四 totals are computed, not 0', () => {
    let text = edit(county, '总计:                       [157, 23, 2, 0, 9, 3, 194]', '总计:                       [~, ~, ~, ~, ~, ~, ~]');
    text = edit(text, '行政复议:         [2, 1, 0, 1, 4]', '行政复议:         [2, 1, 0, 1, ~]');
    expect(sumErrors(text)).toEqual([]);
    const blanks = check(text).filter((f) => f.rule.endsWith('-BLANK'));
    expect(blanks.map((f) => f.rule)).toEqual(['T3-BLANK', 'T4-BLANK']);
    expect(blanks[0].finding.cells).toHaveLength(7);
    expect(blanks[0].message).toContain('自然人 157、商业企业 23');
  });

  it('a blank total does not hide a real error in the numbers written', () => {
    const text = edit(county, '结转下年度继续办理:         [6, 2, 0, 1, 1, 1, 11]', '结转下年度继续办理:         [7, 2, 0, 1, 1, 1, ~]');
    const errors = sumErrors(text);
    expect(errors.map((f) => f.rule)).toEqual(['T3-BALANCE']);
    expect(errors[0].message).toContain('“自然人”列');
  });

  it('blank data cells still count as 0 and are warned about', () => {
    const text = edit(county, '本年新收:          [152, 23, 2, 1, 9, 4, 191]', '本年新收:          [152, 23, 2, 1, 9, ~, 191]');
    const found = check(text);
    expect(found.filter((f) => f.rule === 'T3-BLANK').map((f) => f.message)).toEqual(['表三“一、本年新收政府信息公开申请数量”行“其他”列是空白，按 0 计算。没有发生的情况应填 0。']);
    expect(found.find((f) => f.rule === 'T3-ROW-TOTAL')?.message).toContain('按各项计算应为 187');
  });

  it('a row with blank data and a blank total: one finding, zeros for the data and the computed total in the fix', () => {
    const text = edit(county, '  上年结转:          [11, 2, 0, 0, 1, 0, 14]', '  上年结转:          [11, 2, ~, ~, 1, ~, ~]');
    const blanks = check(text).filter((f) => f.rule === 'T3-BLANK');
    expect(blanks).toHaveLength(1);
    expect(blanks[0].message).toBe('表三“二、上年结转政府信息公开申请数量”行有 4 个空白单元格：科研机构、社会公益组织、其他 按 0 计算，总计按计算值核对（总计 14）。没有发生的情况应填 0，总计应填写。');
    expect(applyEdits(text, blanks[0].finding.fixes![0].edits)).toBe(county);
    expect(sumErrors(text)).toEqual([]);
  });
});

describe('one finding per problem', () => {
  it('a wrong row total that also breaks （七）总计 names it as the cause, and only the cause has a fix', () => {
    const text = edit(county, '予以公开:          [61, 9, 1, 0, 3, 1, 75]', '予以公开:          [61, 9, 1, 0, 3, 1, 76]');
    const [row, result] = ['T3-ROW-TOTAL', 'T3-RESULT-TOTAL'].map((r) => check(text).find((f) => f.rule === r)!);
    expect(sumErrors(text)).toHaveLength(2);
    expect(row.finding.fixes?.[0].edits[0].text).toBe('75');
    expect(result.message).toContain('这是表三“（一）予以公开”行的总计有误的结果');
    expect(result.finding.fixes).toBeUndefined();
    const cause = result.finding.related![0];
    expect(cause.message).toEqual({ key: 'related.cause', args: {
      subject: { key: 'arith.subject.rowTotal', args: { table: '表三', row: '（一）予以公开' } }, diff: '+1',
    } });
    expect(localize(cause.message)).toBe('原因：表三“（一）予以公开”行的总计有误（差 +1）');
    expect(text.slice(cause.span.start, cause.span.end)).toBe('76');
  });

  it('a wrong total of 结转下年度继续办理 breaks its row total and the balance of the 总计 column: the balance names the row total', () => {
    const text = edit(county, '结转下年度继续办理:         [6, 2, 0, 1, 1, 1, 11]', '结转下年度继续办理:         [6, 2, 0, 1, 1, 1, 12]');
    const errors = sumErrors(text);
    expect(errors.map((f) => f.rule).sort()).toEqual(['T3-BALANCE', 'T3-ROW-TOTAL']);
    const balance = errors.find((f) => f.rule === 'T3-BALANCE')!;
    expect(balance.message).toContain('这是表三“四、结转下年度继续办理”行的总计有误的结果');
    expect(balance.finding.fixes).toBeUndefined();
  });

  it('independent errors stand alone', () => {
    let text = edit(county, '予以公开:          [61, 9, 1, 0, 3, 1, 75]', '予以公开:          [61, 9, 1, 0, 3, 1, 76]');
    text = edit(text, '行政复议:         [2, 1, 0, 1, 4]', '行政复议:         [2, 1, 0, 1, 5]');
    const t4 = check(text).find((f) => f.rule === 'T4-GROUP-TOTAL')!;
    expect(t4.message).not.toContain('有误的结果');
    expect(t4.finding.fixes).toHaveLength(1);
  });
});

describe('a missing table or missing rows: one finding', () => {
  const remove = (text: string, ...lines: string[]) => lines.reduce((t, l) => edit(t, l, ''), text);

  it('rows missing at one level are one finding whose one fix inserts them all, each at its place', () => {
    const text = remove(county, '  予以公开:          [61, 9, 1, 0, 3, 1, 75]\n',
      '  其他处理:\n    逾期不补正:               [3, 1, 0, 0, 0, 0, 4]\n    逾期未缴费:               [1, 0, 0, 0, 0, 0, 1]\n    其他:                     [2, 0, 0, 0, 1, 0, 3]\n',
      '  结转下年度继续办理:         [6, 2, 0, 1, 1, 1, 11]\n');
    const shape = check(text).filter((f) => f.rule === 'T3-SHAPE');
    expect(shape).toHaveLength(1);
    expect(shape[0].message).toBe('表三缺少 5 行：“（一）予以公开”、“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”、'
      + '“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”、“3.其他”、“四、结转下年度继续办理”。没有发生的情况也要填 0。');
    const fix = shape[0].finding.fixes![0];
    expect(fix.edits).toHaveLength(3); // after 上年结转, after 不予处理, after 总计
    const fixed = applyEdits(text, fix.edits);
    expect(check(fixed).filter((f) => f.rule === 'T3-SHAPE')).toEqual([]);
    expect(fixed.indexOf('  予以公开: [0, 0, 0, 0, 0, 0]')).toBeLessThan(fixed.indexOf('  部分公开:'));
    expect(fixed.indexOf('  其他处理:')).toBeLessThan(fixed.indexOf('  结转下年度继续办理: [0, 0, 0, 0, 0, 0]'));
  });

  it('a table written without rows is one finding', () => {
    const text = remove(county, '  行政复议:         [2, 1, 0, 1, 4]\n', '  未经复议直接起诉: [1, 0, 1, 1, 3]\n', '  复议后起诉:       [0, 0, 0, 1, 1]\n');
    const shape = check(text).filter((f) => f.rule === 'T4-SHAPE');
    expect(shape.map((f) => f.message)).toEqual(['表四“政府信息公开行政复议、行政诉讼情况”没有填写：应填写全部 3 行，没有发生的情况填 0。']);
    const fixed = applyEdits(text, shape[0].finding.fixes![0].edits);
    expect(check(fixed).filter((f) => f.rule === 'T4-SHAPE')).toEqual([]);
  });

  it('a missing table part is one finding (STR-PARTS naming the table), not one for the part and one for the table', () => {
    const start = county.indexOf('四、政府信息公开'), end = county.indexOf('五、存在的主要问题');
    const text = county.slice(0, start) + county.slice(end);
    const found = check(text);
    expect(found.map((f) => f.rule)).toEqual(['STR-PARTS']);
    expect(found[0].message).toContain('缺少第四部分“政府信息公开行政复议、行政诉讼情况”及其表四（15 个数据项）');
  });
});

describe('the preview marks every blank cell', () => {
  it('all 110 blank cells of the seed sample are marked, from 19 findings', () => {
    const { model, findings } = checkText(sample(SEED), { today: TODAY });
    const { html } = renderBody(model, { findings });
    const marked = [...html.matchAll(/<td class="num[^"]*" data-cell="t3\.[^"]+"[^>]*data-severity="warning"/g)];
    expect(marked).toHaveLength(110);
    expect(findings.filter((f) => f.rule === 'T3-BLANK')).toHaveLength(19);
  });
});

describe('inlay hints show the computed value of a blank total', () => {
  it('right after the blank', () => {
    const text = edit(county, '上年结转:          [11, 2, 0, 0, 1, 0, 14]', '上年结转:          [11, 2, 0, 0, 1, 0, ~]');
    const doc = TextDocument.create('file:///r.xxgk.yaml', 'xxgk', 1, text);
    const hints = createLanguageService({ today: TODAY }).getInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } });
    const at = text.indexOf('0, ~]') + 4;
    const hint = hints.find((h) => doc.offsetAt(h.position) === at);
    expect(hint?.label).toBe('= 14');
  });
});

describe('TXT-PERCENT: percentages in the prose', () => {
  const percent = (text: string) => check(text).filter((f) => f.rule === 'TXT-PERCENT');
  const withRequestText = (sentence: string) => edit(county, '全年新收政府信息公开申请191件，上年结转14件；办结194件，结转下年度继续办理11件。', sentence);

  it('the published case: 258 of 805 answered is 32.0 %, not 33.9 %', () => {
    const text = withRequestText('全年共收到政府信息公开申请805件，其中予以公开258件，占33.9%。');
    const [f] = percent(text);
    expect(f.message).toBe('文字写“258件，占33.9%”：按文中所写的 805件 计算，258件占 32%，与所写的 33.9% 相差 1.9 个百分点。请核对百分比或所依据的数字。');
    expect(text.slice(f.finding.span.start, f.finding.span.end)).toBe('占33.9%');
  });

  it('recomputes from table 三 when the phrase names the base', () => {
    const [f] = percent(withRequestText('予以公开75件，占办结总数的40%。'));
    expect(f.message).toContain('按表三“（七）总计” 194 计算，75件占 38.7%');
    expect(f.finding.related).toHaveLength(1);
    expect(percent(withRequestText('予以公开75件，占办结总数的38.7%。'))).toEqual([]);
  });

  it('is silent when the base cannot be identified, or when a plausible base gives the percentage', () => {
    expect(percent(withRequestText('公众号推送信息486条，占全部信息的33%。'))).toEqual([]); // not a base the tables hold
    expect(percent(withRequestText('公众号推送信息486条，占33%。'))).toEqual([]); // no base at all
    expect(percent(withRequestText('予以公开75件，占39.3%。'))).toEqual([]); // 75 of the 191 received
    expect(percent(withRequestText('全年发布信息1,286条，其中重点领域信息732条，占56.9%。'))).toEqual([]);
    expect(percent(withRequestText('全年发布信息1,286条，其中重点领域信息732条，占60.9%。'))).toHaveLength(1);
  });

  it('allows what rounding to the digits written allows', () => {
    expect(percent(withRequestText('全年共收到申请805件，其中予以公开258件，占32%。'))).toEqual([]);
    expect(percent(withRequestText('全年共收到申请805件，其中予以公开258件，占32.1%。'))).toEqual([]);
    expect(percent(withRequestText('全年共收到申请805件，其中予以公开258件，占32.2%。'))).toHaveLength(1);
    expect(percent(withRequestText('全年共收到申请805件，其中予以公开258件，占33%。'))).toHaveLength(1);
  });
});

describe('TXT-PARTS-SUM: parts listed after a stated total', () => {
  const parts = (sentence: string) => check(edit(county, '全年新收政府信息公开申请191件，', sentence)).filter((f) => f.rule === 'TXT-PARTS-SUM');

  it('parts that add up to more than the total', () => {
    const [f] = parts('全年共收到政府信息公开申请191件，其中自然人152件、法人或其他组织40件，');
    expect(f.message).toBe('文字写“共收到政府信息公开申请191件”，但“其中”所列各项（自然人152件、法人或其他组织40件）合计 192件，比总数多 1。');
  });

  it('a list closed with 其余 that falls short; an open list may be partial', () => {
    expect(parts('全年共收到政府信息公开申请191件，其中自然人152件、其余30件，')).toHaveLength(1);
    expect(parts('全年共收到政府信息公开申请191件，其中自然人152件、科研机构2件，')).toEqual([]);
  });

  it('percentages between the parts and statements after the list are not parts', () => {
    expect(parts('全年共收到政府信息公开申请191件，其中自然人152件，占79.6%；法人或其他组织39件，占20.4%，')).toEqual([]);
    expect(parts('全年共收到政府信息公开申请191件，其中自然人152件、法人或其他组织39件，办结194件，')).toEqual([]);
  });
});

describe('TBL-IMPLAUSIBLE and TBL-UNCHANGED', () => {
  it('asks about table 四 cases when table 三 has no application this year and none carried over', () => {
    let text = sample('clean-zhangying-2024.xxgk.yaml');
    for (const row of ['本年新收:          [3, 1, 0, 0, 0, 0]', '予以公开:          [2, 0, 0, 0, 0, 0]', '部分公开:          [0, 1, 0, 0, 0, 0]', '本机关不掌握相关政府信息: [1, 0, 0, 0, 0, 0]']) {
      text = edit(text, row, row.replace(/\[.*\]/, '[0, 0, 0, 0, 0, 0]'));
    }
    text = edit(text, '  行政复议:         [0, 0, 0, 0]', '  行政复议:         [1, 0, 0, 0]');
    const found = check(text).filter((f) => f.rule === 'TBL-IMPLAUSIBLE');
    expect(found.map((f) => f.severity)).toEqual(['info']);
    expect(found[0].message).toContain('表四有 1 件行政复议、行政诉讼，而表三本年新收和上年结转的申请都是 0');
    expect(found[0].message).toMatch(/？$/);
    // A carried-over application explains the case.
    const carried = edit(edit(text, '上年结转:          [0, 0, 0, 0, 0, 0]', '上年结转:          [1, 0, 0, 0, 0, 0]'), '予以公开:          [0, 0, 0, 0, 0, 0]', '予以公开:          [1, 0, 0, 0, 0, 0]');
    expect(check(carried).filter((f) => f.rule === 'TBL-IMPLAUSIBLE')).toEqual([]);
  });

  it('a table identical to last year is named with last year\'s file and line; fewer than three equal counts are a coincidence', async () => {
    const { parseReport } = await import('../server/src/model/model');
    const lastYear = edit(county, '年度: 2024', '年度: 2023');
    const found = check(county, { previous: { name: '2023.xxgk.yaml', model: parseReport(lastYear) } }).filter((f) => f.rule === 'TBL-UNCHANGED');
    expect(found.map((f) => f.message.slice(0, 2))).toEqual(['表二', '表三', '表四']);
    expect(found[0].message).toContain(`（2023.xxgk.yaml 第 ${lineOf(lastYear, '二、主动公开政府信息情况:')} 行的表二）`);
    // Table 四 of last year differs in one cell: table 四 is no longer reported.
    const t4 = edit(lastYear, '复议后起诉:       [0, 0, 0, 1, 1]', '复议后起诉:       [0, 0, 1, 0, 1]');
    expect(check(county, { previous: { name: 'x', model: parseReport(t4) } }).filter((f) => f.rule === 'TBL-UNCHANGED').map((f) => f.message.slice(0, 2))).toEqual(['表二', '表三']);
    // Two equal non-zero counts (one 许可, one 处罚) and the documents in force: not enough to call it copied.
    const few = (t: string) => edit(edit(edit(t, '  行政规范性文件:   [3, 1, 27]', '  行政规范性文件:   [0, 0, 27]'), '  行政强制: 5', '  行政强制: 0'), '  行政事业性收费: 356.82', '  行政事业性收费: 0');
    const t2only = check(few(county), { previous: { name: 'x', model: parseReport(few(lastYear)) } }).filter((f) => f.rule === 'TBL-UNCHANGED');
    expect(t2only.map((f) => f.message.slice(0, 2))).not.toContain('表二');
  });
});

describe('STR-PART5-EMPTY: part 五 that says nothing', () => {
  const part5 = (body: string) => {
    const text = county.replace(/五、存在的主要问题及改进情况:\n(?: {2}.*\n)+/, `五、存在的主要问题及改进情况:${body}\n`);
    return check(text).filter((f) => f.rule === 'STR-PART5-EMPTY').map((f) => f.message);
  };
  it('only 无, a sentence, problems without measures, an empty measures heading', () => {
    expect(part5(' 无。')[0]).toContain('只写了“无”');
    expect(part5(' 存在信息公开不够及时的问题，下一步将加以改进。')[0]).toMatch(/^第五部分只有 \d+ 个字/);
    expect(part5(' |\n  存在的问题：一是部分信息发布不够及时；二是政策解读形式比较单一；三是队伍业务能力有待加强，基层公开工作的规范化程度仍需提高。')).toEqual(['第五部分未写明改进情况或措施。']);
    expect(part5('\n  存在的主要问题: |\n    一是部分信息发布不够及时；二是政策解读形式比较单一；三是队伍业务能力有待加强，规范化程度仍需提高。\n  改进情况:')).toEqual(['第五部分未写明改进情况或措施。']);
  });
  it('a short but complete part 五 passes', () => {
    expect(part5(' |\n  存在的问题：一是信息发布不够及时；二是解读形式单一。改进措施：一是建立发布台账，按月检查；二是增加图解解读。')).toEqual([]);
  });
});
