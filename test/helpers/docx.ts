/**
 * Reading a .docx in tests without an office suite: the package parts (jszip), paragraphs and their text,
 * and tables as rows of cells with their merge and formatting attributes, read from WordprocessingML.
 */
import JSZip from 'jszip';
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  core: string;
  fontTable: string;
  /** Footer parts by file name (footer1.xml …). */
  footers: Map<string, string>;
  /** word/_rels/document.xml.rels: which footer is the default (odd) one and which the even one. */
  rels: string;
}

export async function docxParts(buffer: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} is missing from the package`);
    return f.async('string');
  };
  const footers = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n))) footers.set(name.slice(5), await read(name));
  return {
    document: await read('word/document.xml'), styles: await read('word/styles.xml'), settings: await read('word/settings.xml'),
    core: await read('docProps/core.xml'), fontTable: await read('word/fontTable.xml'), footers, rels: await read('word/_rels/document.xml.rels'),
  };
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every w:p in document order (paragraphs do not nest; table cells hold their own). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => m[0]);
}

export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');
}

/** The value of `attr` on the first `element` in `xml` (e.g. attrOf(p, 'w:jc', 'w:val')). */
export function attrOf(xml: string, element: string, attr: string): string | undefined {
  const el = new RegExp(`<${element}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\s${attr}="([^"]*)"`).exec(el)?.[1] : undefined;
}

export interface DocxCell {
  text: string;
  gridSpan: number;
  /** 'restart' opens a vertical merge, 'continue' is a cell covered by the one above. */
  vMerge?: 'restart' | 'continue';
  align?: string;
  /** Run size in half-points. */
  size?: number;
  width?: number;
}

export interface DocxRow {
  cells: DocxCell[];
  header: boolean;
  cantSplit: boolean;
  /** Its paragraphs keep with the next: the row stays on the page of the next row. */
  keepNext: boolean;
}

export interface DocxTable {
  width?: number;
  layout?: string;
  gridCols: number[];
  rows: DocxRow[];
}

export function tables(documentXml: string): DocxTable[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, t]) => ({
    width: Number(attrOf(t, 'w:tblW', 'w:w')),
    layout: attrOf(t, 'w:tblLayout', 'w:type'),
    gridCols: [...t.matchAll(/<w:gridCol\s[^>]*w:w="(\d+)"/g)].map((m) => Number(m[1])),
    rows: [...t.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map(([, r]) => ({
      header: /<w:tblHeader(?:\/>|\s)/.test(r),
      cantSplit: /<w:cantSplit(?:\/>|\s)/.test(r),
      keepNext: paragraphs(r).every((p) => p.includes('<w:keepNext/>')),
      cells: [...r.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) => cell(c)),
    })),
  }));
}

function cell(c: string): DocxCell {
  const vm = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(c);
  const size = attrOf(c, 'w:sz', 'w:val');
  return {
    text: textOf(c),
    gridSpan: Number(attrOf(c, 'w:gridSpan', 'w:val') ?? 1),
    vMerge: vm ? (vm[1] === 'restart' ? 'restart' : 'continue') : undefined,
    align: attrOf(c, 'w:jc', 'w:val'),
    size: size === undefined ? undefined : Number(size),
    width: Number(attrOf(c, 'w:tcW', 'w:w')),
  };
}

/** The body's printed text, block by block: every non-empty paragraph (table cells included) in order. */
export function docxTexts(documentXml: string): string[] {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.lastIndexOf('<w:sectPr'));
  return paragraphs(body).map(textOf).map((s) => s.trim()).filter(Boolean);
}

/** The HTML export's printed text, block by block: headings, paragraphs and table cells in order. */
export function htmlTexts(html: string): string[] {
  const out: string[] = [];
  const text = (n: T.Node): string => (n.nodeName === '#text' ? (n as T.TextNode).value : 'childNodes' in n ? n.childNodes.map(text).join('') : '');
  const visit = (n: T.Node) => {
    if ('tagName' in n && ['h1', 'h2', 'h3', 'p', 'th', 'td'].includes(n.tagName)) {
      const t = text(n).trim();
      if (t) out.push(t);
      return;
    }
    if ('tagName' in n && (n.tagName === 'head' || n.tagName === 'style')) return;
    if ('childNodes' in n) for (const c of n.childNodes) visit(c);
  };
  visit(parse(html));
  return out;
}
