/**
 * A corpus of report renditions that differ the way published reports do — totals printed blank (the 2019-format
 * habit), zeros printed as blanks, “—” or “/”, full-width digits, long labels wrapped inside their cells, a seed-like
 * garbled copy — each with the findings it must and must not produce. The truths are the samples, whose numbers
 * all add up: any sum error on a rendition is a false error. Used by test/corpus.test.ts and
 * `npm run import:accuracy` (which prints false errors beside the cells recognised).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDocx, importHtml, importText } from '../../server/src/import';
import type { RuleId } from '../../server/src/template/ruleCatalog';
import { publishedDocx, publishedHtml, publishedText } from './published';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
export const COUNTY_TRUTH = read('samples/county-dept-2024.xxgk.yaml');
export const TRIAL_TRUTH = read('test/fixtures/trial-2020.xxgk.yaml');
const SEED_TEXT = read('samples/seed-zhangying-2023.xxgk.yaml');

/** Errors no rendition of a report whose numbers add up may produce. */
export const SUM_RULES: RuleId[] = ['T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T3-BALANCE', 'T4-GROUP-TOTAL'];
const TYPE_RULES: RuleId[] = ['T2-INT', 'T3-INT', 'T4-INT', 'T2-AMOUNT'];
const SHAPE_RULES: RuleId[] = ['T2-SHAPE', 'T3-SHAPE', 'T4-SHAPE', 'STR-PARTS', 'YAML-SYNTAX'];

export interface Rendition {
  name: string;
  /** The report the rendition was made from (its values are the truth). */
  truth: string;
  /** The rendition as a report: written directly in YAML, or imported from a published form. */
  make: () => Promise<string>;
  must: RuleId[];
  mustNot: RuleId[];
  /** false: the truth is the rendition itself (the seed), there are no cells to compare. */
  cells?: boolean;
}

/** The tables' part of a report (parts 二 to 四), where the cell edits apply. */
function inTables(text: string, edit: (tables: string) => string): string {
  const from = text.indexOf('二、主动公开'), to = text.indexOf('五、存在的主要问题');
  return text.slice(0, from) + edit(text.slice(from, to)) + text.slice(to);
}

/** Every written total of table 三 and table 四 (a row's last value when it has all of them) left blank. */
export function blankTotals(text: string, mark = '~'): string {
  const t3 = text.indexOf('三、收到和处理'), p5 = text.indexOf('五、存在的主要问题');
  const section = text.slice(t3, p5).replace(/\[((?:[^\],]+,){6}) *[^\],]+\]/g, (_, head: string) => `[${head} ${mark}]`)
    .replace(/\[((?:[^\],]+,){4}) *[^\],]+\]/g, (_, head: string) => `[${head} ${mark}]`);
  return text.slice(0, t3) + section + text.slice(p5);
}

/** Zeros in table rows written as a blank mark. */
const zerosAs = (mark: string) => (text: string) => inTables(text, (t) => t.replace(/(?<=[[,] *)0(?= *[,\]])/g, mark));

/** Digits in table cells written full-width (１５２). */
const fullWidth = (text: string) => inTables(text, (t) => t.replace(/(?<=[[,:] *)\d+(?= *[,\]\n#])/g, (d) => [...d].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')));

const yaml = (text: string) => async () => text;
const BLANK_OK: RuleId[] = [...SUM_RULES, ...TYPE_RULES, ...SHAPE_RULES];

export const CORPUS: Rendition[] = [
  // Written in YAML the way a clerk copies a published table.
  { name: 'YAML: every total left blank (~)', truth: COUNTY_TRUTH, make: yaml(blankTotals(COUNTY_TRUTH)), must: ['T3-BLANK', 'T4-BLANK'], mustNot: BLANK_OK },
  { name: 'YAML: totals written as “—”', truth: COUNTY_TRUTH, make: yaml(blankTotals(COUNTY_TRUTH, '—')), must: ['T3-BLANK', 'T4-BLANK'], mustNot: BLANK_OK },
  { name: 'YAML: zeros written as “—”', truth: COUNTY_TRUTH, make: yaml(zerosAs('—')(COUNTY_TRUTH)), must: ['T3-BLANK', 'T4-BLANK', 'T2-BLANK'], mustNot: BLANK_OK },
  { name: 'YAML: zeros written as “/”', truth: COUNTY_TRUTH, make: yaml(zerosAs('/')(COUNTY_TRUTH)), must: ['T3-BLANK', 'T4-BLANK', 'T2-BLANK'], mustNot: BLANK_OK },
  { name: 'YAML: full-width digits', truth: COUNTY_TRUTH, make: yaml(fullWidth(COUNTY_TRUTH)), must: [], mustNot: [...BLANK_OK, 'T3-BLANK', 'T2-UNIT'] },
  { name: 'YAML: 2019 format, totals blank', truth: TRIAL_TRUTH, make: yaml(blankTotals(TRIAL_TRUTH)), must: ['T3-BLANK', 'T4-BLANK'], mustNot: BLANK_OK },
  { name: 'YAML: the seed as published', truth: SEED_TEXT, make: yaml(SEED_TEXT),
    must: ['T3-BLANK', 'T3-SHAPE', 'STR-PARTS', 'DATE-BEFORE-PERIOD-END', 'TXT-DOUBLED', 'FEE-SHAPE'], mustNot: [...SUM_RULES, ...TYPE_RULES, 'T4-SHAPE'], cells: false },
  // Imported from the forms reports are published in.
  { name: 'HTML: totals printed blank (2019 habit)', truth: COUNTY_TRUTH, make: async () => importHtml(publishedHtml(COUNTY_TRUTH, { blankTotals: true })).yaml,
    must: ['T3-BLANK', 'T4-BLANK'], mustNot: BLANK_OK },
  { name: 'HTML: blank totals, zeros as “—”', truth: COUNTY_TRUTH,
    make: async () => importHtml(publishedHtml(COUNTY_TRUTH, { blankTotals: true, zeroAsBlank: true, blankMark: '—' })).yaml, must: ['T3-BLANK', 'T2-BLANK'], mustNot: BLANK_OK },
  { name: 'HTML: totals, zeros as “/”', truth: COUNTY_TRUTH,
    make: async () => importHtml(publishedHtml(COUNTY_TRUTH, { totals: true, zeroAsBlank: true, blankMark: '/' })).yaml, must: ['T3-BLANK', 'T2-BLANK'], mustNot: BLANK_OK },
  { name: 'HTML: full-width digits', truth: COUNTY_TRUTH, make: async () => importHtml(publishedHtml(COUNTY_TRUTH, { totals: true, fullWidthDigits: true })).yaml,
    must: [], mustNot: [...BLANK_OK, 'T3-BLANK'] },
  { name: 'HTML: wrapped row labels', truth: COUNTY_TRUTH, make: async () => importHtml(publishedHtml(COUNTY_TRUTH, { totals: true, wrappedLabels: true })).yaml,
    must: [], mustNot: [...BLANK_OK, 'T3-BLANK'] },
  { name: 'HTML: 2019 format, totals blank', truth: TRIAL_TRUTH, make: async () => importHtml(publishedHtml(TRIAL_TRUTH, { blankTotals: true })).yaml,
    must: ['T3-BLANK'], mustNot: BLANK_OK },
  { name: '.docx: wrapped labels, totals blank', truth: COUNTY_TRUTH,
    make: async () => (await importDocx(await publishedDocx(COUNTY_TRUTH, { blankTotals: true, wrappedLabels: true }))).yaml, must: ['T3-BLANK'], mustNot: BLANK_OK },
  { name: 'text: full grid, totals blank, zeros “—”', truth: COUNTY_TRUTH,
    make: async () => importText(publishedText(COUNTY_TRUTH, { blankTotals: true, zeroAsBlank: true, blankMark: '—' }, 'clean')).yaml, must: ['T3-BLANK'], mustNot: BLANK_OK },
  { name: 'text: seed-like garbling, totals blank', truth: COUNTY_TRUTH,
    make: async () => importText(publishedText(COUNTY_TRUTH, { blankTotals: true, zeroAsBlank: true, halfWidth: true }, 'garbled')).yaml, must: ['T3-BLANK'], mustNot: BLANK_OK },
  { name: 'text: PDF copy, full-width digits', truth: COUNTY_TRUTH,
    make: async () => importText(publishedText(COUNTY_TRUTH, { totals: true, fullWidthDigits: true }, 'spaces')).yaml, must: [], mustNot: [...BLANK_OK, 'T3-BLANK'] },
];
