/**
 * A PDF report → the importer's blocks (pdf.ts reads, pdfLayout.ts rebuilds paragraphs and table rows) → the
 * one mapper every form goes through (assemble.ts). What PDF adds: refusals that say what to do (a scanned
 * file, a password, a damaged file, a file that is not a report, two reports in one file), page numbers on
 * everything kept under 未识别内容, and the page furniture that was taken out, listed in the summary.
 */
import { draftText } from '../write/yamlWriter';
import { assemble } from './assemble';
import { isTitle } from './meta';
import { readPdf, PdfRefusal, type PdfContent } from './pdf';
import { layoutPdf, type PlacedBlock } from './pdfLayout';
import { emptySummary, type ImportSummary } from './summary';

export { PdfRefusal } from './pdf';

export interface PdfImportResult {
  yaml: string;
  summary: ImportSummary;
}

export async function importPdfBuffer(data: Uint8Array): Promise<PdfImportResult> {
  return importPdfContent(await readPdf(data));
}

/** The pages read from a PDF → the report (or a refusal). */
export function importPdfContent(content: PdfContent): PdfImportResult {
  const pages = content.pages.length;
  const layout = layoutPdf(content);
  if (!layout.blocks.length) {
    if (layout.imagePages.length) throw new PdfRefusal({ key: 'import.pdf.imageOnly', args: { pages } });
    throw new PdfRefusal({ key: 'import.pdf.noText', args: { pages } });
  }
  const second = secondReport(layout.blocks);
  if (second) throw new PdfRefusal({ key: 'import.pdf.twoReports', args: { page: second.page, first: second.firstPage, title: second.title } });

  const summary = emptySummary('pdf');
  const draft = assemble(layout.blocks.map((b) => b.block), summary, { joinBrokenLines: false });
  if (!draft.parts.size) throw new PdfRefusal({ key: 'import.pdf.notReport', args: { pages } });

  const pageOf = pageIndex(layout.blocks);
  for (const u of summary.unmapped) {
    const page = pageOf(u.text);
    if (page) u.where = `第${page}页 ${u.where}`;
  }
  for (const n of layout.imagePages) {
    summary.unmapped.push({ where: `第${n}页`, text: '（整页是图片，没有文字层，未能导入）' });
    summary.warnings.push({ key: 'import.pdf.imagePage', args: { page: n } });
  }
  const furniture = { list: layout.furniture.map((f) => `“${f}”`) };
  if (layout.furniture.length) summary.mapped.push({ key: 'import.pdf.furniture', args: { items: furniture } });
  summary.mapped.unshift({ key: 'import.pdf.pages', args: { pages } });
  draft.unmapped = summary.unmapped.map((u) => `【${u.where}】${u.text}`);
  return { yaml: draftText(draft), summary };
}

/** Where a text kept aside came from: the page of the paragraph or row it was (or, failing that, contains it). */
function pageIndex(blocks: PlacedBlock[]): (text: string) => number | undefined {
  const exact = new Map<string, number>();
  const squash = (s: string) => s.replace(/[\s|]+/g, '');
  const all: [string, number][] = [];
  for (const { block, page } of blocks) {
    const text = block.kind === 'para' ? block.text : block.cells.filter((c) => c.trim()).join(' | ');
    if (!exact.has(text)) exact.set(text, page);
    all.push([squash(text), page]);
  }
  return (text) => exact.get(text)
    ?? all.find(([t]) => t.includes(squash(text)) || (squash(text).includes(t) && t.length >= 4))?.[1];
}

/**
 * Two reports bound in one file: a second title or a second “一、总体情况” after the first report reached its
 * later parts. The second report begins at its title (or at the heading when it has none).
 */
function secondReport(blocks: PlacedBlock[]): { page: number; firstPage: number; title: string } | undefined {
  const squash = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
  let seenFirst = false, seenLater = false;
  let firstPage = blocks[0].page;
  for (const b of blocks) {
    if (b.block.kind !== 'para') continue;
    const text = squash(b.block.text);
    const title = isTitle(text), first = /^一[、.．]?总体情况/.test(text);
    if ((title || first) && seenFirst && seenLater) return { page: b.page, firstPage, title: b.block.text };
    if (title && !seenFirst) firstPage = b.page;
    if (first) seenFirst = true;
    else if (seenFirst && /^[四五六][、.．]/.test(text)) seenLater = true;
  }
  return undefined;
}
