/**
 * The result of `xxgk review`: plain data (JSON-safe, no class instances, no functions), the one thing the
 * dashboard, the JSON/CSV/SARIF writers and — through the language server — the editor consume.
 * Field names are stable: a change that renames or removes one raises REVIEW_RESULT_VERSION.
 * Documented for users in docs/review.md.
 */
import type { RuleId, Severity } from '../template/ruleCatalog';

export const REVIEW_RESULT_VERSION = 1;

/** Where a report came from: written as `.xxgk.yaml`, or imported from a published form. */
export type ReportSource = 'yaml' | 'text' | 'html' | 'docx' | 'pdf';

export interface ReviewResult {
  kind: 'xxgk-review';
  version: typeof REVIEW_RESULT_VERSION;
  tool: { name: 'xxgk-report'; version: string };
  /** What shaped the result: “today” (ISO date) for the date rules, the local deadline (MM-DD), --year. */
  options: { today: string; localDeadline: string; deadlineProfile?: string; year?: number; locale: 'zh-cn' | 'en' };
  /** Files and folders as named by the user. */
  inputs: string[];
  summary: ReviewSummary;
  /** One per report read, in path order (the order of discovery: stable, whatever the number of jobs). */
  reports: ReportReview[];
  /** Files that could not be read or imported, with the reason; they never stop the batch. */
  unreadable: UnreadableFile[];
  /** Files found but left out on purpose (another year with --year, Word lock files …). */
  skipped: SkippedFile[];
  /** 汇总: tables 二, 三 and 四 summed per year over the bodies of that year. */
  totals: YearTotals[];
  /** 雷同 across bodies, once per pair (also a finding on each of the two reports). */
  similar: SimilarPair[];
}

export interface ReviewSummary {
  /** Report files found (read or not). */
  files: number;
  reports: number;
  /** Distinct bodies (机关) with at least one report. */
  bodies: number;
  years: number[];
  /** Reports with at least one error / with warnings but no error / with neither. */
  withErrors: number;
  withWarningsOnly: number;
  clean: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
  /** Deadline compliance of the reports whose kind of body and date are known. */
  onTime: number;
  late: number;
  /** No readable date or kind of body: compliance unknown. */
  undated: number;
  similarPairs: number;
}

export interface ReportReview {
  /** The path as shown: relative to the working folder, `/` separators. */
  file: string;
  source: ReportSource;
  issuer?: string;
  /** 机关类型 as written (when it is one of the template's kinds). */
  kind?: string;
  year?: number;
  /** Format version (2021, or 2019 for the trial format). */
  format?: number;
  /** ISO dates (YYYY-MM-DD). */
  signed?: string;
  published?: string;
  /** The statutory (or local) deadline for this kind of body and year. */
  deadline?: string;
  /** Days after the deadline of the publication date (else the signing date); ≤ 0 is on time. */
  daysLate?: number;
  /** 表三 本年新收 总计 (applications received this year). */
  applications?: number;
  counts: { error: number; warning: number; info: number };
  /** Ordered by position in the report, then severity, then rule id. */
  findings: ReviewFinding[];
  /** For imported reports: how well the import went. */
  import?: ImportQuality;
  /** Last year's report used for the cross-year checks (a file among the inputs, or named in 上年报告). */
  previous?: string;
  /** Another file of the same body and year (e.g. the PDF of the same web page): counted once, by `duplicateOf`. */
  duplicateOf?: string;
  /**
   * The report rendered in the official layout with failing cells marked (HTML fragment), present only when
   * the review was asked to render it (the dashboard); never written to the JSON output.
   */
  rendered?: string;
}

export interface ReviewFinding {
  rule: RuleId;
  severity: Severity;
  /** In the language of the review (options.locale). */
  message: string;
  /**
   * 1-based position in the report's `.xxgk.yaml` text: the file itself, or for an imported report the text
   * `xxgk import` writes for it.
   */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The place in words: “表三 本年新收 自然人”, “一、（二）主动公开”, “落款日期”. */
  where?: string;
  /** The cell (template id, e.g. `t3.r1:total`), when the finding is about one. */
  cell?: string;
  /** 雷同 across bodies: the other report and its section. */
  other?: { file: string; issuer?: string; where: string };
}

export interface ImportQuality {
  /** Cells of the statutory tables (totals excepted) read as numbers, of all such cells. */
  cellsRecognised: number;
  cellsExpected: number;
  /** Cells written blank (`~`) or as text the checker must judge. */
  blankCells: number;
  textCells: number;
  /** Pieces of content kept under 未识别内容 (not placed in the report). */
  unmapped: number;
  /** Guesses the importer made (kind of body inferred …), in the review's language. */
  notes: string[];
}

export type UnreadableReason = 'missing' | 'empty' | 'read' | 'import' | 'broken-link' | 'internal';

export interface UnreadableFile {
  file: string;
  reason: UnreadableReason;
  /** Why, in the review's language, with what to do about it. */
  message: string;
}

export interface SkippedFile {
  file: string;
  message: string;
}

export interface YearTotals {
  year: number;
  /** Format of the summed tables (only 2021-format reports are summed). */
  format: number;
  /** Reports summed (one per body: copies counted once). */
  reports: number;
  files: string[];
  /** Sums by cell id (`t3.r1:natural` …); totals summed as printed or computed. */
  values: Record<string, number>;
  /** Reports whose tables lack cells (summed without them), and how many cells each lacks. */
  incomplete: { file: string; missing: number }[];
  /** The identities re-checked on the sums (a failure shows that some body's own tables do not add up). */
  findings: { rule: RuleId; severity: Severity; message: string; where?: string; cell?: string }[];
  /** The area government's own report beside the sum of the others' (information, not errors). */
  government?: {
    file: string;
    issuer?: string;
    others: number;
    differences: { cell: string; where: string; own: number; others: number }[];
  };
  /** The three tables drawn by the report renderer (dashboard only; never in the JSON output). */
  rendered?: string;
}

export interface SimilarPair {
  rule: RuleId;
  year: number;
  /** Jaccard similarity in percent (prose), 100 for identical tables. */
  percent: number;
  a: { file: string; issuer?: string; where: string };
  b: { file: string; issuer?: string; where: string };
}
