/**
 * Inlay hints: the column name before each value of a compact table row, and the computed total where a
 * total is left out (a row's 总计, table 四's 总计, the （七）总计 row).
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import type { ServerSettings } from '../protocol';
import { evaluate } from '../model/tableValues';
import { cellRef, tableRows } from '../template';

export function provideInlayHints(analysis: Analysis, range: Range, settings: ServerSettings['inlayHints']): InlayHint[] {
  const { model } = analysis;
  const from = model.lines.offsetAt(range.start), to = model.lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const values = evaluate(model);
  const at = (offset: number) => model.lines.positionAt(offset);
  for (const row of model.rows.values()) {
    if (row.valueSpan.end < from || row.valueSpan.start > to || row.def.scalar) continue;
    if (settings.columnNames) {
      for (const cell of row.cells.values()) {
        hints.push({ position: at(cell.span.start), label: `${cell.col.short}:`, kind: InlayHintKind.Parameter, paddingRight: true });
      }
    }
    const total = row.def.columns.find((c) => c.optionalTotal);
    const written = total && row.cells.get(total.id);
    if (settings.computedTotals && total && (!written || written.state === 'blank')) {
      // Left out: after the row; written blank (`~`): right after the blank.
      const v = values.get(cellRef(row.def, total));
      const position = at(written ? written.span.end : row.valueSpan.end);
      if (v) hints.push({ position, label: written ? `= ${v.value}` : `${total.short} ${v.value}`, kind: InlayHintKind.Parameter, paddingLeft: true });
    }
  }
  if (settings.computedTotals) {
    // A left-out total row is shown after the last row that adds up to it.
    for (const table of model.template.tables) {
      for (const row of tableRows(table).filter((r) => r.optionalTotal && !model.rows.has(r.id))) {
        const vals = row.columns.map((c) => values.get(cellRef(row, c)));
        if (vals.some((v) => !v)) continue;
        const addends = model.idx.definitionOfCell.get(cellRef(row, row.columns[0]))?.rhs ?? [];
        const last = Math.max(...addends.map((ref) => model.rows.get(ref.slice(0, ref.lastIndexOf(':')))?.valueSpan.end ?? -1));
        if (last < 0 || last < from || last > to) continue;
        const lineEnd = model.lines.lineStart(at(last).line) + model.lines.lineText(at(last).line).length;
        hints.push({ position: at(lineEnd), label: `${row.label} [${vals.map((v) => v!.value).join(', ')}]`, kind: InlayHintKind.Type, paddingLeft: true });
      }
    }
  }
  return hints;
}
