/**
 * Types of the statutory template. The template is *data*: parts, tables, rows, columns and identities.
 * The parser, the rule engine, completion, hover and the renderer all read it; none of them knows a row by
 * hand. Rule ids cite the numbered list of the statutory-format specification (README, "规则").
 */
import type { RuleId } from './ruleCatalog';

/**
 * How a cell's value is typed: a count of documents/applications/cases (integer ≥ 0), an amount of money
 * (number ≥ 0), or a year-on-year change (integer, may be negative: the 2019 format's “本年增/减”).
 */
export type CellType = 'count' | 'amount' | 'delta';

export interface ColumnDef {
  /** Stable id, unique inside its table ("NP", "TOT", "issued" …). */
  id: string;
  /** The official column label. */
  label: string;
  /** A short name for inlay hints and messages. */
  short: string;
  /** A total column may be written (then checked) or left out (then computed). */
  optionalTotal?: boolean;
  /** Two-level headers (table 三's 法人或其他组织, table 四's 行政诉讼/未经复议直接起诉). */
  headerPath?: string[];
  /** The column's own type where a row mixes types (2019 table 二: 上一年项目数量 · 本年增/减 · 处理决定数量). */
  cellType?: CellType;
  /** Unit of this column's values where it differs from the row's. */
  unit?: string;
}

export interface RowDef {
  kind: 'row';
  /** Stable id, unique in the whole template ("t3.r3.7"). */
  id: string;
  /** The YAML key a clerk types: a short name from the official template. */
  key: string;
  /** The full official label as printed in the table. */
  label: string;
  /** Other spellings accepted as the same row (full labels, numbering, older names). */
  aliases: string[];
  /** What belongs in this row (hover). */
  help: string;
  columns: ColumnDef[];
  cellType: CellType;
  /** A single-column row written as a plain number (`行政许可: 0`). */
  scalar?: boolean;
  /** A total row (（七）总计) may be left out; it is then computed. */
  optionalTotal?: boolean;
  /** Unit shown with the value, e.g. 万元. */
  unit?: string;
}

export interface GroupDef {
  kind: 'group';
  id: string;
  /** YAML key of the group, when the group is a nesting level in YAML (不予公开: {…}). */
  key?: string;
  label: string;
  aliases: string[];
  help: string;
  /** Whether the group is a YAML mapping level or only a heading in the rendered table. */
  nested: boolean;
  children: TableNode[];
  /** Rendering: the column header row that opens this block (table 二's “信息内容 | 本年制发件数 …”). */
  blockHeader?: boolean;
}

export type TableNode = RowDef | GroupDef;

export interface TableDef {
  id: 't2' | 't3' | 't4';
  /** Caption used in messages: “表二”. */
  name: string;
  title: string;
  nodes: TableNode[];
  /**
   * How the official table is drawn: `blocks` (table 二: a heading row and a header row per 第二十条 item),
   * `grid` (table 三: merged row labels on the left, two-level column headers), `rows-as-column-groups`
   * (table 四: one data row, each template row a group of columns).
   */
  layout: 'blocks' | 'grid' | 'rows-as-column-groups';
  /** Header text printed in the top-left cell (table 三's 勾稽关系 note). */
  corner?: string;
}

/** A reference to one data cell: `${rowId}:${columnId}`. */
export type CellRef = string;

export interface IdentityDef {
  /** Rule id from the specification's list (T3-ROW-TOTAL …). */
  rule: RuleId;
  /**
   * `total`: lhs is one total cell, rhs its addends; a left-out total is computed from this identity.
   * `balance`: sum(lhs) = sum(rhs), neither side a single total (the stated 勾稽关系).
   */
  kind: 'total' | 'balance';
  lhs: CellRef[];
  rhs: CellRef[];
  /** The cell a failure is reported on. */
  anchor: CellRef;
  /** Human formula for hover and messages: “（七）总计 = （一）+（二）+…+（六）”. */
  formula: string;
  /**
   * What the identity is about, for messages (which put it in words, per language): a row's total (row), one
   * total cell (row and column), or a column (column).
   */
  subject: { table: string; row?: string; column?: string };
}

export type PartContent = 'general' | 'table' | 'prose' | 'other';

export interface PartDef {
  id: 'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6';
  numeral: string;
  /** Canonical heading and YAML key: “一、总体情况”. */
  key: string;
  title: string;
  /** Accepted heading variants seen in real reports (STR-HEADING-VARIANT). */
  variants: string[];
  aliases: string[];
  content: PartContent;
  table?: TableDef['id'];
  help: string;
  /** The 条例 article that requires this part. */
  basis: string;
}

export interface FieldDef {
  /** Stable id ("issuer", "fee.notices"). */
  id: string;
  key: string;
  label: string;
  aliases: string[];
  help: string;
  type: 'text' | 'prose' | 'date' | 'year' | 'kind' | 'version' | 'count' | 'amount';
  required?: boolean;
  unit?: string;
  /** A value that shows a clerk what to write (new-report templates and missing-field fixes). */
  example?: string;
  /** Kept aside, not report text: no content rule reads it and the renderer does not print it (未识别内容). */
  aside?: boolean;
}

/** Kinds of issuing body: they decide deadlines and which rules apply. */
export interface BodyKindDef {
  id: string;
  label: string;
  /** Deadline class: departments (Art. 49 ¶1, 1月31日), whole governments (Art. 49 ¶2, 3月31日), local. */
  deadline: 'dept' | 'gov' | 'local';
  /** Whether it is a 人民政府 (Art. 50(4) 工作考核、社会评议和责任追究). */
  government: boolean;
  /** Whether the body can make 规章 (立法法: 国务院部门, 省级/设区的市级人民政府). */
  canMakeRules: boolean;
}

export interface Template {
  version: number;
  /** The document that fixed this format. */
  source: string;
  /** Report years this format is for (2019 trial format: 2019–2020; 2021 format: 2021 and later). */
  years: { from: number; to?: number };
  metadata: FieldDef[];
  parts: PartDef[];
  /** Part 一's sub-topics, in order. */
  generalTopics: FieldDef[];
  /** Part 六's fields. */
  otherFields: FieldDef[];
  /** 信息处理费 fields inside part 六. */
  feeFields: FieldDef[];
  /** The optional prose key inside a table part. */
  tableNoteKey: FieldDef;
  tables: TableDef[];
  identities: IdentityDef[];
  bodyKinds: BodyKindDef[];
}
