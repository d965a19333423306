/**
 * Loads Mozilla's PDF.js (pdfjs-dist, its legacy build: the one made for Node, ≥ 20.19) for reading text and
 * drawing operators, never for rendering. Bundled on its own (server/out/pdfjs.js, see scripts/build.mjs) and
 * loaded only when a PDF is imported, so the language server and the CLI start as fast as before.
 *
 * In Node, PDF.js runs its worker in the same thread (“fake worker”) once the worker module is on
 * globalThis.pdfjsWorker. At load it would draw with @napi-rs/canvas when installed; we never draw, so
 * DOMMatrix (needed while the module initialises) gets a minimal stand-in for that moment, and the load's
 * console warnings about the missing canvas are kept off stdout (`xxgk import` may print YAML there). Stray
 * rejections of PDF.js's own are dropped (dropStrayPdfjsRejection).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsModule> | undefined;

export function loadPdfjs(): Promise<PdfjsModule> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfjsModule> {
  process.on('unhandledRejection', dropStrayPdfjsRejection);
  const g = globalThis as Record<string, unknown>;
  const stubbed = g.DOMMatrix === undefined;
  if (stubbed) g.DOMMatrix = MatrixStub;
  const log = console.log;
  console.log = (...args: unknown[]) => { if (!/^Warning: /.test(String(args[0]))) log(...args); };
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // @ts-expect-error -- the worker module ships without type declarations; it is only handed to PDF.js.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    g.pdfjsWorker = worker;
    return pdfjs;
  } finally {
    console.log = log;
    if (stubbed) delete g.DOMMatrix;
  }
}

/** PDF.js's own exception classes (pdf.mjs and pdf.worker.mjs, 5.x). */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException', 'DNLMarkerError', 'EOIMarkerError', 'FormatError', 'InvalidPDFException', 'JpegError',
  'JpxError', 'MissingDataException', 'ParserEOFException', 'PasswordException', 'RenderingCancelledException',
  'ResponseException', 'UnknownErrorException', 'XRefEntryException', 'XRefParseException',
]);

/**
 * PDF.js leaves some promises of its own unhandled when a file is damaged: a dictionary cut short rejects with
 * ParserEOFException inside its font loading while the text content it was asked for still comes back (the
 * importer then refuses the page). Node ends a process on an unhandled rejection — `xxgk import`, a review with
 * one job, a review worker. Those rejections are dropped; any other still ends the process as Node would, by
 * being thrown again (the language server logs it, as every uncaught exception).
 */
export function dropStrayPdfjsRejection(reason: unknown): void {
  if (isPdfjsException(reason)) return;
  throw reason;
}

/** One of PDF.js's exceptions: its class name, and its prototype's stack, made where PDF.js defines them. */
export function isPdfjsException(reason: unknown): boolean {
  const e = reason as { name?: unknown; stack?: unknown } | null;
  return !!e && typeof e === 'object' && PDFJS_EXCEPTIONS.has(String(e.name)) && String(e.stack).includes('BaseExceptionClosure');
}

/** Enough of DOMMatrix for PDF.js to initialise (it builds one constant matrix for drawing). */
class MatrixStub {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
  constructor(m?: number[]) {
    if (Array.isArray(m) && m.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = m;
  }
}

/**
 * Predefined CMaps for Chinese fonts that are not embedded (Adobe-GB1: UniGB-UCS2-H, GBK-EUC-H …): without
 * them such text cannot be read. The build copies them next to the bundle (server/out/cmaps/); from source
 * they are read from pdfjs-dist.
 */
function cmapDir(): string | undefined {
  const shipped = join(__dirname, 'cmaps');
  if (existsSync(shipped)) return shipped;
  try {
    return join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
  } catch {
    return undefined;
  }
}

/** PDF.js asks for CMaps (and standard fonts) through this factory; only CMaps are provided. */
export class CMapFiles {
  constructor(_options: unknown) {}
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const dir = kind === 'cMapUrl' ? cmapDir() : undefined;
    if (!dir || !/^[\w.-]+$/.test(filename)) throw new Error(`${kind} ${filename} is not available`);
    return new Uint8Array(readFileSync(join(dir, filename)));
  }
}
