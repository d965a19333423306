/**
 * Import a published report — plain text copied from a page, an HTML page, a Word .docx, a PDF — as
 * `.xxgk.yaml`. All of them become blocks (paragraphs and table rows) and go through one mapper (assemble.ts);
 * the draft is written by the same writer as the rollover (write/yamlWriter.ts). Nothing is dropped: what
 * cannot be mapped is kept under 未识别内容 and listed in the summary. Callable from the CLI and the language
 * server alike.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { MessageError } from '../model/messageError';
import { draftText } from '../write/yamlWriter';
import { assemble } from './assemble';
import { textBlocks } from './blocks';
import { htmlBlocks } from './html';
import { emptySummary, type ImportSummary } from './summary';

export { formatSummary, type ImportSummary, type UnmappedItem } from './summary';

export interface ImportResult {
  yaml: string;
  summary: ImportSummary;
}

export class ImportError extends MessageError {}

export function importText(text: string): ImportResult {
  const summary = emptySummary('text');
  const draft = assemble(textBlocks(text), summary, { joinBrokenLines: true });
  return { yaml: draftText(draft), summary };
}

export function importHtml(html: string, source: 'html' | 'docx' = 'html'): ImportResult {
  const summary = emptySummary(source);
  const { blocks, title } = htmlBlocks(html);
  const draft = assemble(blocks, summary, { joinBrokenLines: false, pageTitle: title });
  return { yaml: draftText(draft), summary };
}

/** A Word .docx, through mammoth's HTML (merged cells become colspan/rowspan), then the HTML path. */
export async function importDocx(buffer: Buffer | Uint8Array): Promise<ImportResult> {
  // Loaded on demand: the language server starts without it.
  const mammoth = await import('mammoth');
  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    converted = await mammoth.convertToHtml({ buffer: Buffer.from(buffer) });
  } catch (e) {
    throw new ImportError({ key: 'import.error.docx', args: { detail: (e as Error).message } });
  }
  const result = importHtml(converted.value, 'docx');
  for (const m of converted.messages.filter((x) => x.type === 'error')) result.summary.warnings.push({ key: 'import.docxMessage', args: { message: m.message } });
  return result;
}

/** A PDF with a text layer (pdfImport.ts); scanned, encrypted, damaged files and non-reports are refused. */
export async function importPdf(buffer: Uint8Array): Promise<ImportResult> {
  // Loaded on demand: PDF.js is large and only needed here.
  const { importPdfBuffer, PdfRefusal } = await import('./pdfImport');
  try {
    return await importPdfBuffer(buffer);
  } catch (e) {
    if (e instanceof PdfRefusal) throw new ImportError(e.reason);
    throw e;
  }
}

/** Decodes a text or HTML file: UTF-16 by its BOM (Notepad's “Unicode”), UTF-8, else GB18030 (GBK/GB2312 pages). */
export function decodeText(buffer: Uint8Array): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** A file read from disk, by its extension: .txt, .html/.htm, .docx, .pdf. */
export async function importFile(path: string): Promise<ImportResult> {
  return importBuffer(path, readFileSync(path));
}

/** A file's bytes and name (the editor may send them rather than a path): dispatched by the name's extension. */
export async function importBuffer(fileName: string, buffer: Uint8Array): Promise<ImportResult> {
  const ext = extname(fileName).toLowerCase();
  switch (ext) {
    case '.txt': case '.text': return importText(decodeText(buffer));
    case '.html': case '.htm': case '.shtml': case '.xhtml': return importHtml(decodeText(buffer));
    case '.docx': return importDocx(buffer);
    case '.doc': case '.wps':
      throw new ImportError({ key: 'import.error.oldWord', args: { ext } });
    case '.pdf': return importPdf(buffer);
    default:
      throw new ImportError(ext ? { key: 'import.error.unknownType', args: { ext } } : { key: 'import.error.noExtension' });
  }
}
