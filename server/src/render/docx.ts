/**
 * The report as a Word document (.docx) in the 公文 layout of GB/T 9704-2012: the same content in the same
 * order as the HTML export (outline.ts), computed totals filled in, every row of the three official tables
 * with their merged cells, page numbers “— 1 —”, the signature block, and document properties (title,
 * author = the issuing body, created = 落款日期). Built with the `docx` library; only the two package parts
 * it cannot express (the creation date and the font table's fallback names) are given as overrides.
 */
import {
  AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type FileChild,
} from 'docx';
import type { ReportModel } from '../model/model';
import { FONTS, LINE, PAGE, pt, SIZE, STYLE, documentStyles, type FontFace } from './docxStyles';
import { docxTable } from './docxTables';
import { reportOutline, type Outline, type OutlineBlock } from './outline';
import { printable } from './text';
import { tableGrid } from './tableGrid';

export interface DocxOptions {
  /** The modification time written into the document properties (default: now). */
  now?: Date;
}

export async function renderDocx(model: ReportModel, options: DocxOptions = {}): Promise<Buffer> {
  const outline = reportOutline(model);
  const doc = new Document({
    title: outline.title,
    subject: '政府信息公开工作年度报告',
    creator: outline.issuer ?? '',
    lastModifiedBy: outline.issuer ?? '',
    description: 'xxgk-report',
    styles: documentStyles(),
    evenAndOddHeaderAndFooters: true,
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { ...PAGE.margin, header: PAGE.header, footer: PAGE.footer, gutter: 0 },
        },
      },
      footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      children: body(model, outline),
    }],
  });
  return Packer.toBuffer(doc, undefined, [
    { path: 'docProps/core.xml', data: coreProperties(outline, options.now ?? new Date()) },
    { path: 'word/fontTable.xml', data: fontTable(Object.values(FONTS)) },
  ]);
}

function body(model: ReportModel, outline: Outline): FileChild[] {
  return outline.blocks.flatMap((b) => block(model, outline, b));
}

/** A run of report text: bidi controls shown, not applied; characters XML cannot hold dropped. */
const run = (text: string): TextRun => new TextRun(printable(text));

function block(model: ReportModel, outline: Outline, b: OutlineBlock): FileChild[] {
  switch (b.kind) {
    case 'title': return [new Paragraph({ style: STYLE.title, children: [run(b.text)] })];
    case 'heading': return [new Paragraph({ style: STYLE.heading, children: [run(b.text)] })];
    case 'subheading': return [new Paragraph({ style: STYLE.subheading, children: [run(b.text)] })];
    case 'para': return [new Paragraph({ children: [run(b.text)] })];
    // An empty paragraph after a table: Word needs one between two tables, and it spaces the table from the text.
    case 'table': return [docxTable(tableGrid(model, outline.values, b.table)), new Paragraph({ style: STYLE.table })];
    case 'signature': return signature(b.issuer, b.date);
  }
}

/** Width in characters of 3号 text: Chinese one, ASCII digits and letters half. */
function charWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/**
 * GB/T 9704-2012 7.3.5.2 (no seal): one blank line below the text, the body's name 右空二字, the date on the
 * next line starting two characters right of the name's first; a date longer than that is 右空二字 and the
 * name moves left to keep the two characters.
 */
function signature(issuer: string, date: string): Paragraph[] {
  const dateIndent = Math.max(2, charWidth(issuer) - charWidth(date));
  const issuerIndent = dateIndent + charWidth(date) + 2 - charWidth(issuer);
  const char = pt(SIZE.san);
  // No extra space between Chinese and digits (Word adds a quarter em by default): the widths above hold.
  const line = (text: string, indent: number, first: boolean) => new Paragraph({
    style: STYLE.signature, alignment: AlignmentType.RIGHT, spacing: first ? { before: LINE } : undefined,
    indent: { right: Math.round(indent * char) },
    keepNext: first, autoSpaceEastAsianText: false, children: [run(text)],
  });
  return [...(issuer ? [line(issuer, issuerIndent, true)] : []), ...(date ? [line(date, dateIndent, !issuer)] : [])];
}

/** “— 1 —” in 4号 宋体: odd pages at the right, even pages at the left, one character in from the text edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = pt(SIZE.si);
  return new Footer({
    children: [new Paragraph({
      style: STYLE.pageNumber,
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
    })],
  });
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** XML text: markup characters escaped, characters XML 1.0 cannot hold dropped. */
function xmlText(s: string): string {
  return printable(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** The core properties docx writes, with the creation date the document has: its 落款日期 (docx stamps “now”). */
function coreProperties(outline: Outline, now: Date): string {
  const s = outline.signed;
  const two = (n: number) => String(n).padStart(2, '0');
  const created = s ? `${String(s.y).padStart(4, '0')}-${two(s.m)}-${two(s.d)}T00:00:00Z` : now.toISOString();
  const issuer = xmlText(outline.issuer ?? '');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    + ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    + ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${xmlText(outline.title)}</dc:title><dc:subject>政府信息公开工作年度报告</dc:subject>`
    + `<dc:creator>${issuer}</dc:creator>`
    + `<cp:lastModifiedBy>${issuer}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>`
    + `<dcterms:modified xsi:type="dcterms:W3CDTF">${now.toISOString()}</dcterms:modified></cp:coreProperties>`;
}

/**
 * The font table: each face with its fallbacks as w:altName (docx writes an empty table unless fonts are
 * embedded, and embedding 仿宋_GB2312 is neither ours to ship nor small). Charset 86 = GB2312.
 */
function fontTable(faces: FontFace[]): string {
  const fonts = faces.map((f) => `<w:font w:name="${xmlText(f.name)}">`
    + `<w:altName w:val="${xmlText(f.fallbacks.join(','))}"/>`
    + `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join('')}</w:fonts>`;
}
