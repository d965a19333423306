/**
 * The renderer: golden files for the samples (UPDATE_GOLDEN=1 rewrites them), the official table layout,
 * escaping, and line anchors.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/check';
import { parseReport } from '../server/src/model/model';
import { renderBody, renderDocument } from '../server/src/render/html';
import { CLEAN, COUNTY, ROOT, SEED, edit, sample } from './helpers/samples';

function golden(name: string, actual: string) {
  const file = join(ROOT, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('renderDocument', () => {
  it.each([
    [CLEAN, 'clean-zhangying-2024.html'],
    [COUNTY, 'county-dept-2024.html'],
    [SEED, 'seed-zhangying-2023.html'],
  ])('%s matches its golden file', (name, out) => {
    golden(out, renderDocument(parseReport(sample(name))));
  });

  it('is standalone and inert: no script, no remote resource, a CSP forbidding both', () => {
    const html = renderDocument(parseReport(sample(COUNTY)));
    expect(html).not.toMatch(/<script|javascript:|\son\w+=|src=|href=|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('@page { size: A4;');
  });

  it('draws the official tables with merged header cells', () => {
    const html = renderDocument(parseReport(sample(COUNTY)));
    // table 三: the corner note spans 3 label columns and 3 header rows; 申请人情况 spans 7 columns
    expect(html).toContain('<th class="corner" colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(html).toContain('<th colspan="7">申请人情况</th>');
    expect(html).toContain('<th colspan="5">法人或其他组织</th>');
    expect(html).toContain('<th class="group" rowspan="22"');
    expect(html).toContain('<th class="group" rowspan="8"');
    // table 四: 行政复议 over 5 columns, 行政诉讼 over 10, split in two groups of 5
    expect(html).toContain('<th colspan="5">行政复议</th><th colspan="10">行政诉讼</th>');
    expect(html).toContain('<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th>');
    // table 二: one heading row per 第二十条 item
    for (const item of ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']) {
      expect(html).toContain(`<th colspan="4">${item}</th>`);
    }
  });

  it('shows totals that were left out as computed values', () => {
    const { html } = renderBody(parseReport(sample(CLEAN)));
    expect(html).toMatch(/<td class="num computed" data-cell="t3\.r1:TOT"[^>]*>4<\/td>/);
    expect(html).toMatch(/<td class="num computed" data-cell="t3\.r3\.7:TOT"[^>]*>4<\/td>/);
  });

  it('anchors every part and table row to its source line', () => {
    const text = sample(COUNTY);
    const { html } = renderBody(parseReport(text));
    const lines = text.split('\n');
    const rowLine = (key: string) => lines.findIndex((l) => l.trimStart().startsWith(`${key}:`));
    expect(html).toContain(`<h2 data-line="${rowLine('三、收到和处理政府信息公开申请情况')}">三、收到和处理政府信息公开申请情况</h2>`);
    expect(html).toContain(`<tr data-line="${rowLine('本年新收')}" data-row="t3.r1">`);
    const rows = html.match(/<tr[^>]*data-row=/g)!;
    expect(rows.length).toBe(6 + 25 + 1);
    expect(rows.every((r) => r.includes('data-line='))).toBe(true);
  });

  it('escapes every value', () => {
    const text = edit(edit(sample(CLEAN), '机关: 张营乡人民政府', '机关: "<script>alert(1)</script>"'),
      '  政府信息管理: |\n    严格落实', '  政府信息管理: |\n    "><img src=x onerror=alert(1)> 严格落实');
    const html = renderDocument(parseReport(text));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('marks cells with findings in the preview, with the message as a tooltip', () => {
    const { model, findings } = checkText(sample('county-dept-2024-mistakes.xxgk.yaml'));
    const { html } = renderBody(model, { findings });
    expect(html).toMatch(/data-cell="t3\.r3\.1:TOT"[^>]*data-severity="error" title="\[T3-ROW-TOTAL\] 表三“（一）予以公开”行的总计填报为 76/);
  });
});
