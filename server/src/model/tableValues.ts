/**
 * Table values as the arithmetic sees them: a written cell's value (a blank data cell counts as 0), or a total
 * computed from the identity that defines it — when it is left out, and when it is written blank (a blank 总计
 * means “not written”, not 0: published reports leave totals empty, and that is not a sum error). Cells that
 * are missing or fail their type rule have no value, so identities over them are skipped rather than reported
 * twice.
 */
import type { Cell, ReportModel } from './model';
import type { CellRef, CellType } from '../template';
import { cellTypeOf, splitCellRef } from '../template';

export interface CellValue {
  value: number;
  /** Left out or written blank in the file, and computed here. */
  computed: boolean;
  /** The written cell (a blank total is computed and still has its cell). */
  cell?: Cell;
}

export interface Evaluation {
  get(ref: CellRef): CellValue | undefined;
}

export function usable(cell: Cell, type: CellType): boolean {
  if (cell.state === 'blank') return true;
  if (cell.state !== 'number') return false;
  if (type === 'delta') return Number.isInteger(cell.value);
  if (cell.value < 0) return false;
  return type === 'amount' || Number.isInteger(cell.value);
}

export function evaluate(model: ReportModel): Evaluation {
  const memo = new Map<CellRef, CellValue | null>();
  const { idx } = model;

  const get = (ref: CellRef): CellValue | undefined => {
    const hit = memo.get(ref);
    if (hit !== undefined) return hit ?? undefined;
    memo.set(ref, null); // cycle guard
    const result = compute(ref);
    memo.set(ref, result ?? null);
    return result;
  };

  const compute = (ref: CellRef): CellValue | undefined => {
    const cell = model.cells.get(ref);
    if (cell) {
      if (!usable(cell, cellTypeOf(cell.row, cell.col))) return undefined;
      if (cell.state !== 'blank' || !idx.definitionOfCell.has(ref)) return { value: cell.value, computed: false, cell };
      // A blank total: its computed value, or none when an addend has none (never a 0 that would break a sum).
      const sum = definedSum(ref);
      return sum === undefined ? undefined : { value: sum, computed: true, cell };
    }
    const [rowId, colId] = splitCellRef(ref);
    const row = idx.rowById.get(rowId);
    const col = row?.columns.find((c) => c.id === colId);
    if (!row || !col) return undefined;
    const present = model.rows.get(rowId);
    // Only totals may be left out: a total column of a present row, or a whole optional total row.
    const leftOut =
      (present && col.optionalTotal && present.written <= row.columns.filter((c) => !c.optionalTotal).length)
      || (!present && row.optionalTotal);
    if (!leftOut) return undefined;
    const sum = definedSum(ref);
    return sum === undefined ? undefined : { value: sum, computed: true };
  };

  /** The value of a total from the identity that defines it. */
  const definedSum = (ref: CellRef): number | undefined => {
    const def = idx.definitionOfCell.get(ref);
    if (!def) return undefined;
    let sum = 0;
    for (const r of def.rhs) {
      const v = get(r);
      if (!v) return undefined;
      sum += v.value;
    }
    return round(sum);
  };

  return { get };
}

/** Sums of 万元 amounts must not print 0.30000000000000004. */
export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
