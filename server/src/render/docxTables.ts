/**
 * A table grid (tableGrid.ts) as a Word table: fixed layout exactly as wide as the text area, so nothing runs
 * into the margins; merged cells as in the official template; header rows repeated on every page; rows that
 * never split; numbers centred; a smaller type size for the wide tables (三 has 10 grid columns, 四 has 15).
 */
import {
  AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable,
  VerticalMergeType, WidthType,
} from 'docx';
import { SIZE, STYLE, TEXT_WIDTH } from './docxStyles';
import type { GridCell, GridRow, TableGrid } from './tableGrid';
import { printable } from './text';

export interface TableLook {
  /** Type size in points. */
  size: number;
  /** Widths of the label columns in twips; the number columns share the rest equally. */
  labels: number[];
  /** Left and right cell padding in twips. */
  padding: number;
}

const LOOK: Record<TableGrid['table']['id'], TableLook> = {
  // 信息内容 | three number columns.
  t2: { size: SIZE.wu, labels: [3084], padding: 80 },
  // 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | seven number columns of two or three characters.
  t3: { size: SIZE.xiaowu, labels: [560, 900, 2484], padding: 45 },
  // Fifteen number columns, two characters a line.
  t4: { size: SIZE.xiaowu, labels: [], padding: 30 },
};

/** Column widths in twips, adding up to the text width exactly. */
export function columnWidths(grid: TableGrid): number[] {
  const look = LOOK[grid.table.id];
  const labels = look.labels.slice(0, grid.labelColumns);
  const numbers = grid.columns - labels.length;
  const rest = TEXT_WIDTH - labels.reduce((s, w) => s + w, 0);
  const each = Math.floor(rest / numbers);
  const widths = [...labels, ...Array.from({ length: numbers }, () => each)];
  widths[widths.length - 1] += rest - each * numbers;
  return widths;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

const ALIGN: Record<GridCell['role'], (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  head: AlignmentType.CENTER, block: AlignmentType.CENTER, num: AlignmentType.CENTER,
  corner: AlignmentType.LEFT, label: AlignmentType.LEFT, group: AlignmentType.LEFT,
};

export function docxTable(grid: TableGrid): Table {
  const look = LOOK[grid.table.id];
  const widths = columnWidths(grid);
  return new Table({
    rows: placeCells(grid.rows).map((placed, i) => docxRow(grid.rows[i], placed, widths, look)),
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { left: look.padding, right: look.padding, top: 20, bottom: 20 },
  });
}

interface Placed {
  cell: GridCell;
  /** First grid column. */
  col: number;
  /** A cell merged down from the row above (Word writes it as a vMerge continuation). */
  continues: boolean;
}

/**
 * Each row's cells in column order with the grid column they start in, and a continuation cell wherever a
 * cell from a row above reaches down. Written here rather than left to docx's rowSpan, whose continuation
 * cells hold an empty body-text paragraph: 3号 at a fixed 29 pt would make every merged row that tall.
 */
function placeCells(rows: GridRow[]): Placed[][] {
  const above: ({ cell: GridCell; until: number } | undefined)[] = []; // per start column: a merge still open
  return rows.map((r, i) => {
    const out: Placed[] = [];
    let col = 0;
    const fillMerged = () => {
      for (let m = above[col]; m && m.until >= i; m = above[col]) {
        out.push({ cell: m.cell, col, continues: true });
        col += m.cell.colSpan;
      }
    };
    for (const c of r.cells) {
      fillMerged();
      out.push({ cell: c, col, continues: false });
      if (c.rowSpan > 1) above[col] = { cell: c, until: i + c.rowSpan - 1 };
      col += c.colSpan;
    }
    fillMerged();
    return out;
  });
}

function docxRow(r: GridRow, placed: Placed[], widths: number[], look: TableLook): TableRow {
  const children = placed.map(({ cell: c, col, continues }) => {
    const width = widths.slice(col, col + c.colSpan).reduce((s, w) => s + w, 0);
    const merge = continues ? VerticalMergeType.CONTINUE : VerticalMergeType.RESTART;
    return new TableCell({
      children: [cellParagraph(continues ? '' : c.text, c.role, r, look, width)],
      columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
      verticalMerge: c.rowSpan > 1 ? merge : undefined,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
    });
  });
  return new TableRow({ children, tableHeader: r.header || undefined, cantSplit: true });
}

/**
 * A column heading too long for its column, broken two characters a line (商业/企业, 社会/公益/组织) rather
 * than wherever the width runs out (商业企/业): Chinese words are mostly two characters.
 */
export function headingLines(text: string, width: number, look: TableLook): string[] {
  const fits = Math.floor((width - 2 * look.padding) / (look.size * 20));
  const chars = [...text];
  if (chars.length <= fits || fits < 2 || /[ -~]/.test(text)) return [text];
  const per = fits - (fits % 2);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += per) lines.push(chars.slice(i, i + per).join(''));
  return lines;
}

function cellParagraph(text: string, role: GridCell['role'], r: GridRow, look: TableLook, width: number): Paragraph {
  const lines = role === 'head' ? headingLines(printable(text), width, look) : [printable(text)];
  return new Paragraph({
    style: role === 'head' || role === 'block' || role === 'corner' ? STYLE.tableHead : STYLE.table,
    alignment: ALIGN[role],
    // Only what differs from the style is written: the XML of ~330 cells is most of the export's time.
    keepNext: r.keepWithNext || undefined,
    children: lines.map((line, i) => new TextRun({
      text: line, size: look.size * 2, bold: role === 'block' || undefined, break: i ? 1 : undefined,
    })),
  });
}
