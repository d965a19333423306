/**
 * Cell types: counts are integers ≥ 0 (T2-INT, T3-INT, T4-INT), 万元 amounts numbers ≥ 0 (T2-AMOUNT);
 * blank cells (T3-BLANK …): one finding per row, naming its blank columns — a blank data cell counts as 0
 * and should be written as 0, a blank total is checked as its computed value and should be written;
 * amounts with a unit or an implausible size (T2-UNIT).
 */
import { finding, type Fix, type MessageKey, type Span, type TextEdit } from '../model/findings';
import type { Cell, RowValue } from '../model/model';
import { cellTypeOf, unitOf } from '../template';
import type { RuleId } from '../template/ruleCatalog';
import type { RuleContext } from './context';

const INT_RULE: Record<string, RuleId> = { t2: 'T2-INT', t3: 'T3-INT', t4: 'T4-INT' };
const BLANK_RULE: Record<string, RuleId> = { t2: 'T2-BLANK', t3: 'T3-BLANK', t4: 'T4-BLANK' };

/** A local body collecting more than 1 亿元 (10,000 万元) a year is almost certainly a 元/万元 mix-up. */
const LOCAL_AMOUNT_LIMIT = 10000;

export function checkCells(ctx: RuleContext): void {
  for (const row of ctx.model.rows.values()) {
    const blanks: Cell[] = [];
    for (const cell of row.cells.values()) {
      if (cell.state === 'blank') blanks.push(cell);
      else checkCell(ctx, cell);
    }
    if (blanks.length) reportBlanks(ctx, row, blanks);
  }
}

/**
 * One finding for the blank cells of a row: a reviewer reads one line per row, not one per cell (the seed's
 * table 三 had 110). It spans the row (the cell, when only one is blank) and marks every blank cell in the
 * preview; its fix writes 0 in the data cells and the computed value in the totals.
 */
function reportBlanks(ctx: RuleContext, row: RowValue, blanks: Cell[]): void {
  const table = ctx.model.idx.tableOfRow.get(row.def.id)!;
  const totals = blanks.filter((c) => ctx.model.idx.definitionOfCell.has(c.ref));
  const data = blanks.filter((c) => !totals.includes(c));
  const edits: TextEdit[] = data.map((c) => ({ span: c.span, text: '0' }));
  const computed = totals.map((c) => ({ cell: c, value: ctx.values.get(c.ref)?.value }));
  for (const t of computed) if (t.value !== undefined) edits.push({ span: t.cell.span, text: String(t.value) });
  edits.sort((a, b) => a.span.start - b.span.start);
  const fixTitle = { key: blankFixKey(blanks, totals), args: { count: edits.length } };
  const fixes: Fix[] | undefined = edits.length ? [{ title: fixTitle, edits, preferred: true }] : undefined;
  const one = blanks[0];
  const span = blankSpan(row, blanks);
  const names = (cs: Cell[]) => ({ list: cs.map((c) => c.col.label) });
  const totalText = { list: computed.map((t) => `${t.cell.col.label} ${t.value ?? '?'}`) };
  const args = {
    table: table.name, row: row.def.label, column: one.col.label, columns: names(data), count: blanks.length,
    totals: totalText, raw: one.raw.trim(),
  };
  const key = blankMessageKey(blanks, totals, data);
  ctx.report(finding(BLANK_RULE[table.id], span, key, args, { fixes, cell: one.ref, cells: blanks.map((c) => c.ref) }));
}

/** The fix writes 0 in one cell, 0 in a row's blank cells, or 0s and the computed totals. */
function blankFixKey(blanks: Cell[], totals: Cell[]): MessageKey {
  if (totals.length) return 'fix.fillBlanksAndTotals';
  return blanks.length === 1 ? 'fix.writeZero' : 'fix.fillBlanks';
}

/** The finding names blank data cells (one or a row's), blank totals, or both. */
function blankMessageKey(blanks: Cell[], totals: Cell[], data: Cell[]): MessageKey {
  if (!totals.length) return blanks.length === 1 ? 'cell.blank' : 'cell.blankRow';
  return data.length ? 'cell.blankMixed' : 'cell.blankTotal';
}

/** The row when several cells are blank; else the one cell (an empty span at its start if it has none). */
function blankSpan(row: RowValue, blanks: Cell[]): Span {
  const one = blanks[0];
  if (blanks.length > 1) return row.valueSpan;
  return one.span.end > one.span.start ? one.span : { start: one.span.start, end: one.span.start };
}

function checkCell(ctx: RuleContext, cell: Cell): void {
  const table = ctx.model.idx.tableOfRow.get(cell.row.id)!;
  const where = { table: table.name, row: cell.row.label, column: cell.col.label, raw: cell.raw.trim() };
  const type = cellTypeOf(cell.row, cell.col);
  const unit = unitOf(cell.row, cell.col) ?? '';
  if (type === 'amount') {
    if (cell.state === 'invalid') {
      const m = /^\s*(-?\d+(?:\.\d+)?)\s*(万?元)\s*$/.exec(cell.raw.normalize('NFKC').replace(/^['"]|['"]$/g, ''));
      if (m) {
        const value = m[2] === '元' ? Number(m[1]) / 10000 : Number(m[1]);
        ctx.report(finding('T2-UNIT', cell.span, 'cell.unitText', { ...where, unit, value }, {
          cell: cell.ref, fixes: [{ title: { key: 'fix.setValue', args: { value } }, edits: [{ span: cell.span, text: String(value) }], preferred: true }],
        }));
        return;
      }
      ctx.report(finding('T2-AMOUNT', cell.span, 'cell.notAmount', { ...where, unit }, { cell: cell.ref }));
      return;
    }
    if (cell.value < 0) { ctx.report(finding('T2-AMOUNT', cell.span, 'cell.negative', where, { cell: cell.ref })); return; }
    if (unit === '万元' && ctx.meta.kind?.deadline === 'local' && cell.value > LOCAL_AMOUNT_LIMIT) {
      ctx.report(finding('T2-UNIT', cell.span, 'cell.implausibleAmount', { ...where, unit, limit: LOCAL_AMOUNT_LIMIT }, { cell: cell.ref }));
    }
    return;
  }
  if (cell.state === 'invalid') { ctx.report(finding(INT_RULE[table.id], cell.span, type === 'delta' ? 'cell.notDelta' : 'cell.notCount', where, { cell: cell.ref })); return; }
  if (cell.value < 0 && type !== 'delta') { ctx.report(finding(INT_RULE[table.id], cell.span, 'cell.negative', where, { cell: cell.ref })); return; }
  if (!Number.isInteger(cell.value)) ctx.report(finding(INT_RULE[table.id], cell.span, 'cell.fraction', where, { cell: cell.ref }));
}
