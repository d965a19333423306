/**
 * A generated area of reports for `xxgk review`: counties with their government, departments, towns and
 * streets, each body's report with prose of its own (phrases combined at random, with place names of the
 * body's own), valid tables, and chosen defects. Used by test/review.test.ts (a folder of ~60 reports in every
 * form) and by the benchmark (1,000 and 10,000 reports).
 */
import { rng, table3Values, int } from './generate';

export interface Body {
  issuer: string;
  kind: string;
  county: string;
}

export type Defect = 'total' | 'late' | 'blank' | 'missingPart' | 'signedTooEarly';

export interface ReportSpec {
  body: Body;
  year: number;
  seed: number;
  defect?: Defect;
  /** A paragraph written into 一、（三）政府信息管理 (two towns that copied it). */
  shared?: string;
  /** Table 三 to write instead of a random one (two departments that copied it). */
  table3?: Map<string, number[]>;
  /** Table 三's carried-forward row of last year's report (this year's 上年结转 follows it). */
  carriedOver?: number[];
  /** 行政规范性文件 in force at the end of last year (this year's follows from it), or this year's own. */
  validBefore?: number;
  valid?: number;
}

const SYLLABLES =
  '安宁平和清河西山东临江云溪青石丰泰永昌长乐新华兴隆白沙金水龙泉凤阳桃源松柏柳林梅岭竹园双桥三里五峰七星九龙南湖北塘'.split(
    '',
  );
const DEPARTMENTS = [
  '发展和改革局',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康局',
  '应急管理局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
];
const LEADS = ['围绕', '聚焦', '按照', '结合', '针对', '立足', '紧扣', '对照'];
const TOPICS = [
  '乡村振兴',
  '营商环境',
  '征地补偿',
  '社会救助',
  '城乡建设',
  '生态环境保护',
  '安全生产',
  '义务教育',
  '医疗卫生',
  '就业创业',
  '养老服务',
  '防汛抗旱',
  '农村人居环境',
  '重大项目',
  '财政预决算',
  '行政执法',
  '民生实事',
  '食品安全',
  '粮食生产',
  '交通出行',
];
const ACTIONS = [
  '及时发布',
  '集中公开',
  '动态更新',
  '梳理编制',
  '规范发布',
  '分类公开',
  '逐项公示',
  '专栏公开',
  '同步推送',
  '按季度公开',
];
const OBJECTS = [
  '政策文件',
  '办事指南',
  '通知公告',
  '统计数据',
  '项目信息',
  '资金使用情况',
  '执法结果',
  '权责清单',
  '解读材料',
  '工作动态',
];
const TAILS = [
  '群众知晓率明显提高',
  '信息发布更加及时准确',
  '办事群众少跑了路',
  '社会关注的问题得到及时回应',
  '公开质量稳步提升',
  '基层公开标准化水平进一步提高',
  '政策落实情况接受群众监督',
  '咨询投诉量同比下降',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** Two different syllables (the same one twice would read as a doubled word). */
function two(r: () => number): string {
  const a = pick(r, SYLLABLES);
  let b = pick(r, SYLLABLES);
  while (b === a) b = pick(r, SYLLABLES);
  return `${a}${b}`;
}

function place(r: () => number): string {
  return `${two(r)}${pick(r, ['村', '社区', '片区', '园区'])}`;
}

function sentence(r: () => number): string {
  // In this order: the random numbers are drawn as the sentence reads.
  const lead = `${pick(r, LEADS)}${pick(r, TOPICS)}工作，在${place(r)}、${place(r)}等地`;
  const what = `${pick(r, ACTIONS)}${pick(r, OBJECTS)}${1 + int(r, 300)}条`;
  return `${lead}${what}，${pick(r, TAILS)}。`;
}

function paragraph(r: () => number, n: number): string {
  return Array.from({ length: n }, () => sentence(r)).join('');
}

/** `count` bodies in counties of ~20: a government, departments, towns and a street each. */
export function corpusBodies(count: number, seed = 1): Body[] {
  const r = rng(seed);
  const bodies: Body[] = [];
  const used = new Set<string>();
  while (bodies.length < count) {
    let county: string;
    do county = `${two(r)}县`;
    while (used.has(county));
    used.add(county);
    bodies.push({ issuer: `${county}人民政府`, kind: '县级人民政府', county });
    for (const d of DEPARTMENTS.slice(0, 12)) bodies.push({ issuer: `${county}${d}`, kind: '县级政府部门', county });
    for (let k = 0; k < 6; k++) {
      let town: string;
      do town = `${two(r)}${k < 5 ? (k % 2 ? '乡' : '镇') : '街道'}`;
      while (used.has(town));
      used.add(town);
      bodies.push(
        k < 5
          ? { issuer: `${county}${town}人民政府`, kind: '乡镇人民政府', county }
          : { issuer: `${county}${town}办事处`, kind: '街道办事处', county },
      );
    }
  }
  return bodies.slice(0, count);
}

const withTotal = (xs: number[]) => `[${[...xs, xs.reduce((a, b) => a + b, 0)].join(', ')}]`;

/** A report of one body and year: valid unless a defect is asked for. */
export function corpusReport(spec: ReportSpec): string {
  const r = rng(spec.seed * 7919 + spec.year);
  const { body, year } = spec;
  const t3 = spec.table3 ?? table3Values(r);
  if (spec.carriedOver) shiftCarriedOver(t3, spec.carriedOver);
  const govDeadline = body.kind === '县级人民政府';
  const signed =
    spec.defect === 'late'
      ? `${year + 1}-${govDeadline ? '04' : '02'}-${String(10 + int(r, 15)).padStart(2, '0')}`
      : spec.defect === 'signedTooEarly'
        ? `${year}-01-${String(10 + int(r, 15)).padStart(2, '0')}`
        : `${year + 1}-01-${String(10 + int(r, 18)).padStart(2, '0')}`;
  const issued = int(r, 6),
    repealed = int(r, issued);
  const notices = t3.get('t3.r3.6.2')!.reduce((a, b) => a + b, 0) + int(r, 2);
  const billed = notices * (20 + int(r, 100));
  const prose = (text: string) => `    ${text}`;
  const row = (id: string) => {
    const values = withTotal(t3.get(id)!);
    if (spec.defect === 'total' && id === 't3.r3.1')
      return values.replace(/(\d+)\]$/, (_m, n: string) => `${Number(n) + 1}]`);
    if (spec.defect === 'blank' && id === 't3.r3.2') return values.replace(/^\[\d+/, '[~');
    return values;
  };
  const lines = [
    '格式: 2021',
    `机关: ${body.issuer}`,
    `机关类型: ${body.kind}`,
    `年度: ${year}`,
    `落款日期: ${signed}`,
    `联系方式: ${body.issuer}办公室，电话：0000-${String(1000000 + int(r, 8999999))}`,
    '',
    '导语: |',
    `  本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制，由${body.issuer}编制。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '',
    '一、总体情况:',
    '  主动公开: |',
    prose(paragraph(r, 4 + int(r, 4))),
    '  依申请公开: |',
    prose(
      `全年新收政府信息公开申请${t3.get('t3.r1')!.reduce((a, b) => a + b, 0)}件，均在法定期限内答复。${paragraph(r, 3 + int(r, 2))}`,
    ),
    '  政府信息管理: |',
    prose(spec.shared ?? paragraph(r, 2 + int(r, 2))),
    '  平台建设: |',
    prose(paragraph(r, 3 + int(r, 3))),
    '  监督保障: |',
    prose(`将政务公开纳入年度考核，开展社会评议，未发生责任追究情况。${paragraph(r, 3 + int(r, 2))}`),
    '',
    '二、主动公开政府信息情况:',
    '  规章: [0, 0, 0]',
    `  行政规范性文件: [${issued}, ${repealed}, ${spec.valid ?? (spec.validBefore ?? int(r, 30)) + issued - repealed}]`,
    `  行政许可: ${int(r, 3000)}`,
    `  行政处罚: ${int(r, 200)}`,
    `  行政强制: ${int(r, 20)}`,
    `  行政事业性收费: ${(int(r, 50000) / 100).toFixed(2)}`,
    '',
    '三、收到和处理政府信息公开申请情况:',
    `  本年新收: ${row('t3.r1')}`,
    `  上年结转: ${row('t3.r2')}`,
    `  予以公开: ${row('t3.r3.1')}`,
    `  部分公开: ${row('t3.r3.2')}`,
    ...table3Groups(row),
    `  总计: ${row('t3.r3.7')}`,
    `  结转下年度继续办理: ${row('t3.r4')}`,
    '',
    '四、政府信息公开行政复议、行政诉讼情况:',
    ...['行政复议', '未经复议直接起诉', '复议后起诉'].map(
      (k) => `  ${k}: ${withTotal([int(r, 2), int(r, 1), 0, int(r, 1)])}`,
    ),
    '',
    ...(spec.defect === 'missingPart'
      ? []
      : [
          '五、存在的主要问题及改进情况:',
          '  存在的主要问题: |',
          prose(paragraph(r, 2)),
          '  改进情况: |',
          prose(paragraph(r, 2)),
          '',
        ]),
    '六、其他需要报告的事项:',
    '  信息处理费:',
    `    收费通知件数: ${notices}`,
    `    收费通知金额: ${billed}`,
    `    实际收取金额: ${billed}`,
    '  其他: |',
    prose(`发出收费通知${notices}件。${paragraph(r, 2)}`),
    '',
  ];
  return lines.join('\n');
}

/** Last year's 结转下年度继续办理 as this year's 上年结转, with 本年新收 adjusted so every identity still holds. */
function shiftCarriedOver(t3: Map<string, number[]>, carried: number[]): void {
  const was = t3.get('t3.r2')!;
  t3.set('t3.r2', [...carried]);
  t3.set(
    't3.r1',
    t3.get('t3.r1')!.map((v, c) => Math.max(0, v + was[c] - carried[c])),
  );
  // 本年新收 cannot go below 0: then more results were carried forward instead.
  const r1 = t3.get('t3.r1')!,
    r3 = t3.get('t3.r3.7')!;
  t3.set(
    't3.r4',
    r3.map((v, c) => r1[c] + carried[c] - v),
  );
}

function table3Groups(row: (id: string) => string): string[] {
  const groups: [string, string, string[]][] = [
    [
      '不予公开',
      't3.r3.3',
      [
        '属于国家秘密',
        '其他法律行政法规禁止公开',
        '危及“三安全一稳定”',
        '保护第三方合法权益',
        '属于三类内部事务信息',
        '属于四类过程性信息',
        '属于行政执法案卷',
        '属于行政查询事项',
      ],
    ],
    ['无法提供', 't3.r3.4', ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确']],
    [
      '不予处理',
      't3.r3.5',
      [
        '信访举报投诉类申请',
        '重复申请',
        '要求提供公开出版物',
        '无正当理由大量反复申请',
        '要求行政机关确认或重新出具已获取信息',
      ],
    ],
    ['其他处理', 't3.r3.6', ['逾期不补正', '逾期未缴费', '其他']],
  ];
  return groups.flatMap(([key, id, rows]) => [
    `  ${key}:`,
    ...rows.map((k, i) => `    ${k}: ${row(`${id}.${i + 1}`)}`),
  ]);
}

/** A table 三 as corpusReport writes it (for two bodies that share one). */
export function corpusTable3(seed: number): Map<string, number[]> {
  return table3Values(rng(seed));
}

/** A paragraph two bodies share word for word. */
export function sharedParagraph(seed: number): string {
  return paragraph(rng(seed), 4);
}
