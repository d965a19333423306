// Import accuracy on every import fixture (text, HTML, .docx and the PDFs) and on the rendition corpus
// (test/helpers/corpus.ts): table cells reproduced at their place / cells in the source, what was left under
// 未识别内容, false errors (errors the truth does not have, and for the corpus any finding it must not produce, sum
// errors above all), and the rule ids (the PDFs' against their source's). Prints a table (not a test).
//   npm run import:accuracy
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../server/src/check';
import type { Finding } from '../server/src/model/findings';
import { importDocx, importFile, importHtml, importText, type ImportResult } from '../server/src/import';
import { CORPUS } from '../test/helpers/corpus';
import { accuracy, publishedDocx, publishedHtml, publishedText } from '../test/helpers/published';
import { PDF_DIR, PDF_FIXTURES } from '../test/helpers/pdfFixtures';

const root = join(__dirname, '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const county = read('samples/county-dept-2024.xxgk.yaml');
const clean = read('samples/clean-zhangying-2024.xxgk.yaml');
const trial = read('test/fixtures/trial-2020.xxgk.yaml');
const seedSample = read('samples/seed-zhangying-2023.xxgk.yaml');
const TODAY = { y: 2026, m: 11, d: 27 };

/** The last element: errors the rendition really has (the 2019 layout lacks two rows of the 2021 table). */
type Row = [name: string, truth: string, run: () => Promise<ImportResult> | ImportResult, expected?: string[]];
const rows: Row[] = [
  ['seed dump (test/fixtures/seed-zhangying-2023.txt)', seedSample, () => importFile(join(root, 'test/fixtures/seed-zhangying-2023.txt'))],
  ['garbled text, committed (garbled-zhangying-2024.txt)', clean, () => importFile(join(root, 'test/fixtures/import/garbled-zhangying-2024.txt'))],
  ['GBK web page, committed (published-county-2024.gbk.html)', county, () => importFile(join(root, 'test/fixtures/import/published-county-2024.gbk.html'))],
  ['text, full grid, totals', county, () => importText(publishedText(county, { totals: true }, 'clean'))],
  ['text, seed-like garbling, blanks', county, () => importText(publishedText(county, { totals: true, zeroAsBlank: true, halfWidth: true }, 'garbled'))],
  ['text, PDF copy (spaces)', county, () => importText(publishedText(county, { totals: true }, 'spaces'))],
  ['HTML, totals, &nbsp; blanks, chrome', county, () => importHtml(publishedHtml(county, { totals: true, zeroAsBlank: true }))],
  ['HTML, no totals, label variants', county, () => importHtml(publishedHtml(county, { variants: true, halfWidth: true }))],
  ['HTML, one （六）其他处理 row', county, () => importHtml(publishedHtml(county, { totals: true, sixthAsOne: true })), ['T3-SHAPE']],
  ['.docx, gridSpan/vMerge, totals', county, async () => importDocx(await publishedDocx(county, { totals: true }))],
  ['.docx, blanks, variants', county, async () => importDocx(await publishedDocx(county, { zeroAsBlank: true, variants: true, halfWidth: true }))],
  ['HTML, 2019 trial format', trial, () => importHtml(publishedHtml(trial, { totals: true }))],
  // PDFs made by Chromium, LibreOffice and by hand (test/fixtures/pdf/, npm run fixtures:pdf).
  ...PDF_FIXTURES.map((f): Row => [`PDF ${f.file} (${f.maker})`, f.truth(), () => importFile(join(PDF_DIR, f.file))]),
];

const check = (yaml: string) => checkText(yaml, { today: TODAY }).findings;
const ids = (fs: Finding[]) => [...new Set(fs.map((f) => f.rule))].sort();
/** Errors whose rule the truth itself does not produce: what a reviewer would be told wrongly. */
const falseErrors = (truth: string, fs: Finding[], also: string[] = []) => {
  const expected = new Set([...check(truth).map((f) => f.rule), ...also]);
  return fs.filter((f) => f.severity === 'error' && !expected.has(f.rule));
};
const shown = (fs: Finding[]) => (fs.length ? `${fs.length} (${ids(fs).join(' ')})` : '0');

(async () => {
  const out: string[][] = [['fixture', 'format', 'cells right / total', 'unmapped', 'false errors', 'rule ids (imported)']];
  let totalFalse = 0, cellsRight = 0, cellsTotal = 0;
  for (const [name, truth, run, expected] of rows) {
    const r = await run();
    const a = accuracy(truth, r.yaml);
    const found = check(r.yaml);
    const wrong = falseErrors(truth, found, expected);
    totalFalse += wrong.length; cellsRight += a.correct; cellsTotal += a.total;
    const sameAs = (y: string) => JSON.stringify(ids(found)) === JSON.stringify(ids(check(y)));
    const same = name.startsWith('seed') ? (sameAs(seedSample) ? ' (= seed sample)' : ' (≠ seed sample!)')
      : name.startsWith('PDF') ? (sameAs(truth) ? ' (= source)' : ' (≠ source)') : '';
    out.push([name, String(r.summary.format), `${a.correct} / ${a.total}${a.wrong.length ? ` (${a.wrong.length} wrong)` : ''}`, String(r.summary.unmapped.length), shown(wrong), ids(found).join(' ') + same]);
  }
  out.push(['— rendition corpus (test/helpers/corpus.ts) —', '', '', '', '', '']);
  for (const r of CORPUS) {
    const yaml = await r.make();
    const a = accuracy(r.truth, yaml);
    const found = check(yaml);
    // For the corpus a false error is any finding it must not produce (sum errors from blanks above all).
    const wrong = [...falseErrors(r.truth, found), ...found.filter((f) => f.severity !== 'error' && r.mustNot.includes(f.rule))];
    const missing = r.must.filter((m) => !found.some((f) => f.rule === m));
    totalFalse += wrong.length;
    if (r.cells !== false) { cellsRight += a.correct; cellsTotal += a.total; }
    out.push([r.name, '', r.cells === false ? '—' : `${a.correct} / ${a.total}`, '', shown(wrong) + (missing.length ? `; missing ${missing.join(' ')}` : ''), ids(found).join(' ')]);
  }
  const widths = out[0].map((_, i) => Math.max(...out.map((r) => r[i].length)));
  for (const r of out) console.log(r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join(' | '));
  console.log(`\ncells recognised: ${cellsRight} / ${cellsTotal}; false errors: ${totalFalse}`);
})();
