/**
 * The PDF fixtures (test/fixtures/pdf/), made the way real ones are made — Chromium printing web pages,
 * LibreOffice converting Word files and the HTML export — by scripts/pdf-fixtures.ts, which regenerates them
 * (`npm run fixtures:pdf`). Each report fixture names the report it was printed from (the ground truth for
 * accuracy and for the rule ids the import must give) and how it was made.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateReport } from '../../bench/generate';

export const PDF_DIR = join(__dirname, '..', 'fixtures', 'pdf');

const sample = (name: string) => () => readFileSync(join(__dirname, '..', '..', 'samples', name), 'utf8');

export type PdfMaker =
  /** publishedHtml (a Word-style web page) printed by Chromium's page.pdf(). */
  | 'chromium'
  /** A .docx written with the `docx` package (ruled tables, merged cells, header rows repeated on each page),
   *  converted by LibreOffice. */
  | 'word'
  /** The project's own HTML export (xxgk render) converted by LibreOffice Writer. */
  | 'export-libreoffice'
  /** A hand-written PDF: a non-embedded Chinese font (STSong-Light, UniGB-UCS2-H), tables as spaced text without
   *  rulings — what old tools and some scanners' “text” PDFs give. */
  | 'plain'
  /** Another fixture (`from`) with its pages turned by /Rotate (qpdf): text runs sideways or upside down as a
   *  viewer displays it. */
  | 'rotated';

export interface PdfFixture {
  file: string;
  truth: () => string;
  maker: PdfMaker;
  /** What is special about its layout. */
  layout: string;
  landscape?: boolean;
  /** CSS font family (Chromium) or font name (Word). */
  font?: string;
  /** Narrow columns, so labels and header words wrap onto two or three lines. */
  narrow?: boolean;
  /** Running head printed on every page (a site's or body's name), and the page-number style of the foot. */
  head?: string;
  foot?: 'dash' | 'of';
  /** For a rotated fixture: the fixture it turns. */
  from?: string;
}

export const PDF_FIXTURES: PdfFixture[] = [
  {
    file: 'county-2024.chromium.pdf', truth: sample('county-dept-2024.xxgk.yaml'), maker: 'chromium',
    layout: 'A4 portrait, Noto Sans CJK, site name on every page, “— 3 —” page numbers, table 三 across pages',
    font: 'Noto Sans CJK SC', head: '示例县人民政府门户网站', foot: 'dash',
  },
  {
    file: 'generated-7.landscape.pdf', truth: () => generateReport(7), maker: 'chromium',
    layout: 'A4 landscape, WenQuanYi Zen Hei, narrow columns (labels wrap onto 2–3 lines), “第 N 页 共 M 页”',
    landscape: true, font: 'WenQuanYi Zen Hei', narrow: true, foot: 'of',
  },
  {
    file: 'zhangying-2024.word.pdf', truth: sample('clean-zhangying-2024.xxgk.yaml'), maker: 'word',
    layout: 'Word (.docx) → LibreOffice, Noto Serif CJK, ruled tables with merged cells, header rows repeated across pages',
    font: 'Noto Serif CJK SC', head: '张营乡人民政府', foot: 'dash',
  },
  {
    file: 'generated-11.word-landscape.pdf', truth: () => generateReport(11), maker: 'word',
    layout: 'Word (.docx) → LibreOffice, landscape, Noto Sans CJK, narrow columns',
    landscape: true, font: 'Noto Sans CJK SC', narrow: true, foot: 'of',
  },
  {
    file: 'generated-23.export.pdf', truth: () => generateReport(23), maker: 'export-libreoffice',
    layout: 'the project’s HTML export (xxgk render) → LibreOffice Writer',
  },
  {
    file: 'generated-5.ten-pages.pdf', truth: () => generateReport(5, { targetBytes: 19_000 }), maker: 'chromium',
    layout: 'ten A4 pages (long prose), Noto Serif CJK, tables across pages — the benchmark’s PDF',
    font: 'Noto Serif CJK SC', head: '青山县人民政府信息公开专栏', foot: 'dash',
  },
  {
    file: 'county-2024.plain.pdf', truth: sample('county-dept-2024.xxgk.yaml'), maker: 'plain',
    layout: 'hand-written: non-embedded STSong-Light (UniGB-UCS2-H), tables as spaced text without rulings, page numbers',
    head: '示例县自然资源和规划局', foot: 'dash',
  },
  {
    file: 'zhangying-2024.rotated.pdf', truth: sample('clean-zhangying-2024.xxgk.yaml'), maker: 'rotated',
    layout: 'the Word-made PDF with its pages turned by /Rotate: 90° (page 1), 180° (page 2), 270° (the rest)',
    from: 'zhangying-2024.word.pdf',
  },
];

/** Files that must be refused, made by the same script. */
export const PDF_REFUSALS = {
  /** Two pages that are only pictures of report pages (a scan), written by hand around JPEG images. */
  scanned: 'scanned.pdf',
  /** A report PDF encrypted with a user password (qpdf, AES-256). */
  encrypted: 'encrypted.pdf',
  /** A notice, not a report (LibreOffice). */
  notReport: 'notice.pdf',
  /** Two reports bound in one file (qpdf --pages); the second begins on page `secondAt`. */
  twoReports: 'two-reports.pdf',
};
