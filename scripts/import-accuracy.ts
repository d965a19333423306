// Import accuracy on every import fixture (text, HTML, .docx and the PDFs): table cells reproduced at their place / cells in the source, what was
// left under 未识别内容, and whether the checker's rule ids match the expectation. Prints a table (not a test).
//   npm run import:accuracy
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../server/src/check';
import { importDocx, importFile, importHtml, importText, type ImportResult } from '../server/src/import';
import { accuracy, publishedDocx, publishedHtml, publishedText } from '../test/helpers/published';
import { PDF_DIR, PDF_FIXTURES } from '../test/helpers/pdfFixtures';

const root = join(__dirname, '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const county = read('samples/county-dept-2024.xxgk.yaml');
const clean = read('samples/clean-zhangying-2024.xxgk.yaml');
const trial = read('test/fixtures/trial-2020.xxgk.yaml');
const seedSample = read('samples/seed-zhangying-2023.xxgk.yaml');

type Row = [name: string, truth: string, run: () => Promise<ImportResult> | ImportResult];
const rows: Row[] = [
  ['seed dump (test/fixtures/seed-zhangying-2023.txt)', seedSample, () => importFile(join(root, 'test/fixtures/seed-zhangying-2023.txt'))],
  ['garbled text, committed (garbled-zhangying-2024.txt)', clean, () => importFile(join(root, 'test/fixtures/import/garbled-zhangying-2024.txt'))],
  ['GBK web page, committed (published-county-2024.gbk.html)', county, () => importFile(join(root, 'test/fixtures/import/published-county-2024.gbk.html'))],
  ['text, full grid, totals', county, () => importText(publishedText(county, { totals: true }, 'clean'))],
  ['text, seed-like garbling, blanks', county, () => importText(publishedText(county, { totals: true, zeroAsBlank: true, halfWidth: true }, 'garbled'))],
  ['text, PDF copy (spaces)', county, () => importText(publishedText(county, { totals: true }, 'spaces'))],
  ['HTML, totals, &nbsp; blanks, chrome', county, () => importHtml(publishedHtml(county, { totals: true, zeroAsBlank: true }))],
  ['HTML, no totals, label variants', county, () => importHtml(publishedHtml(county, { variants: true, halfWidth: true }))],
  ['HTML, one （六）其他处理 row', county, () => importHtml(publishedHtml(county, { totals: true, sixthAsOne: true }))],
  ['.docx, gridSpan/vMerge, totals', county, async () => importDocx(await publishedDocx(county, { totals: true }))],
  ['.docx, blanks, variants', county, async () => importDocx(await publishedDocx(county, { zeroAsBlank: true, variants: true, halfWidth: true }))],
  ['HTML, 2019 trial format', trial, () => importHtml(publishedHtml(trial, { totals: true }))],
  // PDFs made by Chromium, LibreOffice and by hand (test/fixtures/pdf/, npm run fixtures:pdf).
  ...PDF_FIXTURES.map((f): Row => [`PDF ${f.file} (${f.maker})`, f.truth(), () => importFile(join(PDF_DIR, f.file))]),
];

(async () => {
  const out: string[][] = [['fixture', 'format', 'cells right / total', 'unmapped', 'rule ids (imported)']];
  for (const [name, truth, run] of rows) {
    const r = await run();
    const a = accuracy(truth, r.yaml);
    const ids = [...new Set(checkText(r.yaml).findings.map((f) => f.rule))].sort();
    const sourceIds = (y: string) => JSON.stringify([...new Set(checkText(y).findings.map((f) => f.rule))].sort());
    const same = name.startsWith('seed') ? (JSON.stringify(ids) === sourceIds(seedSample) ? ' (= seed sample)' : ' (≠ seed sample!)')
      : name.startsWith('PDF') ? (JSON.stringify(ids) === sourceIds(truth) ? ' (= source)' : ' (≠ source)') : '';
    out.push([name, String(r.summary.format), `${a.correct} / ${a.total} (${((100 * a.correct) / a.total).toFixed(1)} %)${a.wrong.length ? `, ${a.wrong.length} wrong` : ''}`, String(r.summary.unmapped.length), ids.join(' ') + same]);
  }
  const widths = out[0].map((_, i) => Math.max(...out.map((r) => r[i].length)));
  for (const r of out) console.log(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join(' | '));
})();
