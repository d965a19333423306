/**
 * The Word export without an office suite (LibreOffice renders it in `npm run test:office`): the 公文 page
 * and styles, the official tables with their merges, the same text in the same order as the HTML export,
 * the round trip through the importer (every cell, every paragraph), document properties, bad input, and
 * `xxgk render -o x.docx`.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../server/src/cli';
import { importDocx, importHtml } from '../server/src/import';
import { parseReport } from '../server/src/model/model';
import { renderDocument } from '../server/src/render/html';
import { renderDocx } from '../server/src/render/docx';
import { reportOutline } from '../server/src/render/outline';
import { printedCell } from '../server/src/render/text';
import { tableRows } from '../server/src/template';
import { attrOf, docxParts, docxTexts, htmlTexts, paragraphs, tables, textOf, type DocxTable } from './helpers/docx';
import { editedSample, randomUnicode, reportGrammar } from './helpers/fuzz';
import { hostileReport } from './helpers/hostile';
import { CLEAN, COUNTY, ROOT, SEED, edit, sample } from './helpers/samples';
import { tempDir } from './helpers/tmp';

const SAMPLES = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xxgk.yaml')).sort();
const docxOf = (yaml: string) => renderDocx(parseReport(yaml));

/** Grid columns a row covers: every cell's span, merged continuations included. */
const covered = (t: DocxTable, i: number) => t.rows[i].cells.reduce((s, c) => s + c.gridSpan, 0);

describe('the page and the styles (GB/T 9704-2012)', async () => {
  const parts = await docxParts(await docxOf(sample(COUNTY)));

  it('is A4 with margins 37/35/28/26 mm and odd/even page numbers “— 1 —” at the foot', () => {
    const sect = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(parts.document)![0];
    expect(attrOf(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attrOf(sect, 'w:pgSz', 'w:h')).toBe('16838');
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((a) => attrOf(sect, 'w:pgMar', a))).toEqual(['2098', '1984', '1587', '1474']);
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(sect)![1];
      return parts.footers.get(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts.rels)![1])!;
    };
    for (const [type, side] of [['default', 'right'], ['even', 'left']]) {
      const f = footer(type);
      expect(textOf(f)).toBe('—  —'); // the page number itself is the PAGE field between the two dashes
      expect(f).toMatch(/<w:t xml:space="preserve">— <\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
      expect(attrOf(f, 'w:jc', 'w:val')).toBe(side);
    }
    expect(parts.styles).toMatch(/w:styleId="XxgkPageNumber"[\s\S]*?w:eastAsia="宋体"[\s\S]*?<w:sz w:val="28"\/>/);
  });

  it('sets 3号 仿宋 at a fixed 28.95 pt with a two-character indent, 黑体 and 楷体 headings, a 2号 小标宋 title', () => {
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(parts.styles)![0];
    expect(attrOf(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attrOf(defaults, 'w:sz', 'w:val')).toBe('32');
    expect(attrOf(defaults, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    expect([attrOf(defaults, 'w:spacing', 'w:line'), attrOf(defaults, 'w:spacing', 'w:lineRule')]).toEqual(['579', 'exact']);
    expect([attrOf(defaults, 'w:ind', 'w:firstLineChars'), attrOf(defaults, 'w:ind', 'w:firstLine')]).toEqual(['200', '640']);
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(parts.styles)![0];
    expect(attrOf(style('Title'), 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attrOf(style('Title'), 'w:sz', 'w:val')).toBe('44');
    expect(attrOf(style('Title'), 'w:jc', 'w:val')).toBe('center');
    expect(attrOf(style('Heading1'), 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attrOf(style('Heading2'), 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    for (const id of ['Heading1', 'Heading2']) {
      expect(attrOf(style(id), 'w:sz', 'w:val')).toBe('32');
      expect(style(id)).toContain('<w:keepNext/>');
    }
  });

  it('names fallbacks for every face, Noto CJK last (the font table’s alternative names)', () => {
    const alt = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"`).exec(parts.fontTable)?.[1].split(',');
    expect(alt('仿宋_GB2312')).toEqual(['仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC']);
    expect(alt('黑体')?.at(-1)).toBe('Noto Sans CJK SC');
    expect(alt('楷体_GB2312')).toContain('KaiTi');
    expect(alt('方正小标宋简体')).toContain('SimSun');
    expect(alt('宋体')).toContain('SimSun');
  });

  it('has the document properties: title, author (the body), created on the 落款日期', () => {
    expect(parts.core).toContain('<dc:title>示例县自然资源和规划局2024年政府信息公开工作年度报告</dc:title>');
    expect(parts.core).toContain('<dc:creator>示例县自然资源和规划局</dc:creator>');
    expect(parts.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-20T00:00:00Z</dcterms:created>');
  });

  it('ends with the signature block: right-aligned, the date two characters right of the body’s first character', () => {
    const ps = paragraphs(parts.document);
    const [issuer, date] = ps.slice(-2);
    expect([textOf(issuer), textOf(date)]).toEqual(['示例县自然资源和规划局', '2025年1月20日']);
    for (const p of [issuer, date]) expect(attrOf(p, 'w:jc', 'w:val')).toBe('right');
    // 11 characters and 6.5 (digits are half width): the body 右空二字, the date indented 4.5 characters.
    expect(Number(attrOf(issuer, 'w:ind', 'w:right'))).toBe(2 * 320);
    expect(Number(attrOf(date, 'w:ind', 'w:right'))).toBe(4.5 * 320);
  });
});

describe('the three tables, as the official template draws them', async () => {
  const parts = await docxParts(await docxOf(sample(COUNTY)));
  const [t2, t3, t4] = tables(parts.document);

  it('are exactly as wide as the text area, in a fixed layout, so none runs into the margins', () => {
    expect(tables(parts.document)).toHaveLength(3);
    for (const t of [t2, t3, t4]) {
      expect(t.layout).toBe('fixed');
      expect(t.width).toBe(11906 - 1587 - 1474);
      expect(t.gridCols.reduce((s, w) => s + w, 0)).toBe(t.width);
      for (let i = 0; i < t.rows.length; i++) expect(covered(t, i), `row ${i}`).toBe(t.gridCols.length);
      expect(t.rows.every((r) => r.cantSplit)).toBe(true);
    }
  });

  it('table 二: four blocks, each a full-width heading and a 信息内容 header, numbers centred', () => {
    const headings = t2.rows.filter((r) => r.cells.length === 1).map((r) => r.cells[0]);
    expect(headings.map((c) => [c.text, c.gridSpan])).toEqual(['（一）', '（五）', '（六）', '（八）'].map((n) => [`第二十条第${n}项`, 4]));
    expect(t2.rows.filter((r) => r.cells[0].text === '信息内容')).toHaveLength(4);
    expect(t2.rows.map((r) => r.cells[0].text)).toContain('行政事业性收费');
    const fees = t2.rows.find((r) => r.cells[0].text === '行政事业性收费')!;
    expect(fees.cells[1]).toMatchObject({ text: '356.82', gridSpan: 3, align: 'center' });
    expect(t2.rows.some((r) => r.header)).toBe(false); // its blocks are not a repeating header
  });

  it('table 三: corner note over three label columns, 申请人情况 › 法人或其他组织, header rows repeated, labels merged down', () => {
    expect(t3.rows.slice(0, 3).every((r) => r.header)).toBe(true);
    expect(t3.rows.slice(3).some((r) => r.header)).toBe(false);
    expect(t3.rows).toHaveLength(3 + 25);
    const [h1, h2, h3] = t3.rows;
    expect(h1.cells.map((c) => [c.text, c.gridSpan, c.vMerge])).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 'restart'], ['申请人情况', 7, undefined]]);
    expect(h2.cells.map((c) => [c.text, c.gridSpan, c.vMerge])).toEqual([
      ['', 3, 'continue'], ['自然人', 1, 'restart'], ['法人或其他组织', 5, undefined], ['总计', 1, 'restart']]);
    expect(h3.cells.map((c) => c.text)).toEqual(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
    // Too long for their columns, the headings break two characters a line (商业/企业), not where the width ends (商业企/业).
    const lines = (label: string) => {
      const para = paragraphs(parts.document).find((p) => textOf(p) === label)!;
      return [...para.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => `${m[1].includes('<w:br/>') ? '/' : ''}${textOf(m[1])}`).join('');
    };
    expect(['商业企业', '社会公益组织', '自然人', '申请人情况'].map(lines)).toEqual(['商业/企业', '社会/公益/组织', '自然人', '申请人情况']);
    expect(t4.rows[1].cells.map((c) => c.text)).toContain('结果维持');
    // 三、本年度办理结果 opens a merge down its 22 result rows; （三）不予公开 down its 8.
    const group = t3.rows.findIndex((r) => r.cells[0].text === '三、本年度办理结果');
    expect(t3.rows[group].cells[0].vMerge).toBe('restart');
    expect(t3.rows.slice(group + 1, group + 22).every((r) => r.cells[0].vMerge === 'continue' && r.cells[0].text === '')).toBe(true);
    expect(t3.rows[group + 22].cells[0]).toMatchObject({ text: '四、结转下年度继续办理', gridSpan: 3 });
    const refuse = t3.rows.findIndex((r) => r.cells.some((c) => c.text === '（三）不予公开'));
    expect(t3.rows.slice(refuse + 1, refuse + 8).every((r) => r.cells[1].vMerge === 'continue')).toBe(true);
    // A group of rows is kept on one page, so its merged label is never cut in two; the big group may break.
    expect(t3.rows.slice(refuse, refuse + 8).map((r) => r.keepNext)).toEqual([...Array(7).fill(true), false]);
    expect(t3.rows.slice(0, 3).every((r) => r.keepNext)).toBe(true);
    expect(t3.rows[group].keepNext).toBe(false);
    const total = t3.rows.find((r) => r.cells.some((c) => c.text === '（七）总计'))!;
    expect(total.cells.slice(-7).map((c) => c.text)).toEqual(['157', '23', '2', '0', '9', '3', '194']);
    expect(total.cells.slice(-7).every((c) => c.align === 'center' && c.size === 18)).toBe(true); // 9 pt
  });

  it('table 四: 行政复议 | 行政诉讼 › 未经复议直接起诉, 复议后起诉, fifteen columns, one data row', () => {
    expect(t4.rows.map((r) => r.header)).toEqual([true, true, true, false]);
    expect(t4.rows[0].cells.map((c) => [c.text, c.gridSpan])).toEqual([['行政复议', 5], ['行政诉讼', 10]]);
    expect(t4.rows[1].cells.map((c) => [c.text, c.gridSpan, c.vMerge ?? ''])).toEqual([
      ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((l) => [l, 1, 'restart']), ['未经复议直接起诉', 5, ''], ['复议后起诉', 5, '']]);
    expect(t4.rows[3].cells.map((c) => c.text)).toEqual(['2', '1', '0', '1', '4', '1', '0', '1', '1', '3', '0', '0', '0', '1', '1']);
  });

  it('fills in totals the report leaves out, and prints every row of the template even when the report lacks it', async () => {
    const [, t3c, t4c] = tables((await docxParts(await docxOf(sample(CLEAN)))).document);
    const total = t3c.rows.find((r) => r.cells.some((c) => c.text === '（七）总计'))!;
    expect(total.cells.at(-1)!.text).toBe('4'); // 总计 left out in the clean sample
    const seed = tables((await docxParts(await docxOf(sample(SEED)))).document);
    expect(seed).toHaveLength(3); // the seed has no part 四: its table is printed, empty
    expect(seed[1].rows).toHaveLength(28);
    expect(seed[2].rows[3].cells.map((c) => c.text)).toEqual(Array(15).fill(''));
    expect(t4c.rows[3].cells.map((c) => c.text).join('')).toBe('000000000000000');
  });
});

describe('the same content in the same order as the HTML export', () => {
  for (const name of SAMPLES) {
    it(name, async () => {
      const yaml = sample(name);
      const word = docxTexts((await docxParts(await docxOf(yaml))).document);
      expect(word).toEqual(htmlTexts(renderDocument(parseReport(yaml))));
      expect(word.length).toBeGreaterThan(100);
    });
  }

  it('hostile text: markup is text, bidi controls are shown as in the HTML, characters XML cannot hold are dropped', async () => {
    const yaml = hostileReport().replace(/^标题: .*$/m, '标题: "控制\\x01字符\\x0b\\uFFFE之后"');
    const parts = await docxParts(await docxOf(yaml));
    const word = docxTexts(parts.document);
    expect(word).toEqual(htmlTexts(renderDocument(parseReport(yaml))).map((s) => s.replace(/[\u0001\u000b\ufffe]/g, '')));
    expect(word[0]).toBe('控制字符之后');
    expect(word.join('\n')).toContain('<script>alert("xss-script")</script>');
    expect(word.join('\n')).toContain('<U+202E>反转<U+202C>');
    expect(parts.document).not.toMatch(/[\u0001\u000b\u202e]/);
    const back = await importDocx(await docxOf(yaml)); // a clean package mammoth reads
    expect(back.yaml).toContain('xss-script');
  });
});

describe('whatever the text, the Word export does not break (fixed-seed property, as test/fuzz.test.ts)', () => {
  /** What XML cannot hold is dropped in Word; the HTML keeps it. Compare the rest. */
  // eslint-disable-next-line no-control-regex
  const xmlable = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd-\uffff]|[\ud800-\udfff]/g, '').replace(/\s+/g, ' ').trim();
  const prop = (arb: fc.Arbitrary<string>, parity: boolean) => fc.asyncProperty(arb, async (text) => {
    const model = parseReport(text);
    const parts = await docxParts(await renderDocx(model));
    expect(tables(parts.document)).toHaveLength(3);
    if (parity) expect(docxTexts(parts.document).map(xmlable).filter(Boolean)).toEqual(htmlTexts(renderDocument(model)).map(xmlable).filter(Boolean));
  });
  const opts = { seed: 20261201, numRuns: 8 };
  it('random edits of the samples: a package with the three tables, the same text as the HTML', () => fc.assert(prop(editedSample(), true), opts));
  it('reports generated from the template', () => fc.assert(prop(reportGrammar, true), opts));
  it('random Unicode, lone surrogates and control characters', () => fc.assert(prop(randomUnicode, false), opts));
});

describe('round trip: export to Word, import again', () => {
  /** What a report prints: the outline's blocks, and every cell of the three tables as printed. */
  const printed = (yaml: string) => {
    const model = parseReport(yaml);
    const outline = reportOutline(model);
    const blocks = outline.blocks.map((b) => (b.kind === 'table' ? `table ${b.table.id}` : b.kind === 'signature' ? `落款 ${b.issuer} ${b.date}` : `${b.kind} ${b.text}`));
    const cells = model.template.tables.flatMap((t) => tableRows(t).flatMap((r) => r.columns.map((c) => `${r.id}:${c.id}=${printedCell(model, outline.values, r, c).text}`)));
    return { blocks, cells };
  };

  for (const name of SAMPLES) {
    it(`${name}: the same tables (every cell) and the same prose`, async () => {
      const yaml = sample(name);
      const { yaml: back, summary } = await importDocx(await docxOf(yaml));
      expect(summary.unmapped).toEqual([]);
      const want = printed(yaml), got = printed(back);
      expect(got.cells).toEqual(want.cells);
      expect(want.cells).toHaveLength(10 + 7 * 25 + 15);
      expect(got.blocks).toEqual(want.blocks);
      // The prose itself, paragraph by paragraph, not only as printed: every source paragraph is in the import.
      for (const p of parseReport(yaml).prose) for (const para of p.text.split(/\n\s*\n/).map((s) => s.replace(/\s*\n\s*/g, '').trim()).filter(Boolean)) expect(back).toContain(para);
    });
  }

  it('keeps the written contact and fee figures as fields, not as prose', async () => {
    const { yaml } = await importDocx(await docxOf(sample('county-dept-2023.xxgk.yaml')));
    expect(yaml).toContain('联系方式: 示例县自然资源和规划局办公室，地址：示例县人民路18号，电话：0000-1234567\n');
    expect(yaml).not.toContain('  联系方式：');
    expect(yaml).toMatch(/收费通知件数: 1\n {4}收费通知金额: 200\n {4}实际收取金额: 200\n/);
    expect(yaml).not.toContain('本年度发出信息处理费收费通知 1 件');
  });

  it('leaves a contact line or fee sentence in the prose when the fields would not print it again', () => {
    const page = (preamble: string[], p6: string[]) => `<h1>示例县自然资源和规划局2024年政府信息公开工作年度报告</h1>${preamble.map((p) => `<p>${p}</p>`).join('')}`
      + `<p>一、总体情况</p><p>概述。</p><p>六、其他需要报告的事项</p>${p6.map((p) => `<p>${p}</p>`).join('')}<p>示例县自然资源和规划局</p><p>2025年1月20日</p>`;
    // The preamble gives the phone number already: the renderer would not print the line again, so it stays.
    const kept = importHtml(page(['如有疑问请联系本局办公室，电话：0000-1234567。', '联系方式：本局办公室，电话：0000-1234567'], ['无。'])).yaml;
    expect(kept).toContain('  联系方式：本局办公室，电话：0000-1234567');
    const taken = importHtml(page(['本报告由示例县自然资源和规划局编制。', '联系方式：本局办公室，电话：0000-1234567'], ['无。'])).yaml;
    expect(taken).toContain('\n联系方式: 本局办公室，电话：0000-1234567\n');
    expect(taken).not.toContain('  联系方式：');
    // The figures were stated first in other words: the printed-looking sentence disagrees with them and stays.
    const fees = importHtml(page(['本报告由示例县自然资源和规划局编制。'], ['发出收费通知3件，金额600元，实际收取600元。', '本年度发出信息处理费收费通知 2 件，收费通知金额 400 元，实际收取信息处理费 400 元。'])).yaml;
    expect(fees).toContain('收费通知件数: 3');
    expect(fees).toContain('本年度发出信息处理费收费通知 2 件');
  });
});

describe('xxgk render -o report.docx', () => {
  async function run(cwd: string, ...argv: string[]) {
    const out: string[] = [], err: string[] = [];
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), cwd, env: {} });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes a Word file by the extension (or --format), never overwrites without --force, and says how many errors remain', async () => {
    const dir = tempDir('xxgk-docx-');
    const seed = join(ROOT, 'samples', SEED);
    const r = await run(dir, 'render', seed, '-o', 'seed.docx');
    expect(r.code).toBe(0);
    expect(r.err).toContain('已生成 seed.docx');
    expect(r.err).toMatch(/报告仍有 \d+ 个错误，已照样导出/);
    const written = readFileSync(join(dir, 'seed.docx'));
    expect(written.subarray(0, 2).toString()).toBe('PK');
    expect(docxTexts((await docxParts(written)).document)).toEqual(docxTexts((await docxParts(await docxOf(sample(SEED)))).document));
    writeFileSync(join(dir, 'seed.docx'), 'mine');
    expect((await run(dir, 'render', seed, '-o', 'seed.docx')).code).toBe(2);
    expect(readFileSync(join(dir, 'seed.docx'), 'utf8')).toBe('mine');
    expect((await run(dir, 'render', seed, '-o', 'seed.docx', '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'seed.docx')).subarray(0, 2).toString()).toBe('PK');
    const clean = await run(dir, 'render', join(ROOT, 'samples', CLEAN), '-o', 'word.out', '--format', 'docx');
    expect(clean.code).toBe(0);
    expect(clean.err).not.toContain('错误');
    expect(readFileSync(join(dir, 'word.out')).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a YAML syntax error with the line and writes nothing; asks for -o rather than printing a binary', async () => {
    const dir = tempDir('xxgk-docx-');
    writeFileSync(join(dir, 'broken.xxgk.yaml'), edit(sample(CLEAN), '规章:            [0, 0, 0]', '规章:            [0, 0, 0'));
    const r = await run(dir, 'render', 'broken.xxgk.yaml', '-o', 'broken.docx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^第 \d+ 行有 YAML 语法错误（.+），报告读不完整，无法导出，没有生成文件。/);
    expect(existsSync(join(dir, 'broken.docx'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['broken.xxgk.yaml']);
    const stdout = await run(dir, 'render', join(ROOT, 'samples', CLEAN), '--format', 'docx');
    expect(stdout.code).toBe(2);
    expect(stdout.err).toContain('Word 文件请用 -o 指定输出文件');
    expect((await run(dir, 'render', join(ROOT, 'samples', CLEAN), '--format', 'pdf', '-o', 'x.pdf')).err).toContain('--format 只能是 html 或 docx');
  });
});
