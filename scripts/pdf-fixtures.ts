// Regenerates the PDF fixtures in test/fixtures/pdf/ the way real ones are made (see test/helpers/pdfFixtures.ts):
// Chromium (playwright-core, Debian's /usr/bin/chromium) printing Word-style web pages, LibreOffice converting
// .docx files written with the `docx` package and the project's own HTML export, and small PDFs written by hand
// (a non-embedded Chinese font, a scan, a notice); qpdf encrypts one and binds two reports into one file.
// The tests read the committed files, so `npm test` needs none of these tools.
//   npm run fixtures:pdf [-- --only <file>]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun,
  VerticalAlign, WidthType,
} from 'docx';
import { chromium, type Browser } from 'playwright-core';
import { parseReport } from '../server/src/model/model';
import { renderDocument } from '../server/src/render/html';
import { PDF_DIR, PDF_FIXTURES, PDF_REFUSALS, type PdfFixture } from '../test/helpers/pdfFixtures';
import { printedReport, publishedHtml, publishedText, type PrintedGrid } from '../test/helpers/published';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const work = mkdtempSync(join(tmpdir(), 'xxgk-pdf-fixtures-'));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

// ------------------------------------------------------------------ Chromium

/** The Word-style page without the site's navigation (a clerk prints the article), with the fixture's fonts. */
function printableHtml(f: PdfFixture): string {
  const html = publishedHtml(f.truth(), { totals: true, fees: true })
    .replace(/<div class="(?:top|info|foot)">[\s\S]*?<\/div>/g, '');
  // Word's pages fix cell widths in pixels and forbid wrapping; printed as they are, wide tables run off the paper.
  const cells = f.narrow ? 'width:auto!important;max-width:4.5em' : 'width:auto!important';
  const css = `<style>body{font-family:"${f.font ?? 'Noto Sans CJK SC'}";font-size:12pt}span{font-family:inherit!important}
table[border]{border-collapse:collapse}table[border] td{border:1px solid #000;padding:2px 3px;white-space:normal!important;${cells}}
table[border] td span{font-size:9pt!important}</style>`;
  return html.replace('</head>', `${css}</head>`);
}

async function printChromium(browser: Browser, f: PdfFixture, out: string): Promise<void> {
  const page = await browser.newPage();
  await page.setContent(printableHtml(f), { waitUntil: 'load' });
  const small = 'font-size:9px;width:100%;text-align:center;font-family:"Noto Sans CJK SC"';
  const foot = f.foot === 'of'
    ? `<div style="${small}">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`
    : `<div style="${small}">— <span class="pageNumber"></span> —</div>`;
  await page.pdf({
    path: out, format: 'A4', landscape: !!f.landscape, displayHeaderFooter: true,
    headerTemplate: `<div style="${small}">${f.head ?? ''}</div>`, footerTemplate: foot,
    margin: { top: '22mm', bottom: '22mm', left: '18mm', right: '18mm' },
  });
  await page.close();
}

// ------------------------------------------------------------------ Word (.docx) → LibreOffice

function docxTable(grid: PrintedGrid, widths: number[], headerRows: number, font: string, size: number): Table {
  return new Table({
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: grid.map((row, i) => new TableRow({
      tableHeader: i < headerRows,
      children: row.map((cell) => new TableCell({
        columnSpan: cell.colspan, rowSpan: cell.rowspan, verticalAlign: VerticalAlign.CENTER,
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cell.text, font, size })] })],
      })),
    })),
  });
}

async function writeDocx(f: PdfFixture, out: string): Promise<void> {
  const r = printedReport(f.truth(), { totals: true, fees: true });
  const font = f.font ?? 'Noto Serif CJK SC';
  const body = 24; // half-points: 12 pt
  const textWidth = f.landscape ? 13500 : 9000; // twips inside the margins
  const para = (text: string, opts: { bold?: boolean; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {}) =>
    new Paragraph({
      alignment: opts.align, indent: opts.indent === false ? undefined : { firstLine: 480 }, spacing: { line: 360 },
      children: [new TextRun({ text, bold: opts.bold, font, size: opts.size ?? body })],
    });
  const cells = f.narrow ? 18 : 20; // half-points in tables
  const labelShare = f.narrow ? 0.16 : 0.22;
  const t3Values = 7, t3Label = Math.round(textWidth * labelShare);
  const valueWidth = Math.floor((textWidth - 3 * t3Label) / t3Values);
  const children: (Paragraph | Table)[] = [
    para(r.title, { bold: true, indent: false, align: AlignmentType.CENTER, size: 36 }),
    ...r.preamble.map((p) => para(p)),
    para('一、总体情况', { bold: true }),
  ];
  for (const topic of r.general) {
    if (topic.heading) children.push(para(r.bracket(topic.heading), { bold: true }));
    children.push(...topic.paras.map((p) => para(p)));
  }
  const t2w = Math.floor(textWidth / 4);
  children.push(para(r.heading('p2'), { bold: true }), docxTable(r.grids.t2, [t2w, t2w, t2w, t2w], 0, font, cells));
  children.push(para(r.heading('p3'), { bold: true }),
    docxTable(r.grids.t3, [t3Label, t3Label, t3Label, ...Array(t3Values).fill(valueWidth)], 3, font, cells));
  children.push(para(r.heading('p4'), { bold: true }), docxTable(r.grids.t4, Array(15).fill(Math.floor(textWidth / 15)), 3, font, cells));
  children.push(para(r.heading('p5'), { bold: true }), ...r.p5.map((p) => para(p)));
  children.push(para(r.heading('p6'), { bold: true }), ...r.p6.map((p) => para(p)));
  children.push(para(r.issuer, { indent: false, align: AlignmentType.RIGHT }), para(r.signed, { indent: false, align: AlignmentType.RIGHT }));
  const small = (runs: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: runs, font, size: 18 })] });
  const doc = new Document({
    sections: [{
      properties: { page: { size: { orientation: f.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT, width: 11906, height: 16838 } } },
      headers: f.head ? { default: new Header({ children: [small([f.head])] }) } : undefined,
      footers: { default: new Footer({ children: [small(f.foot === 'of' ? ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] : ['— ', PageNumber.CURRENT, ' —'])] }) },
      children,
    }],
  });
  writeFileSync(out, await Packer.toBuffer(doc));
}

/** LibreOffice, with a profile of its own (a running office or another user's profile must not interfere). */
function soffice(input: string, outDir: string, infilter?: string): string {
  const profile = `file://${join(work, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []),
    '--convert-to', 'pdf', '--outdir', outDir, input], { stdio: 'pipe', timeout: 180_000 });
  return join(outDir, input.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pdf'));
}

// ------------------------------------------------------------------ hand-written PDFs

interface PlainLine { text: string; x: number; y: number; size: number }

/** A PDF from positioned lines, in the non-embedded STSong-Light font (UniGB-UCS2-H: text is UTF-16BE). */
function plainPdf(pages: PlainLine[][], width = 595, height = 842): Buffer {
  const objects: string[] = [];
  const add = (body: string) => { objects.push(body); return objects.length; };
  const catalog = add(''), pagesObj = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = lines.map((l) => `BT /F1 ${l.size.toFixed(2)} Tf 1 0 0 1 ${l.x.toFixed(2)} ${(height - l.y).toFixed(2)} Tm <${Buffer.from(l.text, 'utf16le').swap16().toString('hex')}> Tj ET`).join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return writePdf(objects.map((o) => Buffer.from(o, 'latin1')));
}

/** Objects → a PDF file with its cross-reference table. */
function writePdf(objects: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((o, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

const wide = (c: string) => /[\u2e80-\uffff]/.test(c);
const advance = (s: string) => [...s].reduce((w, c) => w + (wide(c) ? 1 : 0.5), 0);

/** Wraps at the right margin by character advance (Chinese text breaks anywhere). */
function wrap(text: string, firstWidth: number, width: number): string[] {
  const out: string[] = [];
  let line = '', w = 0, limit = firstWidth;
  for (const c of text) {
    const a = wide(c) ? 1 : 0.5;
    if (w + a > limit) { out.push(line); line = ''; w = 0; limit = width; }
    line += c; w += a;
  }
  if (line) out.push(line);
  return out;
}

/** A report's text laid out by hand: paragraphs wrapped with a first-line indent, tables as spaced rows. */
function plainReport(text: string, head: string | undefined): PlainLine[][] {
  const W = 595, H = 842, left = 72, right = W - 72, size = 12, pitch = 20, top = 90, bottom = H - 80;
  const chars = Math.floor((right - left) / size);
  const chunks = text.split(/\n\s*\n/).map((c) => c.split('\n').filter((l) => l.trim())).filter((c) => c.length);
  const pages: PlainLine[][] = [[]];
  let y = top;
  const put = (t: string, x: number, s: number, gap = pitch) => {
    if (y + gap > bottom) { pages.push([]); y = top; }
    pages[pages.length - 1].push({ text: t, x, y, size: s });
    y += gap;
  };
  chunks.forEach((lines, i) => {
    const isTable = lines.length > 1;
    if (i === 0) { const s = 18; put(lines[0], (W - advance(lines[0]) * s) / 2, s, 34); return; }
    if (isTable) {
      for (const l of lines) { const s = Math.min(9, (right - left) / advance(l)); put(l, left, s, 15); }
      y += 6;
      return;
    }
    const t = lines[0];
    if (i >= chunks.length - 2) { put(t, right - advance(t) * size, size); return; } // date and signature, right-aligned
    const heading = /^[一二三四五六]、/.test(t);
    const rows = heading ? [t] : wrap(t, chars - 2, chars);
    rows.forEach((r, k) => put(r, left + (k === 0 && !heading ? 2 * size : 0), size));
  });
  return pages.map((lines, n) => [
    ...(head ? [{ text: head, x: (W - advance(head) * 9) / 2, y: 45, size: 9 }] : []),
    ...lines,
    { text: `— ${n + 1} —`, x: W / 2 - 18, y: H - 40, size: 10.5 },
  ]);
}

/** The scan: page images (JPEG) each filling a page, no text — as a scanner or “print to image” writes them. */
function scannedPdf(jpegs: Buffer[]): Buffer {
  const objects: Buffer[] = [Buffer.alloc(0), Buffer.alloc(0)];
  const kids: number[] = [];
  for (const jpeg of jpegs) {
    const { width, height } = jpegSize(jpeg);
    objects.push(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`), jpeg, Buffer.from('\nendstream')]));
    const image = objects.length;
    const ops = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
    objects.push(Buffer.from(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`));
    const content = objects.length;
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 ${image} 0 R >> >> /Contents ${content} 0 R >>`));
    kids.push(objects.length);
  }
  objects[0] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  return writePdf(objects);
}

function jpegSize(jpeg: Buffer): { width: number; height: number } {
  for (let i = 2; i < jpeg.length;) {
    const marker = jpeg[i + 1], len = jpeg.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  throw new Error('no JPEG frame header');
}

const NOTICE = `示例县自然资源和规划局关于开展2025年度地质灾害隐患排查的通知

各乡镇人民政府、局属各单位：

为切实做好汛期地质灾害防治工作，保障人民群众生命财产安全，经研究，决定在全县范围内开展2025年度地质灾害隐患排查工作。现将有关事项通知如下。

一、排查范围

全县已登记在册的地质灾害隐患点、切坡建房点、在建工程边坡及学校、医院等人员密集场所周边。

二、时间安排

2025年4月1日至5月31日。各单位应于6月5日前报送排查情况和整改台账。

三、工作要求

各单位要高度重视，明确责任人，对排查发现的问题逐项建立台账，限期整改到位。

示例县自然资源和规划局

2025年3月20日`;

// ------------------------------------------------------------------ main

/** Recompresses (object streams, best deflate) so the committed files stay small; content is unchanged. */
function compact(file: string): void {
  const tmp = `${file}.tmp`;
  execFileSync('qpdf', ['--object-streams=generate', '--compress-streams=y', '--recompress-flate', '--compression-level=9', file, tmp]);
  renameSync(tmp, file);
}

async function main(): Promise<void> {
  mkdirSync(PDF_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    for (const f of PDF_FIXTURES) {
      if (only && only !== f.file) continue;
      const out = join(PDF_DIR, f.file);
      if (f.maker === 'chromium') await printChromium(browser, f, out);
      else if (f.maker === 'word') {
        const docx = join(work, f.file.replace(/\.pdf$/, '.docx'));
        await writeDocx(f, docx);
        renameSync(soffice(docx, work), out);
      } else if (f.maker === 'export-libreoffice') {
        const html = join(work, f.file.replace(/\.pdf$/, '.html'));
        // Writer's HTML import drops CSS borders; the export's tables are marked ruled as a clerk's Writer shows them.
        writeFileSync(html, renderDocument(parseReport(f.truth())).replace(/<table(?=[\s>])/g, '<table border="1" cellspacing="0"'));
        renameSync(soffice(html, work, 'HTML (StarWriter)'), out);
      } else if (f.maker === 'rotated') {
        const rotate = ['--rotate=+90:1', '--rotate=180:2', '--rotate=-90:3-z'];
        execFileSync('qpdf', [...rotate, join(PDF_DIR, f.from!), out]);
      } else {
        const text = publishedText(f.truth(), { totals: true, fees: true }, 'spaces');
        writeFileSync(out, plainPdf(plainReport(text, f.head)));
      }
      if (f.maker !== 'plain' && f.maker !== 'rotated') compact(out);
      console.log(`${f.file}: ${(statSync(out).size / 1024).toFixed(0)} KiB — ${f.layout}`);
    }
  } finally {
    await browser.close();
  }
  if (!only) refusals();
}

function refusals(): void {
  const at = (name: string) => join(PDF_DIR, name);
  // The scan: the first two pages of a printed report as grey JPEG pictures.
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-jpeg', '-jpegopt', 'quality=40', '-f', '1', '-l', '2', at(PDF_FIXTURES[0].file), join(work, 'scan')]);
  const jpegs = readdirSync(work).filter((n) => /^scan-\d+\.jpg$/.test(n)).sort().map((n) => readFileSync(join(work, n)));
  writeFileSync(at(PDF_REFUSALS.scanned), scannedPdf(jpegs));
  writeFileSync(at(PDF_REFUSALS.notReport), plainPdf(plainReport(NOTICE, undefined)));
  rmSync(at(PDF_REFUSALS.encrypted), { force: true });
  execFileSync('qpdf', ['--encrypt', 'xxgk-user', 'xxgk-owner', '256', '--', at('county-2024.plain.pdf'), at(PDF_REFUSALS.encrypted)]);
  // Two reports in one file: the plain county report, then the Word-made 张营乡 report.
  execFileSync('qpdf', ['--empty', '--pages', at('county-2024.plain.pdf'), at('zhangying-2024.word.pdf'), '--', at(PDF_REFUSALS.twoReports)]);
  compact(at(PDF_REFUSALS.twoReports));
  for (const name of Object.values(PDF_REFUSALS)) console.log(`${name}: ${(statSync(at(name)).size / 1024).toFixed(0)} KiB`);
  rmSync(work, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
