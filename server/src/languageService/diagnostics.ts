/** Findings → LSP diagnostics: the rule id as code, related information on every addend. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import type { Finding } from '../model/findings';
import { localize, type Locale } from '../l10n';
import { SEVERITY, toRange } from './lsp';

export function toDiagnostic(analysis: Analysis, f: Finding, locale: Locale): Diagnostic {
  const { model, uri } = analysis;
  return {
    range: toRange(model, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'xxgk',
    message: localize(f.message, locale),
    relatedInformation: f.related?.map((r) => ({
      location: { uri, range: toRange(model, r.span) }, message: localize(r.message, locale),
    })),
  };
}

export function provideDiagnostics(analysis: Analysis, locale: Locale): Diagnostic[] {
  return analysis.findings.map((f) => toDiagnostic(analysis, f, locale));
}
