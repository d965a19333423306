/**
 * T3-ROW-TOTAL, T3-RESULT-TOTAL, T3-BALANCE, T4-GROUP-TOTAL: every identity of the template, evaluated
 * generically. A failure names the total, the reported value, the computed value and the difference, and
 * points at every addend (as Arelle and beancount do). A failure that follows from another (a wrong row total
 * that also breaks （七）总计) says so and points at its cause. Blank totals are computed, never an error here.
 */
import { finding, type Message, type MessageArg, type Related } from '../model/findings';
import { describeCell, splitCellRef, type CellRef, type IdentityDef } from '../template';
import type { Cell } from '../model/model';
import type { RuleContext } from './context';
import { round, type CellValue } from '../model/tableValues';

export function checkIdentities(ctx: RuleContext): void {
  const failures = ctx.model.template.identities
    .map((id) => evaluateIdentity(ctx, id))
    .filter((f): f is Failure => !!f);
  const causes = causesOf(failures);
  for (const f of failures) report(ctx, f, causes.get(f) ?? []);
}

/** An identity that does not hold, with its evaluated terms. */
interface Failure {
  id: IdentityDef;
  lhs: CellValue[];
  rhs: CellValue[];
  anchor: CellValue & { cell: Cell };
  left: number;
  right: number;
}

function evaluateIdentity(ctx: RuleContext, id: IdentityDef): Failure | undefined {
  const { values } = ctx;
  const lhs = id.lhs.map((r) => values.get(r));
  const rhs = id.rhs.map((r) => values.get(r));
  if (lhs.some((v) => !v) || rhs.some((v) => !v)) return undefined;
  const anchor = values.get(id.anchor)!;
  // A computed total (left out, or written blank) is defined by its identity, and a balance anchored on one
  // follows from the identities of the cells it sums: nothing to check, and never an error of its own.
  if (id.kind === 'total' && lhs[0]!.computed) return undefined;
  if (!anchor.cell || anchor.computed) return undefined;
  const left = round(sum(lhs as CellValue[]));
  const right = round(sum(rhs as CellValue[]));
  if (left === right) return undefined;
  return {
    id, lhs: lhs as CellValue[], rhs: rhs as CellValue[], anchor: anchor as CellValue & { cell: Cell }, left, right,
  };
}

/**
 * Failures that follow from another: a wrong row total also breaks （七）总计's total column and the balance of
 * the 总计 column. A failure g explains f when g's cell is a term of f and the error g found there accounts for
 * f's whole difference. Such an f is still reported (the sum really is wrong) but names its cause and offers no
 * fix of its own: “fix all” would otherwise change a right total to match a wrong one.
 */
function causesOf(failures: Failure[]): Map<Failure, Failure[]> {
  const out = new Map<Failure, Failure[]>();
  const errorAt = (g: Failure) => (g.id.lhs.includes(g.id.anchor) ? 1 : -1) * (g.left - g.right);
  for (const f of failures) {
    const candidates = failures.filter((g) => g !== f
      && (f.id.lhs.includes(g.id.anchor) || f.id.rhs.includes(g.id.anchor))
      && (g.id.anchor !== f.id.anchor || (g.id.kind === 'total' && f.id.kind === 'balance')));
    const share = (g: Failure) => (f.id.lhs.includes(g.id.anchor) ? 1 : -1) * errorAt(g);
    const diff = round(f.left - f.right);
    const all = round(candidates.reduce((s, g) => s + share(g), 0));
    const found = candidates.length && all === diff
      ? candidates
      : candidates.filter((g) => round(share(g)) === diff).slice(0, 1);
    if (found.length) out.set(f, found);
  }
  // Two failures explaining each other explain nothing.
  for (const [f, gs] of out) {
    const kept = gs.filter((g) => !out.get(g)?.includes(f));
    if (kept.length) out.set(f, kept); else out.delete(f);
  }
  return out;
}

function report(ctx: RuleContext, failure: Failure, causes: Failure[]): void {
  const { model } = ctx;
  const { id, lhs, rhs, anchor, left, right } = failure;
  const perRow = new Set([...id.lhs, ...id.rhs].map((r) => splitCellRef(r)[0])).size === 1;
  // Per-row identities name the columns; per-column ones name the rows by their short keys.
  const label = (ref: CellRef) => {
    if (perRow) return describeCell(model.idx, ref).column;
    const row = model.idx.rowById.get(splitCellRef(ref)[0])!;
    return row.optionalTotal ? row.label : row.key;
  };
  const term = (ref: CellRef, v: CellValue): MessageArg =>
    ({ key: v.computed ? 'arith.termComputed' : 'arith.term', args: { label: label(ref), value: v.value } });
  const related: Related[] = causes.map((g) => ({
    span: g.anchor.cell.span,
    message: { key: 'related.cause', args: { subject: subjectOf(g.id.subject), diff: signed(round(g.left - g.right)) } },
  }));
  id.lhs.concat(id.rhs).forEach((ref, i) => {
    const v = i < id.lhs.length ? lhs[i]! : rhs[i - id.lhs.length]!;
    if (v.cell && ref !== id.anchor) related.push({ span: v.cell.span, message: { key: 'related.term', args: { label: label(ref), value: v.value } } });
  });
  const reported: MessageArg = anchor.cell.state === 'blank' ? { key: 'ui.blank' } : String(anchor.value);

  const follows = causes.length > 0;
  const cause = { list: causes.map((g) => subjectOf(g.id.subject)) };

  if (id.kind === 'total') {
    const shown = summarise(id.rhs.map((r, i) => [r, rhs[i]!] as const), term);
    ctx.report(finding(id.rule, anchor.cell.span, follows ? 'arith.totalFollows' : 'arith.total', {
      subject: subjectOf(id.subject), reported, computed: right, diff: signed(round(left - right)), terms: shown,
      formula: id.formula, cause,
    }, {
      related, cell: id.anchor,
      fixes: follows ? undefined : [{ title: { key: 'fix.setTotal', args: { value: right } }, edits: [{ span: anchor.cell.span, text: String(right) }], preferred: true }],
    }));
    return;
  }
  // balance: suggest the anchor value that would balance it.
  const anchorOnLeft = id.lhs.includes(id.anchor);
  const others = anchorOnLeft ? left - anchor.value : right - anchor.value;
  const balancing = round((anchorOnLeft ? right : left) - others);
  ctx.report(finding(id.rule, anchor.cell.span, follows ? 'arith.balanceFollows' : 'arith.balance', {
    subject: subjectOf(id.subject),
    lhsTerms: sumOf(id.lhs.map((r, i) => term(r, lhs[i]!))), lhs: left,
    rhsTerms: sumOf(id.rhs.map((r, i) => term(r, rhs[i]!))), rhs: right,
    diff: signed(round(left - right)), formula: id.formula, cause,
  }, {
    related, cell: id.anchor,
    fixes: !follows && balancing >= 0 ? [{ title: { key: 'fix.setBalancing', args: { label: label(id.anchor), value: balancing } }, edits: [{ span: anchor.cell.span, text: String(balancing) }] }] : undefined,
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

function summarise(
  terms: (readonly [CellRef, CellValue])[], fmt: (r: CellRef, v: CellValue) => MessageArg,
): MessageArg {
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
