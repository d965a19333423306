/** The preview's and the export's HTML, rendered by the core renderer (the client renders nothing itself). */
import type { Analysis } from './analysis';
import type { Locale } from '../l10n';
import type { ExportResult, PreviewResult } from '../protocol';
import { REPORT_CSS, renderBody, renderDocument, reportTitle } from '../render/html';

export function providePreview(analysis: Analysis, locale: Locale): PreviewResult {
  const { title, html } = renderBody(analysis.model, { findings: analysis.findings, locale });
  return { version: analysis.version, title, html, css: REPORT_CSS, lineCount: analysis.model.lines.lineCount };
}

export function provideExport(analysis: Analysis): ExportResult {
  return { title: reportTitle(analysis.model), html: renderDocument(analysis.model) };
}
