/**
 * What every rule sees: the located model, the options, the metadata read once, and the evaluated table
 * values (reported or computed).
 */
import { isScalar } from 'yaml';
import { parseDate, type SimpleDate } from '../model/dates';
import type { Finding, Span } from '../model/findings';
import type { FieldValue, ReportModel } from '../model/model';
import type { BodyKindDef } from '../template';
import { evaluate, type Evaluation } from '../model/tableValues';

export interface CheckOptions {
  /** “Today”, for rules about years that have not ended yet. Defaults to the clock. */
  today?: SimpleDate;
  /** Deadline (month-day, e.g. "01-31") for 乡镇/街道/其他 bodies, set locally. */
  localDeadline?: string;
  /**
   * Last year's report of the same body, found by the caller (previous.ts: findPreviousReport), so the checker
   * itself never touches the file system. Given, it enables the cross-year rules (T3-CARRY-OVER …).
   */
  previous?: PreviousReport;
}

export interface PreviousReport {
  /** How messages name it: the path as written in 上年报告, or relative to this report. */
  name: string;
  /** The parsed report; absent when the file named in 上年报告 could not be found or read. */
  model?: ReportModel;
}

export interface Meta {
  year?: number;
  kind?: BodyKindDef;
  issuer?: string;
  signed?: SimpleDate;
  published?: SimpleDate;
}

export interface RuleContext {
  model: ReportModel;
  options: CheckOptions;
  meta: Meta;
  values: Evaluation;
  report(f: Finding): void;
}

export type Rule = (ctx: RuleContext) => void;

export function scalarText(f: FieldValue | undefined): string | undefined {
  if (!f || !isScalar(f.node) || f.node.value === null) return undefined;
  return String(f.node.value).trim();
}

export function readMeta(model: ReportModel): Meta {
  const f = model.fields;
  const yearNode = f.get('year');
  const yearRaw = yearNode && isScalar(yearNode.node) ? yearNode.node.value : undefined;
  const year = typeof yearRaw === 'number' && Number.isInteger(yearRaw) ? yearRaw : undefined;
  const kindText = scalarText(f.get('kind'));
  const date = (id: string) => {
    const s = scalarText(f.get(id));
    return s ? parseDate(s) : undefined;
  };
  return {
    year,
    kind: kindText ? model.idx.bodyKind.get(kindText) : undefined,
    issuer: scalarText(f.get('issuer')),
    signed: date('signed'),
    published: date('published'),
  };
}

export function makeContext(model: ReportModel, options: CheckOptions, sink: Finding[]): RuleContext {
  return { model, options, meta: readMeta(model), values: evaluate(model), report: (x) => sink.push(x) };
}

/** Where to point when something is missing from a part: its key, or the document start. */
export function anchorOf(model: ReportModel, partId: string): Span {
  const p = model.part.get(partId as never);
  return p ? p.keySpan : { start: 0, end: 0 };
}
