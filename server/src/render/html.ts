/**
 * The report as HTML in the official layout: the three tables with their merged header cells, A4 print CSS,
 * fonts found on Chinese government machines. Used by `xxgk render`, the export and the live preview.
 * Every value is escaped; the output contains no script. Each part, paragraph and table row carries
 * `data-line` (its source line), the anchor the preview scrolls by.
 */
import { isMap, isScalar } from 'yaml';
import { formatChinese } from '../model/dates';
import type { Finding, Severity } from '../model/findings';
import { localize, type Locale } from '../l10n';
import type { ProseValue, ReportModel } from '../model/model';
import { locateInProse } from '../model/prose';
import { fieldText, readMeta } from '../model/meta';
import { CONTACT_LINE_PREFIX, contactToPrint, feeSentence, joinLines, PARAGRAPH, printedCell, subheadingOf } from './text';
import { evaluate, type Evaluation } from '../model/tableValues';
import { columnHeaderRows, type GridCell } from './tableGrid';
import { cellRef, tableRows, type ColumnDef, type GroupDef, type PartDef, type RowDef, type TableDef, type TableNode } from '../template';

export interface RenderOptions {
  /** Preview only: mark cells and rows that have findings, with the message as a tooltip. */
  findings?: Finding[];
  locale?: Locale;
}

/** Bidi controls could reorder the printed text (“Trojan Source”); they are shown, never applied. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NEEDS_ESCAPE = /[&<>"'`\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function escapeHtml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  // One native pass per character rather than a callback per match: hostile text full of '<' stays linear and fast.
  return s.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;').replace(/"/g, '&#34;').replace(/'/g, '&#39;').replace(/`/g, '&#96;')
    .replace(BIDI, (c) => `&lt;U+${c.charCodeAt(0).toString(16).toUpperCase()}&gt;`);
}

interface Marks {
  cells: Map<string, { severity: Severity; messages: string[] }>;
  rows: Map<string, { severity: Severity; messages: string[] }>;
  parts: Map<string, { severity: Severity; messages: string[] }>;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function collectMarks(model: ReportModel, findings: Finding[] | undefined, locale: Locale): Marks {
  const marks: Marks = { cells: new Map(), rows: new Map(), parts: new Map() };
  if (!findings) return marks;
  const add = (map: Marks['cells'], key: string, f: Finding) => {
    const m = map.get(key) ?? { severity: f.severity, messages: [] };
    if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
    m.messages.push(`[${f.rule}] ${localize(f.message, locale)}`);
    map.set(key, m);
  };
  const within = (s: { start: number; end: number }, f: Finding) =>
    f.span.start >= s.start && f.span.start <= Math.max(s.end, s.start);
  for (const f of findings) {
    if (f.severity === 'info') continue;
    if (f.cells) { for (const c of f.cells) add(marks.cells, c, f); continue; }
    if (f.cell) { add(marks.cells, f.cell, f); continue; }
    const row = [...model.rows.values()].find((r) => within(r.keySpan, f) || within(r.valueSpan, f));
    if (row) { add(marks.rows, row.def.id, f); continue; }
    const part = model.parts.find((p) => within(p.keySpan, f));
    if (part) add(marks.parts, part.def.id, f);
  }
  return marks;
}

function markAttrs(mark: { severity: Severity; messages: string[] } | undefined): string {
  if (!mark) return '';
  return ` data-severity="${mark.severity}" title="${escapeHtml(mark.messages.join('\n'))}"`;
}

class Renderer {
  private readonly values: Evaluation;
  private readonly marks: Marks;

  constructor(private readonly model: ReportModel, options: RenderOptions) {
    this.values = evaluate(model);
    this.marks = collectMarks(model, options.findings, options.locale ?? 'zh-cn');
  }

  private line(offset: number | undefined): string {
    return offset === undefined ? '' : ` data-line="${this.model.lines.positionAt(offset).line}"`;
  }

  private text(id: string): string | undefined {
    return fieldText(this.model.fields.get(id));
  }

  title(): string {
    return reportTitle(this.model);
  }

  body(): string {
    const m = this.model;
    const meta = readMeta(m);
    const out: string[] = [];
    const titleField = m.fields.get('title') ?? m.fields.get('issuer');
    out.push(`<h1 class="xxgk-title"${this.line(titleField?.keySpan.start)}>${escapeHtml(this.title())}</h1>`);
    const preamble = this.proseOf('preamble');
    if (preamble) out.push(this.paragraphs(preamble));
    const contact = contactToPrint(m, preamble);
    if (contact) {
      out.push(`<p${this.line(m.fields.get('contact')!.keySpan.start)}>${CONTACT_LINE_PREFIX}${escapeHtml(contact)}</p>`);
    }
    for (const part of m.template.parts) out.push(this.part(part));
    const signed = meta.signed ? formatChinese(meta.signed) : this.text('signed');
    out.push(`<div class="xxgk-signature"${this.line(m.fields.get('signed')?.keySpan.start)}>`
      + `<p>${escapeHtml(meta.issuer ?? '')}</p><p>${escapeHtml(signed ?? '')}</p></div>`);
    return `<article class="xxgk-report">\n${out.join('\n')}\n</article>`;
  }

  /** The prose at a template place (see ProseValue.id). */
  private proseOf(id: string): ProseValue | undefined {
    return this.model.prose.find((p) => p.id === id);
  }

  /** Blank lines separate paragraphs; line breaks inside a paragraph are joined (Chinese has no spaces). */
  private paragraphs(prose: ProseValue): string {
    const out: string[] = [];
    for (const m of prose.text.matchAll(PARAGRAPH)) {
      const para = joinLines(m[0].split('\n'));
      if (!para) continue;
      const at = locateInProse(this.model.text, prose, m.index!, Math.min(m[0].length, 8));
      out.push(`<p${this.line(at.start)}>${escapeHtml(para)}</p>`);
    }
    return out.join('\n');
  }

  private part(def: PartDef): string {
    const m = this.model;
    const part = m.part.get(def.id);
    const heading = `<h2${this.line(part?.keySpan.start)}${markAttrs(this.marks.parts.get(def.id))}>${escapeHtml(`${def.numeral}、${def.title}`)}</h2>`;
    const out = [`<section class="xxgk-part" id="part-${def.numeral}">`, heading];
    switch (def.content) {
      case 'general': {
        const whole = part && !isMap(part.node) ? this.proseOf(def.id) : undefined;
        if (whole) out.push(this.paragraphs(whole));
        const summary = this.proseOf(m.template.generalTopics[0].id);
        if (summary) out.push(this.paragraphs(summary));
        for (const topic of m.template.generalTopics.slice(1)) {
          const p = this.proseOf(topic.id);
          if (!p) continue;
          out.push(`<h3${this.line(m.fields.get(topic.id)?.keySpan.start)}>${escapeHtml(topic.label)}</h3>`, this.paragraphs(p));
        }
        break;
      }
      case 'table': {
        const table = m.idx.tableById.get(def.table!)!;
        const note = this.proseOf(`${table.id}.note`);
        if (note) out.push(this.paragraphs(note));
        out.push(this.table(table));
        break;
      }
      case 'prose':
        for (const p of m.prose.filter((x) => x.part === def.id)) {
          const heading = subheadingOf(p);
          if (heading) out.push(`<h3${this.line(p.span.start)}>${escapeHtml(heading)}</h3>`);
          out.push(this.paragraphs(p));
        }
        break;
      case 'other': {
        const fee = this.feeSentence();
        if (fee) out.push(fee);
        for (const p of m.prose.filter((x) => x.part === def.id)) out.push(this.paragraphs(p));
        break;
      }
    }
    out.push('</section>');
    return out.join('\n');
  }

  private feeSentence(): string | undefined {
    const m = this.model;
    const s = feeSentence(m);
    if (s === undefined) return undefined;
    return `<p class="xxgk-fee"${this.line(m.fields.get('p6.fee')?.keySpan.start)}>${escapeHtml(s)}</p>`;
  }

  // ------------------------------------------------------------ tables

  private cell(row: RowDef, col: ColumnDef, colspan = 1): string {
    const ref = cellRef(row, col);
    const written = this.model.cells.get(ref);
    const { text, computed } = printedCell(this.model, this.values, row, col);
    const cls = computed ? 'num computed' : 'num';
    const span = colspan > 1 ? ` colspan="${colspan}"` : '';
    return `<td class="${cls}"${span} data-cell="${escapeHtml(ref)}"${written ? this.line(written.span.start) : ''}${markAttrs(this.marks.cells.get(ref))}>${escapeHtml(text)}</td>`;
  }

  private rowAttrs(row: RowDef): string {
    const r = this.model.rows.get(row.id);
    return `${r ? this.line(r.keySpan.start) : ''} data-row="${escapeHtml(row.id)}"${r ? '' : ' class="missing"'}${markAttrs(this.marks.rows.get(row.id))}`;
  }

  table(table: TableDef): string {
    const body = this.tableBody(table);
    const container = this.model.tables.get(table.id);
    return `<table class="xxgk-table" id="table-${table.id}"${container ? this.line(container.keySpan.start) : ''}>\n${body}\n</table>`;
  }

  /** The rows of a table in its layout: blocks (table 二), a grid (table 三), rows as column groups (table 四). */
  private tableBody(table: TableDef): string {
    if (table.layout === 'blocks') return this.blocksTable(table);
    if (table.layout === 'grid') return this.gridTable(table);
    return this.columnGroupsTable(table);
  }

  /** Table 二: per 第二十条 item, a full-width heading row, a “信息内容” header row, then its rows. */
  private blocksTable(table: TableDef): string {
    const width = Math.max(...tableRows(table).map((r) => r.columns.length));
    const out: string[] = [];
    for (const node of table.nodes) {
      const rows = node.kind === 'row' ? [node] : (node.children as RowDef[]);
      if (node.kind === 'group') out.push(`<tr class="block"><th colspan="${width + 1}">${escapeHtml(node.label)}</th></tr>`);
      const cols = rows[0].columns;
      const spanLast = width - cols.length + 1;
      out.push(`<tr class="head"><th>信息内容</th>${cols.map((c, i) => `<th${i === cols.length - 1 && spanLast > 1 ? ` colspan="${spanLast}"` : ''}>${escapeHtml(c.label)}</th>`).join('')}</tr>`);
      for (const row of rows) {
        out.push(`<tr${this.rowAttrs(row)}><th class="label">${escapeHtml(row.label)}</th>${row.columns.map((c, i) => this.cell(row, c, i === row.columns.length - 1 ? spanLast : 1)).join('')}</tr>`);
      }
    }
    return out.join('\n');
  }

  /** The column header rows (merged as the official template draws them: tableGrid.ts). */
  private headerRows(cols: ColumnDef[], corner?: { text: string; colSpan: number }): string[] {
    return columnHeaderRows(cols, corner).map((r) => `<tr class="head">${r.cells.map(headerCellHtml).join('')}</tr>`);
  }

  /** Table 三: merged labels on the left (三、本年度办理结果 › （三）不予公开 › 1.…), 7 data columns. */
  private gridTable(table: TableDef): string {
    const depthOf = (nodes: TableNode[]): number => Math.max(...nodes.map((n) => (n.kind === 'row' ? 1 : 1 + depthOf(n.children))));
    const labelCols = depthOf(table.nodes);
    const cols = tableRows(table)[0].columns;
    const out = this.headerRows(cols, { text: table.corner ?? '', colSpan: labelCols });
    const rowsOf = (n: TableNode): number => (n.kind === 'row' ? 1 : n.children.reduce((s, c) => s + rowsOf(c), 0));
    const emit = (nodes: TableNode[], depth: number, lead: string[]) => {
      for (const n of nodes) {
        if (n.kind === 'row') {
          const label = `<th class="label"${labelCols - depth > 1 ? ` colspan="${labelCols - depth}"` : ''}>${escapeHtml(n.label)}</th>`;
          out.push(`<tr${this.rowAttrs(n)}>${lead.join('')}${label}${n.columns.map((c) => this.cell(n, c)).join('')}</tr>`);
          lead = [];
        } else {
          const group = `<th class="group" rowspan="${rowsOf(n)}"${this.groupLine(n)}>${escapeHtml(n.label)}</th>`;
          emit(n.children, depth + 1, [...lead, group]);
          lead = [];
        }
      }
    };
    emit(table.nodes, 0, []);
    return out.join('\n');
  }

  private groupLine(g: GroupDef): string {
    const c = this.model.groups.get(g.id);
    return c ? this.line(c.keySpan.start) : '';
  }

  /** Table 四: each template row is a group of five columns; the table has one data row. */
  private columnGroupsTable(table: TableDef): string {
    const rows = tableRows(table);
    const cols = rows.flatMap((r) => r.columns);
    const out = this.headerRows(cols);
    out.push(`<tr${this.line(rows.map((r) => this.model.rows.get(r.id)?.keySpan.start).find((x) => x !== undefined))} data-row="${escapeHtml(table.id)}">${rows.flatMap((r) => r.columns.map((c) => this.cell(r, c))).join('')}</tr>`);
    return out.join('\n');
  }
}

function headerCellHtml(c: GridCell): string {
  const span = (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '') + (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '');
  return `<th${c.role === 'corner' ? ' class="corner"' : ''}${span}>${escapeHtml(c.text)}</th>`;
}

export const REPORT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
.xxgk-report { max-width: 156mm; margin: 0 auto; color: #000; background: #fff;
  font-family: "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 16pt; line-height: 1.75; }
.xxgk-report p { margin: 0; text-indent: 2em; text-align: justify; }
.xxgk-title { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "SimSun", "宋体", "Noto Serif CJK SC", serif;
  font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
.xxgk-report h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0.5em 0 0; text-indent: 2em; }
.xxgk-report h3 { font-family: "KaiTi_GB2312", "楷体_GB2312", "KaiTi", "楷体", "STKaiti", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
.xxgk-table { width: 100%; border-collapse: collapse; margin: 0.5em 0 1em; table-layout: auto;
  font-family: "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; line-height: 1.4; }
.xxgk-table th, .xxgk-table td { border: 1px solid #000; padding: 2pt 3pt; font-weight: normal; vertical-align: middle; }
.xxgk-table th { text-align: center; }
.xxgk-table th.label, .xxgk-table th.group { text-align: left; }
.xxgk-table th.corner { font-size: 9pt; text-align: left; }
.xxgk-table tr.block th { text-align: center; font-weight: bold; }
.xxgk-table td.num { text-align: center; min-width: 2.2em; }
.xxgk-table tr { page-break-inside: avoid; break-inside: avoid; }
.xxgk-signature { margin-top: 2em; text-align: right; }
.xxgk-signature p { text-indent: 0; text-align: right; }
@media print { .xxgk-report { max-width: none; } }
`;

/** The report's title: the 标题 written, or one made from the body and the year. */
export function reportTitle(model: ReportModel): string {
  const meta = readMeta(model);
  const f = model.fields.get('title');
  const written = f && isScalar(f.node) && f.node.value !== null ? String(f.node.value).trim() : '';
  return written || `${meta.issuer ?? ''}${meta.year ?? ''}年政府信息公开工作年度报告`;
}

/** The HTML fragment of the report (the preview puts it in its own page). */
export function renderBody(model: ReportModel, options: RenderOptions = {}): { title: string; html: string } {
  const r = new Renderer(model, options);
  return { title: r.title(), html: r.body() };
}

/** Some of a report's tables alone, in the official layout (`xxgk review` draws its 汇总 from a model of sums). */
export function renderTables(model: ReportModel, tableIds: TableDef['id'][], options: RenderOptions = {}): string {
  const r = new Renderer(model, options);
  return tableIds.map((id) => model.idx.tableById.get(id)).filter((t) => t !== undefined).map((t) => r.table(t)).join('\n');
}

/** A standalone, print-ready HTML file: no scripts, no remote resources, a CSP that forbids both. */
export function renderDocument(model: ReportModel): string {
  const { title, html } = renderBody(model);
  return standalonePage({ lang: 'zh-CN', generator: 'xxgk-report', title, css: REPORT_CSS, body: html });
}

export interface StandalonePage {
  lang: string;
  generator: string;
  title: string;
  css: string;
  body: string;
}

/**
 * The one page frame of every file we write as HTML (the export, the review dashboard): its CSP allows inline
 * styles and nothing else — no script, no remote resource, no form — whatever the content says.
 */
export function standalonePage(page: StandalonePage): string {
  return `<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${page.generator}">
<title>${escapeHtml(page.title)}</title>
<style>${page.css}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
