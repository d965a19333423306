/**
 * The statutory template of 国办公开办函〔2021〕30号 (format 2021), as data.
 * Labels are quoted exactly from the official tables; keys are the short names a clerk recognises.
 * Identities are generated from the table shapes below (no code per row): see `identities`.
 */
import type { RuleId } from './ruleCatalog';
import type {
  BodyKindDef, ColumnDef, FieldDef, IdentityDef, PartDef, RowDef, TableDef, TableNode, Template,
} from './types';

// ---------------------------------------------------------------- metadata

export const metadata: FieldDef[] = [
  { id: 'version', key: '格式', label: '年度报告格式版本', aliases: ['格式版本'], type: 'version', required: true,
    help: '年度报告所依据的格式：2021 即《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号），适用于2021年度及以后的报告。' },
  { id: 'title', key: '标题', label: '报告标题', aliases: ['题目'], type: 'text',
    help: '报告标题，如“张营乡2023年政府信息公开工作年度报告”。不填时由机关名称和年度生成。' },
  { id: 'issuer', key: '机关', label: '发布机关', aliases: ['发布机关', '机关名称', '编制机关'], type: 'text', required: true,
    help: '编制并发布本报告的行政机关全称，与落款一致。' },
  { id: 'kind', key: '机关类型', label: '机关类型', aliases: ['类型'], type: 'kind', required: true, example: '乡镇人民政府',
    help: '决定发布时限和适用规则：县级以上人民政府部门须于次年1月31日前发布（《条例》第四十九条第一款）；本级人民政府年度报告须于次年3月31日前发布（第四十九条第二款）；乡镇、街道的时限由地方规定。' },
  { id: 'year', key: '年度', label: '报告年度', aliases: ['报告年度'], type: 'year', required: true,
    help: '报告所统计的年度：统计期间为该年1月1日至12月31日。' },
  { id: 'signed', key: '落款日期', label: '落款日期（成文日期）', aliases: ['成文日期', '日期'], type: 'date', required: true,
    help: '报告落款处的日期。应晚于报告年度的12月31日，并不晚于发布时限。' },
  { id: 'published', key: '发布日期', label: '发布日期', aliases: ['公开日期'], type: 'date',
    help: '报告实际发布（上网公开）的日期。填写后按发布日期核对发布时限。' },
  { id: 'contact', key: '联系方式', label: '联系方式', aliases: ['联系人', '联系电话'], type: 'text',
    help: '对本报告有疑问时的联系机构、电话、地址。' },
  { id: 'previousReport', key: '上年报告', label: '上一年度报告文件', aliases: ['上年度报告'], type: 'text',
    help: '上一年度报告（*.xxgk.yaml）的路径，相对于本文件。据此核对上年结转、现行有效件数和内容雷同；不填时在同一文件夹中查找同一机关上一年度的报告。' },
  { id: 'preamble', key: '导语', label: '导语', aliases: ['前言', '引言'], type: 'prose',
    help: '报告开头的说明：编制依据、报告组成、统计期间（起止时间）和联系方式。' },
  { id: 'unmapped', key: '未识别内容', label: '导入时未识别的内容', aliases: [], type: 'prose', aside: true,
    help: '导入已发布的报告时，未能对应到格式中任何位置的文字和表格单元格原样保留在这里。请逐条核对：移到正确的位置，或确认无用后删除。' },
];

// ---------------------------------------------------------------- parts

export const parts: PartDef[] = [
  { id: 'p1', numeral: '一', key: '一、总体情况', title: '总体情况', variants: [], aliases: ['总体情况'],
    content: 'general', basis: '《条例》第五十条', help: '概述本年度政府信息公开工作，分主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。' },
  { id: 'p2', numeral: '二', key: '二、主动公开政府信息情况', title: '主动公开政府信息情况', variants: [],
    aliases: ['主动公开政府信息情况'], content: 'table', table: 't2', basis: '《条例》第五十条第（一）项、第二十条',
    help: '表二：按《条例》第二十条第（一）、（五）、（六）、（八）项统计主动公开的政府信息。' },
  { id: 'p3', numeral: '三', key: '三、收到和处理政府信息公开申请情况', title: '收到和处理政府信息公开申请情况', variants: [],
    aliases: ['收到和处理政府信息公开申请情况'], content: 'table', table: 't3', basis: '《条例》第五十条第（二）项',
    help: '表三：按申请人类型统计本年新收、上年结转的申请和办理结果。' },
  { id: 'p4', numeral: '四', key: '四、政府信息公开行政复议、行政诉讼情况', title: '政府信息公开行政复议、行政诉讼情况',
    variants: ['四、政府信息公开行政复议和行政诉讼情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况'],
    aliases: ['政府信息公开行政复议、行政诉讼情况'], content: 'table', table: 't4', basis: '《条例》第五十条第（三）项',
    help: '表四：因政府信息公开工作被申请行政复议、提起行政诉讼的情况。' },
  { id: 'p5', numeral: '五', key: '五、存在的主要问题及改进情况', title: '存在的主要问题及改进情况',
    variants: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在的主要问题及改进举措', '五、存在的主要问题及改进措施', '五、存在的主要问题及整改措施'],
    aliases: ['存在的主要问题及改进情况'], content: 'prose', basis: '《条例》第五十条第（四）项',
    help: '本年度政府信息公开工作存在的主要问题和改进措施；各级人民政府还应报告工作考核、社会评议和责任追究结果情况。' },
  { id: 'p6', numeral: '六', key: '六、其他需要报告的事项', title: '其他需要报告的事项', variants: [],
    aliases: ['其他需要报告的事项'], content: 'other', basis: '《条例》第五十条第（五）项',
    help: '其他需要报告的事项，包括按《政府信息公开信息处理费管理办法》收取信息处理费的情况（没有收费也应说明，填 0）。' },
];

export const generalTopics: FieldDef[] = [
  { id: 'p1.summary', key: '概述', label: '概述', aliases: ['总述'], type: 'prose', help: '总体情况的概括说明（可选）。' },
  { id: 'p1.active', key: '主动公开', label: '（一）主动公开', aliases: ['主动公开情况'], type: 'prose', required: true,
    help: '主动公开政府信息的渠道、数量和重点领域。' },
  { id: 'p1.request', key: '依申请公开', label: '（二）依申请公开', aliases: ['依申请公开情况'], type: 'prose', required: true,
    help: '受理、办理政府信息公开申请的情况。' },
  { id: 'p1.management', key: '政府信息管理', label: '（三）政府信息管理', aliases: ['政府信息管理情况'], type: 'prose', required: true,
    help: '政府信息管理：公开属性认定、发布审查、规章和行政规范性文件的制发、废止、现行有效情况等。' },
  { id: 'p1.platform', key: '平台建设', label: '（四）政府信息公开平台建设', aliases: ['政府信息公开平台建设', '公开平台建设', '平台建设情况', '公开平台建设情况', '政府信息公开平台建设情况'], type: 'prose', required: true,
    help: '政府网站、政务新媒体、公开栏等公开平台的建设和管理。' },
  { id: 'p1.oversight', key: '监督保障', label: '（五）监督保障', aliases: ['监督保障情况'], type: 'prose', required: true,
    help: '监督保障；各级人民政府还应说明工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项）。' },
];

export const feeFields: FieldDef[] = [
  { id: 'fee.notices', key: '收费通知件数', label: '发出收费通知的件数', aliases: ['收费通知数', '通知件数'], type: 'count', unit: '件', required: true,
    help: '本年度发出信息处理费收费通知的件数；没有发出填 0。' },
  { id: 'fee.billed', key: '收费通知金额', label: '收费通知的总金额', aliases: ['通知金额', '收费通知总金额'], type: 'amount', unit: '元', required: true,
    help: '本年度发出的收费通知的总金额（元）；没有填 0。' },
  { id: 'fee.collected', key: '实际收取金额', label: '实际收取的总金额', aliases: ['实收金额', '实际收取总金额'], type: 'amount', unit: '元', required: true,
    help: '本年度实际收取的信息处理费总金额（元）；没有收取填 0。' },
];

export const otherFields: FieldDef[] = [
  { id: 'p6.fee', key: '信息处理费', label: '信息处理费收取情况', aliases: ['信息处理费收取情况', '收费情况'], type: 'text', required: true,
    help: '按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况：收费通知件数、金额和实际收取金额。' },
  { id: 'p6.text', key: '其他', label: '其他需要报告的事项', aliases: ['说明', '正文'], type: 'prose', help: '其他需要报告的事项（文字）。' },
];

export const tableNoteKey: FieldDef = { id: 'table.note', key: '说明', label: '说明', aliases: ['文字说明'], type: 'prose',
  help: '表格前的文字说明（可选）。' };

// ---------------------------------------------------------------- table 二

const colIssued: ColumnDef = { id: 'issued', label: '本年制发件数', short: '本年制发' };
const colRepealed: ColumnDef = { id: 'repealed', label: '本年废止件数', short: '本年废止' };
const colValid: ColumnDef = { id: 'valid', label: '现行有效件数', short: '现行有效' };
const colDecisions: ColumnDef = { id: 'decisions', label: '本年处理决定数量', short: '处理决定' };
const colAmount: ColumnDef = { id: 'amount', label: '本年收费金额（单位：万元）', short: '收费金额（万元）' };

function t2row(
  id: string, key: string, aliases: string[], help: string, columns: ColumnDef[], extra: Partial<RowDef> = {},
): RowDef {
  return { kind: 'row', id, key, label: key, aliases, help, columns, cellType: 'count', ...extra };
}

const table2: TableDef = {
  id: 't2', name: '表二', title: '主动公开政府信息情况', layout: 'blocks',
  nodes: [
    { kind: 'group', id: 't2.item1', label: '第二十条第（一）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（一）项：行政法规、规章和规范性文件。', children: [
        t2row('t2.rules', '规章', [], '本机关制定的规章。只有国务院部门和省、设区的市人民政府能制定规章，乡镇、县级机关一般填 0。', [colIssued, colRepealed, colValid]),
        t2row('t2.normative', '行政规范性文件', ['规范性文件'], '本机关制发的行政规范性文件：本年制发、本年废止、年末现行有效件数。', [colIssued, colRepealed, colValid]),
      ] },
    { kind: 'group', id: 't2.item5', label: '第二十条第（五）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（五）项：办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果。', children: [
        t2row('t2.licensing', '行政许可', [], '本年作出的行政许可处理决定数量（包括公开的和依法不公开的）。', [colDecisions], { scalar: true }),
      ] },
    { kind: 'group', id: 't2.item6', label: '第二十条第（六）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（六）项：实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定。', children: [
        t2row('t2.penalty', '行政处罚', [], '本年作出的行政处罚决定数量。', [colDecisions], { scalar: true }),
        t2row('t2.coercion', '行政强制', [], '本年作出的行政强制决定数量。', [colDecisions], { scalar: true }),
      ] },
    { kind: 'group', id: 't2.item8', label: '第二十条第（八）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（八）项：行政事业性收费项目及其依据、标准。', children: [
        t2row('t2.fees', '行政事业性收费', [], '本年行政事业性收费金额，单位：万元（10,000 元）。', [colAmount], { scalar: true, cellType: 'amount', unit: '万元' }),
      ] },
  ],
};

// ---------------------------------------------------------------- table 三

export const t3Applicants: ColumnDef[] = [
  { id: 'NP', label: '自然人', short: '自然人', headerPath: ['申请人情况'] },
  { id: 'CE', label: '商业企业', short: '商业企业', headerPath: ['申请人情况', '法人或其他组织'] },
  { id: 'RI', label: '科研机构', short: '科研机构', headerPath: ['申请人情况', '法人或其他组织'] },
  { id: 'SW', label: '社会公益组织', short: '社会公益组织', headerPath: ['申请人情况', '法人或其他组织'] },
  { id: 'LS', label: '法律服务机构', short: '法律服务机构', headerPath: ['申请人情况', '法人或其他组织'] },
  { id: 'OT', label: '其他', short: '其他', headerPath: ['申请人情况', '法人或其他组织'] },
];
const t3Total: ColumnDef = { id: 'TOT', label: '总计', short: '总计', optionalTotal: true, headerPath: ['申请人情况'] };
export const t3Columns = [...t3Applicants, t3Total];

export function t3row(
  id: string, key: string, label: string, aliases: string[], help: string, extra: Partial<RowDef> = {},
): RowDef {
  return { kind: 'row', id, key, label, aliases: [label, ...aliases], help, columns: t3Columns, cellType: 'count', ...extra };
}

export const refuse: RowDef[] = [
  t3row('t3.r3.3.1', '属于国家秘密', '1.属于国家秘密', [], '申请公开的信息属于国家秘密（《条例》第十四条）。'),
  t3row('t3.r3.3.2', '其他法律行政法规禁止公开', '2.其他法律行政法规禁止公开', ['其他法律行政止公开'], '法律、行政法规禁止公开的（《条例》第十四条）。'),
  t3row('t3.r3.3.3', '危及“三安全一稳定”', '3.危及“三安全一稳定”', ['危及"三安全一稳定"', '危及三安全一稳定'], '公开后可能危及国家安全、公共安全、经济安全、社会稳定的（《条例》第十四条）。'),
  t3row('t3.r3.3.4', '保护第三方合法权益', '4.保护第三方合法权益', [], '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害的（《条例》第十五条）。'),
  t3row('t3.r3.3.5', '属于三类内部事务信息', '5.属于三类内部事务信息', [], '人事管理、后勤管理、内部工作流程等内部事务信息（《条例》第十六条第一款）。'),
  t3row('t3.r3.3.6', '属于四类过程性信息', '6.属于四类过程性信息', [], '讨论记录、过程稿、磋商信函、请示报告等过程性信息（《条例》第十六条第二款）。'),
  t3row('t3.r3.3.7', '属于行政执法案卷', '7.属于行政执法案卷', [], '行政执法案卷信息（《条例》第十六条第二款）。'),
  t3row('t3.r3.3.8', '属于行政查询事项', '8.属于行政查询事项', [], '法律、行政法规规定应通过查询获取的信息（《条例》第三十六条第（七）项）。'),
];
export const unable: RowDef[] = [
  t3row('t3.r3.4.1', '本机关不掌握相关政府信息', '1.本机关不掌握相关政府信息', ['不掌握相关政府信息'], '本机关不掌握申请的政府信息（《条例》第三十六条第（四）项）。'),
  t3row('t3.r3.4.2', '没有现成信息需要另行制作', '2.没有现成信息需要另行制作', [], '需要另行制作、加工、分析的（《条例》第三十八条）。'),
  t3row('t3.r3.4.3', '补正后申请内容仍不明确', '3.补正后申请内容仍不明确', [], '经补正申请内容仍不明确的（《条例》第三十条）。'),
];
export const notHandled: RowDef[] = [
  t3row('t3.r3.5.1', '信访举报投诉类申请', '1.信访举报投诉类申请', [], '以政府信息公开申请形式进行信访、投诉、举报的（《条例》第三十九条第一款）。'),
  t3row('t3.r3.5.2', '重复申请', '2.重复申请', [], '重复申请公开相同政府信息的（《条例》第三十六条第（六）项）。'),
  t3row('t3.r3.5.3', '要求提供公开出版物', '3.要求提供公开出版物', [], '要求提供公开出版物的（《条例》第三十九条第二款）。'),
  t3row('t3.r3.5.4', '无正当理由大量反复申请', '4.无正当理由大量反复申请', [], '无正当理由大量、反复申请，明显超过合理范围的（《条例》第三十五条）。'),
  t3row('t3.r3.5.5', '要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重新出具已获取信息', ['要求确认或重新出具已获取信息'], '要求确认或者重新出具已获取信息的（《条例》第三十九条第二款）。'),
];
const otherHandling: RowDef[] = [
  t3row('t3.r3.6.1', '逾期不补正', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['申请人无正当理由逾期不补正'], '申请人无正当理由逾期不补正，行政机关不再处理的（《条例》第三十条）。'),
  t3row('t3.r3.6.2', '逾期未缴费', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ['逾期未按收费通知要求缴纳费用', '逾期未缴纳费用'], '申请人逾期未按收费通知缴纳信息处理费，行政机关不再处理的（《政府信息公开信息处理费管理办法》）。本行大于 0 时，第六部分应有收费通知。'),
  t3row('t3.r3.6.3', '其他', '3.其他', ['其他情形'], '其他处理情形。'),
];

/** Table 三 around its （六）其他处理 node: three sub-rows in 2021, one undivided row in the 2019 format. */
export function makeTable3(otherHandlingNode: TableNode): TableDef {
  return {
    id: 't3', name: '表三', title: '收到和处理政府信息公开申请情况', layout: 'grid',
    corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    nodes: [
      t3row('t3.r1', '本年新收', '一、本年新收政府信息公开申请数量', ['本年新收政府信息公开申请数量', '本年新收申请数量'], '本年度新收到的政府信息公开申请件数。'),
      t3row('t3.r2', '上年结转', '二、上年结转政府信息公开申请数量', ['上年结转政府信息公开申请数量', '上年结转申请数量'], '上年度结转到本年度继续办理的申请件数，应等于上年报告的“结转下年度继续办理”。'),
      { kind: 'group', id: 't3.r3', label: '三、本年度办理结果', aliases: ['本年度办理结果'], nested: false,
        help: '本年度办结的申请按办理结果分类；每件申请只计一种结果。', children: [
          t3row('t3.r3.1', '予以公开', '（一）予以公开', [], '全部予以公开的申请件数。'),
          t3row('t3.r3.2', '部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ['（二）部分公开', '部分公开（区分处理的，只计这一情形，不计其他情形）'], '部分公开的申请件数。区分处理的，只计这一情形，不计其他情形。'),
          { kind: 'group', id: 't3.r3.3', key: '不予公开', label: '（三）不予公开', aliases: ['（三）不予公开'], nested: true,
            help: '不予公开的申请，按理由分 8 项。', children: refuse },
          { kind: 'group', id: 't3.r3.4', key: '无法提供', label: '（四）无法提供', aliases: ['（四）无法提供'], nested: true,
            help: '无法提供的申请，按原因分 3 项。', children: unable },
          { kind: 'group', id: 't3.r3.5', key: '不予处理', label: '（五）不予处理', aliases: ['（五）不予处理'], nested: true,
            help: '不予处理的申请，按原因分 5 项。', children: notHandled },
          otherHandlingNode,
          t3row('t3.r3.7', '总计', '（七）总计', ['办理结果总计', '本年度办理结果总计'], '本年度办理结果合计：（一）至（六）各项之和。可不填，不填时自动计算。', { optionalTotal: true }),
        ] },
      t3row('t3.r4', '结转下年度继续办理', '四、结转下年度继续办理', ['结转下年度'], '年底尚未办结、结转下年度继续办理的申请件数。'),
    ],
  };
}

const table3 = makeTable3({ kind: 'group', id: 't3.r3.6', key: '其他处理', label: '（六）其他处理', aliases: ['（六）其他处理'], nested: true,
  help: '其他处理的申请，分 3 项。', children: otherHandling });

// ---------------------------------------------------------------- table 四

function t4columns(group: string, sub?: string): ColumnDef[] {
  const path = sub ? [group, sub] : [group];
  return [
    { id: 'M', label: '结果维持', short: '维持', headerPath: path },
    { id: 'C', label: '结果纠正', short: '纠正', headerPath: path },
    { id: 'O', label: '其他结果', short: '其他', headerPath: path },
    { id: 'P', label: '尚未审结', short: '尚未审结', headerPath: path },
    { id: 'T', label: '总计', short: '总计', headerPath: path, optionalTotal: true },
  ];
}

export const table4: TableDef = {
  id: 't4', name: '表四', title: '政府信息公开行政复议、行政诉讼情况', layout: 'rows-as-column-groups',
  nodes: [
    { kind: 'row', id: 't4.AR', key: '行政复议', label: '行政复议', aliases: [], cellType: 'count', columns: t4columns('行政复议'),
      help: '因政府信息公开工作被申请行政复议的案件数，按结果维持、结果纠正、其他结果、尚未审结分列。' },
    { kind: 'row', id: 't4.LD', key: '未经复议直接起诉', label: '行政诉讼（未经复议直接起诉）', aliases: ['直接起诉'], cellType: 'count', columns: t4columns('行政诉讼', '未经复议直接起诉'),
      help: '未经行政复议直接提起行政诉讼的案件数。' },
    { kind: 'row', id: 't4.LR', key: '复议后起诉', label: '行政诉讼（复议后起诉）', aliases: [], cellType: 'count', columns: t4columns('行政诉讼', '复议后起诉'),
      help: '经行政复议后提起行政诉讼的案件数。' },
  ],
};

// ---------------------------------------------------------------- identities

/** Every data row of a table, in order (groups flattened). */
export function tableRows(table: TableDef): RowDef[] {
  const flatten = (nodes: TableNode[]): RowDef[] => nodes.flatMap((n) => (n.kind === 'row' ? [n] : flatten(n.children)));
  return flatten(table.nodes);
}

function rowTotals(table: TableDef, rule: RuleId, formula: (row: RowDef) => string): IdentityDef[] {
  return tableRows(table).flatMap((row) => {
    const total = row.columns.find((c) => c.optionalTotal);
    if (!total) return [];
    const addends = row.columns.filter((c) => !c.optionalTotal);
    return [{
      rule, kind: 'total' as const,
      lhs: [`${row.id}:${total.id}`], rhs: addends.map((c) => `${row.id}:${c.id}`), anchor: `${row.id}:${total.id}`,
      formula: formula(row), subject: { table: table.name, row: row.label },
    }];
  });
}

/** The identities of a table 三 and table 四, generated from their shapes. */
export function makeIdentities(table3: TableDef, table4: TableDef, resultFormula: string): IdentityDef[] {
  const t3Results = tableRows(table3).filter((r) => r.id.startsWith('t3.r3.') && r.id !== 't3.r3.7');
  return [
    // T3-ROW-TOTAL: 总计 = 自然人 + 五类法人或其他组织, for each of the 25 rows.
    ...rowTotals(table3, 'T3-ROW-TOTAL', () => '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他'),
    // T3-RESULT-TOTAL: （七）总计 = （一）+…+（六）, per column.
    ...t3Columns.map((c): IdentityDef => ({
      rule: 'T3-RESULT-TOTAL', kind: 'total',
      lhs: [`t3.r3.7:${c.id}`], rhs: t3Results.map((r) => `${r.id}:${c.id}`), anchor: `t3.r3.7:${c.id}`,
      formula: resultFormula, subject: { table: table3.name, row: '（七）总计', column: c.label },
    })),
    // T3-BALANCE: the stated 勾稽关系 — 第一项 + 第二项 = 第三项（七）总计 + 第四项, per column.
    ...t3Columns.map((c): IdentityDef => ({
      rule: 'T3-BALANCE', kind: 'balance',
      lhs: [`t3.r1:${c.id}`, `t3.r2:${c.id}`], rhs: [`t3.r3.7:${c.id}`, `t3.r4:${c.id}`], anchor: `t3.r4:${c.id}`,
      formula: '一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理', subject: { table: table3.name, column: c.label },
    })),
    // T4-GROUP-TOTAL: 总计 = 维持 + 纠正 + 其他 + 尚未审结, for 行政复议 and both 行政诉讼 groups.
    ...rowTotals(table4, 'T4-GROUP-TOTAL', () => '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结'),
  ];
}

const identities = makeIdentities(table3, table4, '（七）总计 = （一）+（二）+（三）1～8 +（四）1～3 +（五）1～5 +（六）1～3');

// ---------------------------------------------------------------- body kinds

export const bodyKinds: BodyKindDef[] = [
  { id: '国务院部门', label: '国务院部门', deadline: 'dept', government: false, canMakeRules: true },
  { id: '省级人民政府', label: '省级人民政府', deadline: 'gov', government: true, canMakeRules: true },
  { id: '市级人民政府', label: '市级人民政府', deadline: 'gov', government: true, canMakeRules: true },
  { id: '县级人民政府', label: '县级人民政府', deadline: 'gov', government: true, canMakeRules: false },
  { id: '省级政府部门', label: '省级政府部门', deadline: 'dept', government: false, canMakeRules: false },
  { id: '市级政府部门', label: '市级政府部门', deadline: 'dept', government: false, canMakeRules: false },
  { id: '县级政府部门', label: '县级政府部门', deadline: 'dept', government: false, canMakeRules: false },
  { id: '乡镇人民政府', label: '乡镇人民政府', deadline: 'local', government: true, canMakeRules: false },
  { id: '街道办事处', label: '街道办事处', deadline: 'local', government: false, canMakeRules: false },
  { id: '其他', label: '其他', deadline: 'local', government: false, canMakeRules: false },
];

export const template2021: Template = {
  version: 2021,
  source: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  metadata, parts, generalTopics, otherFields, feeFields, tableNoteKey,
  tables: [table2, table3, table4],
  identities,
  bodyKinds,
};
