/**
 * What every rule sees: the located model, the options, the metadata read once, and the evaluated table
 * values (reported or computed).
 */
import type { SimpleDate } from '../model/dates';
import type { DeadlineChoice } from '../template/deadlineProfiles';
import type { Finding, Span } from '../model/findings';
import type { ReportModel } from '../model/model';
import { readMeta, type Meta } from '../model/meta';
import { evaluate, type Evaluation } from '../model/tableValues';

export interface CheckOptions {
  /** “Today”, for rules about years that have not ended yet. Defaults to the clock. */
  today?: SimpleDate;
  /** Deadline (month-day, e.g. "01-31") for 乡镇/街道/其他 bodies, set locally (the `xxgk.localDeadline` setting). */
  localDeadline?: string;
  /** Local deadline profiles or dates chosen by the CLI, an xxgk.json, the settings — most specific first. */
  deadlines?: DeadlineChoice[];
  /**
   * Last year's report of the same body, found by the caller (previous.ts: findPreviousReport), so the checker
   * itself never touches the file system. Given, it enables the cross-year rules (T3-CARRY-OVER …).
   */
  previous?: PreviousReport;
  /** The file's bytes are not UTF-8 (the caller read them, fileText.ts): report that alone (FILE-ENCODING). */
  notUtf8?: { encoding?: string };
  /**
   * Leave fixes unguarded (model/valueEdits.ts): the caller offers none (xxgk review), or guards them itself when
   * they are asked for (the language server checks on every keystroke, and the guard — a small YAML parse per
   * fix — costs as much as the rest of the check).
   */
  skipFixGuard?: boolean;
}

export interface PreviousReport {
  /** How messages name it: the path as written in 上年报告, or relative to this report. */
  name: string;
  /** The parsed report; absent when the file named in 上年报告 could not be found or read. */
  model?: ReportModel;
}

export interface RuleContext {
  model: ReportModel;
  options: CheckOptions;
  meta: Meta;
  values: Evaluation;
  report(f: Finding): void;
}

export type Rule = (ctx: RuleContext) => void;

export function makeContext(model: ReportModel, options: CheckOptions, sink: Finding[]): RuleContext {
  return { model, options, meta: readMeta(model), values: evaluate(model), report: (x) => sink.push(x) };
}

/** Where to point when something is missing from a part: its key, or the document start. */
export function anchorOf(model: ReportModel, partId: string): Span {
  const p = model.part.get(partId as never);
  return p ? p.keySpan : { start: 0, end: 0 };
}
