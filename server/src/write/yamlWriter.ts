/**
 * The one YAML writer: every `.xxgk.yaml` text the project produces comes from here, generated from the template.
 *
 * - A report being assembled (a `Draft`) — by the importer from a published report, by the rollover from last
 *   year's — becomes a whole file that looks like the samples: metadata first, one line per table row with the
 *   column names in a comment, prose as `|` blocks, totals written only where the source printed them (so a wrong
 *   printed sum stays visible), blank cells as `~`.
 * - Skeletons — parts, tables, rows and whole reports with zeros and prompts — that quick fixes insert and
 *   completion offers as snippets. One generator, so fixes, completion and `xxgk new` agree.
 */
import { stringify } from 'yaml';
import { fieldDef, keysAtLevel, type FieldDef, type GroupDef, type PartDef, type RowDef, type TableDef, type TableNode, type Template } from '../template';

// ---------------------------------------------------------------- whole reports from a draft

/** A cell to write: a number, a blank (`~`), or source text kept verbatim (quoted) for the checker to judge. */
export type DraftCell = number | null | string;

export interface DraftRow {
  values: DraftCell[];
  /** Written as a trailing comment (what the importer guessed about this row). */
  comment?: string;
}

export interface DraftTable {
  rows: Map<string, DraftRow>;
  /** Prose before the table (the table's 说明). */
  note?: string;
}

export interface DraftValue {
  value: string | number;
  comment?: string;
}

export interface Draft {
  template: Template;
  /** Comment lines at the top of the file, without the leading “# ”. */
  header: string[];
  /** Metadata by field id (title, issuer, kind, year, signed, published, contact, previousReport). */
  meta: Map<string, DraftValue>;
  preamble?: string;
  /** Part 一: prose by sub-topic field id (p1.summary, p1.active …); `text` when the source has no sub-topics. */
  general: { topics: Map<string, string>; text?: string };
  tables: Map<TableDef['id'], DraftTable>;
  /** Part 五: one text, or texts under the sub-headings the source gives them (存在的主要问题, 改进情况). */
  problems?: string | ProseSection[];
  /** Part 六's 信息处理费 figures by field id (fee.notices …); absent when the source states none. */
  fees?: Map<string, DraftValue>;
  /** Part 六's prose. */
  other?: string;
  /** The parts to write: a part missing from the source stays missing, so the checker says so. */
  parts: Set<PartDef['id']>;
  /** Source text that could not be placed: written under 未识别内容, never dropped. */
  unmapped: string[];
}

export interface ProseSection {
  heading: string;
  text: string;
}

export function emptyDraft(template: Template): Draft {
  return {
    template, header: [], meta: new Map(), general: { topics: new Map() }, tables: new Map(), parts: new Set(),
    unmapped: [],
  };
}

const STEP = '  ';

/** Display width: CJK ideographs and full-width forms take two columns (quotes “” take one, as editors draw them). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
      || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/** Characters YAML does not allow in a document, and stray carriage returns. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff\ufffe]/g, '');
}

/** A scalar as YAML writes it: plain when that reads back the same, quoted otherwise. */
export function yamlScalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return stringify(clean(value), { lineWidth: 0 }).trimEnd();
}

/** `key: |` and the text, paragraphs separated by blank lines. */
export function proseLines(key: string, text: string, pad: string): string[] {
  const body = clean(text).split('\n').map((l) => l.trimEnd());
  while (body.length && !body[0].trim()) body.shift();
  while (body.length && !body[body.length - 1].trim()) body.pop();
  if (!body.length) return [`${pad}${key}: ""`];
  // A first line that starts with a space would need an indentation indicator; the text never needs it.
  body[0] = body[0].trimStart();
  return [`${pad}${key}: |`, ...body.map((l) => (l ? `${pad}${STEP}${l}` : ''))];
}

function cellText(v: DraftCell): string {
  if (v === null) return '~';
  if (typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

function rowValue(row: RowDef, draft: DraftRow): string {
  const vals = draft.values.map(cellText);
  return row.scalar && vals.length === 1 ? vals[0] : `[${vals.join(', ')}]`;
}

/** The column names a row's values are in, as written (a total only when the row has it). */
function columnNames(row: RowDef, written: number): string {
  const base = row.columns.filter((c) => !c.optionalTotal);
  const cols = written > base.length ? row.columns : base;
  const names = cols.map((c) => (row.scalar ? c.label.replace('（单位：', '（') : c.short)).join(' ');
  const leftOut = written <= base.length && row.columns.length > base.length;
  return leftOut ? `${names}（总计不填，自动计算）` : names;
}

/** Lines of the rows and nested groups of one mapping level, values aligned, column names in comments. */
function levelLines(nodes: TableNode[], table: DraftTable, pad: string, state = { signature: '' }): string[] {
  const present = keysAtLevel(nodes).filter((n) => (n.kind === 'row' ? table.rows.has(n.id) : hasRows(n, table)));
  const rows = present.filter((n): n is RowDef => n.kind === 'row');
  const col = Math.max(0, ...rows.map((r) => displayWidth(`${pad}${r.key}:`))) + 1;
  const out: string[] = [];
  for (const n of present) {
    if (n.kind === 'group') {
      out.push(`${pad}${n.key}:`, ...levelLines(n.children, table, pad + STEP, state));
      continue;
    }
    const draft = table.rows.get(n.id)!;
    const lead = `${pad}${n.key}:`;
    const space = ' '.repeat(Math.max(1, col - displayWidth(lead)));
    const names = columnNames(n, draft.values.length);
    const scalar = n.scalar && draft.values.length === 1;
    let line = `${lead}${space}${rowValue(n, draft)}`;
    // The column names once per table, and again only where they change (table 二's blocks).
    if (names !== state.signature) {
      if (scalar) line += `  # ${names}`;
      else out.push(`${pad}#${' '.repeat(Math.max(1, col - displayWidth(pad)))}${names}`);
      state.signature = names;
    }
    if (draft.comment) line += `${line.includes('#') ? '；' : '  # '}${draft.comment}`;
    out.push(line);
  }
  return out;
}

function hasRows(node: TableNode, table: DraftTable): boolean {
  return node.kind === 'row' ? table.rows.has(node.id) : node.children.some((c) => hasRows(c, table));
}

/** `key: value  # comment` on one line: a metadata value is one line (a line break would need a block scalar). */
function metaLine(f: FieldDef, v: DraftValue): string {
  const value = typeof v.value === 'string' ? v.value.replace(/\s*[\r\n]+\s*/g, ' ') : v.value;
  const comment = v.comment?.replace(/[\r\n]+/g, ' ');
  return `${f.key}: ${yamlScalar(value)}${comment ? `  # ${comment}` : ''}`;
}

function draftPartLines(draft: Draft, part: PartDef): string[] {
  const t = draft.template;
  const inner = STEP;
  switch (part.content) {
    case 'general': {
      if (draft.general.text !== undefined && !draft.general.topics.size) return proseLines(part.key, draft.general.text, '');
      const lines = [`${part.key}:`];
      for (const f of t.generalTopics) {
        const text = draft.general.topics.get(f.id);
        if (text !== undefined) lines.push(...proseLines(f.key, text, inner));
      }
      return lines;
    }
    case 'table': {
      const table = draft.tables.get(part.table!);
      const def = t.tables.find((x) => x.id === part.table)!;
      if (!table) return [`${part.key}:`];
      return [`${part.key}:`, ...(table.note ? proseLines(t.tableNoteKey.key, table.note, inner) : []), ...levelLines(def.nodes, table, inner)];
    }
    case 'prose':
      if (draft.problems === undefined) return [`${part.key}:`];
      if (typeof draft.problems === 'string') return proseLines(part.key, draft.problems, '');
      return [`${part.key}:`, ...draft.problems.flatMap((s) => proseLines(yamlScalar(s.heading), s.text, inner))];
    case 'other': {
      const lines = [`${part.key}:`];
      if (draft.fees) {
        lines.push(`${inner}${fieldDef(t, 'p6.fee').key}:`);
        for (const f of t.feeFields) {
          const v = draft.fees.get(f.id);
          if (v) lines.push(`${inner}${STEP}${metaLine(f, v)}`);
        }
      }
      const other = fieldDef(t, 'p6.text');
      if (draft.other !== undefined) lines.push(...proseLines(other.key, draft.other, inner));
      return lines;
    }
  }
}

/** The report as `.xxgk.yaml` text. */
export function draftText(draft: Draft): string {
  const t = draft.template;
  const out: string[] = draft.header.map((h) => `# ${h}`.trimEnd());
  out.push(`${fieldDef(t, 'version').key}: ${t.version}`);
  for (const f of t.metadata) {
    if (f.id === 'version' || f.type === 'prose') continue;
    const v = draft.meta.get(f.id);
    if (v !== undefined) out.push(metaLine(f, v));
  }
  out.push('');
  if (draft.preamble !== undefined) out.push(...proseLines(fieldDef(t, 'preamble').key, draft.preamble, ''), '');
  for (const part of t.parts) {
    if (!draft.parts.has(part.id)) continue;
    out.push(...draftPartLines(draft, part), '');
  }
  if (draft.unmapped.length) {
    const f = fieldDef(t, 'unmapped');
    out.push('# ── 导入时未能识别的内容：原样保留如下。请逐条核对，移到相应的部分或表格，或确认无用后删除。──',
      ...proseLines(f.key, draft.unmapped.join('\n\n'), ''), '');
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- skeletons for fixes and completion

export interface SkeletonOptions {
  /** Spaces per level. */
  indent?: number;
  /** Produce LSP snippet placeholders (${1:0}) instead of plain zeros. */
  snippet?: boolean;
}

/** Numbers LSP snippet placeholders (${1:0}, ${2:0} …) across one generated text, or leaves values plain. */
export class Tabstops {
  private n = 0;
  constructor(private readonly snippet: boolean) {}
  value(v: string): string {
    return this.snippet ? `\${${++this.n}:${v.replace(/[$}\\]/g, '\\$&')}}` : v;
  }
}

export function rowValueText(row: RowDef, values?: (number | string)[], stops = new Tabstops(false)): string {
  const base = row.columns.filter((c) => !c.optionalTotal);
  const vals = base.map((_, i) => stops.value(String(values?.[i] ?? 0)));
  return row.scalar ? vals[0] : `[${vals.join(', ')}]`;
}

export function rowLine(row: RowDef, pad: string, stops = new Tabstops(false)): string {
  return `${pad}${row.key}: ${rowValueText(row, undefined, stops)}`;
}

function nodeLines(node: RowDef | GroupDef, pad: string, step: string, stops: Tabstops): string[] {
  if (node.kind === 'row') return node.optionalTotal ? [] : [rowLine(node, pad, stops)];
  return [`${pad}${node.key}:`, ...keysAtLevel(node.children).flatMap((c) => nodeLines(c, pad + step, step, stops))];
}

/** Lines of a nested group (不予公开: and its rows). */
export function groupLines(group: GroupDef, pad: string, options: SkeletonOptions = {}): string[] {
  const step = ' '.repeat(options.indent ?? 2);
  const stops = new Tabstops(!!options.snippet);
  if (group.nested) return nodeLines(group, pad, step, stops);
  return keysAtLevel(group.children).flatMap((c) => nodeLines(c, pad, step, stops));
}

/** The rows of a table with zeros, totals left out (they are computed). */
export function tableLines(table: TableDef, pad: string, options: SkeletonOptions = {}): string[] {
  const step = ' '.repeat(options.indent ?? 2);
  const stops = new Tabstops(!!options.snippet);
  return keysAtLevel(table.nodes).flatMap((n) => nodeLines(n, pad, step, stops));
}

function proseBlock(key: string, text: string, pad: string, step: string, stops: Tabstops): string[] {
  return [`${pad}${key}: |`, `${pad}${step}${stops.value(text)}`];
}

export function feeLines(template: Template, pad: string, options: SkeletonOptions = {},
  stops = new Tabstops(!!options.snippet)): string[] {
  const step = ' '.repeat(options.indent ?? 2);
  return [`${pad}${fieldDef(template, 'p6.fee').key}:`, ...template.feeFields.map((f) => `${pad}${step}${f.key}: ${stops.value('0')}`)];
}

export function partLines(template: Template, part: PartDef, pad = '', options: SkeletonOptions = {}): string[] {
  const step = ' '.repeat(options.indent ?? 2);
  const stops = new Tabstops(!!options.snippet);
  const inner = pad + step;
  switch (part.content) {
    case 'general':
      return [`${pad}${part.key}:`, ...template.generalTopics.filter((f) => f.required)
        .flatMap((f) => proseBlock(f.key, promptFor(f), inner, step, stops))];
    case 'table': {
      const table = template.tables.find((t) => t.id === part.table)!;
      return [`${pad}${part.key}:`, ...keysAtLevel(table.nodes).flatMap((n) => nodeLines(n, inner, step, stops))];
    }
    case 'prose':
      return proseBlock(part.key, PART5_PROMPT, pad, step, stops);
    case 'other': {
      const fees = fieldDef(template, 'p6.fee').required ? feeLines(template, inner, options, stops) : [];
      return [`${pad}${part.key}:`, ...fees, ...proseBlock(fieldDef(template, 'p6.text').key, '无。', inner, step, stops)];
    }
  }
}

/** Part 五's prompt. Prompts are text a clerk must replace: the checker flags them (TXT-PLACEHOLDER). */
export const PART5_PROMPT = '（存在的主要问题）……（改进情况）……';

export function promptFor(f: FieldDef): string {
  return `（${f.label.replace(/^（.）/, '')}）……`;
}

export interface NewReportMeta {
  issuer: string;
  kind: string;
  year: number;
  signed: string;
  contact?: string;
}

/** A complete new report: every part, every table row as zeros, prose as prompts. */
export function reportSkeleton(template: Template, meta: NewReportMeta): string {
  const key = (id: string) => fieldDef(template, id).key;
  const lines = [
    `# ${meta.issuer}${meta.year}年政府信息公开工作年度报告`,
    `${key('version')}: ${template.version}`,
    `${key('issuer')}: ${meta.issuer}`,
    `${key('kind')}: ${meta.kind}`,
    `${key('year')}: ${meta.year}`,
    `${key('signed')}: ${meta.signed}`,
    ...(meta.contact ? [`${key('contact')}: ${meta.contact}`] : []),
    '',
    ...template.parts.flatMap((p) => [...partLines(template, p), '']),
  ];
  return lines.join('\n');
}
