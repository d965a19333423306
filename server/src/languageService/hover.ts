/**
 * Hover: what the thing under the cursor is in the official template — the full label, what belongs there,
 * the identities it takes part in (“（七）总计 = （一）+…+（六）”), the legal basis, and for cells the
 * reported and computed values.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import type { MessageKey, Span } from '../model/findings';
import { localize, type Locale } from '../l10n';
import { toRange } from './lsp';
import type { ReportModel } from '../model/model';
import { evaluate, type Evaluation } from '../model/tableValues';
import { cellRef, type CellRef, type RowDef, type TableDef } from '../template';

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end && span.end > span.start;

function t(locale: Locale, key: MessageKey, args?: Record<string, string | number>): string {
  return localize({ key, args }, locale);
}

/** “计算值：75” / “Computed: 75” — the punctuation belongs to the language. */
function field(locale: Locale, labelKey: MessageKey, value: string | number): string {
  return t(locale, 'ui.field', { label: t(locale, labelKey), value });
}

/** “…（成立：0）” / “… (holds: 0)”. */
function note(locale: Locale, text: string, remark: string): string {
  return t(locale, 'ui.note', { text, note: remark });
}

export function provideHover(analysis: Analysis, position: Position, locale: Locale): Hover | null {
  const { model } = analysis;
  const offset = model.lines.offsetAt(position);
  for (const cell of model.cells.values()) {
    if (inside(cell.span, offset)) return hover(model, cell.span, cellHover(model, cell.ref, locale));
  }
  for (const row of model.rows.values()) {
    if (inside(row.keySpan, offset)) return hover(model, row.keySpan, rowHover(model, row.def, locale));
  }
  for (const [id, group] of model.groups) {
    const def = model.idx.groupById.get(id);
    if (def && inside(group.keySpan, offset)) return hover(model, group.keySpan, `**${def.label}**\n\n${def.help}`);
  }
  for (const part of model.parts) {
    if (inside(part.keySpan, offset)) {
      const table = part.def.table ? model.idx.tableById.get(part.def.table) : undefined;
      const lines = [`**${part.def.key}**`, '', part.def.help, '', field(locale, 'ui.basis', part.def.basis)];
      // One paragraph each: markdown joins lines that are not separated by a blank line.
      for (const identity of table ? tableIdentities(model, table, locale) : []) lines.push('', identity);
      return hover(model, part.keySpan, lines.join('\n'));
    }
  }
  for (const f of model.fields.values()) {
    if (inside(f.keySpan, offset) || inside(f.valueSpan, offset)) {
      const lines = [note(locale, `**${f.def.label}**`, f.def.key), '', f.def.help];
      if (f.def.id === 'kind') {
        const kind = model.idx.bodyKind.get(String((f.node as { value?: unknown } | null)?.value ?? ''));
        if (kind) lines.push('', t(locale, `ui.deadline.${kind.deadline}`));
      }
      return hover(model, inside(f.keySpan, offset) ? f.keySpan : f.valueSpan, lines.join('\n'));
    }
  }
  return null;
}

function hover(model: ReportModel, span: Span, markdown: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(model, span) };
}

function cellHover(model: ReportModel, ref: CellRef, locale: Locale): string {
  const [rowId, colId] = [ref.slice(0, ref.lastIndexOf(':')), ref.slice(ref.lastIndexOf(':') + 1)];
  const row = model.idx.rowById.get(rowId)!;
  const col = row.columns.find((c) => c.id === colId)!;
  const table = model.idx.tableOfRow.get(rowId)!;
  const values = evaluate(model);
  const lines = [`**${table.name} · ${row.label} · ${[...(col.headerPath ?? []), col.label].join(' / ')}**`, '', row.help];
  if (row.unit) lines.push('', field(locale, 'ui.unit', row.unit));
  for (const id of model.idx.identitiesOfCell.get(ref) ?? []) {
    const sides = [...id.lhs, ...id.rhs].map((r) => values.get(r));
    const lhs = sum(id.lhs.map((r) => values.get(r)?.value));
    const rhs = sum(id.rhs.map((r) => values.get(r)?.value));
    const state = identityState(locale, sides.some((v) => !v), lhs, rhs);
    lines.push('', note(locale, field(locale, 'ui.identity', id.formula), state));
  }
  if (col.optionalTotal || row.optionalTotal) {
    const written = model.cells.get(ref);
    if (written) lines.push('', field(locale, 'ui.reported', written.state === 'blank' ? t(locale, 'ui.blank') : written.raw.trim()));
    lines.push('', computedLine(model, ref, values, locale));
  }
  const part = model.idx.partOfTable.get(table.id);
  if (part) lines.push('', field(locale, 'ui.basis', part.basis));
  return lines.join('\n');
}

/**
 * The value a total would have. A cell that totals two ways (table 三's （七）总计 · 总计 is both its row's sum and
 * its column's) shows both sums when they differ, each with its formula, as the two rules judge it.
 */
function computedLine(model: ReportModel, ref: CellRef, values: Evaluation, locale: Locale): string {
  const sums = (model.idx.identitiesOfCell.get(ref) ?? [])
    .filter((id) => id.kind === 'total' && id.lhs[0] === ref)
    .map((id) => ({ formula: id.formula, value: sum(id.rhs.map((r) => values.get(r)?.value)) }));
  const known = sums.filter((s) => s.value !== undefined);
  if (!known.length) return field(locale, 'ui.computed', t(locale, 'ui.notComputable'));
  if (known.every((s) => s.value === known[0].value)) return field(locale, 'ui.computed', known[0].value!);
  return known.map((s) => note(locale, field(locale, 'ui.computed', s.value!), s.formula)).join('\n\n');
}

/** Whether an identity holds for the values written; unknown when a term has no value. */
function identityState(locale: Locale, termMissing: boolean, lhs: number | undefined, rhs: number | undefined): string {
  if (termMissing || lhs === undefined || rhs === undefined) return t(locale, 'ui.identityUnknown');
  if (lhs === rhs) return t(locale, 'ui.identityHolds', { value: lhs });
  return t(locale, 'ui.identityFails', { lhs, rhs, diff: round(lhs - rhs) });
}

function rowHover(model: ReportModel, row: RowDef, locale: Locale): string {
  const table = model.idx.tableOfRow.get(row.id)!;
  const cols = row.columns.map((c) => c.label + (c.optionalTotal ? t(locale, 'ui.optionalTotal') : '')).join(t(locale, 'list.separator'));
  const lines = [`**${table.name} · ${row.label}**`, '', row.help, '', field(locale, 'ui.columns', cols)];
  const ids = new Set(row.columns
    .flatMap((c) => model.idx.identitiesOfCell.get(cellRef(row, c)) ?? [])
    .map((i) => i.formula));
  for (const f of ids) lines.push('', field(locale, 'ui.identity', f));
  return lines.join('\n');
}

function tableIdentities(model: ReportModel, table: TableDef, locale: Locale): string[] {
  const prefix = `${table.id}.`;
  const formulas = new Set(model.template.identities.filter((i) => i.anchor.startsWith(prefix)).map((i) => i.formula));
  return [...formulas].map((f) => field(locale, 'ui.identity', f));
}

/** The sum, or undefined when any term has no value. */
function sum(values: (number | undefined)[]): number | undefined {
  if (values.some((v) => v === undefined)) return undefined;
  return round(values.reduce<number>((s, v) => s + v!, 0));
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
