/**
 * The preview's and the exports' HTML and Word file, made by the core renderers (the client renders nothing
 * itself).
 */
import type { Analysis } from './analysis';
import type { Locale } from '../l10n';
import type { ExportDocxResult, ExportResult, PreviewResult } from '../protocol';
import { REPORT_CSS, renderBody, renderDocument, reportTitle } from '../render/html';
import { errorCount, exportBlocker } from '../render/export';

export function providePreview(analysis: Analysis, locale: Locale): PreviewResult {
  const { title, html } = renderBody(analysis.model, { findings: analysis.findings, locale });
  return { version: analysis.version, title, html, css: REPORT_CSS, lineCount: analysis.model.lines.lineCount };
}

export function provideExport(analysis: Analysis): ExportResult {
  return { title: reportTitle(analysis.model), html: renderDocument(analysis.model) };
}

export async function provideExportDocx(analysis: Analysis, locale: Locale): Promise<ExportDocxResult> {
  const title = reportTitle(analysis.model);
  const errors = errorCount(analysis.findings);
  const error = exportBlocker(analysis.model, locale);
  if (error) return { title, errors, error };
  // Loaded on first use: the server starts without the docx library.
  const { renderDocx } = await import('../render/docx');
  return { title, errors, data: (await renderDocx(analysis.model)).toString('base64') };
}
