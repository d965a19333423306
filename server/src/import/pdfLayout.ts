/**
 * A PDF's pages (text pieces, rulings) → the blocks every importer produces: paragraphs and table rows.
 *
 * - Tables come from the rulings: lines that cross make a grid; a ruling missing inside it merges the cells
 *   on either side (merged labels, colspan headers). Text goes to the cell its characters' centres fall in,
 *   a cell's lines joined (a label wrapped onto two or three lines reads as one). A row lists the cells that
 *   start in it, left to right — as an HTML `<tr>` lists its `<td>`s. Without rulings a table is lines of
 *   text with wide gaps, kept as space-separated paragraphs, as a PDF copy gives them to the text importer.
 * - A table continued on the next page (its header repeated or not) keeps its number when its columns line up.
 * - Page furniture — page numbers (“— 3 —”, “第 3 页 共 5 页”) and running heads or feet repeated across pages
 *   (a site's name) — is taken out and listed, not made content.
 * - Lines become paragraphs by indentation, spacing, short last lines, alignment and font size; a paragraph
 *   running over a page break is rejoined.
 */
import type { Block } from './blocks';
import type { PdfContent, PdfPage, Segment, TextPiece } from './pdf';

export interface PlacedBlock {
  block: Block;
  /** The page it starts on (1-based). */
  page: number;
}

export interface PdfLayout {
  blocks: PlacedBlock[];
  /** Running heads, feet and page numbers taken out (distinct texts, page numbers as “#”). */
  furniture: string[];
  /** Pages with pictures and no text at all (scanned pages). */
  imagePages: number[];
  /** Pages with neither text nor pictures. */
  blankPages: number[];
}

/** One character (or a run that cannot be split) with its box: what lines and cells are built from. */
interface Glyph { text: string; x: number; right: number; y: number; size: number; spaceBefore?: boolean }

interface Line { text: string; x: number; right: number; y: number; size: number; page: number }

interface Cell { r0: number; r1: number; c0: number; c1: number }

/** A cell as printed: its text and where it spans across the page (x0…x1). */
interface PlacedCell { text: string; x0: number; x1: number }

interface Table {
  page: number;
  top: number;
  bottom: number;
  /** Column boundaries (x of each vertical ruling position). */
  xs: number[];
  rows: PlacedCell[][];
}

type Item = { kind: 'line'; line: Line } | { kind: 'table'; table: Table };

const TOL = 2;

export function layoutPdf(content: PdfContent): PdfLayout {
  const imagePages: number[] = [], blankPages: number[] = [];
  const pages: { page: PdfPage; items: Item[] }[] = [];
  for (const page of content.pages) {
    const hasText = page.pieces.some((p) => p.text.trim());
    if (!hasText) {
      (page.imageCover > 0.05 ? imagePages : blankPages).push(page.number);
      continue;
    }
    pages.push({ page, items: pageItems(page) });
  }
  const furniture = removeFurniture(pages);
  const blocks = toBlocks(pages.map((p) => p.items));
  return { blocks, furniture, imagePages, blankPages };
}

// ------------------------------------------------------------------ one page: tables and lines

function pageItems(page: PdfPage): Item[] {
  const glyphs = page.pieces.filter((p) => p.text.trim()).flatMap(splitPiece);
  const grids = findGrids(page.rulings);
  const items: Item[] = [];
  const loose: Glyph[] = [];
  const inGrid = new Map<Grid, Glyph[]>();
  for (const g of glyphs) {
    const cx = (g.x + g.right) / 2, cy = g.y - g.size * 0.35;
    const grid = grids.find((t) => gridContains(t, cx, cy));
    if (grid) inGrid.set(grid, [...(inGrid.get(grid) ?? []), g]);
    else loose.push(g);
  }
  for (const grid of grids) {
    const gs = inGrid.get(grid) ?? [];
    // A box around text (a frame, a one-row piece of a table cut by the page) is read as lines, which keep
    // their column gaps: a row of a table is then a spaced line, as in a table without rulings.
    if (grid.xs.length < 3 || grid.ys.length < 3) { loose.push(...gs); continue; }
    items.push({ kind: 'table', table: readGrid(grid, gs, page.number) });
  }
  for (const line of toLines(loose, page.number)) items.push({ kind: 'line', line });
  const top = (it: Item) => (it.kind === 'table' ? it.table.top : it.line.y - it.line.size);
  return items.sort((a, b) => top(a) - top(b));
}

/** Whether a point lies within a grid's outer borders (half a point of slack). */
function gridContains(t: Grid, x: number, y: number): boolean {
  return x > t.xs[0] - 0.5 && x < t.xs[t.xs.length - 1] + 0.5 && y > t.ys[0] - 0.5 && y < t.ys[t.ys.length - 1] + 0.5;
}

/**
 * A text piece as glyphs. Pieces may run across cell borders (PDF.js joins text drawn close together, with a
 * space where the gap is wide), so a piece is cut into characters placed by estimated advance: full-width
 * characters one em, others about half, spaces what is left.
 */
function splitPiece(p: TextPiece): Glyph[] {
  const chars = [...p.text];
  if (!p.horizontal) return [{ text: p.text, x: p.x, right: p.x + Math.max(p.width, p.size), y: p.y, size: p.size }];
  if (chars.length === 1) return [{ text: p.text, x: p.x, right: p.x + p.width, y: p.y, size: p.size }];
  const est = (c: string) => {
    if (/\s/.test(c)) return 0;
    return isWide(c) ? 1 : 0.55;
  };
  const fixed = chars.reduce((s, c) => s + est(c), 0) * p.size;
  const spaces = chars.filter((c) => /\s/.test(c)).length;
  // Scale estimates to the drawn width; whatever width is left over belongs to the spaces.
  const spacesTakeTheRest = spaces > 0 && fixed < p.width;
  const scale = !spacesTakeTheRest && fixed > 0 ? p.width / fixed : 1;
  const spaceWidth = spaces ? Math.max(0, p.width - fixed * scale) / spaces : 0;
  const out: Glyph[] = [];
  let x = p.x;
  let space = false;
  for (const c of chars) {
    const w = /\s/.test(c) ? spaceWidth : est(c) * p.size * scale;
    if (/\s/.test(c)) space = true;
    else { out.push({ text: c, x, right: x + w, y: p.y, size: p.size, spaceBefore: space }); space = false; }
    x += w;
  }
  return out;
}

function isWide(c: string): boolean {
  return /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f\u2014\u2026\u201c\u201d\u2018\u2019]/.test(c);
}

// ------------------------------------------------------------------ rulings → grids

interface HLine { y: number; x1: number; x2: number }
interface VLine { x: number; y1: number; y2: number }
interface Grid { xs: number[]; ys: number[]; h: HLine[]; v: VLine[] }

/** Collinear pieces (a border drawn cell by cell, or twice: table and cell borders) merged into lines. */
function mergeLines<T>(
  items: T[], at: (t: T) => number, from: (t: T) => number, to: (t: T) => number,
  make: (pos: number, a: number, b: number) => T,
): T[] {
  const sorted = [...items].sort((a, b) => at(a) - at(b) || from(a) - from(b));
  const groups: T[][] = [];
  for (const s of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(at(s) - at(g[0])) <= TOL) g.push(s);
    else groups.push([s]);
  }
  const out: T[] = [];
  for (const g of groups) {
    const pos = g.reduce((sum, s) => sum + at(s), 0) / g.length;
    const spans = g.map((s) => [from(s), to(s)]).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0];
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + TOL) b = Math.max(b, d);
      else { out.push(make(pos, a, b)); [a, b] = [c, d]; }
    }
    out.push(make(pos, a, b));
  }
  return out;
}

function findGrids(rulings: Segment[]): Grid[] {
  const h = mergeLines(
    rulings.filter((s) => s.y1 === s.y2 && s.x2 - s.x1 > TOL).map((s) => ({ y: s.y1, x1: s.x1, x2: s.x2 })),
    (l) => l.y, (l) => l.x1, (l) => l.x2, (y, x1, x2) => ({ y, x1, x2 }));
  const v = mergeLines(
    rulings.filter((s) => s.x1 === s.x2 && s.y2 - s.y1 > TOL).map((s) => ({ x: s.x1, y1: s.y1, y2: s.y2 })),
    (l) => l.x, (l) => l.y1, (l) => l.y2, (x, y1, y2) => ({ x, y1, y2 }));
  // Connected components of crossing lines.
  const parent = [...h.map((_, i) => i), ...v.map((_, i) => h.length + i)];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  h.forEach((a, i) => v.forEach((b, j) => {
    const cross = b.x >= a.x1 - TOL && b.x <= a.x2 + TOL && a.y >= b.y1 - TOL && a.y <= b.y2 + TOL;
    if (cross) parent[find(i)] = find(h.length + j);
  }));
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  parent.forEach((_, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, { h: [], v: [] });
    if (i < h.length) groups.get(root)!.h.push(h[i]); else groups.get(root)!.v.push(v[i - h.length]);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    if (!g.h.length || g.v.length < 2) continue;
    const xs = clusterPositions(g.v.map((l) => l.x));
    const ys = clusterPositions(g.h.map((l) => l.y));
    // A table broken by the page: its rows run to the page break with no border drawn there (Chromium draws
    // the collapsed border once, on the other page). The columns' rulings still say where the rows end.
    const top = Math.min(...g.v.map((l) => l.y1)), bottom = Math.max(...g.v.map((l) => l.y2));
    const h = [...g.h];
    if (top < ys[0] - 3) { ys.unshift(top); h.push({ y: top, x1: xs[0], x2: xs[xs.length - 1] }); }
    if (bottom > ys[ys.length - 1] + 3) { ys.push(bottom); h.push({ y: bottom, x1: xs[0], x2: xs[xs.length - 1] }); }
    if (ys.length >= 2) grids.push({ xs, ys, h, v: g.v });
  }
  return grids;
}

function clusterPositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1] <= TOL) last.push(x);
    else out.push([x]);
  }
  return out.map((c) => c.reduce((s, x) => s + x, 0) / c.length);
}

/** The grid's cells (merged where a ruling is missing) with their text, as rows of cells starting there. */
function readGrid(grid: Grid, glyphs: Glyph[], page: number): Table {
  const { xs, ys } = grid;
  const rows = ys.length - 1, cols = xs.length - 1;
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const vAt = (x: number, y: number) =>
    grid.v.some((l) => Math.abs(l.x - x) <= TOL && y >= l.y1 - TOL && y <= l.y2 + TOL);
  const hAt = (y: number, x: number) =>
    grid.h.some((l) => Math.abs(l.y - y) <= TOL && x >= l.x1 - TOL && x <= l.x2 + TOL);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const midY = (ys[r] + ys[r + 1]) / 2, midX = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < cols && !vAt(xs[c + 1], midY)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !hAt(ys[r + 1], midX)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const cells = new Map<number, Cell & { glyphs: Glyph[] }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const cell = cells.get(root);
      if (!cell) cells.set(root, { r0: r, r1: r, c0: c, c1: c, glyphs: [] });
      else {
        cell.r0 = Math.min(cell.r0, r); cell.r1 = Math.max(cell.r1, r);
        cell.c0 = Math.min(cell.c0, c); cell.c1 = Math.max(cell.c1, c);
      }
    }
  }
  const band = (pos: number, edges: number[]) => {
    let i = 0;
    while (i < edges.length - 2 && pos > edges[i + 1]) i++;
    return i;
  };
  for (const g of glyphs) {
    const r = band(g.y - g.size * 0.35, ys), c = band((g.x + g.right) / 2, xs);
    cells.get(find(id(r, c)))!.glyphs.push(g);
  }
  const out: PlacedCell[][] = Array.from({ length: rows }, () => []);
  const ordered = [...cells.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const cell of ordered) out[cell.r0].push({ text: cellText(cell.glyphs), x0: xs[cell.c0], x1: xs[cell.c1 + 1] });
  return { page, top: ys[0], bottom: ys[ys.length - 1], xs, rows: out.filter((r) => r.length) };
}

/** A cell's text: its lines in order, joined without breaks (a wrapped label reads as one). */
function cellText(glyphs: Glyph[]): string {
  return joinWrapped(toLines(glyphs, 0).map((l) => l.text));
}

// ------------------------------------------------------------------ glyphs → lines

/** Glyphs on one baseline, left to right; a gap wider than a character becomes one space. */
function toLines(glyphs: Glyph[], page: number): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Glyph[][] = [];
  for (const g of sorted) {
    // Same line: baselines within a third of the size (superscripts and mixed fonts shift a little).
    const row = rows.find((r) => Math.abs(r[0].y - g.y) <= Math.max(r[0].size, g.size) * 0.35);
    if (row) row.push(g); else rows.push([g]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let prev: Glyph | undefined;
    for (const g of row) {
      if (prev) {
        // A wide gap separates (table columns, “— 3 —”); a space between Chinese characters is justification.
        const gap = g.x - prev.right, size = Math.max(prev.size, g.size);
        const bothWide = isWide(prev.text.slice(-1)) && isWide(g.text[0]);
        if (gap > size * 0.9 || (bothWide ? g.spaceBefore && gap > size * 0.4 : g.spaceBefore || gap > size * 0.2)) text += ' ';
      }
      text += g.text;
      prev = g;
    }
    const size = median(row.map((g) => g.size));
    lines.push({ text, x: row[0].x, right: row[row.length - 1].right, y: median(row.map((g) => g.y)), size, page });
  }
  return lines.sort((a, b) => a.y - b.y);
}

/** Lines of one paragraph or cell: Chinese joins directly, Latin words with a space. */
function joinWrapped(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    const t = l.trim();
    if (!t) continue;
    out += out && /[A-Za-z0-9,.;:]$/.test(out) && /^[A-Za-z0-9]/.test(t) ? ` ${t}` : t;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

// ------------------------------------------------------------------ page furniture

/** “— 3 —”, “- 3 -”, “第 3 页”, “第 3 页 共 10 页”, “3 / 10”, “·3·”, “Page 3”, a bare number. */
const PAGE_NUMBER = /^\s*(?:[-—–－·•]*\s*\d{1,4}\s*[-—–－·•]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$/i;
const HEAD_ZONE = 0.1, FOOT_ZONE = 0.9;

function removeFurniture(pages: { page: PdfPage; items: Item[] }[]): string[] {
  const key = (l: Line) => l.text.normalize('NFKC').replace(/\s+/g, '').replace(/\d+/g, '#');
  const zone = (l: Line, p: PdfPage) => {
    if (l.y < p.height * HEAD_ZONE) return 'head';
    return l.y - l.size > p.height * FOOT_ZONE ? 'foot' : undefined;
  };
  const seen = new Map<string, Set<number>>();
  for (const { page, items } of pages) {
    for (const it of items) {
      if (it.kind !== 'line') continue;
      const z = zone(it.line, page);
      if (z) {
        const k = `${z}:${key(it.line)}`;
        if (!seen.has(k)) seen.set(k, new Set());
        seen.get(k)!.add(page.number);
      }
    }
  }
  const repeatAt = Math.min(3, Math.max(2, Math.ceil(pages.length / 2)));
  const removed = new Set<string>();
  for (const p of pages) {
    p.items = p.items.filter((it) => {
      if (it.kind !== 'line') return true;
      const z = zone(it.line, p.page);
      if (!z) return true;
      const k = key(it.line);
      const repeated = pages.length >= 2 && (seen.get(`${z}:${k}`)?.size ?? 0) >= repeatAt;
      if (!repeated && !PAGE_NUMBER.test(it.line.text)) return true;
      removed.add(it.line.text.normalize('NFKC').trim().replace(/\d+/g, '#').replace(/\s+/g, ' '));
      return false;
    });
  }
  return [...removed];
}

// ------------------------------------------------------------------ items → blocks

function toBlocks(pages: Item[][]): PlacedBlock[] {
  const lines = pages.flat().filter((i): i is Extract<Item, { kind: 'line' }> => i.kind === 'line').map((i) => i.line);
  const body = bodyMetrics(lines);
  const out: PlacedBlock[] = [];
  let tableNo = 0;
  let last: { table: Table; head: string[]; row?: { cells: PlacedCell[]; block: Extract<Block, { kind: 'row' }> } } | undefined;
  let para: Line[] = [];
  const flush = () => {
    if (para.length) out.push({ block: { kind: 'para', text: joinWrapped(para.map((l) => l.text)) }, page: para[0].page });
    para = [];
  };
  pages.forEach((items, pi) => {
    items.forEach((it, ii) => {
      if (it.kind === 'table') {
        flush();
        const t = it.table;
        // Continued from the previous page: nothing between, and the same column boundaries.
        const continued = last && ii === 0 && pi > 0 && pages[pi - 1][pages[pi - 1].length - 1]?.kind === 'table' && sameColumns(last.table.xs, t.xs);
        let rows = t.rows;
        if (continued && last) {
          // Header rows repeated on this page are skipped; a row split by the page break is joined to its first half.
          let k = 0;
          while (k < rows.length && k < last.head.length && rowKey(rows[k]) === last.head[k]) k++;
          rows = rows.slice(k);
          if (rows.length && last.row && isSplitRowTail(rows[0])) {
            joinSplitRow(last.row, rows[0]);
            rows = rows.slice(1);
          }
        } else {
          tableNo++;
          last = { table: t, head: t.rows.slice(0, 4).map(rowKey) };
        }
        for (const cells of rows) {
          const block: Extract<Block, { kind: 'row' }> = { kind: 'row', cells: cells.map((c) => c.text), table: tableNo };
          out.push({ block, page: t.page });
          last!.row = { cells, block };
        }
        last!.table = t;
        return;
      }
      const line = it.line;
      const prev = para[para.length - 1];
      if (prev && startsParagraph(prev, line, body, ii === 0)) flush();
      para.push(line);
    });
  });
  flush();
  return out;
}

const rowKey = (cells: PlacedCell[]) => cells.map((c) => c.text).join('\t');

/**
 * The rest of a row the page break cut: the end of a wrapped label or two — no figures, no label numbering of
 * its own. (A header row that merely starts the page has many cells.)
 */
function isSplitRowTail(cells: PlacedCell[]): boolean {
  const filled = cells.filter((c) => c.text.trim());
  return filled.length > 0 && filled.length <= 2 && filled.every((c) => !/^\s*[\d.,]+\s*$/.test(c.text) && !HEADING_START.test(c.text));
}

/** Appends each piece of a row's tail to the cell of the first half above it (pages may rule columns apart). */
function joinSplitRow(head: { cells: PlacedCell[]; block: Extract<Block, { kind: 'row' }> }, tail: PlacedCell[]): void {
  for (const piece of tail) {
    if (!piece.text.trim()) continue;
    const mid = (piece.x0 + piece.x1) / 2;
    const i = head.cells.findIndex((c) => c.x0 - TOL <= mid && mid <= c.x1 + TOL);
    const at = i >= 0 ? i : head.cells.length - 1;
    head.block.cells[at] = joinWrapped([head.block.cells[at], piece.text]);
  }
}

function sameColumns(a: number[], b: number[]): boolean {
  if (a.length === b.length) return a.every((x, i) => Math.abs(x - b[i]) <= 3);
  // A repeated header may add or drop a ruling: most boundaries of the shorter still line up.
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  return s.filter((x) => l.some((y) => Math.abs(x - y) <= 3)).length >= Math.max(3, s.length - 1);
}

interface BodyMetrics { left: number; right: number; size: number; pitch: number }

/** The body text's left and right edges, size and line pitch: what indents and short lines are measured on. */
function bodyMetrics(lines: Line[]): BodyMetrics {
  const size = mode(lines.map((l) => Math.round(l.size * 2) / 2)) ?? 12;
  const bodyLines = lines.filter((l) => Math.abs(l.size - size) < 0.6);
  const left = mode(bodyLines.map((l) => Math.round(l.x))) ?? 0;
  const rights = bodyLines.map((l) => l.right).sort((a, b) => a - b);
  const right = rights.length ? rights[Math.floor(rights.length * 0.9)] : left + 40 * size;
  const pitches: number[] = [];
  for (let i = 1; i < bodyLines.length; i++) {
    const d = bodyLines[i].y - bodyLines[i - 1].y;
    if (bodyLines[i].page === bodyLines[i - 1].page && d > 0 && d < size * 3) pitches.push(d);
  }
  return { left, right, size, pitch: median(pitches) || size * 1.5 };
}

function mode(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | undefined, n = 0;
  for (const [x, c] of counts) if (c > n) { best = x; n = c; }
  return best;
}

const HEADING_START = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[部章节条])/;

/** Whether `line` begins a new paragraph after `prev` (the last line of the current one). */
function startsParagraph(prev: Line, line: Line, body: BodyMetrics, firstOnPage: boolean): boolean {
  const em = body.size;
  const big = (l: Line) => l.size > body.size * 1.15;
  // A title over two lines: same large size, both centred, close together.
  const titleOverTwoLines = big(prev) && big(line) && Math.abs(prev.size - line.size) < 0.5
    && line.y - prev.y < line.size * 2 && centred(prev, body) && centred(line, body);
  if (titleOverTwoLines) return false;
  if (Math.abs(prev.size - line.size) > Math.max(prev.size, line.size) * 0.12) return true;
  // A table without rulings: each row is a line of short, spaced cells, never part of a paragraph.
  if (tabular(prev) || tabular(line)) return true;
  if (HEADING_START.test(line.text)) return true;
  // Right-aligned or centred short lines (signature, date, title) stand alone.
  if (line.x > body.left + 4 * em || prev.x > body.left + 4 * em) return true;
  // The previous line stopped short of the right edge: its paragraph ended there — unless the next line starts
  // with a word too long for the space left (a number or Latin word is not broken).
  if (prev.right < body.right - 1.5 * em && !wordTooLong(line.text, body.right - prev.right, line.size)) return true;
  // A first-line indent.
  if (line.x > body.left + 1.2 * em) return true;
  if (firstOnPage || prev.page !== line.page) return false;
  return line.y - prev.y > body.pitch * 1.6;
}

/** Short spaced cells (“结果维持 结果纠正 其他结果 …”), or a label and figures (“规章 0 0 0”, “行政许可 1243”). */
function tabular(l: Line): boolean {
  if (/[，。；！？]/.test(l.text)) return false; // prose with spaced figures (“收费通知 11 件，金额 2343 元”)
  const cells = l.text.trim().split(/\s+/);
  if (cells.length >= 4 && cells.every((c) => [...c].length <= 16)) return true;
  return cells.length >= 2 && cells.slice(1).every((c) => /^[\d.,]+$/.test(c.normalize('NFKC')));
}

function wordTooLong(text: string, room: number, size: number): boolean {
  const word = /^[\w.,:;/@%+\-—–~～()（）·“”"'’]+/.exec(text)?.[0];
  if (!word || word.length < 2) return false;
  return [...word].reduce((w, c) => w + (isWide(c) ? 1 : 0.55), 0) * size > room;
}

function centred(l: Line, body: BodyMetrics): boolean {
  const mid = (body.left + body.right) / 2;
  return Math.abs((l.x + l.right) / 2 - mid) < body.size * 2 && l.x > body.left + body.size;
}
