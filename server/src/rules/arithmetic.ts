/**
 * T3-ROW-TOTAL, T3-RESULT-TOTAL, T3-BALANCE, T4-GROUP-TOTAL: every identity of the template, evaluated
 * generically. A failure names the total, the reported value, the computed value and the difference, and
 * points at every addend (as Arelle and beancount do).
 */
import { finding, type Message, type MessageArg, type Related } from '../model/findings';
import { describeCell, splitCellRef, type CellRef, type IdentityDef } from '../template';
import type { RuleContext } from './context';
import { round, type CellValue } from '../model/tableValues';

export function checkIdentities(ctx: RuleContext): void {
  for (const id of ctx.model.template.identities) checkIdentity(ctx, id);
}

function checkIdentity(ctx: RuleContext, id: IdentityDef): void {
  const { values, model } = ctx;
  const lhs = id.lhs.map((r) => values.get(r));
  const rhs = id.rhs.map((r) => values.get(r));
  if (lhs.some((v) => !v) || rhs.some((v) => !v)) return;
  const anchor = values.get(id.anchor)!;
  // A computed total is defined by this identity: nothing to check.
  if (id.kind === 'total' && lhs[0]!.computed) return;
  if (!anchor.cell) return;
  const left = round(sum(lhs as CellValue[]));
  const right = round(sum(rhs as CellValue[]));
  if (left === right) return;

  const perRow = new Set([...id.lhs, ...id.rhs].map((r) => splitCellRef(r)[0])).size === 1;
  // Per-row identities name the columns; per-column ones name the rows by their short keys.
  const label = (ref: CellRef) => {
    if (perRow) return describeCell(model.idx, ref).column;
    const row = model.idx.rowById.get(splitCellRef(ref)[0])!;
    return row.optionalTotal ? row.label : row.key;
  };
  const term = (ref: CellRef, v: CellValue): MessageArg =>
    ({ key: v.computed ? 'arith.termComputed' : 'arith.term', args: { label: label(ref), value: v.value } });
  const related: Related[] = [];
  id.lhs.concat(id.rhs).forEach((ref, i) => {
    const v = i < id.lhs.length ? lhs[i]! : rhs[i - id.lhs.length]!;
    if (v.cell && ref !== id.anchor) related.push({ span: v.cell.span, message: { key: 'related.term', args: { label: label(ref), value: v.value } } });
  });
  const reported: MessageArg = anchor.cell.state === 'blank' ? { key: 'ui.blank' } : String(anchor.value);

  if (id.kind === 'total') {
    const shown = summarise(id.rhs.map((r, i) => [r, rhs[i]!] as const), term);
    ctx.report(finding(id.rule, anchor.cell.span, 'arith.total', {
      subject: subjectOf(id.subject), reported, computed: right, diff: signed(round(left - right)), terms: shown, formula: id.formula,
    }, {
      related, cell: id.anchor,
      fixes: [{ title: { key: 'fix.setTotal', args: { value: right } }, edits: [{ span: anchor.cell.span, text: String(right) }], preferred: true }],
    }));
    return;
  }
  // balance: suggest the anchor value that would balance it.
  const anchorOnLeft = id.lhs.includes(id.anchor);
  const others = anchorOnLeft ? left - anchor.value : right - anchor.value;
  const balancing = round((anchorOnLeft ? right : left) - others);
  ctx.report(finding(id.rule, anchor.cell.span, 'arith.balance', {
    subject: subjectOf(id.subject),
    lhsTerms: sumOf(id.lhs.map((r, i) => term(r, lhs[i]!))), lhs: left,
    rhsTerms: sumOf(id.rhs.map((r, i) => term(r, rhs[i]!))), rhs: right,
    diff: signed(round(left - right)), formula: id.formula,
  }, {
    related, cell: id.anchor,
    fixes: balancing >= 0 ? [{ title: { key: 'fix.setBalancing', args: { label: label(id.anchor), value: balancing } }, edits: [{ span: anchor.cell.span, text: String(balancing) }] }] : undefined,
  }));
}

function subjectOf({ table, row, column }: IdentityDef['subject']): Message {
  if (row !== undefined && column !== undefined) return { key: 'arith.subject.cell', args: { table, row, column } };
  if (row !== undefined) return { key: 'arith.subject.rowTotal', args: { table, row } };
  return { key: 'arith.subject.column', args: { table, column: column ?? '' } };
}

function sum(vs: CellValue[]): number {
  return vs.reduce((s, v) => s + v.value, 0);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** “予以公开 3 + 部分公开 1，其余 20 项为 0” — long sums list only their non-zero terms. */
const MAX_TERMS = 8;

function summarise(terms: (readonly [CellRef, CellValue])[], fmt: (r: CellRef, v: CellValue) => MessageArg): MessageArg {
  if (terms.length <= MAX_TERMS) return sumOf(terms.map(([r, v]) => fmt(r, v)));
  const nonZero = terms.filter(([, v]) => v.value !== 0);
  const shown = nonZero.slice(0, MAX_TERMS - 2).map(([r, v]) => fmt(r, v));
  if (nonZero.length > shown.length) shown.push('…');
  const zeros = terms.length - nonZero.length;
  return { key: 'arith.someTerms', args: { terms: shown.length ? sumOf(shown) : '0', count: terms.length, zeros } };
}

function sumOf(terms: MessageArg[]): MessageArg {
  return { list: terms, separator: 'list.plus' };
}
