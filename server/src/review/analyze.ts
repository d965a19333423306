/**
 * Per-file analysis, the part of a review that runs in the workers: read the file, import it in memory if it
 * is not `.xxgk.yaml` (nothing is written beside the inputs), check it, and extract what the later stages need
 * (metadata for pairing and grouping, sketches of the prose for 雷同, table values for 汇总). Plain data out.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { checkModel } from '../check';
import { importBuffer, ImportError } from '../import';
import type { ImportSummary } from '../import/summary';
import { localize, type Locale } from '../l10n';
import { formatIso, type SimpleDate } from '../model/dates';
import type { Finding, Message } from '../model/findings';
import { shortNames } from '../model/issuer';
import { readMeta } from '../model/meta';
import { parseReport, type ReportModel } from '../model/model';
import { evaluate } from '../model/tableValues';
import { findPreviousReport } from '../previous';
import { renderBody } from '../render/html';
import { comparableProse, firstLine } from '../rules/crossyear';
import { deadlineFor } from '../rules/dates';
import type { PreviousReport } from '../rules/context';
import { FolderConfigCache } from '../folderConfig';
import type { DeadlineChoice } from '../template/deadlineProfiles';
import { sourceOf, ioMessage } from './discover';
import { indexKeys, sketchOf, type Sketch } from './sketch';
import { REQUIRED_CELLS, SUM_CELLS, T3_DATA_CELLS } from './tableCells';
import type { ImportQuality, ReportReview, ReportSource, ReviewFinding, UnreadableFile } from './types';
import { whereOf } from './where';

export interface AnalyzeOptions {
  locale: Locale;
  /** Deadline choices from the command line (--deadline-profile, --local-deadline), before any xxgk.json. */
  deadlines?: DeadlineChoice[];
  today: SimpleDate;
  /** Render the report for the dashboard. */
  render: boolean;
}

export interface FileTask {
  index: number;
  path: string;
  shown: string;
}

export interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface SectionSketch extends Located {
  where: string;
  sketch: Sketch;
  keys: Uint32Array;
}

export interface Analysis {
  index: number;
  review?: ReportReview;
  unreadable?: UnreadableFile;
  /** The body's short name (“张营乡”), the key that groups its reports. */
  body?: string;
  /** Administrative level of the body: 5 State Council department, 4 province … 1 township or street, 0 unknown. */
  level: number;
  /** A people's government (人民政府) of its level, not a department. */
  government: boolean;
  /** The report names its 上年报告 itself (its cross-year checks are done). */
  namedPrevious: boolean;
  /** The `.xxgk.yaml` text of an imported report (for the cross-year checks of a later stage). */
  text?: string;
  sections: SectionSketch[];
  /** Table 三's data cells as one string, when not trivially small (see T3-DUPLICATE-OTHER). */
  table3?: { key: string; nonZero: number; applications: number } & Located;
  /** SUM_CELLS values (NaN where a cell is missing); 2021 format only. */
  values?: Float64Array;
}

const LEVEL: Record<string, number> = {
  国务院部门: 5,
  省级人民政府: 4,
  省级政府部门: 4,
  市级人民政府: 3,
  市级政府部门: 3,
  县级人民政府: 2,
  县级政府部门: 2,
  乡镇人民政府: 1,
  街道办事处: 1,
};

export async function analyzeFile(task: FileTask, options: AnalyzeOptions): Promise<Analysis> {
  const source = sourceOf(task.path);
  const fail = (reason: UnreadableFile['reason'], message: Message): Analysis => ({
    index: task.index,
    level: 0,
    government: false,
    namedPrevious: false,
    sections: [],
    unreadable: { file: task.shown, reason, message: localize(message, options.locale) },
  });
  let bytes: Buffer;
  try {
    if (statSync(task.path).size === 0) return fail('empty', { key: 'review.unreadable.empty' });
    bytes = readFileSync(task.path);
  } catch (e) {
    return fail('read', ioMessage(e));
  }
  let text: string;
  let summary: ImportSummary | undefined;
  if (source === 'yaml') {
    text = bytes.toString('utf8').replace(/^\ufeff/, '');
  } else {
    try {
      ({ yaml: text, summary } = await importBuffer(basename(task.path), bytes));
    } catch (e) {
      if (e instanceof ImportError)
        return fail('import', e.reason ?? { key: 'review.unreadable.import', args: { detail: e.message } });
      return fail('internal', { key: 'review.unreadable.internal', args: { detail: (e as Error).message } });
    }
  }
  const model = parseReport(text);
  if (summary && !model.parts.length) return fail('import', { key: 'review.unreadable.notReport' });
  const named = source === 'yaml' && model.fields.has('previousReport');
  const previous = named ? findPreviousReport(task.path, model) : undefined;
  const analysis = analyzeModel(task, model, source, options, previous);
  analysis.namedPrevious = named;
  if (summary) {
    analysis.review!.import = importQuality(model, summary, options.locale);
    analysis.text = text;
  }
  return analysis;
}

/** Checks a parsed report (with last year's, when known) and extracts what the later stages need. */
export function analyzeModel(
  task: FileTask,
  model: ReportModel,
  source: ReportSource,
  options: AnalyzeOptions,
  previous?: PreviousReport,
  previousFile?: string,
): Analysis {
  const deadlines = deadlineChoices(task.path, options);
  // A review offers no fixes: they need not be made safe to apply.
  const findings = checkModel(model, { deadlines, today: options.today, previous, skipFixGuard: true });
  const meta = readMeta(model);
  const values = model.template.version === 2021 ? tableValues(model) : undefined;
  const applications = values?.[SUM_CELLS.indexOf('t3.r1:TOT')];
  const review: ReportReview = {
    file: task.shown,
    source,
    counts: { error: 0, warning: 0, info: 0 },
    findings: [],
  };
  if (meta.issuer) review.issuer = meta.issuer;
  if (meta.kind) review.kind = meta.kind.label;
  if (meta.year !== undefined) review.year = meta.year;
  if (model.version !== undefined) review.format = model.version;
  if (meta.signed) review.signed = formatIso(meta.signed);
  if (meta.published) review.published = formatIso(meta.published);
  if (meta.kind && meta.year !== undefined) {
    const { deadline } = deadlineFor(meta.kind, meta.year, { deadlines });
    review.deadline = formatIso(deadline);
    const date = meta.published ?? meta.signed;
    if (date) review.daysLate = daysBetween(deadline, date);
  }
  if (applications !== undefined && !Number.isNaN(applications)) review.applications = applications;
  if (previous?.model) review.previous = previousFile ?? previous.name;
  review.findings = findings.map((f) => reviewFinding(model, f, options.locale));
  for (const f of review.findings) review.counts[f.severity]++;
  if (options.render) review.rendered = renderBody(model, { findings, locale: options.locale }).html;
  return {
    index: task.index,
    review,
    values,
    namedPrevious: false,
    body: meta.issuer ? shortNames(meta.issuer).at(-1) : undefined,
    level: LEVEL[meta.kind?.id ?? ''] ?? 0,
    government: !!meta.kind?.government && meta.kind.id !== '街道办事处',
    sections: proseSketches(model),
    table3: values ? table3Print(model, values) : undefined,
  };
}

export function locate(model: ReportModel, span: { start: number; end: number }): Located {
  const s = model.lines.positionAt(span.start),
    e = model.lines.positionAt(span.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function reviewFinding(model: ReportModel, f: Finding, locale: Locale): ReviewFinding {
  const out: ReviewFinding = {
    rule: f.rule,
    severity: f.severity,
    message: localize(f.message, locale),
    ...locate(model, f.span),
  };
  const where = whereOf(model, f);
  if (where) out.where = where;
  if (f.cell) out.cell = f.cell;
  return out;
}

function tableValues(model: ReportModel): Float64Array {
  const ev = evaluate(model);
  const out = new Float64Array(SUM_CELLS.length);
  SUM_CELLS.forEach((ref, i) => {
    out[i] = ev.get(ref)?.value ?? NaN;
  });
  return out;
}

function proseSketches(model: ReportModel): SectionSketch[] {
  return comparableProse(model).map(({ prose, comparable }) => {
    const sketch = sketchOf(prose.text, comparable);
    return { where: prose.label, sketch, keys: indexKeys(sketch), ...locate(model, firstLine(model, prose)) };
  });
}

const T3_INDEXES = T3_DATA_CELLS.map((ref) => SUM_CELLS.indexOf(ref));
/** Below these, two bodies' tables 三 can be the same by chance (one request each, granted). */
export const T3_MIN_NONZERO = 3;
export const T3_MIN_APPLICATIONS = 3;

function table3Print(model: ReportModel, values: Float64Array): Analysis['table3'] {
  const cells = T3_INDEXES.map((i) => values[i]);
  if (cells.some((v) => Number.isNaN(v))) return undefined;
  const nonZero = cells.filter((v) => v !== 0).length;
  const applications = values[SUM_CELLS.indexOf('t3.r1:TOT')] + values[SUM_CELLS.indexOf('t3.r2:TOT')];
  if (nonZero < T3_MIN_NONZERO || !(applications >= T3_MIN_APPLICATIONS)) return undefined;
  const table = model.tables.get('t3');
  if (!table) return undefined;
  return { key: cells.join(','), nonZero, applications, ...locate(model, table.keySpan) };
}

function importQuality(model: ReportModel, summary: ImportSummary, locale: Locale): ImportQuality {
  const recognised = REQUIRED_CELLS.filter((ref) => model.cells.get(ref)?.state === 'number').length;
  return {
    cellsRecognised: recognised,
    cellsExpected: REQUIRED_CELLS.length,
    blankCells: summary.cells.blanks,
    textCells: summary.cells.text,
    unmapped: summary.unmapped.length,
    notes: summary.warnings.map((w) => localize(w, locale)),
  };
}

function daysBetween(a: SimpleDate, b: SimpleDate): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000);
}

/** xxgk.json files beside the reports, read once per folder in each thread. */
const folderConfigs = new FolderConfigCache((path) => {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
});

/** The command line's deadline choices, then the xxgk.json nearest the report (as `xxgk check` does). */
function deadlineChoices(path: string, options: AnalyzeOptions): DeadlineChoice[] {
  const config = folderConfigs.find(path);
  return [...(options.deadlines ?? []), ...(config?.choice ? [config.choice] : [])];
}
