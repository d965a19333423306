/**
 * The 2019 trial format (《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号), used for
 * the 2019 and 2020 reports. It differs from the 2021 format only in table 二 (other columns, 其他对外管理服务
 * 事项, 第二十条第（九）项 政府集中采购) and in table 三's （六）其他处理, one undivided row (spec §1.4).
 * Row ids are the 2021 ones wherever the row is the same, so rules keyed on a row keep working; a column that
 * does not exist here simply has no value and the rule that needs it is skipped.
 */
import type { ColumnDef, FieldDef, RowDef, TableDef, Template } from './types';
import {
  bodyKinds, feeFields, generalTopics, makeIdentities, makeTable3, metadata, otherFields, parts, t3row, table4,
  tableNoteKey,
} from './v2021';

const SOURCE = '国办公开办函〔2019〕60号';

const metadata2019: FieldDef[] = metadata.map((f) => f.id !== 'version' ? f : {
  ...f, help: `年度报告所依据的格式：2019 即《中华人民共和国政府信息公开工作年度报告格式（试行）》（${SOURCE}），适用于2019、2020年度的报告；2021年度及以后应使用 2021 格式。`,
});

/** The trial format predates the 信息处理费 rules (国办函〔2020〕109号): part 六 is free text. */
const otherFields2019: FieldDef[] = otherFields.map((f) => f.id === 'p6.fee' ? { ...f, required: false } : f);

const parts2019 = parts.map((p) => p.id !== 'p6' ? p : { ...p, help: '其他需要报告的事项（2019 试行格式未要求单独报告信息处理费）。' });

// ---------------------------------------------------------------- table 二 (2019)

const made: ColumnDef = { id: 'made', label: '本年新制作数量', short: '新制作' };
const published: ColumnDef = { id: 'published', label: '本年新公开数量', short: '新公开' };
const publicTotal: ColumnDef = { id: 'publicTotal', label: '对外公开总数量', short: '公开总数' };
const previous: ColumnDef = { id: 'previous', label: '上一年项目数量', short: '上年项目数' };
const change: ColumnDef = { id: 'change', label: '本年增/减', short: '本年增减', cellType: 'delta' };
const decisions: ColumnDef = { id: 'decisions', label: '处理决定数量', short: '处理决定' };
const projects: ColumnDef = { id: 'projects', label: '采购项目数量', short: '采购项目数' };
const purchase: ColumnDef = { id: 'amount', label: '采购总金额', short: '采购总金额', cellType: 'amount' };

const itemColumns = [previous, change, decisions];

function row(id: string, key: string, aliases: string[], help: string, columns: ColumnDef[]): RowDef {
  return { kind: 'row', id, key, label: key, aliases, help, columns, cellType: 'count' };
}

const table2: TableDef = {
  id: 't2', name: '表二', title: '主动公开政府信息情况', layout: 'blocks',
  nodes: [
    { kind: 'group', id: 't2.item1', label: '第二十条第（一）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（一）项：行政法规、规章和规范性文件。', children: [
        row('t2.rules', '规章', [], '本机关制定的规章：本年新制作、本年新公开、对外公开总数。', [made, published, publicTotal]),
        row('t2.normative', '规范性文件', ['行政规范性文件'], '本机关制定的规范性文件：本年新制作、本年新公开、对外公开总数。', [made, published, publicTotal]),
      ] },
    { kind: 'group', id: 't2.item5', label: '第二十条第（五）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（五）项：办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果。', children: [
        row('t2.licensing', '行政许可', [], '行政许可事项：上一年项目数量、本年增/减（可为负数）、处理决定数量。', itemColumns),
        row('t2.otherServices', '其他对外管理服务事项', [], '其他对外管理服务事项：上一年项目数量、本年增/减（可为负数）、处理决定数量。', itemColumns),
      ] },
    { kind: 'group', id: 't2.item6', label: '第二十条第（六）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（六）项：行政处罚、行政强制。', children: [
        row('t2.penalty', '行政处罚', [], '行政处罚事项：上一年项目数量、本年增/减（可为负数）、处理决定数量。', itemColumns),
        row('t2.coercion', '行政强制', [], '行政强制事项：上一年项目数量、本年增/减（可为负数）、处理决定数量。', itemColumns),
      ] },
    { kind: 'group', id: 't2.item8', label: '第二十条第（八）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（八）项：行政事业性收费项目及其依据、标准。', children: [
        row('t2.fees', '行政事业性收费', [], '行政事业性收费项目：上一年项目数量、本年增/减（可为负数）。', [previous, change]),
      ] },
    { kind: 'group', id: 't2.item9', label: '第二十条第（九）项', aliases: [], nested: false, blockHeader: true,
      help: '《条例》第二十条第（九）项：政府集中采购项目的目录、标准、实施情况。', children: [
        row('t2.procurement', '政府集中采购', [], '政府集中采购：采购项目数量、采购总金额。', [projects, purchase]),
      ] },
  ],
};

// ---------------------------------------------------------------- table 三 (2019): one （六）其他处理 row

const table3 = makeTable3(t3row('t3.r3.6', '其他处理', '（六）其他处理', [], '其他处理的申请件数（2019 试行格式不再细分）。'));

export const template2019: Template = {
  version: 2019,
  source: SOURCE,
  years: { from: 2019, to: 2020 },
  metadata: metadata2019, parts: parts2019, generalTopics, otherFields: otherFields2019, feeFields, tableNoteKey,
  tables: [table2, table3, table4],
  identities: makeIdentities(table3, table4, '（七）总计 = （一）+（二）+（三）1～8 +（四）1～3 +（五）1～5 +（六）'),
  bodyKinds,
};
