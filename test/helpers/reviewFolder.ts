/**
 * A folder of reports as a disclosure office receives them, for test/review.test.ts: three counties' bodies
 * (one county's government, departments, towns and a street; the other counties' departments and towns), their
 * 2024 reports as .xxgk.yaml, web pages, copied text and Word files, two published PDFs, four of last year's
 * reports, some defects, two towns sharing a copied paragraph, two departments sharing a table 三, a damaged
 * Word file, an empty page, a Word lock file and a symbolic link back up the tree.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  corpusBodies,
  corpusReport,
  corpusTable3,
  sharedParagraph,
  type Body,
  type Defect,
} from '../../bench/reviewCorpus';
import { parseReport } from '../../server/src/model/model';
import { evaluate } from '../../server/src/model/tableValues';
import { PDF_DIR, PDF_FIXTURES } from './pdfFixtures';
import { publishedDocx, publishedHtml, publishedText } from './published';

export interface FolderReport {
  file: string;
  issuer: string;
  year: number;
  /** The report's text as written (for imported forms: before publishing), the truth of its values. */
  yaml: string;
}

export interface ReviewFolder {
  dir: string;
  reports: FolderReport[];
  bodies: Body[];
  /** Indexes into `bodies` of the special cases. */
  copiedTowns: [number, number];
  copiedTables: [number, number];
  lastYear: { consistent: number; carryOverWrong: number };
  defects: Map<number, Defect>;
  files: { broken: string; empty: string; lock: string };
}

const FORMS = ['yaml', 'html', 'txt', 'docx', 'yaml'] as const;
const DEFECTS = new Map<number, Defect>([
  [4, 'total'],
  [7, 'late'],
  [10, 'blank'],
  [16, 'missingPart'],
  [22, 'signedTooEarly'],
]);

function folderOf(b: Body): string {
  return b.kind === '县级人民政府'
    ? b.county
    : `${b.county}/${b.kind === '乡镇人民政府' || b.kind === '街道办事处' ? '乡镇街道' : '部门'}`;
}

export async function makeReviewFolder(dir: string): Promise<ReviewFolder> {
  const all = corpusBodies(57, 11);
  // Only the first county's government is among the inputs: it is the area government.
  const bodies = all.filter((b, i) => i === 0 || b.kind !== '县级人民政府');
  const copiedTowns: [number, number] = [14, 15];
  const copiedTables: [number, number] = [22, 24];
  const lastYear = { consistent: 1, carryOverWrong: 2 };
  const shared = sharedParagraph(5);
  const table3 = corpusTable3(99);
  const reports: FolderReport[] = [];
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  };
  const last = new Map<number, Map<string, number[]>>();
  for (const i of [1, 2, 3, 5]) {
    const t3 = corpusTable3(500 + i);
    last.set(i, t3);
    const yaml = corpusReport({ body: bodies[i], year: 2023, seed: 1000 + i, table3: t3, valid: 20 + i });
    const file = `2023年度/${bodies[i].issuer}2023年度报告.xxgk.yaml`;
    write(file, yaml);
    reports.push({ file, issuer: bodies[i].issuer, year: 2023, yaml });
  }
  for (const [i, body] of bodies.entries()) {
    const yaml = corpusReport({
      body,
      year: 2024,
      seed: i,
      defect: DEFECTS.get(i),
      shared: copiedTowns.includes(i) ? shared : undefined,
      table3: copiedTables.includes(i) ? new Map([...table3].map(([k, v]) => [k, [...v]])) : undefined,
      carriedOver: last.has(i) && i !== lastYear.carryOverWrong ? last.get(i)!.get('t3.r4') : undefined,
      validBefore: last.has(i) && i !== lastYear.carryOverWrong ? 20 + i : undefined,
    });
    const form = FORMS[i % FORMS.length];
    const base = `${folderOf(body)}/${body.issuer}2024年政府信息公开工作年度报告`;
    const file = `${base}.${form === 'yaml' ? 'xxgk.yaml' : form}`;
    if (form === 'yaml') write(file, yaml);
    else if (form === 'html') write(file, publishedHtml(yaml, { totals: true, fees: true, zeroAsBlank: i === 6 }));
    else if (form === 'txt') write(file, publishedText(yaml, { totals: true, fees: true }, 'clean'));
    else write(file, await publishedDocx(yaml, { totals: i % 2 === 0, fees: true }));
    reports.push({ file, issuer: body.issuer, year: 2024, yaml });
  }
  for (const name of ['county-2024.chromium.pdf', 'zhangying-2024.word.pdf']) {
    const fixture = PDF_FIXTURES.find((f) => f.file === name)!;
    const file = `PDF/${name}`;
    mkdirSync(join(dir, 'PDF'), { recursive: true });
    copyFileSync(join(PDF_DIR, name), join(dir, file));
    const yaml = fixture.truth();
    reports.push({ file, issuer: String(parseReport(yaml).fields.get('issuer')!.node!.toJSON()), year: 2024, yaml });
  }
  const files = {
    broken: 'PDF/损坏的报告.docx',
    empty: 'PDF/空白页面.html',
    lock: `${folderOf(bodies[3])}/~$报告.docx`,
  };
  write(files.broken, Buffer.from('PK\u0003\u0004 this is not really a zip file'));
  write(files.empty, '');
  write(files.lock, Buffer.from([1, 2, 3]));
  symlinkSync('..', join(dir, bodies[0].county, '回到上级'));
  return { dir, reports, bodies, copiedTowns, copiedTables, lastYear, defects: DEFECTS, files };
}

/** The sum of one cell over reports, from their texts. */
export function sumOf(reports: FolderReport[], ref: string): number {
  return reports.reduce((s, r) => s + (evaluate(parseReport(r.yaml)).get(ref)?.value ?? 0), 0);
}

export function readText(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}
