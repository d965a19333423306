/**
 * The checker: reads a report and runs every rule. Shared by the language server, the CLI and the preview.
 */
import type { Finding } from './findings';
import { parseReport, type ParseOptions, type ReportModel } from './model';
import { checkIdentities } from './rules/arithmetic';
import { checkCells } from './rules/cells';
import { checkProseFigures } from './rules/figures';
import { checkFeeLinks, checkGovernmentDuties, checkIssuerAndContact, checkNilStatements, checkPeriodAndTitle, checkStaleYear, checkTable2Content } from './rules/content';
import { makeContext, type CheckOptions, type Rule } from './rules/context';
import { checkDates, checkMetaValues } from './rules/dates';
import { checkAgainstPreviousYear } from './rules/crossyear';
import { checkFees, checkGeneral, checkMetadata, checkPart5, checkParts, checkTables, checkUnmapped } from './rules/structure';
import { checkDoubledWords, checkPlaceholders } from './rules/text';
import { checkOldFormatRows } from './rules/version';
import { guardFixes } from './valueEdits';

export type { CheckOptions };

/** In the order a reader meets problems: metadata, structure, cells, sums, content, wording. */
const RULES: Rule[] = [
  checkMetadata, checkMetaValues, checkOldFormatRows, checkDates, checkParts, checkTables, checkGeneral, checkFees, checkPart5,
  checkCells, checkIdentities, checkTable2Content, checkFeeLinks, checkNilStatements, checkProseFigures, checkGovernmentDuties,
  checkPeriodAndTitle, checkStaleYear, checkIssuerAndContact, checkDoubledWords, checkPlaceholders, checkUnmapped, checkAgainstPreviousYear,
];

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
}

export function checkModel(model: ReportModel, options: CheckOptions = {}): Finding[] {
  const out: Finding[] = [...model.findings];
  // A document that is not a mapping has nothing the rules can read; its error says so.
  if (!model.root) {
    if (!out.length) out.push(...emptyDocument(model));
    return sortFindings(out);
  }
  const ctx = makeContext(model, options, out);
  for (const rule of RULES) rule(ctx);
  // Every rule's fixes: a value written into the YAML reads as the rule means it (valueEdits.ts).
  guardFixes(model, out);
  return sortFindings(out);
}

export function checkText(text: string, options: CheckOptions & ParseOptions = {}): CheckResult {
  const model = parseReport(text, options);
  return { model, findings: checkModel(model, options) };
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

export function sortFindings(fs: Finding[]): Finding[] {
  // Rule ids are ASCII: comparing code units orders them as localeCompare did, without its cost.
  return fs.sort((a, b) => a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
