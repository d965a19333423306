/**
 * The cells that 汇总 sums and that 表三's 雷同 compares: every cell of tables 二, 三 and 四 of the 2021 format
 * (totals included, as printed or computed), in template order.
 */
import { cellRef, tableRows, template2021, type CellRef } from '../template';

export const SUM_CELLS: readonly CellRef[] = template2021.tables.flatMap((t) =>
  tableRows(t).flatMap((r) => r.columns.map((c) => cellRef(r, c))),
);

/** Table 三's cells other than totals: what two copies of one table have in common cell for cell. */
export const T3_DATA_CELLS: readonly CellRef[] = tableRows(template2021.tables[1])
  .filter((r) => !r.optionalTotal)
  .flatMap((r) => r.columns.filter((c) => !c.optionalTotal).map((c) => cellRef(r, c)));

/** Cells of the statutory tables that every report must fill (totals may be left out): the import's denominator. */
export const REQUIRED_CELLS: readonly CellRef[] = template2021.tables.flatMap((t) =>
  tableRows(t)
    .filter((r) => !r.optionalTotal)
    .flatMap((r) => r.columns.filter((c) => !c.optionalTotal).map((c) => cellRef(r, c))),
);
