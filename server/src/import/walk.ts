/**
 * Phase 3 — the walk: the source in order. A numbered heading starts a part (never going back to an earlier
 * one); in parts 二–四 rows go to the table their source table was classified as (else the part's table), and
 * text there is a row pasted as text, header text, or the table's 说明; a table whose heading was lost opens
 * its part all the same. Everything else is a paragraph of the section it is in. Page numbers, and rows that
 * fit no table, are kept as unmapped.
 */
import type { DraftRow } from '../write/yamlWriter';
import type { Message } from '../model/findings';
import { stripNumbering } from '../template/labels';
import type { PartDef, TableDef, Template } from '../template';
import type { Block } from './blocks';
import { isFilled, isValueCell } from './cells';
import { partHeading } from './headings';
import type { Para, Section } from './paragraphs';
import { emptyNotes, type ImportNotes } from './summary';
import { TableReader } from './tables';

/** Page numbers a text dump keeps: “— 3 —”, “第 3 页 共 5 页”, “3/5”. */
const PAGE_FURNITURE =
  /^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/** A statutory table as the walk read it. */
export interface ReadTable {
  table: TableDef;
  rows: Map<string, DraftRow>;
  /** The table's 说明: text printed with the table that is neither a row nor its header. */
  note?: string;
  /** Whether the source printed a 总计 column (so totals were kept). */
  hasTotal: boolean;
  /** What the reader had to guess about rows (cells fitted, a row printed without figures …). */
  warnings: Message[];
}

export interface WalkedSource {
  /** Paragraphs outside the tables, each with the section it was read in. */
  paras: Para[];
  /** The parts met, in source order. */
  partOrder: PartDef['id'][];
  /** Every statutory table, in template order, with what was read into it (perhaps nothing). */
  tables: ReadTable[];
  notes: ImportNotes;
}

export function walkSource(blocks: Block[], template: Template, tableOf: Map<number, TableDef['id']>): WalkedSource {
  const walk = new Walk(template, tableOf);
  for (let i = 0; i < blocks.length; i++) i += walk.block(blocks, i);
  walk.flushAll();
  const tables = [...walk.readers.values()]
    .map((r): ReadTable => ({ table: r.table, ...r.draft(), hasTotal: r.hasTotal, warnings: r.warnings }));
  return { paras: walk.paras, partOrder: walk.partOrder, tables, notes: walk.notes };
}

class Walk {
  section: Section = 'front';
  readonly paras: Para[] = [];
  readonly partOrder: PartDef['id'][] = [];
  readonly notes = emptyNotes();
  readonly readers: Map<TableDef['id'], TableReader>;

  constructor(private readonly template: Template, private readonly tableOf: Map<number, TableDef['id']>) {
    this.readers = new Map(template.tables.map((t) => [t.id, new TableReader(template, t)]));
  }

  /** Reads block `i`; returns how many of the blocks after it were read with it. */
  block(blocks: Block[], i: number): number {
    const b = blocks[i];
    if (b.kind === 'row') { this.row(b); return 0; }
    if (PAGE_FURNITURE.test(b.text)) { this.notes.unmapped.push({ where: '页码', text: b.text }); return 0; }
    const heading = partHeading(this.template, b.text);
    if (heading && (this.section === 'front' || this.partIndex(heading.id) >= this.partIndex(this.section))) {
      if (stripNumbering(b.text).replace(/[:：。]$/, '') !== stripNumbering(heading.title)) {
        this.notes.mapped.push({ key: 'import.headingVariant', args: { text: b.text.trim(), key: heading.key } });
      }
      this.enter(heading.id);
      return 0;
    }
    const tableId = this.tableOfSection();
    if (tableId) return this.textInTable(tableId, blocks, i);
    this.paras.push({ text: b.text, section: this.section });
    return 0;
  }

  /** Text inside parts 二–四: a row pasted as text, the table's header printed as lines, or the table's 说明. */
  private textInTable(tableId: TableDef['id'], blocks: Block[], i: number): number {
    const text = (blocks[i] as Extract<Block, { kind: 'para' }>).text;
    // A table row pasted as text: “规章 0 0 0”, or a label line followed by one value per line.
    const row = splitRow(text) ?? gatherCellsPerLine(blocks, i) ?? { cells: [text], consumed: 0 };
    const reader = this.readers.get(tableId)!;
    const labels = row.cells.filter((c) => !isValueCell(c));
    if (labels.length ? reader.names(labels) : tableId === 't4' && row.cells.length >= 8) {
      this.add(reader, row.cells);
      return row.consumed;
    }
    // Header text printed as lines (“申请人情况”, “自然人 法人或其他组织 总计”): recognised, not content.
    const tokens = text.split(/[\s\u00a0\u3000]+/);
    if (text.length <= 80 && (reader.isHeaderCell(text) || tokens.every((x) => reader.isHeaderCell(x)))) return 0;
    reader.note.push(text);
    return 0;
  }

  /** A table row. A heading printed inside the table (a first row “二、主动公开政府信息情况”) switches the part. */
  private row(b: Extract<Block, { kind: 'row' }>): void {
    const labelOnly = b.cells.filter((c) => c.trim());
    if (labelOnly.length === 1 && !b.cells.some(isFilled)) {
      const heading = partHeading(this.template, labelOnly[0]);
      if (heading) { this.enter(heading.id); return; }
    }
    const tableId = this.tableOf.get(b.table) ?? this.tableOfSection();
    if (!tableId) {
      this.notes.unmapped.push({ where: this.sectionName(), text: labelOnly.join(' | ') });
      return;
    }
    const part = this.template.parts.find((p) => p.table === tableId)!;
    const reader = this.readers.get(tableId)!;
    if (this.section !== part.id && !this.partOrder.includes(part.id)) {
      // The table is here but its heading was lost.
      this.notes.warnings.push({ key: 'import.headingMissing', args: { part: part.key, table: reader.table.name } });
      this.enter(part.id);
    }
    this.add(reader, b.cells);
  }

  private add(reader: TableReader, cells: string[]): void {
    reader.add(cells);
    this.drain(reader);
  }

  /** Rows a reader could not place, in source order. */
  private drain(reader: TableReader): void {
    for (const r of reader.drain()) {
      this.notes.unmapped.push({ where: reader.table.name, text: r.text });
      this.notes.warnings.push(r.reason);
    }
  }

  /** Label lines held back by the readers are settled: a new part starts, or the source ends. */
  flushAll(): void {
    for (const reader of this.readers.values()) { reader.flushPending(); this.drain(reader); }
  }

  private enter(id: PartDef['id']): void {
    this.flushAll();
    this.section = id;
    if (!this.partOrder.includes(id)) this.partOrder.push(id);
  }

  private partIndex(id: Section): number {
    return this.template.parts.findIndex((p) => p.id === id);
  }

  private tableOfSection(): TableDef['id'] | undefined {
    return this.template.parts.find((p) => p.id === this.section)?.table;
  }

  private sectionName(): string {
    if (this.section === 'front') return '页首';
    if (this.section === 'end') return '落款之后';
    return this.template.parts.find((p) => p.id === this.section)!.key;
  }
}

/**
 * “规章 0 0 0”, “三、本年度办理结果 （一）予以公开 61 9 1 0 3 1 75”: label words, then values, separated by
 * spaces (a PDF copy); table 四's row is values only.
 */
function splitRow(text: string): { cells: string[]; consumed: number } | undefined {
  const tokens = text.trim().split(/[\s\u00a0\u3000]+/);
  let k = tokens.length;
  while (k > 0 && (isFilled(tokens[k - 1]) || /^[-—/]$/.test(tokens[k - 1]))) k--;
  if (k === tokens.length) return undefined;
  return { cells: tokens, consumed: 0 };
}

/** A label on its own line followed by one value per line (a table copied cell by cell). */
function gatherCellsPerLine(blocks: Block[], i: number): { cells: string[]; consumed: number } | undefined {
  const values: string[] = [];
  for (let j = i + 1; j < blocks.length && values.length < 15; j++) {
    const b = blocks[j];
    if (b.kind !== 'para' || !isFilled(b.text) && !/^[-—/]$/.test(b.text.trim())) break;
    values.push(b.text.trim());
  }
  const first = blocks[i];
  if (!values.length || first.kind !== 'para') return undefined;
  return { cells: [first.text, ...values], consumed: values.length };
}
