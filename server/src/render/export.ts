/**
 * Exporting a report, shared by `xxgk render` and the language server's export requests: which format a file
 * name asks for, whether the report can be exported at all, and how many errors it still has.
 * A report with errors exports as it is (the clerk sees what is wrong in print too); only a YAML syntax
 * error stops the Word export, because then part of the report was never read and the file would silently
 * miss it.
 */
import type { Finding } from '../model/findings';
import { localize, type Locale } from '../l10n';
import type { ReportModel } from '../model/model';

export type ExportFormat = 'html' | 'docx';

/** The format a file name asks for: .docx is Word, .html/.htm HTML; anything else says nothing. */
export function formatOfFileName(name: string): ExportFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return undefined;
}

/** Why the report cannot be exported, localised, pointing at the first syntax error; undefined when it can. */
export function exportBlocker(model: ReportModel, locale: Locale = 'zh-cn'): string | undefined {
  const syntax = model.findings.find((f) => f.rule === 'YAML-SYNTAX' && f.severity === 'error');
  if (!syntax) return undefined;
  const line = model.lines.positionAt(syntax.span.start).line + 1;
  const detail = localize(syntax.message, locale).replace(/[。.]$/, '');
  return localize({ key: 'ui.exportSyntaxError', args: { line, detail } }, locale);
}

export function errorCount(findings: Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}

/** “The report still has N errors” for the user, or undefined when there are none. */
export function errorsRemainNote(findings: Finding[], locale: Locale = 'zh-cn'): string | undefined {
  const count = errorCount(findings);
  return count ? localize({ key: 'ui.exportErrorsRemain', args: { count } }, locale) : undefined;
}
