/**
 * T3-ROW-TOTAL, T3-RESULT-TOTAL, T3-BALANCE, T4-GROUP-TOTAL: every identity of the template, evaluated
 * generically. A failure names the total, the reported value, the computed value and the difference, and
 * points at every addend (as Arelle and beancount do).
 */
import { finding, type Related } from '../model/findings';
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
  const term = (ref: CellRef, v: CellValue) => `${label(ref)} ${v.value}${v.computed ? '（计算）' : ''}`;
  const related: Related[] = [];
  id.lhs.concat(id.rhs).forEach((ref, i) => {
    const v = i < id.lhs.length ? lhs[i]! : rhs[i - id.lhs.length]!;
    if (v.cell && ref !== id.anchor) related.push({ span: v.cell.span, message: { key: 'related.term', args: { label: label(ref), value: v.value } } });
  });
  const reported = anchor.cell.state === 'blank' ? '空白' : String(anchor.value);

  if (id.kind === 'total') {
    const shown = summarise(id.rhs.map((r, i) => [r, rhs[i]!] as const), term);
    ctx.report(finding(id.rule, anchor.cell.span, 'arith.total', {
      subject: id.subject, reported, computed: right, diff: signed(round(left - right)), terms: shown, formula: id.formula,
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
    subject: id.subject,
    lhsTerms: id.lhs.map((r, i) => term(r, lhs[i]!)).join(' + '), lhs: left,
    rhsTerms: id.rhs.map((r, i) => term(r, rhs[i]!)).join(' + '), rhs: right,
    diff: signed(round(left - right)), formula: id.formula,
  }, {
    related, cell: id.anchor,
    fixes: balancing >= 0 ? [{ title: { key: 'fix.setBalancing', args: { label: label(id.anchor), value: balancing } }, edits: [{ span: anchor.cell.span, text: String(balancing) }] }] : undefined,
  }));
}

function sum(vs: CellValue[]): number {
  return vs.reduce((s, v) => s + v.value, 0);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** “予以公开 3 + 部分公开 1，其余 20 项为 0” — long sums list only their non-zero terms. */
const MAX_TERMS = 8;

function summarise(terms: (readonly [CellRef, CellValue])[], fmt: (r: CellRef, v: CellValue) => string): string {
  if (terms.length <= MAX_TERMS) return terms.map(([r, v]) => fmt(r, v)).join(' + ');
  const nonZero = terms.filter(([, v]) => v.value !== 0);
  const shown = nonZero.slice(0, MAX_TERMS - 2).map(([r, v]) => fmt(r, v));
  if (nonZero.length > shown.length) shown.push('…');
  return `${shown.join(' + ') || '0'}（共 ${terms.length} 项，${terms.length - nonZero.length} 项为 0）`;
}
