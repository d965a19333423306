/**
 * Cell types: counts are integers ≥ 0 (T2-INT, T3-INT, T4-INT), 万元 amounts numbers ≥ 0 (T2-AMOUNT);
 * blank cells count as 0 but should be written as 0 (T3-BLANK …); amounts with a unit or an implausible
 * size (T2-UNIT).
 */
import { finding, type Fix } from '../model/findings';
import type { Cell } from '../model/model';
import { cellTypeOf, unitOf } from '../template';
import type { RuleId } from '../template/ruleCatalog';
import type { RuleContext } from './context';

const INT_RULE: Record<string, RuleId> = { t2: 'T2-INT', t3: 'T3-INT', t4: 'T4-INT' };
const BLANK_RULE: Record<string, RuleId> = { t2: 'T2-BLANK', t3: 'T3-BLANK', t4: 'T4-BLANK' };

/** A local body collecting more than 1 亿元 (10,000 万元) a year is almost certainly a 元/万元 mix-up. */
const LOCAL_AMOUNT_LIMIT = 10000;

export function checkCells(ctx: RuleContext): void {
  for (const cell of ctx.model.cells.values()) checkCell(ctx, cell);
}

function checkCell(ctx: RuleContext, cell: Cell): void {
  const table = ctx.model.idx.tableOfRow.get(cell.row.id)!;
  const where = { table: table.name, row: cell.row.label, column: cell.col.label, raw: cell.raw.trim() };
  if (cell.state === 'blank') {
    const fix: Fix = { title: { key: 'fix.writeZero' }, edits: [{ span: cell.span, text: '0' }], preferred: true };
    const span = cell.span.end > cell.span.start ? cell.span : { start: cell.span.start, end: cell.span.start };
    ctx.report(finding(BLANK_RULE[table.id], span, 'cell.blank', where, { fixes: [fix], cell: cell.ref }));
    return;
  }
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
