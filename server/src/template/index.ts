/**
 * Access to the statutory templates: lookup tables derived once from the template data.
 */
import { normalizeLabel } from './labels';
import type { BodyKindDef, CellRef, CellType, ColumnDef, FieldDef, GroupDef, IdentityDef, PartDef, RowDef, TableDef, TableNode, Template } from './types';
import { template2019 } from './v2019';
import { template2021, tableRows } from './v2021';

export * from './types';
export { tableRows };

export const CURRENT_FORMAT = 2021;

/** Derived indexes over one template, built once per template. */
export interface TemplateIndex {
  template: Template;
  rowById: Map<string, RowDef>;
  tableOfRow: Map<string, TableDef>;
  groupById: Map<string, GroupDef>;
  partById: Map<PartDef['id'], PartDef>;
  partOfTable: Map<TableDef['id'], PartDef>;
  tableById: Map<TableDef['id'], TableDef>;
  bodyKind: Map<string, BodyKindDef>;
  /** Identities in which a cell takes part (hover), keyed by cell. */
  identitiesOfCell: Map<CellRef, IdentityDef[]>;
  /** The `total` identity that defines a cell, used to compute left-out totals. */
  definitionOfCell: Map<CellRef, IdentityDef>;
  field: Map<string, FieldDef>;
}

const indexes = new Map<number, TemplateIndex>();

export const TEMPLATES: readonly Template[] = [template2021, template2019];

export function templateFor(version: number): Template | undefined {
  return TEMPLATES.find((t) => t.version === version);
}

/** The format a report on `year` is written in: 2019–2020 the trial format, otherwise the current one. */
export function templateForYear(year: number): Template {
  const covers = (t: Template) => year >= t.years.from && (t.years.to === undefined || year <= t.years.to);
  return TEMPLATES.find(covers) ?? template2021;
}

/** A cell's type: its column's where the row mixes types, else the row's. */
export function cellTypeOf(row: RowDef, col: ColumnDef): CellType {
  return col.cellType ?? row.cellType;
}

export function unitOf(row: RowDef, col: ColumnDef): string | undefined {
  return col.unit ?? row.unit;
}

/**
 * Rows of `older` that `current` does not have in the same shape: rows it lacks (政府集中采购), and rows with
 * other columns (2019's 行政许可 with 上一年项目数量 · 本年增/减 · 处理决定数量). VER-OLD-MARKERS reports them.
 */
export function rowsChangedSince(older: Template, current: Template): { row: RowDef; now?: RowDef }[] {
  const cur = indexOf(current);
  const out: { row: RowDef; now?: RowDef }[] = [];
  for (const t of older.tables) {
    for (const row of tableRows(t)) {
      const now = cur.rowById.get(row.id);
      const same = now && now.columns.map((c) => c.id).join() === row.columns.map((c) => c.id).join();
      if (!same) out.push({ row, now });
    }
  }
  return out;
}

/**
 * Labels of older formats that `current` does not know (其他对外管理服务事项, 政府集中采购, 本年新制作数量 …), by
 * normalised form: a key written with one of them is an old-format marker, not a typo (VER-OLD-MARKERS).
 */
export function legacyLabels(current: Template): Map<string, { label: string; template: Template }> {
  const known = new Set<string>();
  const idx = indexOf(current);
  for (const r of idx.rowById.values()) {
    for (const s of [r.key, r.label, ...r.aliases, ...r.columns.map((c) => c.label)]) known.add(normalizeLabel(s));
  }
  for (const g of idx.groupById.values()) for (const s of [g.key ?? '', g.label, ...g.aliases]) known.add(normalizeLabel(s));
  const out = new Map<string, { label: string; template: Template }>();
  for (const older of TEMPLATES) {
    if (older.version >= current.version) continue;
    const o = indexOf(older);
    const labels = [...o.rowById.values()].flatMap((r) => [r.key, r.label, ...r.columns.map((c) => c.label)])
      .concat([...o.groupById.values()].map((g) => g.label));
    for (const label of labels) {
      const n = normalizeLabel(label);
      if (!known.has(n) && !out.has(n)) out.set(n, { label, template: older });
    }
  }
  return out;
}

export function indexOf(template: Template): TemplateIndex {
  let idx = indexes.get(template.version);
  if (idx) return idx;
  const rowById = new Map<string, RowDef>();
  const tableOfRow = new Map<string, TableDef>();
  const groupById = new Map<string, GroupDef>();
  const visit = (table: TableDef, nodes: TableNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'row') { rowById.set(n.id, n); tableOfRow.set(n.id, table); }
      else { groupById.set(n.id, n); visit(table, n.children); }
    }
  };
  for (const t of template.tables) visit(t, t.nodes);
  const identitiesOfCell = new Map<CellRef, IdentityDef[]>();
  const definitionOfCell = new Map<CellRef, IdentityDef>();
  for (const id of template.identities) {
    for (const ref of [...id.lhs, ...id.rhs]) {
      const list = identitiesOfCell.get(ref) ?? [];
      list.push(id);
      identitiesOfCell.set(ref, list);
    }
    if (id.kind === 'total' && !definitionOfCell.has(id.lhs[0])) definitionOfCell.set(id.lhs[0], id);
  }
  const field = new Map<string, FieldDef>();
  const fields = [
    ...template.metadata, ...template.generalTopics, ...template.otherFields, ...template.feeFields,
    template.tableNoteKey,
  ];
  for (const f of fields) field.set(f.id, f);
  idx = {
    template, rowById, tableOfRow, groupById,
    partById: new Map(template.parts.map((p) => [p.id, p])),
    partOfTable: new Map(template.parts.filter((p) => p.table).map((p) => [p.table!, p])),
    tableById: new Map(template.tables.map((t) => [t.id, t])),
    bodyKind: new Map(template.bodyKinds.map((k) => [k.id, k])),
    identitiesOfCell, definitionOfCell, field,
  };
  indexes.set(template.version, idx);
  return idx;
}

const levels = new WeakMap<TableNode[], (RowDef | GroupDef)[]>();

/**
 * The template nodes that are keys of one YAML mapping level of a table: its rows and nested groups, with the
 * rows of heading-only groups (table 二's 第二十条 blocks) lifted to this level. The one walk the parser, the
 * shape rules, completion and the writer share. Template data, so computed once per node list.
 */
export function keysAtLevel(nodes: TableNode[]): (RowDef | GroupDef)[] {
  let level = levels.get(nodes);
  if (!level) {
    level = nodes.flatMap((n) => (n.kind === 'row' || n.nested ? [n] : keysAtLevel(n.children)));
    levels.set(nodes, level);
  }
  return level;
}

/** A field of the template by id ('p6.fee', 'issuer' …); the id is a constant of the template, so it exists. */
export function fieldDef(template: Template, id: string): FieldDef {
  const f = indexOf(template).field.get(id);
  if (!f) throw new Error(`template ${template.version} has no field ${id}`);
  return f;
}

export function cellRef(row: RowDef, col: ColumnDef): CellRef {
  return `${row.id}:${col.id}`;
}

export function splitCellRef(ref: CellRef): [string, string] {
  const i = ref.lastIndexOf(':');
  return [ref.slice(0, i), ref.slice(i + 1)];
}

/** “表三“（七）总计”行“自然人”列” — how a cell is named in messages. */
export function describeCell(idx: TemplateIndex, ref: CellRef): { table: string; row: string; column: string } {
  const [rowId, colId] = splitCellRef(ref);
  const row = idx.rowById.get(rowId)!;
  const col = row.columns.find((c) => c.id === colId)!;
  const table = idx.tableOfRow.get(rowId)!;
  return { table: table.name, row: row.label, column: col.label };
}

export { template2019, template2021 };
