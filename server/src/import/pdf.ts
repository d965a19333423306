/**
 * Reading a PDF's text layer: for each page, the text pieces with their position and size, the straight lines
 * and thin rectangles it draws (table rulings), and how much of it is covered by pictures. Coordinates are in
 * points from the page's top-left corner, y growing downwards, with the page's rotation applied — what a
 * reader sees — and then turned so that most of the page's text is upright. Rebuilding lines, paragraphs and
 * tables from this is pdfLayout.ts's business.
 *
 * Files that cannot be read are refused with a message key (ImportError): not a PDF or damaged, needs a
 * password, a page that cannot be read.
 */
import type { Message } from '../model/findings';

export interface TextPiece {
  text: string;
  /** Left end and baseline. */
  x: number;
  y: number;
  width: number;
  /** The font size as drawn (the glyphs' height). */
  size: number;
  /** Drawn along the baseline (not rotated or vertical). */
  horizontal: boolean;
}

/** A ruling: horizontal (y1 = y2) or vertical (x1 = x2), with x1 ≤ x2 and y1 ≤ y2. */
export interface Segment { x1: number; y1: number; x2: number; y2: number }

export interface PdfPage {
  /** 1-based, as a reader counts. */
  number: number;
  width: number;
  height: number;
  pieces: TextPiece[];
  rulings: Segment[];
  /** Share of the page covered by pictures (0…1, overlaps counted twice). */
  imageCover: number;
}

export interface PdfContent {
  pages: PdfPage[];
}

/** A refusal: the message key says why, the caller localises it. */
export class PdfRefusal extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
  }
}

/** Rulings are thin: a rectangle thinner than this (points) is a line, a thicker one is a shaded area. */
const MAX_RULE_THICKNESS = 2.5;

declare const XXGK_BUNDLE: boolean | undefined;

/**
 * The PDF.js bundle, loaded on first use. From the shipped bundles it is a CommonJS file beside them: required,
 * because an `import()` would first have Node scan its 3.6 MB for exports (about 0.4 s of a PDF import).
 */
function pdfjsModule(): Promise<typeof import('./pdfjs')> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above; only in the bundles
  return typeof XXGK_BUNDLE !== 'undefined' ? Promise.resolve(require('./pdfjs')) : import('./pdfjs');
}

export async function readPdf(data: Uint8Array): Promise<PdfContent> {
  if (!looksLikePdf(data)) throw new PdfRefusal({ key: 'import.pdf.notPdf' });
  const { loadPdfjs, CMapFiles } = await pdfjsModule();
  const pdfjs = await loadPdfjs();
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data), isEvalSupported: false, verbosity: 0, useWorkerFetch: false,
    BinaryDataFactory: CMapFiles as never, stopAtErrors: false, disableFontFace: true,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfRefusal({ key: 'import.pdf.encrypted' });
    throw new PdfRefusal({ key: 'import.pdf.corrupt', args: { detail: (e as Error).message } });
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        pages.push(await readPage(pdfjs, await doc.getPage(n), n));
      } catch (e) {
        throw new PdfRefusal({ key: 'import.pdf.pageUnreadable', args: { page: n, detail: (e as Error).message } });
      }
    }
    return { pages };
  } finally {
    await doc.destroy();
  }
}

/** “%PDF-” within the first KiB, as readers accept it (some servers prepend a few bytes). */
function looksLikePdf(data: Uint8Array): boolean {
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

type Pdfjs = Awaited<ReturnType<typeof import('./pdfjs').loadPdfjs>>;
type Page = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;
type Matrix = [number, number, number, number, number, number];

async function readPage(pdfjs: Pdfjs, page: Page, number: number): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: TextRun[] = content.items.flatMap((item) =>
    ('str' in item && item.str ? [{ str: item.str, transform: item.transform as Matrix, width: item.width }] : []));
  // A page whose text runs sideways or upside down as displayed (a portrait page turned by its /Rotate, a table
  // printed across the page) is read as its text runs: turned so that most of its characters are upright.
  const display = viewport.transform as Matrix;
  const turn = upright(items.map((item) => ({ m: multiply(display, item.transform), n: item.str.length })));
  const [width, height] = turn % 2 ? [viewport.height, viewport.width] : [viewport.width, viewport.height];
  const view = multiply(quarterTurn(turn, viewport.width, viewport.height), display);
  const pieces: TextPiece[] = [];
  for (const item of items) {
    const m = multiply(view, item.transform);
    const size = Math.hypot(m[2], m[3]);
    const scaleX = Math.hypot(m[0], m[1]);
    if (!size) continue;
    pieces.push({
      text: unifyIdeographs(item.str),
      x: m[4],
      y: m[5],
      // width is in text space along the baseline; scale it the way the transform scales x.
      width: (item.width * scaleX) / Math.max(Math.hypot(item.transform[0], item.transform[1]), 1e-6),
      size,
      horizontal: Math.abs(m[1]) < 0.05 * scaleX && m[0] > 0,
    });
  }
  const { rulings, imageArea } = drawing(pdfjs, await page.getOperatorList(), view);
  page.cleanup();
  return { number, width, height, pieces, rulings, imageCover: imageArea / Math.max(width * height, 1) };
}

interface TextRun { str: string; transform: Matrix; width: number }

/**
 * Quarter turns (0–3) that make most characters upright, from each piece's baseline direction as displayed
 * (y downwards): 1 when text runs down the page, 2 upside down, 3 up. 0 unless one direction has most of them.
 */
export function upright(pieces: { m: Matrix; n: number }[]): 0 | 1 | 2 | 3 {
  const count = [0, 0, 0, 0];
  let all = 0;
  for (const { m, n } of pieces) {
    const q = ((Math.round(Math.atan2(m[1], m[0]) / (Math.PI / 2)) % 4) + 4) % 4;
    count[q] += n;
    all += n;
  }
  const best = count.indexOf(Math.max(...count)) as 0 | 1 | 2 | 3;
  return count[best] * 2 > all ? best : 0;
}

/** Display coordinates turned back by `turn` quarters within a `width` × `height` page (y downwards). */
export function quarterTurn(turn: 0 | 1 | 2 | 3, width: number, height: number): Matrix {
  switch (turn) {
    case 1: return [0, -1, 1, 0, 0, width]; // (x, y) → (y, width − x)
    case 2: return [-1, 0, 0, -1, width, height]; // (x, y) → (width − x, height − y)
    case 3: return [0, 1, -1, 0, height, 0]; // (x, y) → (height − y, x)
    default: return [1, 0, 0, 1, 0, 0];
  }
}

/**
 * Fonts map some glyphs to Kangxi radicals or compatibility ideographs (“⾏政” for 行政: Noto CJK in Chromium,
 * Word's PDF export); their compatibility forms are the ordinary characters. Nothing else is normalised here.
 */
function unifyIdeographs(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC'));
}

function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * Walks the drawing operators: stroked straight lines and thin filled rectangles become rulings (Word and
 * LibreOffice stroke cell borders, Chromium fills 1-pixel rectangles); pictures add to the covered area.
 */
function drawing(
  pdfjs: Pdfjs, ops: { fnArray: number[]; argsArray: unknown[] }, view: Matrix,
): { rulings: Segment[]; imageArea: number } {
  const OPS = pdfjs.OPS;
  const stack: Matrix[] = [];
  let ctm: Matrix = view;
  let lineWidth = 1;
  const lineWidths: number[] = [];
  const rulings: Segment[] = [];
  let imageArea = 0;
  const strokeOps = new Set<number>([
    OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
  ]);
  const fillOps = new Set<number>([
    OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
  ]);
  const imageOps = new Set<number>([
    OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup,
  ]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) { stack.push(ctm); lineWidths.push(lineWidth); }
    else if (fn === OPS.restore) { ctm = stack.pop() ?? view; lineWidth = lineWidths.pop() ?? 1; }
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setLineWidth) lineWidth = Number(args[0]) || 0;
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm); lineWidths.push(lineWidth);
      if (Array.isArray(args[0]) && args[0].length === 6) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) { ctm = stack.pop() ?? view; lineWidth = lineWidths.pop() ?? 1; }
    else if (imageOps.has(fn)) {
      // An image is drawn into the unit square under the current matrix.
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1)];
      const w = Math.hypot(corners[1][0] - corners[0][0], corners[1][1] - corners[0][1]);
      const h = Math.hypot(corners[2][0] - corners[0][0], corners[2][1] - corners[0][1]);
      imageArea += w * h;
    } else if (fn === OPS.constructPath) {
      const paint = Number(args[0]);
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!path) continue;
      const stroked = strokeOps.has(paint), filled = fillOps.has(paint);
      if (!stroked && !filled) continue; // a clipping path
      const width = lineWidth * Math.hypot(ctm[0], ctm[1]);
      for (const poly of polylines(path)) {
        const pts = poly.map(([x, y]) => apply(ctm, x, y));
        if (filled) { const r = thinShape(pts); if (r) { rulings.push(r); continue; } }
        if (stroked && width <= MAX_RULE_THICKNESS * 2) rulings.push(...straightSegments(pts));
      }
    }
  }
  return { rulings, imageArea };
}

/** The path's straight polylines (curves end a polyline: they are not rulings). */
function polylines(path: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  const end = () => { if (cur.length > 1) out.push(cur); cur = []; };
  for (let i = 0; i < path.length;) {
    const op = path[i];
    if (op === 0) { end(); cur.push([path[i + 1], path[i + 2]]); i += 3; }
    else if (op === 1) { cur.push([path[i + 1], path[i + 2]]); i += 3; }
    else if (op === 2) { end(); i += 7; }
    else if (op === 3) { end(); i += 5; }
    else if (op === 4) { if (cur.length > 1) cur.push(cur[0]); end(); i += 1; }
    else break;
  }
  end();
  return out;
}

/**
 * A filled shape thin enough to be a line: its centre line. Borders come as rectangles or, where they meet at
 * mitred corners, as trapezoids one border-width off square.
 */
function thinShape(pts: [number, number][]): Segment | undefined {
  if (pts.length < 3 || pts.length > 6) return undefined;
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const x1 = Math.min(...xs), x2 = Math.max(...xs), y1 = Math.min(...ys), y2 = Math.max(...ys);
  const w = x2 - x1, h = y2 - y1;
  if (h <= MAX_RULE_THICKNESS && w > 2 * h) return { x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 };
  if (w <= MAX_RULE_THICKNESS && h > 2 * w) return { x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 };
  return undefined;
}

/** The horizontal and vertical pieces of a stroked polyline (a stroked rectangle gives four). */
function straightSegments(pts: [number, number][]): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1], [bx, by] = pts[i];
    if (near(ay, by) && !near(ax, bx)) {
      const y = (ay + by) / 2;
      out.push({ x1: Math.min(ax, bx), x2: Math.max(ax, bx), y1: y, y2: y });
    } else if (near(ax, bx) && !near(ay, by)) {
      const x = (ax + bx) / 2;
      out.push({ x1: x, x2: x, y1: Math.min(ay, by), y2: Math.max(ay, by) });
    }
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) < 0.5;
