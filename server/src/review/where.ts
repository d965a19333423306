/**
 * A finding's place in words (“表三 本年新收 总计”, “一、（二）主动公开”, “落款日期”), for reviewers who read a
 * list of problems rather than a file, and for locations in imported files where line numbers mean nothing.
 */
import type { Finding } from '../model/findings';
import type { ReportModel } from '../model/model';
import { describeCell } from '../template';

export function whereOf(model: ReportModel, f: Finding): string | undefined {
  if (f.cell && model.idx.rowById.has(f.cell.slice(0, f.cell.lastIndexOf(':')))) {
    const c = describeCell(model.idx, f.cell);
    return `${c.table} ${c.row} ${c.column}`;
  }
  const at = f.span.start;
  const inside = (s: { start: number; end: number }) => at >= s.start && at <= Math.max(s.end, s.start);
  for (const row of model.rows.values()) {
    if (inside(row.keySpan) || inside(row.valueSpan))
      return `${model.idx.tableOfRow.get(row.def.id)?.name ?? ''} ${row.def.label}`.trim();
  }
  for (const p of model.prose) if (inside(p.span)) return p.label;
  for (const field of model.fields.values()) {
    if (inside(field.keySpan) || inside(field.valueSpan)) return field.def.label;
  }
  let part: string | undefined;
  for (const p of model.parts) if (p.keySpan.start <= at) part = `${p.def.numeral}、${p.def.title}`;
  return part;
}
