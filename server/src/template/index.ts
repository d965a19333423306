/**
 * Access to the statutory templates: lookup tables derived once from the template data.
 */
import type { BodyKindDef, CellRef, ColumnDef, FieldDef, GroupDef, IdentityDef, PartDef, RowDef, TableDef, TableNode, Template } from './types';
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

export function templateFor(version: number): Template | undefined {
  return version === 2021 ? template2021 : undefined;
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
  for (const f of [...template.metadata, ...template.generalTopics, ...template.otherFields, ...template.feeFields, template.tableNoteKey]) field.set(f.id, f);
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

export { template2021 };
