/**
 * Import of published reports: the seed dump (its check gives the hand-made seed sample's rule ids), reports
 * published from the samples' values in the real layouts (text, Word-style HTML, .docx; clean and garbled),
 * the committed garbled fixtures, the 2019 format, and the guarantees: printed totals kept, blanks as ~,
 * nothing dropped without a word.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/tmp';
import { main } from '../server/src/cli';
import { decodeText, importBuffer, importDocx, importFile, importHtml, importText, ImportError, formatSummary, type ImportResult } from '../server/src/import';
import { cellValue } from '../server/src/import/cells';
import { bodyOfTitle, contactOf, dateLine, inferKind, publishedOf } from '../server/src/import/meta';
import { trimTo } from '../server/src/import/tables';
import { parseReport } from '../server/src/model/model';
import { accuracy, publishedDocx, publishedHtml, publishedText, type Style, type TextLayout } from './helpers/published';
import { CLEAN, COUNTY, ROOT, SEED, check, fixture, sample } from './helpers/samples';

const seedText = fixture('seed-zhangying-2023.txt');
const county = sample(COUNTY);
const clean = sample(CLEAN);
const trial = fixture('trial-2020.xxgk.yaml');

function rules(yaml: string): Set<string> {
  return new Set(check(yaml).map((f) => f.rule));
}

/** The source's text without whitespace: what “nothing lost” is measured on. */
const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

describe('the seed dump (张营乡 2023, tables flattened, labels split, table 三 cut after （五）4, part 四 missing)', () => {
  const { yaml, summary } = importText(seedText);

  it('gives a report whose check has exactly the rule ids of the hand-made seed sample', () => {
    expect(rules(yaml)).toEqual(rules(sample(SEED)));
  });

  it('reproduces every cell of the hand-made transcription, printed totals and blanks included', () => {
    const got = parseReport(yaml), want = parseReport(sample(SEED));
    const cells = (m: typeof got) => [...m.cells.values()].map((c) => `${c.ref}=${c.state === 'blank' ? '~' : c.value}`).sort();
    expect(cells(got)).toEqual(cells(want));
    expect(got.cells.size).toBe(143);
  });

  it('reads the metadata: title, body from the signature, kind, year, 落款日期, contact', () => {
    for (const line of ['标题: 张营乡 2023 年度政府信息公开工作报告', '机关: 张营乡人民政府', '机关类型: 乡镇人民政府', '年度: 2023', '落款日期: 2023年1月22日', '联系方式: 张营乡党政办公室，电话：0319—6240117']) {
      expect(yaml).toContain(`\n${line}\n`);
    }
  });

  it('keeps every paragraph, rejoining those broken at page ends', () => {
    const out = squash(yaml);
    const lines = seedText.split('\n').filter((l) => l.trim() && !l.includes('\t'));
    for (const l of lines) {
      // Headings become keys; everything else is in the YAML word for word.
      if (/^[一二三四五六]、/.test(l.trim())) continue;
      expect(out, l).toContain(squash(l).replace(/^（[一二三四五]）[^。]*。/, ''));
    }
    expect(yaml).toContain('努力推动政府信息公开工作的普及延伸和纵深发展。');
  });

  it('says what it mapped, what is missing, and that nothing was left unplaced', () => {
    expect(summary.unmapped).toEqual([]);
    expect(summary.cells).toEqual({ numbers: 33, blanks: 110, text: 0 });
    const text = formatSummary(summary);
    expect(text).toContain('表三：19 行，保留原表印的总计');
    expect(text).toContain('原文没有“四、政府信息公开行政复议、行政诉讼情况”，未补写');
    expect(text).toContain('表三原文缺少以下行，未补写（检查时会逐行提示）：5.要求行政机关确认或重新出具已获取信息；');
    expect(formatSummary(summary, 'en')).toContain('Table cells: 33 numbers, 110 blanks');
  });

  it('xxgk import → xxgk check: the same rule ids as the seed sample', async () => {
    const dir = tempDir('xxgk-import-');
    const err: string[] = [];
    const io = (out: string[]) => ({ out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd: dir, env: {} });
    expect(await main(['import', join(ROOT, 'test', 'fixtures', 'seed-zhangying-2023.txt'), '-o', 'seed.xxgk.yaml'], io([]))).toBe(0);
    expect(err.join('\n')).toContain('导入完成（来源：纯文本；格式：2021）。');
    const imported: string[] = [], original: string[] = [];
    await main(['check', 'seed.xxgk.yaml', '--format', 'json'], io(imported));
    await main(['check', join(ROOT, 'samples', SEED), '--format', 'json'], io(original));
    const ids = (out: string[]) => new Set(JSON.parse(out.join('\n')).files[0].findings.map((f: { rule: string }) => f.rule));
    expect(ids(imported)).toEqual(ids(original));
    expect(ids(imported).size).toBe(7);
  });
});

describe('reports published in the real layouts (truth: the samples’ values)', () => {
  type Case = [name: string, truth: string, make: () => Promise<ImportResult> | ImportResult, expectUnmapped: string[]];
  const text = (s: Style, layout: TextLayout) => () => importText(publishedText(county, s, layout));
  const html = (s: Style) => () => importHtml(publishedHtml(county, s));
  const docx = (s: Style) => async () => importDocx(await publishedDocx(county, s));
  const CHROME = ['页首', '页首', '落款之后'];
  const cases: Case[] = [
    ['text, full grid, totals printed', county, text({ totals: true }, 'clean'), []],
    ['text, no totals, half-width brackets', county, text({ halfWidth: true }, 'clean'), []],
    ['text like the seed: merged cells lost, labels spaced, wrapped header, page number, broken paragraphs', county, text({ totals: true, zeroAsBlank: true, halfWidth: true }, 'garbled'), ['页码']],
    ['text from a PDF: space-separated', county, text({ totals: true }, 'spaces'), []],
    ['web page: totals, &nbsp; blanks, chrome around', county, html({ totals: true, zeroAsBlank: true }), CHROME],
    ['web page: no totals, variants (规范性文件, 其他法律行政止公开, …改进措施), half-width', county, html({ variants: true, halfWidth: true }), CHROME],
    ['web page of a township with blanks', clean, () => importHtml(publishedHtml(clean, { totals: true, zeroAsBlank: true })), CHROME],
    ['Word .docx: gridSpan/vMerge, totals', county, docx({ totals: true }), []],
    ['Word .docx: no totals, blanks, variants', county, docx({ zeroAsBlank: true, variants: true, halfWidth: true }), []],
  ];

  for (const [name, truth, make, expectUnmapped] of cases) {
    it(name, async () => {
      const r = await make();
      const a = accuracy(truth, r.yaml);
      expect(a.wrong).toEqual([]);
      expect(a.correct).toBeGreaterThanOrEqual(166); // every cell of the three tables (200 with the printed totals)
      expect(r.summary.format).toBe(2021);
      expect(r.summary.unmapped.map((u) => u.where)).toEqual(expectUnmapped);
      const found = rules(r.yaml);
      for (const bad of ['YAML-SYNTAX', 'STR-UNKNOWN-KEY', 'STR-TYPE', 'LABEL-NORMALISE', 'T3-SHAPE', 'T4-SHAPE', 'T2-SHAPE', 'STR-PARTS', 'META-FIELD', 'T3-ROW-TOTAL', 'T3-BALANCE']) {
        expect(found.has(bad), bad).toBe(false);
      }
    });
  }

  it('keeps the printed totals, so a wrong printed sum stays visible', () => {
    const page = publishedHtml(county, { totals: true }).replace('<span style="font-size:10.5pt;font-family:宋体">75</span>', '<span style="font-size:10.5pt;font-family:宋体">76</span>');
    const { yaml } = importHtml(page);
    expect(yaml).toMatch(/  予以公开: +\[61, 9, 1, 0, 3, 1, 76\]/);
    const f = check(yaml).filter((x) => x.rule === 'T3-ROW-TOTAL');
    expect(f.map((x) => x.message)).toEqual(['表三“（一）予以公开”行的总计填报为 76，按各项计算应为 75（自然人 61 + 商业企业 9 + 科研机构 1 + 社会公益组织 0 + 法律服务机构 3 + 其他 1），相差 +1。']);
  });

  it('writes blank cells as ~ and leaves totals out where none were printed', () => {
    const { yaml } = importHtml(publishedHtml(clean, { zeroAsBlank: true }));
    expect(yaml).toMatch(/  本年新收: +\[3, 1, ~, ~, ~, ~\]/);
    expect(yaml).toContain('其他（总计不填，自动计算）');
  });

  it('maps a single （六）其他处理 row (2019 layout) to “3.其他”, says so, and lets the checker name the two rows it lacks', () => {
    const r = importHtml(publishedHtml(county, { totals: true, sixthAsOne: true }));
    expect(r.yaml).toMatch(/    其他: +\[6, 1, 0, 0, 1, 0, 8\]  # 原表“（六）其他处理”为一行（2019 年格式），已填入“3.其他”/);
    expect(r.summary.warnings.map((w) => w.key)).toContain('import.row.sixthAsOne');
    const shape = check(r.yaml).filter((f) => f.rule === 'T3-SHAPE').map((f) => f.message);
    expect(shape).toHaveLength(1); // one finding for the level, naming both rows
    expect(shape[0]).toContain('表三缺少 2 行');
    expect(shape[0]).toContain('1.申请人无正当理由逾期不补正');
    expect(shape[0]).toContain('2.申请人逾期未按收费通知要求缴纳费用');
  });
});

describe('committed fixtures', () => {
  it('garbled text (张营乡 2024): label split over two lines, a row with its tabs lost, a typo, a junk row, page numbers', async () => {
    const r = await importFile(join(ROOT, 'test', 'fixtures', 'import', 'garbled-zhangying-2024.txt'));
    const a = accuracy(clean, r.yaml);
    expect(a.wrong).toEqual([]);
    expect(a.correct).toBe(200);
    expect(r.summary.unmapped).toEqual([
      { where: '表三', text: '其中：网上申请 | 2 | 1 | 3' },
      { where: '页码', text: '— 2 —' },
      { where: '页码', text: '— 3 —' },
      { where: '页首', text: '首页 > 政务公开 > 年度报告' },
    ]);
    // Kept in the YAML, and the checker points at it until it is dealt with.
    expect(r.yaml).toContain('未识别内容: |\n  【表三】其中：网上申请 | 2 | 1 | 3\n\n  【页码】— 2 —');
    const found = check(r.yaml);
    expect(found.filter((f) => f.rule === 'IMPORT-UNMAPPED').map((f) => f.message)).toEqual(['“未识别内容”中还有 4 段导入时未能识别的内容。请逐段核对：移到相应的部分或表格，或确认无用后删除。']);
    expect(r.yaml).toContain('  说明: |\n    注：本表统计口径为本年度收到的书面申请。');
    expect(r.summary.warnings.map((w) => w.key)).toEqual(expect.arrayContaining(['import.row.unknownLabel', 'import.row.noValues', 'import.feesInferred']));
    expect(r.summary.mapped.map((m) => m.key)).toContain('import.headingVariant');
  });

  it('a GBK web page (charset=gb2312) with nested spans, <p>s and <th> in cells, full-width numbering', async () => {
    const r = await importFile(join(ROOT, 'test', 'fixtures', 'import', 'published-county-2024.gbk.html'));
    expect(r.yaml).toContain('标题: 示例县自然资源和规划局2024年政府信息公开工作年度报告');
    expect(r.yaml).toContain('发布日期: 2025-01-24');
    const a = accuracy(county, r.yaml);
    expect(a.wrong).toEqual([]);
    expect(a.correct).toBe(200);
    expect(r.summary.unmapped.map((u) => u.text)).toEqual(['首页 > 政务公开 > 政府信息公开年报', '发布日期：2025-01-24 来源：示例县自然资源和规划局字体：[大中小]', '【打印本页】【关闭窗口】']);
  });
});

describe('the 2019 trial format', () => {
  it('is recognised from table 二’s old columns and imported against its own template', () => {
    const r = importHtml(publishedHtml(trial, { totals: true }));
    expect(r.summary.format).toBe(2019);
    expect(r.yaml).toMatch(/^格式: 2019$/m);
    expect(accuracy(trial, r.yaml).wrong).toEqual([]);
    expect(r.yaml).toMatch(/  行政许可: +\[38, -3, 1562\]/);
    expect(r.yaml).toMatch(/  其他处理: +\[0, 0, 0, 0, 0, 0, 0\]/);
    const found = rules(r.yaml);
    expect(found.has('VER-OLD-MARKERS') || found.has('META-VERSION') || found.has('STR-UNKNOWN-KEY')).toBe(false);
  });

  it('on a report for 2021 or later, is imported as it is and flagged precisely', () => {
    const late = trial.replace('年度: 2020', '年度: 2023').replace('落款日期: 2021-01-22', '落款日期: 2024-01-22').replace('2020年政府信息公开', '2023年政府信息公开');
    const r = importText(publishedText(late, { totals: true }, 'clean'));
    expect(r.summary.format).toBe(2019);
    const found = check(r.yaml);
    expect(found.filter((f) => f.rule === 'META-VERSION')).toHaveLength(1);
    expect(found.filter((f) => f.rule === 'VER-OLD-MARKERS')).toHaveLength(9);
  });
});

describe('headings', () => {
  it('reads headings worded differently, and not a numbered list inside a part', () => {
    const doc = ['某县某局2024年政府信息公开工作年度报告', '一、总体情况', '（一）主动公开', '全年公开信息10条。',
      '三、收到和处理政府信息公开申请的情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', '五、存在的主要问题及改进举措',
      '一、主动公开方面：时效性不强。', '二、主动公开方面：解读不足。', '六、其他需要报告的事项', '无。', '某县某局', '2025年1月10日'].join('\n\n');
    const r = importText(doc);
    const model = parseReport(r.yaml);
    expect(model.parts.map((p) => p.def.id)).toEqual(['p1', 'p3', 'p4', 'p5', 'p6']);
    expect(r.yaml).toContain('五、存在的主要问题及改进情况: |\n  一、主动公开方面：时效性不强。\n\n  二、主动公开方面：解读不足。');
    expect(r.summary.mapped.filter((m) => m.key === 'import.headingVariant').map((m) => m.args?.text)).toEqual([
      '三、收到和处理政府信息公开申请的情况', '四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', '五、存在的主要问题及改进举措',
    ]);
    expect(r.yaml).toContain('机关: 某县某局\n机关类型: 县级政府部门  # 据机关名称推断，请核对');
    expect(r.yaml).toContain('落款日期: 2025年1月10日');
  });
});

describe('pieces', () => {
  it('reads cells: blanks, full-width digits, thousands, signs, units', () => {
    expect([' ', '—', '/', '无', '\u00a0'].map(cellValue)).toEqual([null, null, null, null, null]);
    expect(['１２', '1,286', '+3', '-2', '3件', '0.5'].map(cellValue)).toEqual([12, 1286, 3, -2, 3, 0.5]);
    expect(cellValue('251000元')).toBe('251000元');
    expect(cellValue('规章')).toBeUndefined();
  });

  it('fits shifted cells: trailing blanks first, the fit whose total adds up wins', () => {
    expect(trimTo([null, 0, null, null, null, null, null, 0, null], 7, true)).toEqual([0, null, null, null, null, null, 0]);
    expect(trimTo([null, null, null, null, null, null, null, 0, null], 7, true)).toEqual([null, null, null, null, null, null, 0]);
    expect(trimTo([null, 2, 1, null, null, null, null, 3], 7, true)).toEqual([2, 1, null, null, null, null, 3]);
    expect(trimTo([1, 2, 3, 4, 5, 6, 7, 8], 7, true)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('infers the kind of body, saying when it is a guess', () => {
    expect(inferKind('张营乡人民政府')).toEqual({ kind: '乡镇人民政府', guessed: false });
    expect(inferKind('大明湖街道办事处')).toEqual({ kind: '街道办事处', guessed: false });
    expect(inferKind('示例县人民政府')).toEqual({ kind: '县级人民政府', guessed: false });
    expect(inferKind('河北省人民政府')).toEqual({ kind: '省级人民政府', guessed: false });
    expect(inferKind('邢台市人民政府')).toEqual({ kind: '市级人民政府', guessed: true });
    expect(inferKind('威县市场监督管理局')).toEqual({ kind: '县级政府部门', guessed: true });
    expect(inferKind('河北省邢台市威县发展和改革局')).toEqual({ kind: '县级政府部门', guessed: true });
    expect(inferKind('邢台市生态环境局')).toEqual({ kind: '市级政府部门', guessed: true });
    expect(inferKind('上海市人民政府办公厅')).toEqual({ kind: '省级政府部门', guessed: true });
    expect(inferKind('国家统计局')).toEqual({ kind: '国务院部门', guessed: true });
    expect(inferKind('某某')).toBeUndefined();
  });

  it('reads titles, dates, contacts and a page’s 发布日期', () => {
    expect(bodyOfTitle('张营乡 2023 年度政府信息公开工作报告')).toBe('张营乡');
    expect(bodyOfTitle('2024年示例县自然资源和规划局政府信息公开工作年度报告')).toBe('示例县自然资源和规划局');
    expect(dateLine('2023年1月22日')).toBe('2023年1月22日');
    expect(dateLine('2023年1月22日发布了通知')).toBeUndefined();
    expect(contactOf('如对本报告有任何疑问，请与张营乡党政办公室联系，电话：0319—6240117。')).toBe('张营乡党政办公室，电话：0319—6240117');
    expect(contactOf('联系地址：某县人民路1号，联系电话：0311-1234567')).toBe('地址：某县人民路1号，电话：0311-1234567');
    expect(publishedOf('发布时间：2024年01月20日 10:30 来源：本站')).toBe('2024-01-20');
  });

  it('refuses what it cannot read, with a clear message', async () => {
    const dir = tempDir('xxgk-import-');
    for (const [name, msg] of [['a.doc', '另存为” .docx'], ['a.pdf', '不是 PDF'], ['a.xls', '可导入 .txt、.html、.htm、.docx、.pdf']]) {
      writeFileSync(join(dir, name), 'x');
      await expect(importFile(join(dir, name))).rejects.toThrow(msg);
    }
    await expect(importDocx(Buffer.from('not a zip'))).rejects.toBeInstanceOf(ImportError);
  });

  it('decodes UTF-8, GB18030 and UTF-16 (Notepad’s “Unicode”) text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]);
    const r = await importBuffer('seed.txt', utf16);
    expect(r.yaml).toBe(importText(seedText).yaml);
    expect(decodeText(Buffer.from('张营乡', 'utf8'))).toBe('张营乡');
    expect(decodeText(Uint8Array.from([0xd5, 0xc5, 0xd3, 0xaa]))).toBe('张营');
  });
});

describe('xxgk import', () => {
  async function run(cwd: string, ...argv: string[]) {
    const out: string[] = [], err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd, env: {} });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes the report, prints the summary to stderr, and never overwrites', async () => {
    const dir = tempDir('xxgk-import-');
    writeFileSync(join(dir, 'report.docx'), await publishedDocx(county, { totals: true }));
    const r = await run(dir, 'import', 'report.docx', '-o', 'out.xxgk.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('导入完成（来源：Word 文档（.docx）；格式：2021）。');
    expect(r.err).toContain('已写入 out.xxgk.yaml。下一步：xxgk check out.xxgk.yaml');
    const written = readFileSync(join(dir, 'out.xxgk.yaml'), 'utf8');
    expect(accuracy(county, written).wrong).toEqual([]);
    writeFileSync(join(dir, 'out.xxgk.yaml'), 'edited by hand');
    const again = await run(dir, 'import', 'report.docx', '-o', 'out.xxgk.yaml');
    expect(again.code).toBe(2);
    expect(again.err).toContain('“out.xxgk.yaml”已存在，不会覆盖');
    expect(readFileSync(join(dir, 'out.xxgk.yaml'), 'utf8')).toBe('edited by hand');
  });

  it('prints the YAML to stdout without -o, and explains bad usage', async () => {
    const r = await run(ROOT, 'import', 'test/fixtures/seed-zhangying-2023.txt');
    expect(r.code).toBe(0);
    expect(r.out).toContain('机关: 张营乡人民政府');
    expect(r.err).toContain('已识别：');
    expect((await run(ROOT, 'import')).code).toBe(2);
    expect((await run(ROOT, 'import', 'nope.txt')).err).toContain('找不到“nope.txt”');
  });

  it('speaks the language of --lang in its errors and summary', async () => {
    const dir = tempDir('xxgk-import-');
    writeFileSync(join(dir, 'a.pdf'), 'x');
    writeFileSync(join(dir, 'noext'), 'x');
    expect((await run(dir, 'import', 'a.pdf', '--lang', 'en')).err).toBe(
      'This file is not a PDF (it does not start with the PDF marker); the download may be incomplete or the extension wrong. Nothing was written.');
    expect((await run(dir, 'import', 'noext', '--lang', 'en')).err).toBe('A file without an extension cannot be imported: use .txt, .html, .htm, .docx or .pdf.');
    expect((await run(dir, 'import', 'noext')).err).toBe('无法识别“（无扩展名）”文件：可导入 .txt、.html、.htm、.docx、.pdf。');
    expect((await run(dir, 'import', 'nope.txt', '--lang', 'en')).err).toBe('“nope.txt” was not found.');
    const r = await run(ROOT, 'import', 'test/fixtures/seed-zhangying-2023.txt', '-o', join(dir, 'seed.xxgk.yaml'), '--lang', 'en');
    expect(r.err).toContain('Mapped:');
    expect(r.err).toContain('Please check:');
    expect(r.err).toContain(`Written to ${join(dir, 'seed.xxgk.yaml')}. Next: xxgk check`);
    expect(r.err).not.toMatch(/已识别|请核对|已写入/);
  });
});

describe('robustness', () => {
  it('never throws, and always writes YAML that parses, whatever the text (fixed-seed property)', async () => {
    const fc = await import('fast-check');
    const pieces = fc.constantFrom('一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '（一）主动公开', '\t', '\n', '\n\n', ' ', '0', '~', '#', ': ', '- ', '|', '"',
      '规章', '本年新收', '（七）总计', '2023年1月22日', '张营乡人民政府', '\u2028', '\u0085', '\u0000', '\ufeff', '{', '[', '&nbsp;', '<td>', '</tr>', '——');
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(pieces, { maxLength: 80 }).map((xs) => xs.join('')));
    fc.assert(fc.property(text, (t) => {
      for (const r of [importText(t), importHtml(t), importHtml(`<table><tr><td>${t}</td><td>1</td></tr><tr><td>${t}</td></tr></table>`)]) {
        const model = parseReport(r.yaml);
        expect(model.findings.filter((f) => f.rule === 'YAML-SYNTAX')).toEqual([]);
      }
    }), { seed: 20261127, numRuns: 300 });
  });

  it('keeps odd prose intact through the writer (quotes, colons, hashes, leading spaces)', () => {
    const odd = '一、总体情况\n\n  # 不是注释：“引号”、\'单引号\'、key: value、[方括号]、{花括号}、--- 与 ... 也照原样。';
    const { yaml } = importText(odd);
    const model = parseReport(yaml);
    expect(model.prose.map((p) => p.text.trim())).toEqual(['# 不是注释：“引号”、\'单引号\'、key: value、[方括号]、{花括号}、--- 与 ... 也照原样。']);
  });
});
