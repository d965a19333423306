/**
 * `xxgk review` over a generated folder of ~60 reports in every form (test/helpers/reviewFolder.ts): the JSON
 * result as a snapshot, the findings the folder was made to contain, the dashboard parsed with parse5, the SARIF
 * output against the SARIF 2.1.0 schema, the CSV through a CSV parser, and the bundled CLI with two worker
 * threads giving the same result as one thread in process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewCsv } from '../server/src/review/csv';
import { renderDashboard } from '../server/src/review/dashboard';
import { reviewJson } from '../server/src/review/json';
import { runReview } from '../server/src/review/review';
import { reviewSarif } from '../server/src/review/sarif';
import type { ReviewResult } from '../server/src/review/types';
import { RULE_CATALOG } from '../server/src/template/ruleCatalog';
import { makeReviewFolder, sumOf, type ReviewFolder } from './helpers/reviewFolder';
import { ROOT, TODAY } from './helpers/samples';
import { tempDir } from './helpers/tmp';

type Node = DefaultTreeAdapterMap['node'] & {
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
};

let folder: ReviewFolder;
let result: ReviewResult;
const CLI = join(ROOT, 'server', 'out', 'cli.js');

beforeAll(async () => {
  folder = await makeReviewFolder(tempDir('xxgk-review-'));
  result = (await runReview({ inputs: ['.'], cwd: folder.dir, today: TODAY, jobs: 1, render: true })).result;
}, 180_000);

const reportOf = (issuer: string, year = 2024) => result.reports.find((r) => r.issuer === issuer && r.year === year)!;
const rules = (issuer: string, year = 2024) => reportOf(issuer, year).findings.map((f) => f.rule);

describe('xxgk review over a folder of reports in every form', () => {
  it('reads every report, in every form, in path order', () => {
    expect(result.reports.length).toBe(folder.reports.length);
    expect(result.reports.map((r) => r.file)).toEqual([...result.reports.map((r) => r.file)].sort());
    expect(new Set(result.reports.map((r) => r.source))).toEqual(new Set(['yaml', 'html', 'text', 'docx', 'pdf']));
    expect(result.summary.files).toBe(folder.reports.length + 2);
    // Every import recognised every cell of the statutory tables but the page that prints zeros as blanks.
    const partial = result.reports.filter((r) => r.import && r.import.cellsRecognised < r.import.cellsExpected);
    expect(partial.map((r) => r.issuer)).toEqual([folder.bodies[6].issuer]);
  });

  it('lists the damaged and the empty file with their reasons, and skips the lock file and the link loop', () => {
    expect(result.unreadable.map((u) => [u.file, u.reason])).toEqual([
      [folder.files.broken, 'import'],
      [folder.files.empty, 'empty'],
    ]);
    expect(result.unreadable[1].message).toContain('文件是空的');
    expect(result.skipped.map((s) => s.file)).toEqual(
      expect.arrayContaining([folder.files.lock, `${folder.bodies[0].county}/回到上级`]),
    );
  });

  it('finds the defects the folder was made with', () => {
    const expected: Record<string, string> = {
      total: 'T3-ROW-TOTAL',
      late: 'DATE-LATE-DEPT',
      blank: 'T3-BLANK',
      missingPart: 'STR-PARTS',
      signedTooEarly: 'DATE-BEFORE-PERIOD-END',
    };
    for (const [i, defect] of folder.defects) {
      const found = rules(folder.bodies[i].issuer);
      expect(
        found.some((r) => r === expected[defect] || (defect === 'missingPart' && r === 'STR-PART5-EMPTY')),
        `${defect}: ${found}`,
      ).toBe(true);
    }
  });

  it('checks a report against last year’s among the inputs, in another folder and form', () => {
    const good = reportOf(folder.bodies[folder.lastYear.consistent].issuer);
    expect(good.previous).toMatch(/^2023年度\//);
    expect(good.findings.filter((f) => /CARRY|CONTINUITY/.test(f.rule))).toEqual([]);
    const bad = reportOf(folder.bodies[folder.lastYear.carryOverWrong].issuer);
    expect(bad.previous).toMatch(/^2023年度\//);
    expect(bad.findings.map((f) => f.rule)).toContain('T3-CARRY-OVER');
  });

  it('warns both towns that share a paragraph, naming the other body and section', () => {
    const [a, b] = folder.copiedTowns.map((i) => folder.bodies[i].issuer);
    for (const [self, other] of [
      [a, b],
      [b, a],
    ]) {
      const f = reportOf(self).findings.filter((x) => x.rule === 'TXT-DUPLICATE-OTHER');
      expect(f.map((x) => x.other?.issuer)).toEqual([other]);
      expect(f[0].where).toBe('一、（三）政府信息管理');
      expect(f[0].message).toContain(other);
      expect(f[0].message).toContain('一、（三）政府信息管理');
    }
    // Nobody else's prose is nearly the same as another body's.
    const flagged = new Set(
      result.reports.filter((r) => r.findings.some((f) => f.rule === 'TXT-DUPLICATE-OTHER')).map((r) => r.issuer),
    );
    expect(flagged).toEqual(new Set([a, b]));
    expect(result.similar.filter((p) => p.rule === 'TXT-DUPLICATE-OTHER')).toHaveLength(1);
  });

  it('warns both departments whose tables 三 are identical', () => {
    const [a, b] = folder.copiedTables.map((i) => folder.bodies[i].issuer);
    expect(reportOf(a).findings.find((f) => f.rule === 'T3-DUPLICATE-OTHER')?.other?.issuer).toBe(b);
    expect(reportOf(b).findings.find((f) => f.rule === 'T3-DUPLICATE-OTHER')?.other?.issuer).toBe(a);
    expect(result.similar.filter((p) => p.rule === 'T3-DUPLICATE-OTHER')).toHaveLength(1);
  });

  it('sums tables 二, 三 and 四 per year over the bodies, and sets the county government beside the others', () => {
    const y2024 = result.totals.find((t) => t.year === 2024)!;
    const reports2024 = folder.reports.filter((r) => r.year === 2024);
    expect(y2024.reports).toBe(reports2024.length);
    for (const ref of ['t3.r1:TOT', 't3.r3.1:NP', 't2.licensing:decisions', 't4.AR:T', 't2.fees:amount']) {
      expect(y2024.values[ref], ref).toBeCloseTo(sumOf(reports2024, ref), 6);
    }
    // The defects' wrong totals show on the sums.
    expect(y2024.findings.map((f) => f.rule)).toContain('T3-ROW-TOTAL');
    expect(y2024.government?.issuer).toBe(folder.bodies[0].issuer);
    expect(y2024.government?.others).toBe(reports2024.length - 1);
    const own = sumOf(
      reports2024.filter((r) => r.issuer === folder.bodies[0].issuer),
      't3.r1:TOT',
    );
    expect(y2024.government?.differences.find((d) => d.cell === 't3.r1:TOT')).toEqual(
      expect.objectContaining({ own, others: sumOf(reports2024, 't3.r1:TOT') - own }),
    );
  });

  it('gives the same JSON as the snapshot', async () => {
    await expect(reviewJson(result)).toMatchFileSnapshot('__snapshots__/review.json');
  });
});

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const c of node.childNodes ?? []) walk(c, visit);
  const content = (node as { content?: Node }).content;
  if (content) walk(content, visit);
}

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
/** Elements and attributes that would run or load something, and the page's CSP. */
function activeContent(doc: Node): { problems: string[]; csp: string } {
  const problems: string[] = [];
  let csp = '';
  walk(doc, (n) => {
    if (!n.tagName) return;
    if (['script', 'iframe', 'object', 'embed', 'link', 'base', 'img', 'form', 'foreignobject'].includes(n.tagName))
      problems.push(n.tagName);
    if (n.tagName === 'meta' && attr(n, 'http-equiv')?.toLowerCase() === 'content-security-policy')
      csp = attr(n, 'content')!;
    for (const a of n.attrs ?? []) {
      const link = /^(xlink:)?href$/.test(a.name) && !a.value.startsWith('#');
      if (/^on/i.test(a.name) || a.name === 'src' || a.name === 'srcset' || link)
        problems.push(`${n.tagName} ${a.name}=${a.value}`);
    }
    if (n.tagName === 'style' && /url\s*\(|@import/i.test(textOf(n))) problems.push('style loads something');
  });
  return { problems, csp };
}

const textOf = (n: Node): string =>
  n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(textOf).join('');

describe('the dashboard', () => {
  let html: string;
  let doc: Node;
  beforeAll(() => {
    html = renderDashboard(result);
    doc = parse(html) as unknown as Node;
  });

  it('has no active content and loads nothing: the export’s CSP, no script or handler, links within the page', () => {
    const { problems, csp } = activeContent(doc);
    expect(problems).toEqual([]);
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'");
    // The inspection finds active content when it is there.
    expect(
      activeContent(parse('<p onclick="x"><a href="http://x">a</a><script></script></p>') as unknown as Node).problems,
    ).toHaveLength(3);
  });

  it('has one row per body in each of its orders, linking to the body’s section', () => {
    const counted = result.reports.filter((r) => !r.duplicateOf);
    for (const view of ['by-severity', 'by-name', 'by-date']) {
      let section: Node | undefined;
      walk(doc, (n) => {
        if (attr(n, 'id') === view) section = n;
      });
      const rows: string[] = [];
      walk(section!, (n) => {
        if (n.tagName === 'tr' && attr(n, 'data-body')) rows.push(attr(n, 'data-body')!);
      });
      expect(rows.length, view).toBe(counted.length);
      expect(new Set(rows).size, view).toBe(counted.length);
      for (const id of rows) expect(html).toContain(`<section class="body" id="${id}" `);
    }
  });

  it('shows the 汇总 tables with the sums, drawn by the report renderer', () => {
    const y2024 = result.totals.find((t) => t.year === 2024)!;
    let section: Node | undefined;
    walk(doc, (n) => {
      if (attr(n, 'id') === 'totals-2024') section = n;
    });
    const cells = new Map<string, string>();
    walk(section!, (n) => {
      if (n.tagName === 'td' && attr(n, 'data-cell')) cells.set(attr(n, 'data-cell')!, textOf(n).trim());
    });
    const reports2024 = folder.reports.filter((r) => r.year === 2024);
    for (const ref of ['t3.r1:TOT', 't3.r4:NP', 't2.penalty:decisions', 't4.LD:T']) {
      expect(Number(cells.get(ref)), ref).toBeCloseTo(sumOf(reports2024, ref), 6);
      expect(Number(cells.get(ref)), ref).toBe(y2024.values[ref]);
    }
    // The sums' failing identities are marked as in the preview.
    expect(section && html.slice(html.indexOf('id="totals-2024"')).split('id="similar"')[0]).toContain(
      'data-severity="error"',
    );
  });

  it('draws its charts as inline SVG and each body’s report with the failing cells marked', () => {
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3);
    const defective = result.reports.findIndex((r) => r.issuer === folder.bodies[4].issuer);
    const section = html.slice(html.indexOf(`id="r${defective + 1}"`));
    expect(section.slice(0, section.indexOf('</section>\n<section class="body"'))).toMatch(
      /<td class="num" data-cell="t3\.r3\.1:TOT"[^>]*data-severity="error"/,
    );
  });

  it('names each body section’s report and each finding row by its index in the result (for the editor)', () => {
    const i = result.reports.findIndex((r) => r.issuer === folder.bodies[4].issuer);
    const report = result.reports[i];
    const section = html.slice(html.indexOf(`id="r${i + 1}"`)).split('</section>\n<section class="body"')[0];
    expect(section).toMatch(new RegExp(`^id="r${i + 1}" data-report="${i}" data-source="${report.source}">`));
    const rows = [...section.matchAll(/<tr class="(error|warning|info)" data-finding="(\d+)">/g)];
    expect(rows.map((m) => [m[1], Number(m[2])])).toEqual(report.findings.map((f, k) => [f.severity, k]));
  });

  it('escapes report content (a hostile body name and message stay text)', () => {
    const hostile: ReviewResult = JSON.parse(JSON.stringify(result));
    const victim = hostile.reports.find((r) => r.findings.length)!;
    victim.issuer = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    victim.findings[0] = {
      ...victim.findings[0],
      message: '"><svg onload=alert(3)>',
      where: '<a href="javascript:x">',
    };
    const page = renderDashboard(hostile);
    expect(activeContent(parse(page) as unknown as Node).problems).toEqual([]);
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).toContain('&#34;&#62;&#60;svg onload=alert(3)&#62;');
  });
});

describe('machine outputs', () => {
  it('SARIF 2.1.0: valid against the schema, one run, the catalogue’s rules and titles, every finding located', () => {
    const sarif = JSON.parse(reviewSarif(result, { baseUri: 'file:///reviews/' }));
    const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // The validator does reject a broken log (so its silence means something).
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(
      run.tool.driver.rules.find((r: { id: string }) => r.id === 'TXT-DUPLICATE-OTHER').shortDescription.text,
    ).toBe(RULE_CATALOG['TXT-DUPLICATE-OTHER'].title);
    const findings = result.reports.reduce((s, r) => s + r.findings.length, 0);
    expect(run.results).toHaveLength(findings);
    const yaml = run.results.find((r: { properties: { source: string } }) => r.properties.source === 'yaml');
    expect(yaml.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    const imported = run.results.find((r: { properties: { source: string } }) => r.properties.source === 'html');
    expect(imported.locations[0].physicalLocation.region).toBeUndefined();
    expect(imported.locations[0].logicalLocations[0].fullyQualifiedName).toBeTruthy();
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(2);
  });

  it('CSV: UTF-8 with a BOM, one line per finding and per unreadable file, as a CSV parser reads it', () => {
    const csv = reviewCsv(result);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows: string[][] = parseCsv(csv.slice(1), { relaxColumnCount: false });
    expect(rows[0]).toEqual([
      '文件',
      '机关',
      '机关类型',
      '年度',
      '严重程度',
      '规则编号',
      '规则名称',
      '位置',
      '行',
      '列',
      '说明',
      '雷同的另一份报告',
    ]);
    const findings = result.reports.reduce((s, r) => s + r.findings.length, 0);
    expect(rows.length - 1).toBe(findings + result.unreadable.length);
    const copied = rows.find((r) => r[5] === 'TXT-DUPLICATE-OTHER')!;
    expect(copied[10]).toContain('雷同');
    expect(copied[11]).toMatch(/\.(xxgk\.yaml|html|txt|docx)$/);
  });

  it('CSV: a value that looks like a formula cannot run in Excel', () => {
    const r: ReviewResult = JSON.parse(JSON.stringify(result));
    r.reports.find((x) => x.findings.length)!.issuer = '=HYPERLINK("http://x","点我")';
    const rows: string[][] = parseCsv(reviewCsv(r).slice(1));
    expect(rows.find((x) => x[1].includes('HYPERLINK'))![1]).toBe('\'=HYPERLINK("http://x","点我")');
  });
});

describe('the bundled CLI', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'review', ...args], {
      cwd: folder.dir,
      encoding: 'utf8',
      env: { ...process.env, XXGK_LANG: 'zh-cn' },
    });

  it('with two worker threads gives the result of one thread in process, exit 1, nothing beside the inputs', () => {
    const before = listAll(folder.dir);
    const out = join(tempDir('xxgk-review-out-'), 'review.json');
    const r = cli('.', '-o', out, '--jobs', '2', '--stats');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`已写入 ${out}`);
    const stats = JSON.parse(r.stderr.trim().split('\n').at(-1)!);
    expect(stats.jobs).toBe(2);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    const mine = JSON.parse(reviewJson(result));
    expect({ ...json, options: { ...json.options, today: '' }, tool: {} }).toEqual({
      ...mine,
      options: { ...mine.options, today: '' },
      tool: {},
    });
    expect(listAll(folder.dir)).toEqual(before);
  }, 180_000);

  it('never overwrites without --force, refuses bad usage with exit code 2, and writes HTML by default', () => {
    const dir = tempDir('xxgk-review-out-');
    const out = join(dir, 'review.html');
    writeFileSync(out, 'keep me');
    const two = [
      cli(join(ROOT, 'samples'), '-o', out),
      cli('no-such-folder', '-o', join(dir, 'x.html')),
      cli(join(ROOT, 'samples'), '--format', 'xml'),
      cli(join(ROOT, 'samples'), '--jobs', '0'),
      cli(),
    ];
    for (const r of two) expect(r.status, r.stderr).toBe(2);
    expect(two[0].stderr).toContain('已存在');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
    const forced = cli(join(ROOT, 'samples'), '-o', out, '--force', '--quiet', '--jobs', '1');
    expect(forced.status).toBe(1);
    expect(forced.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readdirSync(dir)).toEqual(['review.html']);
  }, 120_000);
});

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false } as never)
    .map(String)
    .sort();
}
