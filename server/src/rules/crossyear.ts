/**
 * Rules across years, run when the caller passes last year's report (CheckOptions.previous):
 * META-PREVIOUS (the named report is missing, or of another year or body), T3-CARRY-OVER (上年结转 = last
 * year's 结转下年度继续办理, per column), T2-VALID-CONTINUITY (现行有效件数 = last year's + 制发 − 废止) and
 * TXT-DUPLICATE (prose copied from last year: 内容雷同), TBL-UNCHANGED (a table's figures exactly last year's).
 * All warnings: the format text does not state them.
 */
import { finding, type Span } from '../model/findings';
import type { ProseValue, ReportModel } from '../model/model';
import { comparableShingles, comparableText, jaccard } from '../model/similarity';
import { isPrompt } from './text';
import { type RuleContext } from './context';
import { readMeta } from '../model/meta';
import { sameBody } from '../model/issuer';
import { evaluate, round, type Evaluation } from '../model/tableValues';
import { checkSameFigures } from './plausibility';

/** 内容雷同 from this share of common 4-character shingles (Jaccard); different years' texts score < 0.2. */
export const DUPLICATE_THRESHOLD = 0.5;
/** Shorter texts (“无。”, one-line nil statements) are alike every year and say nothing about copying. */
export const DUPLICATE_MIN_CHARS = 40;

export function checkAgainstPreviousYear(ctx: RuleContext): void {
  const previous = ctx.options.previous;
  if (!previous) return;
  const { model, meta } = ctx;
  const anchor = previousReportAnchor(model);
  if (!previous.model) {
    ctx.report(finding('META-PREVIOUS', anchor, 'cross.previousMissing', { name: previous.name }));
    return;
  }
  const prev = previous.model;
  const last = readMeta(prev);
  if (meta.year !== undefined && last.year !== meta.year - 1) {
    const year = last.year ?? { key: 'cross.yearNotWritten' as const };
    ctx.report(finding('META-PREVIOUS', anchor, 'cross.previousYear', { name: previous.name, year, expected: meta.year - 1 }));
    return;
  }
  if (meta.issuer && last.issuer && !sameBody(meta.issuer, last.issuer)) {
    ctx.report(finding('META-PREVIOUS', anchor, 'cross.previousIssuer', { name: previous.name, issuer: last.issuer, current: meta.issuer }));
    return;
  }
  const lastValues = evaluate(prev);
  checkCarryOver(ctx, prev, lastValues, previous.name);
  checkValidContinuity(ctx, lastValues, previous.name);
  checkDuplicateProse(ctx, prev, previous.name);
  checkSameFigures(ctx, prev, lastValues, previous.name);
}

/** Where a finding about last year's report points: its 上年报告 value (or key), else the year's key. */
function previousReportAnchor(model: ReportModel): Span {
  const field = model.fields.get('previousReport');
  if (!field) return model.fields.get('year')?.keySpan ?? { start: 0, end: 0 };
  return field.valueSpan.end > field.valueSpan.start ? field.valueSpan : field.keySpan;
}

function lineOf(model: ReportModel, span: Span | undefined): number | string {
  return span ? model.lines.positionAt(span.start).line + 1 : '?';
}

/** 上年结转 (this year) = 结转下年度继续办理 (last year), for every applicant column; the total when only it differs. */
function checkCarryOver(ctx: RuleContext, prev: ReportModel, lastValues: Evaluation, name: string): void {
  const { model, values } = ctx;
  const row = model.rows.get('t3.r2');
  const lastRow = prev.rows.get('t3.r4');
  if (!row || !lastRow) return; // a missing row is T3-SHAPE's business, in either report
  let reported = false;
  for (const col of row.def.columns) {
    if (col.optionalTotal && reported) continue;
    const cur = values.get(`t3.r2:${col.id}`);
    const was = lastValues.get(`t3.r4:${col.id}`);
    if (!cur?.cell || !was || round(cur.value) === round(was.value)) continue;
    reported = true;
    ctx.report(finding('T3-CARRY-OVER', cur.cell.span, 'cross.carryOver', {
      column: col.label, value: cur.value, previous: was.value, diff: signed(cur.value - was.value), name,
      line: lineOf(prev, was.cell?.span ?? lastRow.keySpan),
    }, {
      cell: cur.cell.ref,
      fixes: [{ title: { key: 'fix.setValue', args: { value: was.value } }, edits: [{ span: cur.cell.span, text: String(was.value) }], preferred: true }],
    }));
  }
}

/** 现行有效件数 (N) = 现行有效件数 (N−1) + 本年制发 − 本年废止, for 规章 and 行政规范性文件. */
function checkValidContinuity(ctx: RuleContext, lastValues: Evaluation, name: string): void {
  const { model, values } = ctx;
  for (const rowId of ['t2.rules', 't2.normative']) {
    const valid = values.get(`${rowId}:valid`), issued = values.get(`${rowId}:issued`), repealed = values.get(`${rowId}:repealed`);
    const was = lastValues.get(`${rowId}:valid`);
    if (!valid?.cell || !issued || !repealed || !was) continue; // the 2019 format has no 现行有效件数
    const expected = round(was.value + issued.value - repealed.value);
    if (round(valid.value) === expected) continue;
    ctx.report(finding('T2-VALID-CONTINUITY', valid.cell.span, 'cross.validContinuity', {
      row: model.idx.rowById.get(rowId)!.label, valid: valid.value, previous: was.value, issued: issued.value,
      repealed: repealed.value, expected, diff: signed(round(valid.value - expected)), name,
    }, {
      cell: valid.cell.ref,
      fixes: expected >= 0 ? [{ title: { key: 'fix.setValue', args: { value: expected } }, edits: [{ span: valid.cell.span, text: String(expected) }] }] : undefined,
    }));
  }
}

/**
 * Report prose, without the preamble (boilerplate by nature) and prompts. `xxgk review` compares the same prose
 * across bodies. With each, its comparable form (computed once).
 */
export function comparableProse(model: ReportModel): { prose: ProseValue; comparable: string }[] {
  return model.prose.flatMap((prose) => {
    if (prose.id === 'preamble' || isPrompt(prose.text)) return [];
    const comparable = comparableText(prose.text);
    return comparable.length >= DUPLICATE_MIN_CHARS ? [{ prose, comparable }] : [];
  });
}

function checkDuplicateProse(ctx: RuleContext, prev: ReportModel, name: string): void {
  const { model } = ctx;
  const last = comparableProse(prev).map(({ prose, comparable }) => ({ p: prose, s: comparableShingles(comparable) }));
  if (!last.length) return;
  for (const { prose: p, comparable } of comparableProse(model)) {
    const s = comparableShingles(comparable);
    let best = 0, match: ProseValue | undefined;
    for (const q of last) {
      const j = jaccard(s, q.s);
      if (j > best) { best = j; match = q.p; }
    }
    if (!match || best < DUPLICATE_THRESHOLD) continue;
    ctx.report(finding('TXT-DUPLICATE', firstLine(model, p), 'cross.duplicate', {
      where: p.label, previousWhere: match.label, percent: Math.round(best * 100), name, line: lineOf(prev, match.span),
    }));
  }
}

/** The first line of a prose value: where the squiggle goes for a finding about the whole text. */
export function firstLine(model: ReportModel, p: ProseValue): Span {
  const { start, end } = p.span;
  const line = model.lines.positionAt(start).line;
  const text = model.lines.lineText(line);
  const col = model.lines.positionAt(start).character;
  const first = text.slice(col).trim() === '|' || text.slice(col).trim() === '' ? line + 1 : line;
  const firstText = model.lines.lineText(first);
  const s = first === line ? start : model.lines.lineStart(first) + (firstText.length - firstText.trimStart().length);
  return { start: s, end: Math.min(end, model.lines.lineStart(first) + firstText.length) };
}

function signed(n: number): string {
  const r = round(n);
  return r > 0 ? `+${r}` : String(r);
}
