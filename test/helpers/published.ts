/**
 * Test fixtures: a report (one of the samples, whose values are the ground truth) “published” the way real
 * reports are — the official table structure (table 二 in 第二十条 blocks, table 三 with the 勾稽关系 corner,
 * 申请人情况 › 法人或其他组织 headers and merged group labels, table 四 as one row under two header rows),
 * written out as
 *   - a Word-exported web page: layout table around the article, `<p align=center><span>` in cells, `&nbsp;`
 *     blanks, colspan/rowspan, `<br>` inside header labels, navigation and footer chrome, a 发布日期 line;
 *   - text copied from such a page: tab-separated cells (clean: a full grid; garbled: like the seed — merged
 *     cells leave no placeholder, labels spaced out one character at a time, stray blank cells, a header line
 *     wrapped, page numbers, paragraphs broken at page ends);
 *   - space-separated text (a PDF copy);
 *   - a .docx (WordprocessingML with w:gridSpan and w:vMerge, zipped with jszip).
 * Layout knobs cover the variants seen in practice: printed totals or not, zeros printed as blanks,
 * half-width brackets, 规范性文件 / 其他法律行政止公开 / …改进措施, one undivided （六）其他处理 row.
 */
import JSZip from 'jszip';
import { parseReport, type ReportModel } from '../../server/src/model/model';
import { readMeta } from '../../server/src/model/meta';
import { evaluate } from '../../server/src/model/tableValues';
import { tableRows, type RowDef, type TableDef, type TableNode } from '../../server/src/template';

export interface Style {
  /** Print the 总计 column, the （七）总计 row and table 四's totals. */
  totals?: boolean;
  /** Print 0 as an empty cell. */
  zeroAsBlank?: boolean;
  /** (一) instead of （一）. */
  halfWidth?: boolean;
  /** Known variants: 规范性文件, 其他法律行政止公开, part 五 titled …改进措施. */
  variants?: boolean;
  /** （六）其他处理 as one row (its three sub-rows summed), as in the 2019 layout. */
  sixthAsOne?: boolean;
  /** Part 六 states the three 信息处理费 figures in a sentence, as most reports do. */
  fees?: boolean;
  /** The total column, the （七）总计 row and table 四's totals printed but left empty (2019-format reports). */
  blankTotals?: boolean;
  /** What a zero printed as blank looks like: nothing (default), “—”, “/”, “-”. */
  blankMark?: string;
  /** Digits printed full-width (１２３), as some Word templates do. */
  fullWidthDigits?: boolean;
  /** Long row labels broken over two lines inside their cell (<br> in HTML, two paragraphs in Word). */
  wrappedLabels?: boolean;
}

/** Whether the totals are printed at all (written or left empty). */
const printsTotals = (style: Style) => !!(style.totals || style.blankTotals);

interface Cell { text: string; colspan?: number; rowspan?: number }
type Grid = Cell[][];

// ------------------------------------------------------------------ the report's content

interface Content {
  model: ReportModel;
  title: string;
  issuer: string;
  signed: string;
  preamble: string[];
  /** Part 一 as printed: （一）heading + paragraphs. */
  general: { heading?: string; paras: string[] }[];
  p5: string[];
  p6: string[];
}

function prose(model: ReportModel, label: string): string[] {
  return model.prose.filter((p) => p.label === label).flatMap((p) => p.text.split(/\n\s*\n/).map((x) => x.replace(/\n/g, '').trim()).filter(Boolean));
}

function content(yaml: string, style: Style = {}): Content {
  const model = parseReport(yaml);
  const meta = readMeta(model);
  const t = model.template;
  const title = String((model.fields.get('title')?.node as { value?: unknown } | undefined)?.value ?? `${meta.issuer}${meta.year}年政府信息公开工作年度报告`);
  const general = t.generalTopics.map((f, i) => ({
    heading: i === 0 ? undefined : `（${'一二三四五'[i - 1]}）${f.label.replace(/^（.）/, '')}`,
    paras: prose(model, `一、${f.label}`),
  })).filter((g) => g.paras.length);
  const p5 = model.prose.filter((p) => p.label.startsWith('五、')).flatMap((p) => {
    const sub = p.label === '五、存在的主要问题及改进情况' ? [] : [`（${p.label.includes('问题') ? '一' : '二'}）${p.label.slice(2)}`];
    return [...sub, ...prose(model, p.label)];
  });
  const p6 = prose(model, '六、其他需要报告的事项');
  if (style.fees) {
    const fee = (id: string) => (model.fields.get(id)?.node as { value?: unknown } | undefined)?.value ?? 0;
    p6.unshift(`本年度发出收费通知${fee('fee.notices')}件，收费通知金额${fee('fee.billed')}元，实际收取信息处理费${fee('fee.collected')}元。`);
  }
  const signed = meta.signed ? `${meta.signed.y}年${meta.signed.m}月${meta.signed.d}日` : '';
  // Published reports give the contact in the preamble.
  const contact = String((model.fields.get('contact')?.node as { value?: unknown } | undefined)?.value ?? '');
  const preamble = prose(model, '导语');
  if (contact && preamble.length && !/电话/.test(preamble.join(''))) preamble[preamble.length - 1] += `联系方式：${contact}。`;
  return { model, title, issuer: meta.issuer ?? '', signed, preamble, general, p5, p6 };
}

// ------------------------------------------------------------------ tables as printed grids

function bracket(s: string, style: Style): string {
  return style.halfWidth ? s.replace(/（/g, '(').replace(/）/g, ')') : s;
}

function valueText(v: number | undefined, style: Style): string {
  if (v === undefined) return '';
  if (v === 0 && style.zeroAsBlank) return style.blankMark ?? '';
  return style.fullWidthDigits ? String(v).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(v);
}

function rowLabel(row: RowDef, style: Style): string {
  if (style.variants && row.id === 't2.normative') return '规范性文件';
  if (style.variants && row.id === 't3.r3.3.2') return '2.其他法律行政止公开';
  return bracket(row.label, style);
}

function valuesOf(model: ReportModel, row: RowDef, style: Style): string[] {
  const ev = evaluate(model);
  const cols = printsTotals(style) ? row.columns : row.columns.filter((c) => !c.optionalTotal);
  const blank = (c: { optionalTotal?: boolean }) => style.blankTotals && (c.optionalTotal || row.optionalTotal);
  return cols.map((c) => (blank(c) ? '' : valueText(ev.get(`${row.id}:${c.id}`)?.value, style)));
}

function table2Grid(model: ReportModel, table: TableDef, style: Style): Grid {
  const width = Math.max(...tableRows(table).map((r) => r.columns.length));
  const grid: Grid = [];
  for (const node of table.nodes) {
    if (node.kind !== 'group') continue;
    const rows = node.children as RowDef[];
    grid.push([{ text: bracket(node.label, style), colspan: width + 1 }]);
    const cols = rows[0].columns;
    const last = width - cols.length + 1;
    grid.push([{ text: '信息内容' }, ...cols.map((c, i) => ({ text: c.label, colspan: i === cols.length - 1 ? last : 1 }))]);
    for (const row of rows) {
      grid.push([{ text: rowLabel(row, style) }, ...valuesOf(model, row, style).map((v, i) => ({ text: v, colspan: i === row.columns.length - 1 ? last : 1 }))]);
    }
  }
  return grid;
}

function table3Grid(model: ReportModel, table: TableDef, style: Style): Grid {
  const cols = printsTotals(style) ? 7 : 6;
  const grid: Grid = [
    [{ text: table.corner!, colspan: 3, rowspan: 3 }, { text: '申请人情况', colspan: cols }],
    [{ text: '自然人', rowspan: 2 }, { text: '法人或其他组织', colspan: 5 }, ...(printsTotals(style) ? [{ text: '总计', rowspan: 2 }] : [])],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text })),
  ];
  const ev = evaluate(model);
  const count = (n: TableNode): number => (n.kind === 'row' ? (n.optionalTotal && !printsTotals(style) ? 0 : 1) : n.id === 't3.r3.6' && style.sixthAsOne ? 1 : n.children.reduce((s, c) => s + count(c), 0));
  const emit = (nodes: TableNode[], depth: number, lead: Cell[]) => {
    for (const n of nodes) {
      if (n.kind === 'row') {
        if (n.optionalTotal && !printsTotals(style)) continue;
        grid.push([...lead, { text: rowLabel(n, style), colspan: 3 - depth }, ...valuesOf(model, n, style).map((text) => ({ text }))]);
        lead = [];
      } else if (n.id === 't3.r3.6' && style.sixthAsOne) {
        const sub = (n.children as RowDef[]);
        const cs = (printsTotals(style) ? sub[0].columns : sub[0].columns.filter((c) => !c.optionalTotal));
        const sums = cs.map((c) => (style.blankTotals && c.optionalTotal ? undefined : sub.reduce((s, r) => s + (ev.get(`${r.id}:${c.id}`)?.value ?? 0), 0)));
        grid.push([...lead, { text: bracket(n.label, style), colspan: 2 }, ...sums.map((v) => ({ text: valueText(v, style) }))]);
        lead = [];
      } else {
        const label = n.id === 't3.r3' ? '三、本年度办理结果' : bracket(n.label, style);
        emit(n.children, depth + 1, [...lead, { text: label, rowspan: count(n) }]);
        lead = [];
      }
    }
  };
  emit(table.nodes, 0, []);
  return grid;
}

function table4Grid(model: ReportModel, table: TableDef, style: Style): Grid {
  const rows = tableRows(table);
  const per = printsTotals(style) ? 5 : 4;
  const sub = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].slice(0, per);
  return [
    [{ text: '行政复议', colspan: per }, { text: '行政诉讼', colspan: per * 2 }],
    [...sub.map((text) => ({ text, rowspan: 2 })), { text: '未经复议直接起诉', colspan: per }, { text: '复议后起诉', colspan: per }],
    [...sub, ...sub].map((text) => ({ text })),
    rows.flatMap((r) => valuesOf(model, r, style).map((text) => ({ text }))),
  ];
}

function grids(c: Content, style: Style): Record<'t2' | 't3' | 't4', Grid> {
  const t = c.model.template;
  return {
    t2: table2Grid(c.model, t.tables[0], style),
    t3: table3Grid(c.model, t.tables[1], style),
    t4: table4Grid(c.model, t.tables[2], style),
  };
}

function partHeading(c: Content, id: string, style: Style): string {
  const p = c.model.template.parts.find((x) => x.id === id)!;
  if (id === 'p5' && style.variants) return '五、存在的主要问题及改进措施';
  return p.key;
}

/** What a published report prints, for writers of other layouts (the PDF fixtures' Word files). */
export function printedReport(yaml: string, style: Style = {}) {
  const c = content(yaml, style);
  const heading = (id: string) => partHeading(c, id, style);
  return { ...c, grids: grids(c, style), heading, bracket: (s: string) => bracket(s, style) };
}

export type { Cell as PrintedCell, Grid as PrintedGrid };

// ------------------------------------------------------------------ HTML

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where a long row label breaks in a narrow cell: after its first 7 characters. */
const wrapAt = (text: string) => (text.length >= 12 ? 7 : -1);

function htmlCell(cell: Cell, brLabels: boolean, wrapLabels = false): string {
  const span = `${cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`;
  // Word breaks long header labels: “本年新<br />制作数量”; narrow label cells wrap long row labels.
  const at = wrapLabels ? wrapAt(cell.text) : -1;
  const text = !cell.text ? '&nbsp;' : brLabels && cell.text.length >= 6 && /^[\u4e00-\u9fff]+$/.test(cell.text) ? `${esc(cell.text.slice(0, 3))}<br />${esc(cell.text.slice(3))}`
    : at > 0 ? `${esc(cell.text.slice(0, at))}<br />\n${esc(cell.text.slice(at))}` : esc(cell.text);
  return `<td${span} nowrap="nowrap" style="width:48px;"><p align="center"><span style="font-size:10.5pt;font-family:宋体">${text}</span></p></td>`;
}

function htmlTable(grid: Grid, wrapLabels = false): string {
  return `<table align="center" border="1" cellspacing="0" cellpadding="0"><tbody>\n${grid.map((r, i) => `<tr>${r.map((c) => htmlCell(c, i < 3, wrapLabels && i >= 3)).join('')}</tr>`).join('\n')}\n</tbody></table>`;
}

const para = (t: string) => `<p style="text-indent:2em;line-height:1.8"><span style="font-family:仿宋_GB2312">${esc(t)}</span></p>`;
const heading = (t: string) => `<p style="text-indent:2em"><strong><span style="font-family:黑体">${esc(t)}</span></strong></p>`;

export function publishedHtml(yaml: string, style: Style = {}): string {
  const c = content(yaml, style);
  const g = grids(c, style);
  const body: string[] = [];
  body.push(`<p align="center"><strong><span style="font-size:22pt">${esc(c.title)}</span></strong></p>`);
  body.push(...c.preamble.map(para));
  body.push(heading('一、总体情况'));
  for (const topic of c.general) {
    if (topic.heading) body.push(`<p style="text-indent:2em"><strong><span style="font-family:楷体_GB2312">${esc(bracket(topic.heading, style))}</span></strong></p>`);
    body.push(...topic.paras.map(para));
  }
  body.push(heading(partHeading(c, 'p2', style)), htmlTable(g.t2, style.wrappedLabels));
  body.push(heading(partHeading(c, 'p3', style)), htmlTable(g.t3, style.wrappedLabels));
  body.push(`<p><br />${esc(partHeading(c, 'p4', style))}</p>`, htmlTable(g.t4));
  body.push(heading(partHeading(c, 'p5', style)), ...c.p5.map(para));
  body.push(heading(partHeading(c, 'p6', style)), ...c.p6.map(para));
  body.push(`<p align="right">${esc(c.issuer)}</p>`, `<p align="right">${esc(c.signed)}</p>`);
  const meta = readMeta(c.model);
  const day = meta.published ?? meta.signed;
  const published = day ? `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}` : undefined;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(c.title)}_政府信息公开年报</title>
<script>var _hmt = _hmt || [];</script><style>.nav{color:#333}</style></head>
<body>
<div class="top"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<table width="100%" class="layout"><tr><td>
<div class="article">
${body[0]}
<div class="info">发布日期：${published ?? ''}&nbsp;&nbsp;来源：${esc(c.issuer)}&nbsp;&nbsp;字体：[大 中 小]</div>
${body.slice(1).join('\n')}
</div>
</td></tr></table>
<div class="foot">【打印本页】【关闭窗口】</div>
<script>document.title = document.title;</script>
</body></html>
`;
}

// ------------------------------------------------------------------ text

/** Every row as a full grid: merged cells padded with empty cells (a careful copy). */
function fullGrid(grid: Grid): string[][] {
  const out: string[][] = [];
  const carry: { col: number; left: number }[] = [];
  grid.forEach((row) => {
    const line: string[] = [];
    let col = 0;
    const take = () => {
      for (;;) {
        const c = carry.find((x) => x.col === col && x.left > 0);
        if (!c) return;
        c.left--; line.push(''); col++;
      }
    };
    for (const cell of row) {
      take();
      line.push(cell.text);
      if ((cell.rowspan ?? 1) > 1) for (let k = 0; k < (cell.colspan ?? 1); k++) carry.push({ col: col + k, left: (cell.rowspan ?? 1) - 1 });
      for (let k = 1; k < (cell.colspan ?? 1); k++) line.push('');
      col += cell.colspan ?? 1;
    }
    take();
    out.push(line);
  });
  return out;
}

/** The seed's kind of dump: merged cells leave nothing, labels spaced out, stray blanks, a wrapped header. */
function garbledGrid(grid: Grid, table: 't2' | 't3' | 't4'): string[][] {
  return grid.map((row, i) => {
    const cells = row.map((c) => c.text);
    if (table === 't3' && i < 3) return cells.map((t) => (t.length <= 6 ? t.split('').join(' ') : t));
    if (table === 't3' && i >= 3) {
      // A label cell split by the line wrap of its narrow column: “三、本 年度 办理 结果”, “(三) 不予公 开”.
      return [...cells.map((t, k) => (k === 0 && t.startsWith('三、') ? t.replace(/(.{3})(.{2})(.{2})/, '$1 $2 $3 ') : t)), ''];
    }
    return cells;
  });
}

function textTable(rows: string[][]): string {
  return rows.map((r) => r.join('\t')).join('\n');
}

export type TextLayout = 'clean' | 'garbled' | 'spaces';

export function publishedText(yaml: string, style: Style = {}, layout: TextLayout = 'clean'): string {
  const c = content(yaml, style);
  const g = grids(c, style);
  const lines: string[] = [c.title, '', ...c.preamble.flatMap((p) => [p, ''])];
  const table = (id: 't2' | 't3' | 't4') => {
    if (layout === 'spaces') {
      // A PDF copy: one line per row, cells separated by spaces, blanks lost (so zeros must be printed).
      return g[id].map((r) => r.map((x) => x.text).filter(Boolean).join(' ')).join('\n');
    }
    if (layout === 'garbled') {
      const rows = garbledGrid(g[id], id);
      if (id === 't3') rows.splice(3, 0, ['', '', '', '业', '构', '', '', '', '']); // a wrapped header line
      return textTable(rows).replace(/\n(?=一、本年新收)/, '\n\n');
    }
    return textTable(fullGrid(g[id]));
  };
  const broken = (p: string) => (layout === 'garbled' && p.length > 80 ? [p.slice(0, 60), '', p.slice(60)] : [p]);
  lines.push('一、总体情况', '');
  for (const topic of c.general) {
    const [first, ...rest] = topic.paras;
    if (topic.heading) lines.push(...broken(`${bracket(topic.heading, style)}。${first}`), '');
    else lines.push(...broken(first), '');
    for (const p of rest) lines.push(...broken(p), '');
  }
  lines.push(partHeading(c, 'p2', style), '', table('t2'), '');
  lines.push(partHeading(c, 'p3', style), '', table('t3'), '');
  if (layout === 'garbled') lines.push('— 3 —', '');
  lines.push(partHeading(c, 'p4', style), '', table('t4'), '');
  lines.push(partHeading(c, 'p5', style), '', ...c.p5.flatMap((p) => [p, '']));
  lines.push(partHeading(c, 'p6', style), '', ...c.p6.flatMap((p) => [p, '']));
  lines.push(c.signed, '', c.issuer, '');
  return lines.join('\n');
}

// ------------------------------------------------------------------ .docx

const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const wp = (t: string, bold = false) => `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlEsc(t)}</w:t></w:r></w:p>`;

/** A grid as a Word table: colspan → w:gridSpan, rowspan → w:vMerge restart/continue, as Word writes them. */
function docxTable(grid: Grid, wrapLabels = false): string {
  const full: ({ cell: Cell; start: boolean } | undefined)[][] = [];
  grid.forEach((row, r) => {
    full[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (full[r][col]) col++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        full[r + dr] ??= [];
        full[r + dr][col] = { cell, start: dr === 0 };
        for (let k = 1; k < (cell.colspan ?? 1); k++) full[r + dr][col + k] = { cell, start: false };
      }
      col += cell.colspan ?? 1;
    }
  });
  const width = Math.max(...full.map((r) => r.length));
  const rows = full.map((r, ri) => {
    const out: string[] = [];
    for (let col = 0; col < width;) {
      const slot = r[col];
      if (!slot) { out.push(`<w:tc>${wp('')}</w:tc>`); col++; continue; }
      const span = slot.cell.colspan ?? 1;
      const vm = (slot.cell.rowspan ?? 1) > 1 ? (slot.start ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
      const pr = `<w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vm}</w:tcPr>`;
      const text = slot.start ? slot.cell.text : '';
      const at = wrapLabels && ri >= 3 ? wrapAt(text) : -1;
      out.push(`<w:tc>${pr}${at > 0 ? wp(text.slice(0, at)) + wp(text.slice(at)) : wp(text)}</w:tc>`);
      col += span;
    }
    return `<w:tr>${out.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

export async function publishedDocx(yaml: string, style: Style = {}): Promise<Buffer> {
  const c = content(yaml, style);
  const g = grids(c, style);
  const body: string[] = [wp(c.title, true), ...c.preamble.map((p) => wp(p)), wp('一、总体情况', true)];
  for (const topic of c.general) {
    if (topic.heading) body.push(wp(bracket(topic.heading, style), true));
    body.push(...topic.paras.map((p) => wp(p)));
  }
  body.push(wp(partHeading(c, 'p2', style), true), docxTable(g.t2, style.wrappedLabels), wp(partHeading(c, 'p3', style), true), docxTable(g.t3, style.wrappedLabels),
    wp(partHeading(c, 'p4', style), true), docxTable(g.t4), wp(partHeading(c, 'p5', style), true), ...c.p5.map((p) => wp(p)),
    wp(partHeading(c, 'p6', style), true), ...c.p6.map((p) => wp(p)), wp(c.issuer), wp(c.signed));
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

// ------------------------------------------------------------------ accuracy

export interface Accuracy {
  /** Cells of the truth whose value the import reproduced at the same place (blank counted as 0). */
  correct: number;
  total: number;
  wrong: string[];
}

/**
 * Compares every cell the truth has (computed totals included when the import wrote totals) with the import, as
 * the checker reads it: a blank data cell is 0, a blank total its computed value (the source printed it empty).
 */
export function accuracy(truthYaml: string, importedYaml: string): Accuracy {
  const truth = parseReport(truthYaml), got = parseReport(importedYaml);
  const tv = evaluate(truth), gv = evaluate(got);
  const wrong: string[] = [];
  let correct = 0, total = 0;
  for (const table of truth.template.tables) {
    for (const row of tableRows(table)) {
      for (const col of row.columns) {
        const ref = `${row.id}:${col.id}`;
        const cell = got.cells.get(ref);
        if ((col.optionalTotal || row.optionalTotal) && !cell) continue; // not printed, not imported: nothing to compare
        const want = tv.get(ref)?.value;
        if (want === undefined) continue;
        total++;
        const have = cell ? (gv.get(ref)?.value ?? (cell.state === 'blank' ? 0 : cell.value)) : undefined;
        if (have === want) correct++;
        else wrong.push(`${ref}: ${have} ≠ ${want}`);
      }
    }
  }
  return { correct, total, wrong };
}
