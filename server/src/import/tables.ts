/**
 * Reading the printed rows of one statutory table into draft rows. A row's label is the rightmost of its
 * label cells that names a template row (normalised for width, spaces inside labels, numbering and the known
 * variants in the template's aliases); its values are the cells after the label, fitted to the row's columns.
 * Dumps shift cells (a merged label leaves an extra blank, trailing tabs are lost), so surplus blanks are
 * trimmed — trailing first, then leading — preferring the fit whose printed total adds up. Totals are kept
 * when the source prints a 总计 column. Rows that match nothing are returned to the caller, never dropped.
 */
import type { DraftCell, DraftRow, DraftTable } from '../write/yamlWriter';
import type { Message } from '../model/findings';
import { KeyMatcher, levenshtein, normalizeLabel, stripNumbering } from '../template/labels';
import { tableRows, type GroupDef, type RowDef, type TableDef, type TableNode, type Template } from '../template';
import { cellValue, isFilled } from './cells';

export type RowOutcome =
  | { kind: 'row'; row: RowDef }
  | { kind: 'header' }
  /** Held back: a label-only line that may be the first half of a label split over two lines. */
  | { kind: 'pending' }
  | { kind: 'unmapped'; text: string; reason: Message };

type Target = { kind: 'row'; def: RowDef } | { kind: 'group'; def: GroupDef };

/** Words of a table's header (column names, block headings, the corner note): a row of only these is a header. */
function headerWords(table: TableDef): string[] {
  const words = new Set<string>(['信息内容', '申请人情况', '总计', '合计', '单位：件', '单位:件', '项目']);
  for (const row of tableRows(table)) {
    for (const c of row.columns) {
      words.add(c.label);
      words.add(c.short);
      for (const h of c.headerPath ?? []) words.add(h);
    }
  }
  const visit = (nodes: TableNode[]) => { for (const n of nodes) if (n.kind === 'group') { if (n.blockHeader) words.add(n.label); visit(n.children); } };
  visit(table.nodes);
  if (table.corner) words.add(table.corner);
  return [...words].map(normalizeLabel);
}

export class TableReader {
  readonly rows = new Map<string, DraftRow>();
  /** Whether the printed header has a 总计 column; without a header, a row as wide as one says so. */
  hasTotal = false;
  private headerSeen = false;
  /**
   * Cells of the widest header row: a copy that keeps every merged cell as an empty one (a full grid) prints each
   * row this wide, and then a row's values are its last cells — blanks before them are the label's merged cells.
   */
  private gridWidth = 0;
  /** Cells of the row being read. */
  private rowWidth = 0;
  note: string[] = [];
  readonly warnings: Message[] = [];
  private readonly matcher: KeyMatcher<Target>;
  private readonly words: string[];
  private readonly defs: RowDef[];
  private pending?: { label: string; text: string };
  private readonly leftovers: { text: string; reason: Message }[] = [];

  constructor(readonly template: Template, readonly table: TableDef) {
    this.defs = tableRows(table);
    const candidates = this.defs.map((def) => ({ key: def.key, aliases: [def.label, ...def.aliases], value: { kind: 'row' as const, def } }));
    const groups: GroupDef[] = [];
    const visit = (nodes: TableNode[]) => { for (const n of nodes) if (n.kind === 'group') { groups.push(n); visit(n.children); } };
    visit(table.nodes);
    // Group labels after rows: a row wins when a group and a row share a spelling.
    this.matcher = new KeyMatcher<Target>([...candidates, ...groups.map((g) => ({ key: g.key ?? g.label, aliases: [g.label, ...g.aliases], value: { kind: 'group' as const, def: g } }))]);
    this.words = headerWords(table);
  }

  /**
   * How well printed rows fit this table: rows whose label names one of its rows (header words like 总计 or
   * 行政复议 do not count as labels), plus rows holding a header word no other table has (结果维持, 申请人情况).
   */
  score(rows: string[][], otherWords: Set<string>): number {
    const own = new Set(this.words);
    return rows.filter((cells) => cells.some((c) => {
      if (isFilled(c) || !c.trim()) return false;
      const n = normalizeLabel(c);
      if (own.has(n)) return !otherWords.has(n);
      return this.target(c)?.kind === 'row';
    })).length;
  }

  /** The normalised header words (for telling tables apart). */
  headerWordSet(): Set<string> {
    return new Set(this.words);
  }

  private target(label: string): Target | undefined {
    if (!label.trim() || cellValue(label) !== undefined) return undefined;
    const m = this.matcher.match(label);
    if (m.kind !== 'unknown') return m.value;
    // Garbled dumps: accept a near spelling of a long label (“其他法律行政止公开” is an alias already).
    const n = stripNumbering(label);
    if (n.length < 5) return undefined;
    let best: RowDef | undefined, bestRatio = 1;
    for (const def of this.defs) {
      for (const form of [def.key, def.label]) {
        const f = stripNumbering(form);
        const r = levenshtein(n, f) / Math.max(n.length, f.length);
        if (r < bestRatio) { bestRatio = r; best = def; }
      }
    }
    return best && bestRatio <= 0.2 ? { kind: 'row', def: best } : undefined;
  }

  /** Whether label cells name a row of this table (or a group printed as one row). */
  names(labels: string[]): boolean {
    return !!this.pick(labels);
  }

  /** Whether a cell reads as (a fragment of) a header word: “商 业 企 业”, or just “业” from a wrapped one. */
  isHeaderCell(cell: string): boolean {
    const n = normalizeLabel(cell);
    return !n || this.words.some((w) => w.includes(n));
  }

  /** Reads one printed row. What cannot be placed is kept in `leftovers` (see drain), never dropped. */
  add(cells: string[]): RowOutcome {
    const lastLabel = findLastIndex(cells, (c) => cellValue(c) === undefined);
    const labels = cells.slice(0, lastLabel + 1).filter((c) => c.trim());
    const values = cells.slice(lastLabel + 1);
    const filled = values.some(isFilled);
    const text = cells.filter((c) => c.trim()).join(' | ');

    this.rowWidth = cells.length;
    // A header row: only header words, nothing filled in.
    if (!filled && labels.length && labels.every((c) => this.isHeaderCell(c))) {
      this.headerSeen = true;
      this.gridWidth = Math.max(this.gridWidth, cells.length);
      if (labels.some((c) => ['总计', '合计'].includes(normalizeLabel(c)))) this.hasTotal = true;
      this.flushPending();
      return { kind: 'header' };
    }
    // Table 四's data row carries no label: its 15 (or 12) values, in header order.
    if (!labels.length && this.table.id === 't4') { this.flushPending(); return this.addColumnGroups(values, text); }
    if (!labels.length) {
      if (!filled) return { kind: 'header' };
      return this.leftover(text, { key: 'import.row.noLabel', args: { table: this.table.name } });
    }
    // The second half of a label split over two lines: “2.没有现成信息需要另行” / “制作 | … ”.
    if (this.pending) {
      const alone = this.pick(labels);
      const joined = this.pick([this.pending.label + labels.join('')]);
      if (joined?.kind === 'row' && alone?.kind !== 'row') {
        this.pending = undefined;
        return this.resolve(joined, values, text);
      }
      this.flushPending();
    }
    // A label with nothing after it may be the first half of a split label: held until the next row says.
    if (!values.length && labels.length === 1) {
      this.pending = { label: labels[0], text };
      return { kind: 'pending' };
    }
    const hit = this.pick(labels);
    if (!hit) return this.leftover(text, { key: 'import.row.unknownLabel', args: { table: this.table.name, label: labels[labels.length - 1] } });
    return this.resolve(hit, values, text);
  }

  /** A held label-only line that no next line completed: a row printed without figures, or not a row. */
  flushPending(): void {
    const p = this.pending;
    this.pending = undefined;
    if (!p) return;
    const hit = this.pick([p.label]);
    if (hit) { this.resolve(hit, [], p.text); return; }
    if (this.isHeaderCell(p.label)) return;
    this.leftover(p.text, { key: 'import.row.unknownLabel', args: { table: this.table.name, label: p.label } });
  }

  /** Rows that could not be placed since the last call, for 未识别内容. */
  drain(): { text: string; reason: Message }[] {
    return this.leftovers.splice(0);
  }

  private leftover(text: string, reason: Message): RowOutcome {
    this.leftovers.push({ text, reason });
    return { kind: 'unmapped', text, reason };
  }

  private resolve(hit: Target, values: string[], text: string): RowOutcome {
    if (hit.kind === 'group') {
      // （六）其他处理 printed as one row, as in the 2019 layout: its figures go to “3.其他”, said in the summary.
      const other = hit.def.children.find((c): c is RowDef => c.kind === 'row' && c.key === '其他');
      if (!other || !values.some(isFilled)) return { kind: 'header' };
      this.warnings.push({ key: 'import.row.sixthAsOne', args: { table: this.table.name, row: other.label } });
      return this.put(other, values, text, '原表“（六）其他处理”为一行（2019 年格式），已填入“3.其他”');
    }
    return this.put(hit.def, values, text);
  }

  /**
   * The row the label cells name: the rightmost cell that names one (“三、本年度办理结果 | （一）予以公开”), or
   * the shortest run of trailing cells that does (a label cut into pieces by spaces in a PDF copy).
   */
  private pick(labels: string[]): Target | undefined {
    let group: Target | undefined;
    for (let i = labels.length - 1; i >= 0; i--) {
      const t = this.target(labels[i]) ?? (i < labels.length - 1 ? this.target(labels.slice(i).join('')) : undefined);
      if (t?.kind === 'row') return t;
      if (t && !group) group = t;
    }
    return group;
  }

  private put(def: RowDef, raw: string[], text: string, comment?: string): RowOutcome {
    if (this.rows.has(def.id)) return this.leftover(text, { key: 'import.row.duplicate', args: { table: this.table.name, row: def.label } });
    if (!raw.length) {
      // Printed with no figures at all (a copy that lost the empty cells): every cell blank.
      const width = this.hasTotal ? def.columns.length : def.columns.filter((c) => !c.optionalTotal).length;
      this.rows.set(def.id, { values: Array<DraftCell>(width).fill(null), comment });
      this.warnings.push({ key: 'import.row.noValues', args: { table: this.table.name, row: def.label } });
      return { kind: 'row', row: def };
    }
    const values = this.fit(def, raw);
    this.rows.set(def.id, { values, comment });
    return { kind: 'row', row: def };
  }

  /** The row's values fitted to its columns (see the module comment). */
  private fit(def: RowDef, raw: string[]): DraftCell[] {
    const base = def.columns.filter((c) => !c.optionalTotal).length;
    const full = def.columns.length;
    const cells = raw.map(asCell);
    // With a printed 总计 column (header, or a row as wide as one), totals are kept so wrong sums stay visible.
    const target = full > base && this.withTotals(cells.length, full) ? full : base;
    // In a full grid a blank 总计 is the last cell, and the blanks to drop are the label's merged cells before
    // the values.
    const fullGrid = this.gridWidth > 0 && this.rowWidth === this.gridWidth;
    const fitted = trimTo(cells, target, full > base && target === full, fullGrid);
    if (fitted.length < base) {
      this.warnings.push({ key: 'import.row.tooFew', args: { table: this.table.name, row: def.label, count: fitted.length, expected: target } });
    } else if (fitted.length > full) {
      this.warnings.push({ key: 'import.row.tooMany', args: { table: this.table.name, row: def.label, count: fitted.length, expected: target } });
    }
    return fitted;
  }

  /** Table 四 as printed: one row of values under 行政复议 · 未经复议直接起诉 · 复议后起诉. */
  private addColumnGroups(raw: string[], text: string): RowOutcome {
    const defs = this.defs;
    const per = defs[0].columns.length;
    const base = defs[0].columns.filter((c) => !c.optionalTotal).length;
    const cells = raw.map(asCell);
    const withTotals = this.withTotals(cells.length, per * defs.length);
    const width = withTotals ? per : base;
    const fitted = trimTo(cells, width * defs.length, false);
    if (fitted.length !== width * defs.length || defs.some((d) => this.rows.has(d.id))) {
      return this.leftover(text, { key: 'import.row.t4Shape', args: { count: fitted.length, expected: width * defs.length } });
    }
    defs.forEach((d, i) => this.rows.set(d.id, { values: fitted.slice(i * width, (i + 1) * width) }));
    return { kind: 'row', row: defs[0] };
  }

  /** Totals are printed when the header has 总计; with no header read, when the row is wide enough for them. */
  private withTotals(cells: number, full: number): boolean {
    return this.hasTotal || (!this.headerSeen && cells >= full);
  }

  draft(): DraftTable {
    return { rows: this.rows, note: this.note.length ? this.note.join('\n\n') : undefined };
  }
}

/** A value cell as written; anything else (text in a value column) kept verbatim for the checker. */
function asCell(raw: string): DraftCell {
  const v = cellValue(raw);
  return v === undefined ? raw : v;
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
}

/**
 * Drops surplus blank cells to reach `target`, trailing ones first (leading ones first in a full grid); with a
 * total column, the fit whose last value equals the sum of the others wins. Surplus that is not blank is kept
 * (the checker says too many).
 */
export function trimTo(cells: DraftCell[], target: number, totalLast: boolean, leadingFirst = false): DraftCell[] {
  const surplus = cells.length - target;
  if (surplus <= 0) return cells;
  let lead = 0; while (lead < cells.length && cells[lead] === null) lead++;
  let trail = 0; while (trail < cells.length - lead && cells[cells.length - 1 - trail] === null) trail++;
  const fits: DraftCell[][] = [];
  for (let t = Math.min(trail, surplus); t >= 0; t--) {
    const l = surplus - t;
    if (l <= lead) fits.push(cells.slice(l, cells.length - t));
  }
  if (leadingFirst) fits.reverse();
  if (!fits.length) {
    // Not enough blanks at the ends: drop what blanks there are, keep the rest as printed.
    return cells.slice(Math.min(lead, surplus), cells.length - Math.min(trail, Math.max(0, surplus - lead)));
  }
  if (totalLast) {
    const adds = fits.find((f) => {
      const last = f[f.length - 1];
      if (typeof last !== 'number') return false;
      const sum = f.slice(0, -1).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
      return sum === last;
    });
    if (adds) return adds;
  }
  return fits[0];
}
