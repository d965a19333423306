/**
 * HTML (a saved government web page, or mammoth's rendering of a .docx) → blocks. Text is collapsed the way a
 * browser shows it, with the spaces that source line breaks leave between Chinese characters removed.
 * Data tables give one row per `<tr>`, each cell's text joined across its `<p>`, `<span>` and `<br>` (a label
 * broken over lines, “本年新<br>制作数量”, reads as one); `&nbsp;` cells are blank. A table that wraps other
 * tables or long text is page layout, and is read as paragraphs.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import type { Block } from './blocks';

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'button', 'input', 'textarea', 'map', 'audio', 'video']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'figure', 'figcaption', 'hr', 'tr', 'td', 'th', 'table',
  'thead', 'tbody', 'tfoot', 'caption', 'center', 'form', 'fieldset', 'body', 'html']);
/** A data table's cells are short; a cell holding a paragraph of prose means the table is page layout. */
const MAX_CELL_CHARS = 120;

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const CJK_GAP = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');

/** Whitespace as a browser shows it, without the gaps between Chinese characters that source line breaks leave. */
export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim().replace(CJK_GAP, '$1');
}

function isElement(n: T.Node): n is T.Element {
  return 'tagName' in n;
}

function attr(el: T.Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function hidden(el: T.Element): boolean {
  return attr(el, 'hidden') !== undefined || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(el, 'style') ?? '');
}

function children(n: T.Node): T.ChildNode[] {
  return 'childNodes' in n ? n.childNodes : [];
}

/** All text under a node, block boundaries adding nothing (used for table cells). */
function textOf(n: T.Node): string {
  if (n.nodeName === '#text') return (n as T.TextNode).value;
  if (isElement(n) && (SKIP.has(n.tagName) || hidden(n))) return '';
  return children(n).map(textOf).join('');
}

function descendants(n: T.Node, tag: string, stopAt?: string): T.Element[] {
  const out: T.Element[] = [];
  for (const c of children(n)) {
    if (!isElement(c)) continue;
    if (c.tagName === tag) out.push(c);
    if (stopAt && c.tagName === stopAt) continue;
    out.push(...descendants(c, tag, stopAt));
  }
  return out;
}

/** The rows of a table, not of tables nested in it. */
function rowsOf(table: T.Element): T.Element[] {
  return descendants(table, 'tr', 'table');
}

function cellsOf(tr: T.Element): T.Element[] {
  return children(tr).filter((c): c is T.Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
}

function isDataTable(table: T.Element): boolean {
  if (descendants(table, 'table').length) return false;
  const rows = rowsOf(table);
  if (rows.length < 2) return false;
  return rows.every((r) => cellsOf(r).every((c) => collapse(textOf(c)).length <= MAX_CELL_CHARS));
}

export interface HtmlContent {
  blocks: Block[];
  /** The page's <title>, a fallback for the report's title. */
  title?: string;
}

export function htmlBlocks(html: string): HtmlContent {
  const doc = parse(html);
  const blocks: Block[] = [];
  let buffer = '';
  let tables = 0;
  const flush = () => {
    const text = collapse(buffer);
    buffer = '';
    if (text) blocks.push({ kind: 'para', text });
  };
  const visit = (n: T.Node) => {
    if (n.nodeName === '#text') { buffer += (n as T.TextNode).value; return; }
    if (!isElement(n)) { for (const c of children(n)) visit(c); return; }
    if (SKIP.has(n.tagName) || hidden(n)) return;
    if (n.tagName === 'br') { flush(); return; }
    if (n.tagName === 'table' && isDataTable(n)) {
      flush();
      tables++;
      for (const tr of rowsOf(n)) {
        const cells = cellsOf(tr).filter((c) => !hidden(c)).map((c) => collapse(textOf(c)));
        if (cells.length) blocks.push({ kind: 'row', cells, table: tables });
      }
      return;
    }
    const block = BLOCK.has(n.tagName);
    if (block) flush();
    for (const c of children(n)) visit(c);
    if (block) flush();
  };
  visit(doc);
  flush();
  const titleEl = descendants(doc, 'title')[0];
  const title = titleEl ? collapse(textOf(titleEl)) : undefined;
  return { blocks, title: title || undefined };
}
