/**
 * Protocol tests: the real bundled server (server/out/server.js) over stdio, driven like an editor would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest, CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, InlayHintRequest,
  type CodeAction, type CompletionList, type Diagnostic, type DocumentSymbol, type Hover, type InlayHint, type MarkupContent, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReport } from '../server/src/model/model';
import { ExportDocxRequest, ExportRequest, ImportRequest, PreviewRequest, ReportInfoRequest, RolloverRequest, type ExportDocxResult } from '../server/src/protocol';
import { renderDocument } from '../server/src/render/html';
import { renderDocx } from '../server/src/render/docx';
import { startServer, type TestServer } from './helpers/lspClient';
import { CLEAN, COUNTY, MISTAKES, SEED, lineOf, sample } from './helpers/samples';

let server: TestServer;
let n = 0;
const uriFor = (name: string) => `file:///work/test-${++n}/${name}`;

beforeAll(async () => { server = await startServer(); });
afterAll(async () => { await server?.stop(); });

function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => String(d.code));
}

function position(text: string, marker: string, offsetInMarker = 0) {
  const doc = TextDocument.create('x', 'xxgk', 1, text);
  return doc.positionAt(text.indexOf(marker) + offsetInMarker);
}

/** Applies the server's edit to our copy, and sends it as one change. Returns the new text. */
async function applyEdit(uri: string, text: string, edits: TextEdit[]): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  const next = TextDocument.applyEdits(TextDocument.create(uri, 'xxgk', 1, text), edits);
  const p = await server.change(uri, [{ text: next }]);
  return { text: next, diagnostics: p.diagnostics };
}

async function quickFixes(uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
  })) as CodeAction[];
  return actions.filter((a) => a.diagnostics?.some((x) => x.code === d.code));
}

describe('diagnostics', () => {
  it('publishes the core findings for the seed on open, at the right cells, with rule ids', async () => {
    const text = sample(SEED);
    const { diagnostics } = await server.open(uriFor(SEED), text);
    const date = diagnostics.find((d) => d.code === 'DATE-BEFORE-PERIOD-END')!;
    expect(date.range.start.line).toBe(lineOf(text, '落款日期: 2023') - 1);
    expect(text.split('\n')[date.range.start.line].slice(date.range.start.character, date.range.end.character)).toBe('2023年1月22日');
    expect(date.source).toBe('xxgk');
    expect(date.severity).toBe(1);
    expect(new Set(codes(diagnostics))).toEqual(new Set(['DATE-BEFORE-PERIOD-END', 'TXT-DOUBLED', 'STR-GOV-ART50-4', 'T3-SHAPE', 'T3-BLANK', 'STR-PARTS', 'FEE-SHAPE']));
  });

  it('points a failed sum at every addend (related information)', async () => {
    const { diagnostics } = await server.open(uriFor(MISTAKES), sample(MISTAKES));
    const sum = diagnostics.find((d) => d.code === 'T3-ROW-TOTAL')!;
    expect(sum.message).toContain('填报为 76，按各项计算应为 75');
    expect(sum.relatedInformation).toHaveLength(6);
    expect(sum.relatedInformation![0].message).toBe('自然人：61');
  });

  it('speaks English to an English client', async () => {
    const en = await startServer('en');
    try {
      const { diagnostics } = await en.open(uriFor(SEED), sample(SEED));
      expect(diagnostics.find((d) => d.code === 'DATE-BEFORE-PERIOD-END')!.message).toContain('before the reporting period ended');
      const text = sample(MISTAKES);
      const uri = uriFor(MISTAKES);
      await en.open(uri, text);
      const hover = (await en.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri }, position: position(text, '[61, 9, 1, 0, 3, 1, 76]', '[61, 9, 1, 0, 3, 1, '.length),
      })) as Hover;
      const md = (hover.contents as MarkupContent).value;
      expect(md).toContain('Identity: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 (fails: 76 ≠ 75, difference 1)');
      expect(md).toContain('Computed: 75');
      expect(md).not.toMatch(/(Identity|Computed|Legal basis)：/);
    } finally {
      await en.stop();
    }
  });

  it('survives garbage and keeps answering', async () => {
    const uri = uriFor('garbage.xxgk.yaml');
    const { diagnostics } = await server.open(uri, '{[}]:::\n\t- 机关: "');
    expect(codes(diagnostics)).toContain('YAML-SYNTAX');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect(hover).toBeNull();
    expect(server.process.exitCode).toBeNull();
  });
});

describe('a typing session on the seed', () => {
  it('diagnostics follow each edit; quick fixes make their diagnostics disappear', async () => {
    const uri = uriFor(SEED);
    let text = sample(SEED);
    let { diagnostics } = await server.open(uri, text);
    const count = (code: string) => codes(diagnostics).filter((c) => c === code).length;
    expect(count('T3-SHAPE')).toBe(2); // one per table level: （五）5 under 不予处理; （六）1–3 and 四 at the top

    // Type the missing row （五）5 character by character after （五）4.
    const line = lineOf(text, '无正当理由大量反复申请') ; // 1-based line of （五）4
    const typed = '    要求行政机关确认或重新出具已获取信息: [0, 0, 0, 0, 0, 0]\n';
    let doc = TextDocument.create(uri, 'xxgk', 1, text);
    let at = doc.offsetAt({ line, character: 0 });
    for (const ch of typed) {
      const pos = doc.positionAt(at);
      doc = TextDocument.create(uri, 'xxgk', 1, TextDocument.applyEdits(doc, [{ range: { start: pos, end: pos }, newText: ch }]));
      const p = await server.change(uri, [{ range: { start: pos, end: pos }, text: ch }]);
      diagnostics = p.diagnostics;
      at++;
    }
    text = doc.getText();
    expect(count('T3-SHAPE')).toBe(1);
    expect(diagnostics.some((d) => String(d.message).includes('5.要求行政机关确认'))).toBe(false);

    // Quick fix: correct the 落款日期's year.
    const date = diagnostics.find((d) => d.code === 'DATE-BEFORE-PERIOD-END')!;
    const [fixDate] = await quickFixes(uri, date);
    expect(fixDate.title).toBe('改为 2024年1月22日');
    ({ text, diagnostics } = await applyEdit(uri, text, fixDate.edit!.changes![uri]));
    expect(count('DATE-BEFORE-PERIOD-END')).toBe(0);
    expect(text).toContain('落款日期: 2024年1月22日');

    // Quick fix: insert the missing part 四 (with table 四 as zeros).
    const part = diagnostics.find((d) => d.code === 'STR-PARTS')!;
    const [fixPart] = await quickFixes(uri, part);
    ({ text, diagnostics } = await applyEdit(uri, text, fixPart.edit!.changes![uri]));
    expect(count('STR-PARTS')).toBe(0);
    expect(count('T4-SHAPE')).toBe(0);
    expect(text.indexOf('四、政府信息公开行政复议、行政诉讼情况:')).toBeLessThan(text.indexOf('五、存在的主要问题及改进情况:'));

    // Quick fix: the 信息处理费 figures.
    const fee = diagnostics.find((d) => d.code === 'FEE-SHAPE')!;
    const [fixFee] = await quickFixes(uri, fee);
    ({ text, diagnostics } = await applyEdit(uri, text, fixFee.edit!.changes![uri]));
    expect(count('FEE-SHAPE')).toBe(0);

    // Quick fix: remove a doubled word.
    const doubled = diagnostics.find((d) => d.code === 'TXT-DOUBLED')!;
    const [fixDoubled] = await quickFixes(uri, doubled);
    ({ text, diagnostics } = await applyEdit(uri, text, fixDoubled.edit!.changes![uri]));
    expect(count('TXT-DOUBLED')).toBe(1);
    expect(text).not.toContain('情况进行进行报备');

    // Quick fix: missing rows of table 三 (inserted as zeros), until none is left.
    for (let guard = 0; count('T3-SHAPE') && guard < 5; guard++) {
      const shape = diagnostics.find((d) => d.code === 'T3-SHAPE')!;
      const [fix] = await quickFixes(uri, shape);
      ({ text, diagnostics } = await applyEdit(uri, text, fix.edit!.changes![uri]));
    }
    expect(count('T3-SHAPE')).toBe(0);
    expect(count('YAML-SYNTAX')).toBe(0);

    // Fix all: every blank cell becomes 0.
    const all = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(all).toHaveLength(1);
    ({ text, diagnostics } = await applyEdit(uri, text, all[0].edit!.changes![uri]));
    expect(count('T3-BLANK')).toBe(0);
    expect(count('TXT-DOUBLED')).toBe(0);
    // What is left is what only a person can write: the Art. 50(4) content.
    expect(codes(diagnostics)).toEqual(['STR-GOV-ART50-4']);
  });

  it('sets a wrong total to its computed value and replaces an unknown key', async () => {
    const uri = uriFor(MISTAKES);
    let text = sample(MISTAKES);
    let { diagnostics } = await server.open(uri, text);
    const total = diagnostics.find((d) => d.code === 'T4-GROUP-TOTAL')!;
    const [setTotal] = await quickFixes(uri, total);
    expect(setTotal.title).toBe('将总计改为计算值 4');
    ({ text, diagnostics } = await applyEdit(uri, text, setTotal.edit!.changes![uri]));
    expect(codes(diagnostics)).not.toContain('T4-GROUP-TOTAL');

    const unknown = diagnostics.find((d) => d.code === 'STR-UNKNOWN-KEY')!;
    const [replace] = await quickFixes(uri, unknown);
    expect(replace.title).toBe('改为“行政处罚”');
    ({ text, diagnostics } = await applyEdit(uri, text, replace.edit!.changes![uri]));
    expect(codes(diagnostics)).not.toContain('STR-UNKNOWN-KEY');
    expect(codes(diagnostics)).not.toContain('T2-SHAPE');
  });
});

describe('completion', () => {
  it('offers a whole table 三 skeleton inside an empty table part, and it completes the table', async () => {
    const uri = uriFor('new.xxgk.yaml');
    const text = sample(CLEAN).replace(/三、收到和处理政府信息公开申请情况:\n[\s\S]*?\n\n四、/, '三、收到和处理政府信息公开申请情况:\n  \n\n四、');
    await server.open(uri, text);
    const pos = position(text, '三、收到和处理政府信息公开申请情况:\n  ', '三、收到和处理政府信息公开申请情况:\n  '.length);
    const list = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: pos })) as CompletionList;
    const skeleton = list.items.find((i) => i.label === '表三“收到和处理政府信息公开申请情况”全部行（填 0）')!;
    expect(skeleton).toBeDefined();
    const edit = skeleton.textEdit as TextEdit;
    const inserted = edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').split('\n').map((l, i) => (i ? `  ${l}` : l)).join('\n');
    const next = TextDocument.applyEdits(TextDocument.create(uri, 'xxgk', 1, text), [{ range: edit.range, newText: inserted }]);
    const { diagnostics } = await server.change(uri, [{ text: next }]);
    expect(codes(diagnostics).filter((c) => c.startsWith('T3-') || c === 'YAML-SYNTAX')).toEqual([]);
    expect(list.items.some((i) => i.label === '本年新收')).toBe(true);
  });

  it('offers the complete report in an empty file, parts at the top level, 机关类型 values and dates', async () => {
    const uri = uriFor('empty.xxgk.yaml');
    await server.open(uri, '');
    const top = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })) as CompletionList;
    expect(top.items[0].label).toBe('完整年度报告（六个部分，表格填 0）');
    expect(top.items.map((i) => i.label)).toContain('四、政府信息公开行政复议、行政诉讼情况（含表四，填 0）');
    await server.change(uri, [{ text: '年度: 2024\n机关类型: ' }]);
    const kinds = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 6 } })) as CompletionList;
    expect(kinds.items.map((i) => i.label)).toEqual(expect.arrayContaining(['乡镇人民政府', '县级政府部门', '街道办事处']));
    await server.change(uri, [{ text: '年度: 2024\n机关类型: 县级政府部门\n落款日期: ' }]);
    const dates = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 6 } })) as CompletionList;
    expect(dates.items.map((i) => i.label)).toContain('2025-01-31');
  });
});

describe('hover, inlay hints, outline, folding', () => {
  it('hovers a total with its label, identity, computed value and legal basis', async () => {
    const uri = uriFor(MISTAKES);
    const text = sample(MISTAKES);
    await server.open(uri, text);
    const hover = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri }, position: position(text, '[61, 9, 1, 0, 3, 1, 76]', '[61, 9, 1, 0, 3, 1, '.length),
    })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    expect(md).toContain('表三 · （一）予以公开 · 申请人情况 / 总计');
    expect(md).toContain('勾稽关系：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他（不成立：76 ≠ 75，相差 1）');
    expect(md).toContain('计算值：75');
    expect(md).toContain('依据：《条例》第五十条第（二）项');
  });

  it('names the columns of compact rows and shows totals that were left out', async () => {
    const uri = uriFor(CLEAN);
    const text = sample(CLEAN);
    await server.open(uri, text);
    const hints = (await server.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } },
    })) as InlayHint[];
    const onLine = (marker: string) => hints.filter((h) => h.position.line === lineOf(text, marker) - 1).map((h) => h.label);
    expect(onLine('本年新收:')).toEqual(['自然人:', '商业企业:', '科研机构:', '社会公益组织:', '法律服务机构:', '其他:', '总计 4']);
    expect(onLine('  行政复议:')).toContain('总计 0');
    expect(hints.some((h) => String(h.label).startsWith('（七）总计 [3, 1, 0, 0, 0, 0, 4]'))).toBe(true);
  });

  it('outlines the report by part and table, and folds by part', async () => {
    const uri = uriFor(COUNTY);
    const text = sample(COUNTY);
    await server.open(uri, text);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const parts = symbols.filter((s) => /^[一二三四五六]、/.test(s.name));
    expect(parts.map((p) => p.name.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const t3 = parts[2];
    expect(t3.children!.map((c) => c.name)).toEqual(['本年新收', '上年结转', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '总计', '结转下年度继续办理']);
    expect(t3.children![4].children).toHaveLength(8);
    const folds = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    expect(folds!.some((f) => f.startLine === lineOf(text, '三、收到和处理') - 1 && f.endLine >= lineOf(text, '结转下年度继续办理:') - 1)).toBe(true);
  });
});

describe('preview and export requests', () => {
  it('returns the preview HTML with anchors and marked cells, and follows edits', async () => {
    const uri = uriFor(MISTAKES);
    const text = sample(MISTAKES);
    await server.open(uri, text);
    const preview = (await server.connection.sendRequest(PreviewRequest.method, { uri }))!;
    const p = preview as { html: string; css: string; version: number };
    expect(p.html).toContain('id="table-t3"');
    expect(p.html).toMatch(/data-cell="t3\.r3\.1:TOT" data-line="\d+" data-severity="error"/);
    expect(p.css).toContain('@page');
    const next = text.replace('[61, 9, 1, 0, 3, 1, 76]', '[61, 9, 1, 0, 3, 1, 75]');
    await server.change(uri, [{ text: next }]);
    const after = (await server.connection.sendRequest(PreviewRequest.method, { uri })) as { html: string; version: number };
    expect(after.version).toBe(2);
    expect(after.html).not.toMatch(/data-cell="t3\.r3\.1:TOT" data-line="\d+" data-severity/);
  });

  it('exports exactly what `xxgk render` writes', async () => {
    const uri = uriFor(CLEAN);
    await server.open(uri, sample(CLEAN));
    const result = (await server.connection.sendRequest(ExportRequest.method, { uri })) as { html: string };
    expect(result.html).toBe(renderDocument(parseReport(sample(CLEAN))));
  });

  it('exports the Word file `xxgk render -o x.docx` writes, with the errors left; refuses a YAML syntax error', async () => {
    const uri = uriFor(SEED);
    const opened = await server.open(uri, sample(SEED));
    const result = (await server.connection.sendRequest(ExportDocxRequest.method, { uri })) as ExportDocxResult;
    const seedErrors = opened.diagnostics.filter((d) => d.severity === 1).length;
    expect(result.errors).toBe(seedErrors);
    expect(result.errors).toBeGreaterThan(0);
    const { docxParts } = await import('./helpers/docx');
    const word = await docxParts(Buffer.from(result.data!, 'base64'));
    expect(word.document).toBe((await docxParts(await renderDocx(parseReport(sample(SEED))))).document);
    const broken = uriFor('broken.xxgk.yaml');
    await server.open(broken, sample(CLEAN).replace('规章:            [0, 0, 0]', '规章:            [0, 0, 0'));
    const refused = (await server.connection.sendRequest(ExportDocxRequest.method, { uri: broken })) as ExportDocxResult;
    expect(refused.data).toBeUndefined();
    expect(refused.error).toMatch(/^第 \d+ 行有 YAML 语法错误/);
  });
});

describe('xxgk/reportInfo', () => {
  const info = (uri: string) => server.connection.sendRequest(ReportInfoRequest.method, { uri });

  it('gives the year, the body and its kind as the checker reads them', async () => {
    const uri = uriFor(COUNTY);
    await server.open(uri, sample(COUNTY));
    expect(await info(uri)).toEqual({ year: 2024, issuer: '示例县自然资源和规划局', kind: '县级政府部门' });
    server.close(uri);
  });

  it('reads the alias 报告年度, and follows edits', async () => {
    const uri = uriFor('alias.xxgk.yaml');
    const text = '机关: 张营乡人民政府\n机关类型: 乡镇人民政府\n报告年度: 2023\n';
    await server.open(uri, text);
    expect(await info(uri)).toEqual({ year: 2023, issuer: '张营乡人民政府', kind: '乡镇人民政府' });
    await server.change(uri, [{ text: text.replace('报告年度: 2023', '报告年度: 2022') }]);
    expect(await info(uri)).toMatchObject({ year: 2022 });
    server.close(uri);
  });

  it('leaves out what is not written or not valid, and answers null for a document it does not have', async () => {
    const uri = uriFor('partial.xxgk.yaml');
    await server.open(uri, '年度: 二〇二三\n机关类型: 某种机关\n');
    expect(await info(uri)).toEqual({});
    server.close(uri);
    expect(await info(uriFor('never-opened.xxgk.yaml'))).toBeNull();
  });
});

describe('import, rollover and last year’s report', () => {
  it('imports a published text report into a new report text (writes nothing)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('./helpers/samples');
    const bytes = readFileSync(join(ROOT, 'test', 'fixtures', 'seed-zhangying-2023.txt'));
    const r = (await server.connection.sendRequest(ImportRequest.method, { name: 'seed.txt', data: bytes.toString('base64') })) as { yaml?: string; summary?: string };
    expect(r.yaml).toContain('机关: 张营乡人民政府');
    expect(r.yaml).toContain('落款日期: 2023年1月22日');
    expect(r.summary!.length).toBeGreaterThan(20);
    const refused = (await server.connection.sendRequest(ImportRequest.method, { name: 'report.pdf', data: '' })) as { yaml?: string; error?: string };
    expect(refused.yaml).toBeUndefined();
    expect(refused.error).toBe('这个文件不是 PDF（文件开头没有 PDF 标记），可能下载不完整或扩展名有误。没有写入任何文件。');
  });

  it('imports a PDF through the server (PDF.js is its own bundle beside the server’s)', async () => {
    const pdf = readFileSync(join(__dirname, 'fixtures', 'pdf', 'county-2024.plain.pdf'));
    const r = (await server.connection.sendRequest(ImportRequest.method, { name: 'county.pdf', data: pdf.toString('base64') })) as
      { yaml?: string; error?: string };
    expect(r.error).toBeUndefined();
    expect(r.yaml).toContain('三、收到和处理政府信息公开申请情况:');
    expect(r.yaml).toMatch(/本年新收:\s+\[/);
  });

  it('localises import and rollover errors for the client, and names no CLI flag', async () => {
    const en = await startServer('en');
    try {
      const refused = (await en.connection.sendRequest(ImportRequest.method, { name: 'report.pdf', data: '' })) as { error?: string };
      expect(refused.error).toBe(
        'This file is not a PDF (it does not start with the PDF marker); the download may be incomplete or the extension wrong. Nothing was written.');
      const uri = uriFor('no-year.xxgk.yaml');
      await en.open(uri, '机关: 某局\n');
      const r = (await en.connection.sendRequest(RolloverRequest.method, { uri })) as { yaml?: string; error?: string };
      expect(r.yaml).toBeUndefined();
      expect(r.error).toBe("Last year's report has no readable “年度”, so the new report's year is not known. "
        + "Enter the new report's year in “New Report from Last Year”.");
    } finally {
      await en.stop();
    }
    const uri = uriFor('no-year.xxgk.yaml');
    await server.open(uri, '机关: 某局\n');
    const r = (await server.connection.sendRequest(RolloverRequest.method, { uri })) as { error?: string };
    expect(r.error).toBe('上年报告没有可读的“年度”，无法推出新报告的年度。请在“由上年报告新建”时填写新报告的年度。');
    expect(r.error).not.toContain('--');
    server.close(uri);
  });

  it('finds last year’s report beside the file and checks the carry-over', async () => {
    const { pathToFileURL } = await import('node:url');
    const { join } = await import('node:path');
    const { ROOT } = await import('./helpers/samples');
    const uri = pathToFileURL(join(ROOT, 'samples', COUNTY)).toString();
    const text = sample(COUNTY);
    const { diagnostics } = await server.open(uri, text);
    expect(diagnostics).toEqual([]);
    const changed = await server.change(uri, [{ text: text.replace('  上年结转:          [11, 2, 0, 0, 1, 0, 14]', '  上年结转:          [12, 2, 0, 0, 1, 0, 15]').replace('[6, 2, 0, 1, 1, 1, 11]', '[7, 2, 0, 1, 1, 1, 12]')
      .replace('上年结转14件', '上年结转15件').replace('结转下年度继续办理11件', '结转下年度继续办理12件') }]); // the text follows the table
    // The 自然人 column differs (the total follows from it and is not reported twice).
    expect(codes(changed.diagnostics)).toEqual(['T3-CARRY-OVER']);
    expect(changed.diagnostics[0].message).toContain('自然人');
    server.close(uri);
  });

  it('re-checks this year’s report when last year’s is edited in another editor', async () => {
    const { pathToFileURL } = await import('node:url');
    const { join } = await import('node:path');
    const { ROOT } = await import('./helpers/samples');
    const uri2024 = pathToFileURL(join(ROOT, 'samples', COUNTY)).toString();
    const uri2023 = pathToFileURL(join(ROOT, 'samples', 'county-dept-2023.xxgk.yaml')).toString();
    const first = await server.open(uri2024, sample(COUNTY));
    expect(first.diagnostics).toEqual([]);
    const last = sample('county-dept-2023.xxgk.yaml');
    await server.open(uri2023, last);
    // Last year's 结转下年度 changes: this year's 上年结转 no longer matches it, though this file did not change.
    const edited = last.replace('  结转下年度继续办理:         [11, 2, 0, 0, 1, 0, 14]', '  结转下年度继续办理:         [10, 2, 0, 0, 1, 0, 13]')
      .replace('  上年结转:          [9, 1, 0, 0, 0, 0, 10]', '  上年结转:          [8, 1, 0, 0, 0, 0, 9]');
    expect(edited).not.toBe(last);
    const waiting = server.nextDiagnostics(uri2024, (p) => p.diagnostics.length > 0);
    await server.change(uri2023, [{ text: edited }]);
    expect(codes((await waiting).diagnostics)).toContain('T3-CARRY-OVER');
    server.close(uri2023);
    server.close(uri2024);
  });

  it('rolls a report over to the next year with the carried figures', async () => {
    const { pathToFileURL } = await import('node:url');
    const { join } = await import('node:path');
    const { ROOT } = await import('./helpers/samples');
    const uri = pathToFileURL(join(ROOT, 'samples', COUNTY)).toString();
    await server.open(uri, sample(COUNTY));
    const r = (await server.connection.sendRequest(RolloverRequest.method, { uri, year: 2025, previousPath: COUNTY })) as { yaml?: string; notes?: string[] };
    expect(r.yaml).toMatch(/年度: 2025/);
    expect(r.yaml).toMatch(/上年结转:\s+\[6, 2, 0, 1, 1, 1(, 11)?\]/);
    expect(r.yaml).toContain(`上年报告: ${COUNTY}`);
    expect(r.notes!.length).toBeGreaterThan(0);
    server.close(uri);
  });
});

describe('workspace diagnostics', () => {
  /** The diagnostics published for `uri` that satisfy `accept`: the last ones, or the next that do. */
  function published(s: TestServer, uri: string, accept: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const last = s.latest(uri);
    if (last && accept(last.diagnostics)) return Promise.resolve(last.diagnostics);
    return s.nextDiagnostics(uri, (p) => accept(p.diagnostics)).then((p) => p.diagnostics);
  }

  async function workspaceFolder() {
    const { copyFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const { ROOT } = await import('./helpers/samples');
    const { tempDir } = await import('./helpers/tmp');
    const dir = tempDir('xxgk-lsp-ws-');
    mkdirSync(join(dir, 'county'));
    copyFileSync(join(ROOT, 'samples', SEED), join(dir, SEED));
    copyFileSync(join(ROOT, 'samples', 'county-dept-2023.xxgk.yaml'), join(dir, 'county', 'county-dept-2023.xxgk.yaml'));
    copyFileSync(join(ROOT, 'samples', COUNTY), join(dir, 'county', COUNTY));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'gbk-zhangying-2024.xxgk.yaml'), join(dir, 'gbk.xxgk.yaml'));
    const path = (name: string) => join(dir, name);
    return { dir, path, uri: (name: string) => pathToFileURL(path(name)).toString() };
  }

  it('publishes unopened reports, follows the disk, gives a closed report its problems back, and stops when turned off', async () => {
    const { rmSync, writeFileSync } = await import('node:fs');
    const ws = await workspaceFolder();
    const s = await startServer('zh-cn', { folders: [ws.dir], settings: {}, watchFiles: true });
    try {
      expect(codes(await published(s, ws.uri(SEED), (ds) => ds.length > 0))).toContain('DATE-BEFORE-PERIOD-END');
      // Files are watched through the client, as VS Code does for the server (asked for before the scan began).
      const watch = s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      expect((watch?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern))
        .toEqual(['**/*.xxgk.yaml', '**/xxgk.json']);
      expect(codes(await published(s, ws.uri('gbk.xxgk.yaml'), (ds) => ds.length > 0))).toEqual(['FILE-ENCODING']);
      const county = ws.uri(`county/${COUNTY}`);
      expect(await published(s, county, () => true)).toEqual([]);

      // Last year's report changes on disk: this year's, unopened, is checked against it again.
      const last = `county/county-dept-2023.xxgk.yaml`;
      writeFileSync(ws.path(last), sample('county-dept-2023.xxgk.yaml').replace('[11, 2, 0, 0, 1, 0, 14]', '[12, 2, 0, 0, 1, 0, 15]'));
      const carried = published(s, county, (ds) => ds.length > 0);
      await s.filesChanged([{ uri: ws.uri(last), type: 2 }]);
      expect(codes(await carried)).toContain('T3-CARRY-OVER');

      // Opened: the editor's text wins; closed: the problems on disk come back.
      const opened = await s.open(ws.uri(SEED), sample(CLEAN));
      expect(opened.diagnostics).toEqual([]);
      const back = published(s, ws.uri(SEED), (ds) => ds.length > 0);
      s.close(ws.uri(SEED));
      expect(codes(await back)).toContain('DATE-BEFORE-PERIOD-END');

      // Deleted: its problems go.
      rmSync(ws.path('gbk.xxgk.yaml'));
      const gone = published(s, ws.uri('gbk.xxgk.yaml'), (ds) => ds.length === 0);
      await s.filesChanged([{ uri: ws.uri('gbk.xxgk.yaml'), type: 3 }]);
      expect(await gone).toEqual([]);

      // The setting off: every unopened report's problems go.
      const cleared = published(s, ws.uri(SEED), (ds) => ds.length === 0);
      await s.setSettings({ workspaceDiagnostics: false });
      expect(await cleared).toEqual([]);
      expect(s.latest(county)!.diagnostics).toEqual([]);
    } finally {
      await s.stop();
    }
  });

  it('with the setting off from the start, publishes nothing for unopened reports; turned on, it does', async () => {
    const ws = await workspaceFolder();
    const s = await startServer('zh-cn', { folders: [ws.dir], settings: { workspaceDiagnostics: false }, watchFiles: true });
    try {
      const uri = ws.uri(SEED);
      await s.open(uri, sample(CLEAN));
      // The server re-checks open documents after reading its settings: then it surely has them.
      const reread = s.nextDiagnostics(uri, () => true);
      await s.setSettings({ workspaceDiagnostics: false });
      await reread;
      // Closed: with the setting on its problems on disk would come back; off, they are cleared.
      const closed = s.nextDiagnostics(uri, () => true);
      s.close(uri);
      expect((await closed).diagnostics).toEqual([]);
      expect(s.latest(ws.uri(`county/${COUNTY}`))).toBeUndefined();
      const scanned = published(s, uri, (ds) => ds.length > 0);
      await s.setSettings({ workspaceDiagnostics: true });
      expect(codes(await scanned)).toContain('DATE-BEFORE-PERIOD-END');
    } finally {
      await s.stop();
    }
  });

  it('watches the folders itself when the client cannot (Neovim before 0.10)', async () => {
    const { rmSync, writeFileSync } = await import('node:fs');
    const ws = await workspaceFolder();
    const s = await startServer('zh-cn', { folders: [ws.dir] });
    try {
      await published(s, ws.uri(SEED), (ds) => ds.length > 0);
      expect(s.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles')).toBe(false);
      // A new report: checked without any notification from the client.
      const created = published(s, ws.uri('county/new.xxgk.yaml'), (ds) => ds.length > 0);
      writeFileSync(ws.path('county/new.xxgk.yaml'), '机关: 某局\n');
      expect(codes(await created)).toContain('STR-PARTS');
      const fixed = published(s, ws.uri(SEED), (ds) => !codes(ds).includes('DATE-BEFORE-PERIOD-END'));
      writeFileSync(ws.path(SEED), sample(SEED).replace('落款日期: 2023年1月22日', '落款日期: 2024年1月22日'));
      await fixed;
      const gone = published(s, ws.uri(SEED), (ds) => ds.length === 0);
      rmSync(ws.path(SEED));
      expect(await gone).toEqual([]);
    } finally {
      await s.stop();
    }
  });
});
