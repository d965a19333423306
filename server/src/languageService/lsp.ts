/** Conversions between the core's offsets and LSP's line/character positions. */
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Severity, Span } from '../model/findings';
import type { ReportModel } from '../model/model';

export function toRange(model: ReportModel, span: Span): Range {
  return { start: model.lines.positionAt(span.start), end: model.lines.positionAt(span.end) };
}

export function toSpan(model: ReportModel, range: Range): Span {
  return { start: model.lines.offsetAt(range.start), end: model.lines.offsetAt(range.end) };
}

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
