/**
 * Generated reports for the benchmark: valid (zero findings — test/generate.test.ts checks it), every total
 * written so every identity is checked, numbers that vary with the seed, and size that comes from where a
 * real report grows — long prose and many comment lines (the tables are fixed by the statutory format).
 */
import { template2021, type RowDef, type TableNode } from '../server/src/template';

/** Small deterministic PRNG (mulberry32): the same seed gives the same report on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['自然资源和规划局', '住房和城乡建设局', '市场监督管理局', '生态环境局', '交通运输局', '卫生健康局', '教育局', '民政局'];
const COUNTIES = ['示例县', '青山县', '河西县', '东岭县', '南湖县'];

/** Sentences in the register of a real report; {n} is a number. No sentence repeats a word or denies requests. */
const SENTENCES = [
  '全年主动公开政府信息{n}条，其中重点领域信息{n}条。',
  '发布政策解读材料{n}篇，其中图解{n}篇、视频解读{n}个。',
  '围绕国土空间规划、用地审批和不动产登记等事项，及时更新门户网站专栏内容。',
  '严格执行公开前保密审查和公开属性源头认定，对拟公开信息实行一事一审。',
  '组织政务公开业务培训{n}次，参训人员{n}人次。',
  '政务新媒体账号全年发布信息{n}条，留言办结率保持在较高水平。',
  '依申请公开答复均在法定期限内作出，答复文书经法律顾问审核。',
  '优化法定主动公开内容专栏，新增征地信息公开子栏目{n}个。',
  '将政务公开纳入年度绩效考核，按季度通报各科室信息发布情况。',
  '建立公开属性认定会商机制，每季度开展一次发布情况检查。',
  '制定答复文书范本，规范告知书的说理和救济途径表述。',
  '围绕群众关注的征地补偿、不动产登记等事项，增加图解和问答式解读。',
];

function sentence(r: () => number): string {
  const s = SENTENCES[Math.floor(r() * SENTENCES.length)];
  return s.replace(/\{n\}/g, () => String(1 + Math.floor(r() * 900)));
}

function paragraph(r: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join('');
}

export const int = (r: () => number, max: number) => Math.floor(r() * (max + 1));

/** Table 三's values: random results, carry-over and carry-forward, and 本年新收 chosen so every identity holds. */
export function table3Values(r: () => number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const results = template2021.tables[1].nodes;
  const leaves: RowDef[] = [];
  const walk = (ns: TableNode[]) => ns.forEach((n) => (n.kind === 'row' ? leaves.push(n) : walk(n.children)));
  walk(results);
  const resultRows = leaves.filter((l) => l.id.startsWith('t3.r3.') && l.id !== 't3.r3.7');
  for (const row of resultRows) rows.set(row.id, Array.from({ length: 6 }, (_, c) => (r() < 0.55 ? 0 : int(r, c === 0 ? 40 : 6))));
  const resultTotal = Array.from({ length: 6 }, (_, c) => resultRows.reduce((s, row) => s + rows.get(row.id)![c], 0));
  const carriedOver = resultTotal.map((t) => int(r, Math.min(t, 8)));
  const carriedForward = Array.from({ length: 6 }, () => int(r, 5));
  rows.set('t3.r2', carriedOver);
  rows.set('t3.r4', carriedForward);
  rows.set('t3.r1', resultTotal.map((t, c) => t + carriedForward[c] - carriedOver[c]));
  rows.set('t3.r3.7', resultTotal);
  return rows;
}

const withTotal = (xs: number[]) => `[${[...xs, xs.reduce((a, b) => a + b, 0)].join(', ')}]`;

export interface GenerateOptions {
  /** Approximate UTF-8 size; the report grows by prose paragraphs and comment lines until it reaches it. */
  targetBytes?: number;
}

/** A valid report, different for each seed. */
export function generateReport(seed: number, options: GenerateOptions = {}): string {
  const r = rng(seed);
  const issuer = `${COUNTIES[seed % COUNTIES.length]}${DEPARTMENTS[Math.floor(r() * DEPARTMENTS.length)]}`;
  const t3 = table3Values(r);
  const unpaid = t3.get('t3.r3.6.2')!.reduce((a, b) => a + b, 0);
  const notices = unpaid + int(r, 3);
  const billed = notices * (50 + int(r, 200));
  const collected = Math.max(0, billed - int(r, 100));
  const issued = int(r, 6), repealed = int(r, issued);
  const t4 = () => withTotal([int(r, 3), int(r, 2), int(r, 1), int(r, 2)]);

  // Padding goes into the prose of part 一 and part 六 and into comments, spread over the document.
  const target = options.targetBytes ?? 0;
  const base = build([], []);
  const padding: string[] = [];
  const comments: string[] = [];
  let size = Buffer.byteLength(base);
  while (size < target) {
    const p = paragraph(r, 6 + int(r, 10));
    padding.push(p);
    size += Buffer.byteLength(p) + 6;
    if (padding.length % 3 === 0) {
      const c = `# 备注：${sentence(r)}`;
      comments.push(c);
      size += Buffer.byteLength(c) + 1;
    }
  }
  return build(padding, comments);

  function build(pad: string[], notes: string[]): string {
    const share = (i: number, of: number) => pad.filter((_, k) => k % of === i);
    const block = (indent: string, first: string, extra: string[]) => [first, ...extra].map((p) => `${indent}${p}`).join(`\n${indent}\n`);
    const noteLines = (i: number, of: number) => notes.filter((_, k) => k % of === i);
    const t3row = (id: string) => withTotal(t3.get(id)!);
    const lines = [
      `# ${issuer}2024年政府信息公开工作年度报告（基准测试生成，种子 ${seed}）`,
      ...noteLines(0, 4),
      '格式: 2021',
      `标题: ${issuer}2024年政府信息公开工作年度报告`,
      `机关: ${issuer}`,
      '机关类型: 县级政府部门',
      '年度: 2024',
      '落款日期: 2025-01-20',
      '发布日期: 2025-01-24',
      `联系方式: ${issuer}办公室，电话：0000-${String(1000000 + int(r, 8999999))}`,
      '',
      '导语: |',
      `  本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，由${issuer}编制。报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。如对本报告有疑问，请与${issuer}办公室联系。`,
      '',
      '一、总体情况:',
      ...noteLines(1, 4).map((c) => `  ${c}`),
      '  概述: |',
      block('    ', paragraph(r, 2), share(0, 6)),
      '  主动公开: |',
      block('    ', paragraph(r, 3), share(1, 6)),
      '  依申请公开: |',
      block('    ', paragraph(r, 2), share(2, 6)),
      '  政府信息管理: |',
      block('    ', paragraph(r, 2), share(3, 6)),
      '  平台建设: |',
      block('    ', paragraph(r, 2), share(4, 6)),
      '  监督保障: |',
      block('    ', paragraph(r, 2), []),
      '',
      '二、主动公开政府信息情况:',
      '  #                本年制发 本年废止 现行有效',
      '  规章:            [0, 0, 0]',
      `  行政规范性文件:   [${issued}, ${repealed}, ${issued - repealed + int(r, 30)}]`,
      `  行政许可: ${int(r, 3000)}`,
      `  行政处罚: ${int(r, 200)}`,
      `  行政强制: ${int(r, 20)}`,
      `  行政事业性收费: ${(1 + int(r, 50000) / 100).toFixed(2)}`,
      '',
      '三、收到和处理政府信息公开申请情况:',
      '  #                 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
      `  本年新收:          ${t3row('t3.r1')}`,
      `  上年结转:          ${t3row('t3.r2')}`,
      `  予以公开:          ${t3row('t3.r3.1')}`,
      `  部分公开:          ${t3row('t3.r3.2')}`,
      ...groupLines(t3row),
      `  总计:                       ${t3row('t3.r3.7')}`,
      `  结转下年度继续办理:         ${t3row('t3.r4')}`,
      '',
      '四、政府信息公开行政复议、行政诉讼情况:',
      '  #                 维持 纠正 其他 尚未审结 总计',
      `  行政复议:         ${t4()}`,
      `  未经复议直接起诉: ${t4()}`,
      `  复议后起诉:       ${t4()}`,
      ...noteLines(2, 4),
      '',
      '五、存在的主要问题及改进情况:',
      '  存在的主要问题: |',
      '    一是部分业务科室对公开属性认定把握不准，个别信息发布滞后；二是依申请公开答复文书的说理性有待提高。',
      '  改进情况: |',
      '    一是建立公开属性认定会商机制；二是制定答复文书范本，重要答复经法律顾问审核。',
      '',
      '六、其他需要报告的事项:',
      '  信息处理费:',
      `    收费通知件数: ${notices}`,
      `    收费通知金额: ${billed}`,
      `    实际收取金额: ${collected}`,
      ...noteLines(3, 4).map((c) => `  ${c}`),
      '  其他: |',
      block('    ', `本年度按照《政府信息公开信息处理费管理办法》发出收费通知${notices}件。`, share(5, 6)),
      '',
    ];
    return lines.join('\n');
  }
}

/** The nested groups of table 三 (不予公开 … 其他处理) with their rows. */
function groupLines(rowText: (id: string) => string): string[] {
  const out: string[] = [];
  for (const node of template2021.tables[1].nodes) {
    if (node.kind !== 'group') continue;
    for (const g of node.children) {
      if (g.kind !== 'group' || !g.nested) continue;
      out.push(`  ${g.key}:`);
      for (const row of g.children) if (row.kind === 'row') out.push(`    ${row.key}: ${rowText(row.id)}`);
    }
  }
  return out;
}
