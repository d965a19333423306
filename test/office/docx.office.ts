/**
 * `npm run test:office`: every sample's Word export opened by a real office suite. LibreOffice (headless, a
 * private profile so parallel runs do not collide) converts the .docx files to PDF; poppler reads them back:
 * pdftotext for the text (every table row label with its printed values, totals included), pdfinfo for the
 * page count and the document properties, word boxes for the margins (nothing runs into them), pdffonts for
 * the Chinese faces. The PDFs and a picture of table 三's page stay in .test-artifacts/office/.
 *
 * LibreOffice does not read Word's alternative font names (w:altName); on Linux it asks fontconfig. The
 * conversion therefore runs with a fontconfig file made from the same fallback lists the document declares
 * (docxStyles.ts FONTS), so 仿宋 falls back to a serif face and 黑体 to a sans one, as on a machine with those
 * fonts. Without it LibreOffice still renders every character, in one sans face.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../server/src/model/model';
import { renderDocx } from '../../server/src/render/docx';
import { FONTS, PAGE, SIZE } from '../../server/src/render/docxStyles';
import { reportOutline } from '../../server/src/render/outline';
import { printedCell } from '../../server/src/render/text';
import { tableRows, type TableDef, type TableNode } from '../../server/src/template';
import { hostileReport } from '../helpers/hostile';
import { ROOT, sample } from '../helpers/samples';

const OUT = join(ROOT, '.test-artifacts', 'office');
const SAMPLES = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xxgk.yaml')).sort();
/** Pages LibreOffice lays each sample out on (22 lines of 3号 a page); a change of layout shows here. */
const PAGES: Record<string, [number, number]> = {
  'clean-zhangying-2024.xxgk.yaml': [3, 5],
  'county-dept-2023.xxgk.yaml': [4, 6],
  'county-dept-2024-mistakes.xxgk.yaml': [4, 6],
  'county-dept-2024.xxgk.yaml': [4, 6],
  'seed-zhangying-2023.xxgk.yaml': [5, 7],
};
const HOSTILE = 'hostile';
const base = (name: string) => name.replace(/\.xxgk\.yaml$/, '');

const TOOLS = [['soffice', '--version'], ['pdftotext', '-v'], ['pdfinfo', '-v'], ['pdffonts', '-v'], ['pdftoppm', '-v']];
const INSTALL = 'bash scripts/e2e/apt-install.sh libreoffice-writer-nogui poppler-utils fonts-noto-cjk';

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** fontconfig aliases from the document's own fallback lists: each face prefers its fallbacks, in order. */
function fontconfig(): string {
  const aliases = Object.values(FONTS).map((f) => `  <alias binding="same"><family>${f.name}</family><prefer>${f.fallbacks.map((x) => `<family>${x}</family>`).join('')}</prefer></alias>`);
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${aliases.join('\n')}\n</fontconfig>\n`;
}

function convert(files: string[], work: string): Promise<void> {
  const profile = pathToFileURL(join(work, 'profile')).href;
  const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', OUT, ...files];
  return new Promise((resolve, reject) => {
    const p = spawn('soffice', args, { env: { ...process.env, FONTCONFIG_FILE: join(work, 'fonts.conf') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    p.stdout.on('data', (d) => { log += d; });
    p.stderr.on('data', (d) => { log += d; });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`soffice exited with ${code}:\n${log}`))));
  });
}

let work = '';
const texts = new Map<string, string>();

beforeAll(async () => {
  for (const [cmd, flag] of TOOLS) {
    if (spawnSync(cmd, [flag]).error) throw new Error(`${cmd} is not installed. Install LibreOffice and poppler: ${INSTALL}`);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'xxgk-office-'));
  writeFileSync(join(work, 'fonts.conf'), fontconfig());
  const docs: [string, string][] = [...SAMPLES.map((s): [string, string] => [base(s), sample(s)]), [HOSTILE, hostileReport()]];
  const files: string[] = [];
  for (const [name, yaml] of docs) {
    const file = join(OUT, `${name}.docx`);
    writeFileSync(file, await renderDocx(parseReport(yaml)));
    files.push(file);
  }
  await convert(files, work);
  for (const [name] of docs) texts.set(name, tool('pdftotext', [join(OUT, `${name}.pdf`), '-']));
});

afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); });

const pdf = (name: string) => join(OUT, `${name}.pdf`);
const squash = (s: string) => s.replace(/\s+/g, '');

/** Every label a table prints: rows, groups, table 二's block headings; table 四's column groups and columns. */
function labels(table: TableDef): string[] {
  if (table.layout === 'rows-as-column-groups') {
    return [...new Set(tableRows(table).flatMap((r) => r.columns.flatMap((c) => [...(c.headerPath ?? []), c.label])))];
  }
  const walk = (nodes: TableNode[]): string[] => nodes.flatMap((n) => (n.kind === 'row' ? [n.label] : [n.label, ...walk(n.children)]));
  return walk(table.nodes);
}

const NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * The numbers each printed table row ends with, in page order (pdftotext -layout puts a row's cells on one
 * line: they are centred in the row), from part 二's heading to part 五's.
 */
function numberRuns(layout: string): string[] {
  const from = layout.indexOf('二、主动公开政府信息情况'), to = layout.indexOf('五、存在的主要问题及改进情况');
  const runs: string[] = [];
  for (const line of layout.slice(from, to).split('\n')) {
    const tokens = line.trim().split(/\s+/);
    let k = tokens.length;
    while (k > 0 && NUMBER.test(tokens[k - 1])) k--;
    if (k < tokens.length) runs.push(tokens.slice(k).join(' '));
  }
  return runs;
}

/** What those runs must be: each table row's printed values (blanks left out), table 四 as its one row. */
function expectedRuns(model: ReturnType<typeof parseReport>, outline: ReturnType<typeof reportOutline>): string[] {
  const values = (rows: ReturnType<typeof tableRows>) => rows.flatMap((r) => r.columns.map((c) => printedCell(model, outline.values, r, c).text)).filter(Boolean).join(' ');
  return model.template.tables.flatMap((table) => (table.layout === 'rows-as-column-groups' ? [values(tableRows(table))] : tableRows(table).map((r) => values([r]))))
    .filter(Boolean);
}

describe.each(SAMPLES)('%s in LibreOffice', (name) => {
  const model = parseReport(sample(name));
  const outline = reportOutline(model);
  const text = () => texts.get(base(name))!;

  it('converts, on the expected number of pages, with the title and author of the report', () => {
    const info = tool('pdfinfo', [pdf(base(name))]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(PAGES[name][0]);
    expect(pages).toBeLessThanOrEqual(PAGES[name][1]);
    expect(info).toContain(`Title:           ${outline.title}`);
    expect(info).toContain(`Author:          ${outline.issuer}`);
  });

  it('holds every row label of the three tables, and every row’s printed values in order, totals included', () => {
    const t = squash(text());
    for (const table of model.template.tables) for (const label of labels(table)) expect(t.includes(squash(label)), `${table.name}: ${label}`).toBe(true);
    expect(numberRuns(tool('pdftotext', ['-layout', pdf(base(name)), '-']))).toEqual(expectedRuns(model, outline));
  });

  it('keeps every word inside the text area: no table runs into the margins', () => {
    const boxes = [...tool('pdftotext', ['-bbox', pdf(base(name)), '-']).matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)];
    expect(boxes.length).toBeGreaterThan(200);
    const left = PAGE.margin.left / 20, right = (PAGE.width - PAGE.margin.right) / 20; // twips → points
    for (const [, xMin, xMax, word] of boxes) {
      expect(Number(xMin), word).toBeGreaterThanOrEqual(left - 1);
      // Chinese punctuation may hang into the margin at a line end (标点溢出, on by default in Word and LibreOffice).
      const hang = /[，。、；：！？）》”’]$/.test(word) ? SIZE.san : 0;
      expect(Number(xMax), word).toBeLessThanOrEqual(right + 1 + hang);
    }
  });

  it('renders the Chinese in CJK faces: a serif for 仿宋/宋体, a sans for 黑体', () => {
    const fonts = tool('pdffonts', [pdf(base(name))]);
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(fonts).toMatch(/NotoSansCJK/);
    expect(text()).toContain('二、主动公开政府信息情况');
  });
});

describe('hostile text in LibreOffice', () => {
  it('opens and prints markup as text', () => {
    expect(existsSync(pdf(HOSTILE))).toBe(true);
    expect(texts.get(HOSTILE)).toContain('<script>alert("xss-script")</script>');
  });
});

describe('a picture of a page', () => {
  it('draws table 三’s page of county-dept-2024 (the README’s docs/images/word-export-table3.png is a copy)', () => {
    const name = 'county-dept-2024';
    const pages = texts.get(name)!.split('\f');
    const page = pages.findIndex((p) => p.includes('三、收到和处理政府信息公开申请情况')) + 1;
    expect(page).toBeGreaterThan(0);
    tool('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf(name), join(OUT, `${name}-table3`)]);
    expect(existsSync(join(OUT, `${name}-table3.png`))).toBe(true);
  });
});
