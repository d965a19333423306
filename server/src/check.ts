/**
 * The checker: reads a report and runs every rule. Shared by the language server, the CLI and the preview.
 */
import { finding, type Finding } from './model/findings';
import { parseReport, type ParseOptions, type ReportModel } from './model/model';
import { checkIdentities } from './rules/arithmetic';
import { checkCells } from './rules/cells';
import { checkProseFigures } from './rules/figures';
import { checkImplausibleEmptiness } from './rules/plausibility';
import { checkProsePartSums, checkProsePercentages } from './rules/proseNumbers';
import { checkFeeLinks, checkGovernmentDuties, checkIssuerAndContact, checkNilStatements, checkPeriodAndTitle, checkStaleYear, checkTable2Content } from './rules/content';
import { makeContext, type CheckOptions, type Rule } from './rules/context';
import { checkDates, checkMetaValues } from './rules/dates';
import { checkAgainstPreviousYear } from './rules/crossyear';
import { checkFees, checkGeneral, checkMetadata, checkPart5, checkParts, checkTables, checkUnmapped } from './rules/structure';
import { checkDoubledWords, checkPlaceholders } from './rules/text';
import { checkOldFormatRows } from './rules/version';
import { guardFixes } from './model/valueEdits';

export type { CheckOptions };

/** In the order a reader meets problems: metadata, structure, cells, sums, content, wording. */
const RULE_CHECKS: Rule[] = [
  checkMetadata, checkMetaValues, checkOldFormatRows, checkDates,
  checkParts, checkTables, checkGeneral, checkFees, checkPart5,
  checkCells, checkIdentities,
  checkTable2Content, checkFeeLinks, checkNilStatements, checkProseFigures, checkProsePercentages,
  checkProsePartSums, checkImplausibleEmptiness, checkGovernmentDuties,
  checkPeriodAndTitle, checkStaleYear, checkIssuerAndContact, checkDoubledWords, checkPlaceholders, checkUnmapped,
  checkAgainstPreviousYear,
];

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
}

export function checkModel(model: ReportModel, options: CheckOptions = {}): Finding[] {
  // Bytes that are not UTF-8 read as replacement characters: one finding naming the encoding, not a cascade.
  if (options.notUtf8) return [notUtf8Finding(model, options.notUtf8.encoding)];
  const out: Finding[] = [...model.findings];
  // A document that is not a mapping has nothing the rules can read; its error says so.
  if (!model.root) {
    if (!out.length) out.push(...emptyDocument(model));
    return sortFindings(out);
  }
  const ctx = makeContext(model, options, out);
  for (const rule of RULE_CHECKS) rule(ctx);
  if (model.findings.some((f) => f.rule === 'YAML-SYNTAX')) withoutInsertions(out);
  // Every rule's fixes: a value written into the YAML reads as the rule means it (valueEdits.ts).
  if (!options.skipFixGuard) guardFixes(model, out);
  return sortFindings(out);
}

/**
 * After a YAML syntax error the parser may have swallowed the keys that follow it (an unclosed `[` takes the
 * next rows as its items): a row that looks missing may be there. Fixes that insert lines would then write a
 * second copy once the error is mended, so none is offered until the YAML reads again.
 */
function withoutInsertions(findings: Finding[]): void {
  for (const f of findings) {
    if (!f.fixes) continue;
    const kept = f.fixes.filter((fix) => !fix.edits.some((e) => e.span.start === e.span.end && e.text.includes('\n')));
    if (kept.length) f.fixes = kept;
    else delete f.fixes;
  }
}

export function checkText(text: string, options: CheckOptions & ParseOptions = {}): CheckResult {
  const model = parseReport(text, options);
  return { model, findings: checkModel(model, options) };
}

function notUtf8Finding(model: ReportModel, encoding: string | undefined): Finding {
  const firstLine = model.lines.lineText(0).length;
  return finding('FILE-ENCODING', { start: 0, end: Math.max(firstLine, Math.min(1, model.text.length)) }, encoding ? 'file.notUtf8' : 'file.notUtf8Unknown', { encoding: encoding ?? '' });
}

function emptyDocument(model: ReportModel): Finding[] {
  const ctx = makeContext(model, {}, []);
  const out: Finding[] = [];
  ctx.report = (f) => out.push(f);
  checkMetadata(ctx);
  checkParts(ctx);
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** Findings in text order; at one place errors first, then by rule id. */
export function sortFindings(fs: Finding[]): Finding[] {
  return fs.sort((a, b) => a.span.start - b.span.start
    || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || compareRuleIds(a.rule, b.rule));
}

/** Rule ids are ASCII: comparing code units orders them as localeCompare did, without its cost. */
function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
