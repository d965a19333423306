/**
 * Tables 二, 三 and 四 as grids of cells with their merges, exactly as the official template draws them (the
 * same shapes as the HTML renderer's tables): table 二 as four blocks, each a full-width heading row and a
 * 信息内容 header row; table 三 with its merged labels on the left (三、本年度办理结果 › （三）不予公开 › 1.…)
 * under a corner cell, and two-level column headers; table 四 as one data row under three header rows.
 * Format-independent: the Word exporter turns a grid into a table.
 */
import type { ReportModel } from '../model/model';
import type { Evaluation } from '../model/tableValues';
import { tableRows, type ColumnDef, type RowDef, type TableDef, type TableNode } from '../template';
import { printedCell } from './text';

export type CellRole = 'head' | 'corner' | 'block' | 'label' | 'group' | 'num';

export interface GridCell {
  text: string;
  role: CellRole;
  colSpan: number;
  rowSpan: number;
}

export interface GridRow {
  cells: GridCell[];
  /** A column header row: repeated at the top of every page the table spans. */
  header: boolean;
  /** Keep this row on the page of the next (a block's heading and header with its rows). */
  keepWithNext: boolean;
}

export interface TableGrid {
  table: TableDef;
  /** Number of grid columns. */
  columns: number;
  /** How many columns on the left hold row labels (the rest hold numbers). */
  labelColumns: number;
  rows: GridRow[];
}

const cell = (text: string, role: CellRole, colSpan = 1, rowSpan = 1): GridCell => ({ text, role, colSpan, rowSpan });
const row = (cells: GridCell[], header = false, keepWithNext = header): GridRow => ({ cells, header, keepWithNext });

export function tableGrid(model: ReportModel, values: Evaluation, table: TableDef): TableGrid {
  const num = (r: RowDef, c: ColumnDef, colSpan = 1) => cell(printedCell(model, values, r, c).text, 'num', colSpan);
  switch (table.layout) {
    case 'blocks': return blocksGrid(table, num);
    case 'grid': return labelledGrid(table, num);
    default: return columnGroupsGrid(table, num);
  }
}

type NumberCell = (r: RowDef, c: ColumnDef, colSpan?: number) => GridCell;

/** Table 二: per 第二十条 item a full-width heading row, a “信息内容” header row, then its rows, kept together. */
function blocksGrid(table: TableDef, num: NumberCell): TableGrid {
  const width = Math.max(...tableRows(table).map((r) => r.columns.length));
  const rows: GridRow[] = [];
  for (const node of table.nodes) {
    const members = node.kind === 'row' ? [node] : (node.children as RowDef[]);
    if (node.kind === 'group') rows.push(row([cell(node.label, 'block', width + 1)], false, true));
    const cols = members[0].columns;
    const spanLast = width - cols.length + 1;
    const span = (i: number, n: number) => (i === n - 1 ? spanLast : 1);
    const heads = cols.map((c, i) => cell(c.label, 'head', span(i, cols.length)));
    rows.push(row([cell('信息内容', 'head'), ...heads], false, true));
    members.forEach((r, k) => {
      const values = r.columns.map((c, i) => num(r, c, span(i, r.columns.length)));
      rows.push(row([cell(r.label, 'label'), ...values], false, k < members.length - 1));
    });
  }
  return { table, columns: width + 1, labelColumns: 1, rows };
}

/** Column headers from each column's headerPath: shared prefixes merge horizontally, leaves fill down. */
export function columnHeaderRows(cols: ColumnDef[], corner?: { text: string; colSpan: number }): GridRow[] {
  const depth = Math.max(...cols.map((c) => (c.headerPath?.length ?? 0) + 1));
  const rows: GridCell[][] = Array.from({ length: depth }, () => []);
  if (corner) rows[0].push(cell(corner.text, 'corner', corner.colSpan, depth));
  for (let level = 0; level < depth; level++) {
    for (let i = 0; i < cols.length;) {
      const path = cols[i].headerPath ?? [];
      if (level < path.length) {
        const key = path.slice(0, level + 1).join('/');
        let j = i + 1;
        while (j < cols.length && (cols[j].headerPath ?? []).slice(0, level + 1).join('/') === key) j++;
        rows[level].push(cell(path[level], 'head', j - i));
        i = j;
      } else {
        if (level === path.length) rows[level].push(cell(cols[i].label, 'head', 1, depth - level));
        i++;
      }
    }
  }
  return rows.map((cells) => row(cells, true));
}

/** Table 三: merged group labels on the left, each spanning the rows under it; 7 number columns. */
function labelledGrid(table: TableDef, num: NumberCell): TableGrid {
  const depthOf = (nodes: TableNode[]): number =>
    Math.max(...nodes.map((n) => (n.kind === 'row' ? 1 : 1 + depthOf(n.children))));
  const labelColumns = depthOf(table.nodes);
  const cols = tableRows(table)[0].columns;
  const rows = columnHeaderRows(cols, { text: table.corner ?? '', colSpan: labelColumns });
  const rowsOf = (n: TableNode): number => (n.kind === 'row' ? 1 : n.children.reduce((s, c) => s + rowsOf(c), 0));
  // A group of rows only ((三)不予公开 1–8 …) stays on one page: its merged label is never cut in two.
  const emit = (nodes: TableNode[], depth: number, lead: GridCell[]) => {
    const together = depth > 0 && nodes.every((n) => n.kind === 'row');
    nodes.forEach((n, i) => {
      if (n.kind === 'row') {
        const label = cell(n.label, 'label', labelColumns - depth);
        rows.push(row([...lead, label, ...n.columns.map((c) => num(n, c))], false, together && i < nodes.length - 1));
      } else {
        emit(n.children, depth + 1, [...lead, cell(n.label, 'group', 1, rowsOf(n))]);
      }
      lead = [];
    });
  };
  emit(table.nodes, 0, []);
  return { table, columns: labelColumns + cols.length, labelColumns, rows };
}

/** Table 四: each template row is a group of five columns; the table has one data row. */
function columnGroupsGrid(table: TableDef, num: NumberCell): TableGrid {
  const members = tableRows(table);
  const cols = members.flatMap((r) => r.columns);
  const rows = columnHeaderRows(cols);
  rows.push(row(members.flatMap((r) => r.columns.map((c) => num(r, c)))));
  return { table, columns: cols.length, labelColumns: 0, rows };
}
