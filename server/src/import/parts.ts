/**
 * Phase 6 — the parts: which parts the report has (those whose heading or table was met), and their content.
 * Part 一's paragraphs go to the sub-topic whose heading (（一）主动公开 …) they follow; parts 五 and 六 are
 * prose, and part 六 may state the 信息处理费 figures; parts 二–四 are the tables as read. A part the source
 * lacks stays missing, and the summary says so.
 */
import type { Draft, DraftTable, DraftValue, ProseSection } from '../write/yamlWriter';
import type { Message, MessageKey } from '../model/findings';
import { KeyMatcher } from '../template/labels';
import { tableRows, type FieldDef, type PartDef, type TableDef, type Template } from '../template';
import { extractFees } from './fees';
import { withoutFeeSentence } from './printed';
import { topicHeading } from './headings';
import { joinParagraphs, type Para } from './paragraphs';
import { addNotes, emptyNotes, type ImportNotes, type ImportSummary } from './summary';
import type { ReadTable } from './walk';

export interface PartsSource {
  /** The paragraphs by section, the 落款 already moved out (phase 5). */
  paras: Para[];
  partOrder: PartDef['id'][];
  tables: ReadTable[];
}

export type PartsContent = Pick<Draft, 'parts' | 'general' | 'problems' | 'other' | 'fees' | 'tables'> & {
  /** The table cells written, by kind. */
  cells: ImportSummary['cells'];
  notes: ImportNotes;
};

export function readParts(template: Template, source: PartsSource, joinBroken: boolean): PartsContent {
  const parts = new Set(source.partOrder);
  for (const t of source.tables) if (t.rows.size) parts.add(partOfTable(template, t.table.id).id);
  const textOf = (id: PartDef['id']) => source.paras.filter((p) => p.section === id).map((p) => p.text);
  const notes = emptyNotes();
  const general = generalPart(template, textOf('p1'), joinBroken);
  if (parts.has('p1')) notes.mapped.push(general.summary);
  const p5 = textOf('p5');
  const problems = p5.length ? problemsPart(p5, joinBroken) : undefined;
  const other = otherPart(template, textOf('p6'), joinBroken);
  addNotes(notes, other.notes);
  for (const id of ['p5', 'p6'] as const) {
    const part = template.parts.find((p) => p.id === id)!.key;
    if (parts.has(id)) notes.mapped.push({ key: 'import.prose', args: { part, paragraphs: textOf(id).length } });
  }
  const tables = statutoryTables(template, source.tables, parts);
  addNotes(notes, tables.notes);
  for (const p of template.parts) {
    if (!parts.has(p.id)) notes.warnings.push({ key: 'import.partMissing', args: { part: p.key } });
  }
  return {
    parts, general: general.general, problems, other: other.other, fees: other.fees,
    tables: tables.tables, cells: tables.cells, notes,
  };
}

/** Part 一 by sub-topic; text before any sub-topic heading belongs to the first (总体情况). */
function generalPart(
  template: Template, texts: string[], joinBroken: boolean,
): { general: Draft['general']; summary: Message } {
  const matcher = new KeyMatcher<FieldDef>(
    template.generalTopics.map((f) => ({ key: f.key, aliases: [f.label, ...f.aliases], value: f })));
  const first = template.generalTopics[0].id;
  let topic: FieldDef | undefined;
  const byTopic = new Map<string, string[]>();
  for (const text of texts) {
    const heading = topicHeading(template, matcher, text);
    if (heading) topic = heading.topic;
    const id = topic?.id ?? first;
    const list = byTopic.get(id) ?? [];
    // A heading line gives its topic a place (maybe empty), and the text after it.
    if (!heading) list.push(text);
    else if (heading.rest) list.push(heading.rest);
    byTopic.set(id, list);
  }
  const topics = new Map([...byTopic].map(([id, list]): [string, string] => [id, joinParagraphs(list, joinBroken)]));
  // Only text, no sub-topic: part 一 as one block of prose.
  const general = byTopic.size === 1 && byTopic.has(first)
    ? { topics: new Map<string, string>(), text: topics.get(first) }
    : { topics };
  const names = [...byTopic.keys()].map((id) => template.generalTopics.find((f) => f.id === id)!.key);
  const listed = names.length ? { list: names } : '—';
  return { general, summary: { key: 'import.general', args: { topics: listed, paragraphs: texts.length } } };
}

/** Part 六's prose, and the 信息处理费 figures it states. */
function otherPart(
  template: Template, texts: string[], joinBroken: boolean,
): { other?: string; fees?: Map<string, DraftValue>; notes: ImportNotes } {
  const notes = emptyNotes();
  if (!texts.length) return { notes };
  const stated = extractFees(joinParagraphs(texts, joinBroken));
  if (!stated) return { other: joinParagraphs(texts, joinBroken), notes };
  // The fee sentence our exports print from the three fee values goes back to them, not to the prose.
  const prose = withoutFeeSentence(texts, stated.values);
  const other = prose.length ? joinParagraphs(prose, joinBroken) : undefined;
  const fees = new Map(Object.entries(stated.values).map(([k, v]): [string, DraftValue] => [k, { value: v }]));
  const values = template.feeFields.filter((f) => f.id in stated.values)
    .map((f) => `${f.key} ${stated.values[f.id]}`);
  notes.mapped.push({ key: 'import.fees', args: { values: { list: values, separator: 'list.comma' } } });
  if (stated.inferred) notes.warnings.push({ key: 'import.feesInferred', args: { quote: stated.inferred } });
  return { other, fees, notes };
}

/** The summary line of a read table: rows only (no total columns), or whether its totals were found. */
function tableSummaryKey(t: ReadTable): MessageKey {
  const canTotal = tableRows(t.table).some((r) => r.columns.some((c) => c.optionalTotal));
  if (!canTotal) return 'import.tableRows';
  return t.hasTotal ? 'import.tableWithTotals' : 'import.table';
}

/** The tables of the parts the report has, with what the reader guessed and the rows it did not find. */
function statutoryTables(template: Template, read: ReadTable[], parts: Set<PartDef['id']>) {
  const tables = new Map<TableDef['id'], DraftTable>();
  const cells = { numbers: 0, blanks: 0, text: 0 };
  const notes = emptyNotes();
  for (const t of read) {
    if (!parts.has(partOfTable(template, t.table.id).id)) continue;
    tables.set(t.table.id, { rows: t.rows, note: t.note });
    for (const w of t.warnings) notes.warnings.push(w);
    countCells(cells, t);
    notes.mapped.push({ key: tableSummaryKey(t), args: { table: t.table.name, rows: t.rows.size } });
    const missing = tableRows(t.table).filter((row) => !row.optionalTotal && !t.rows.has(row.id));
    const rows = { list: missing.map((row) => row.label), separator: 'list.semicolon' } as const;
    if (missing.length) notes.warnings.push({ key: 'import.rowsMissing', args: { table: t.table.name, rows } });
  }
  return { tables, cells, notes };
}

function partOfTable(template: Template, id: TableDef['id']): PartDef {
  return template.parts.find((p) => p.table === id)!;
}

function countCells(cells: ImportSummary['cells'], table: ReadTable): void {
  for (const row of table.rows.values()) {
    for (const v of row.values) {
      if (v === null) cells.blanks++;
      else if (typeof v === 'number') cells.numbers++;
      else cells.text++;
    }
  }
}

/** A short line naming what follows, as reports head part 五's halves (our exports print them as sub-headings). */
const PART5_HEADING = /^[（(]?[一二三四五六七八九十\d]*[)）、.．]?\s*[^。；;，,！!？?：:]{0,12}(?:问题|不足|改进|措施|举措|打算|计划|方向|情况)[^。；;，,！!？?：:]{0,8}$/;

/**
 * Part 五 as one text, or — when it opens with a sub-heading (“存在的主要问题”, “改进情况”) and every sub-heading
 * has text under it — as the texts under their sub-headings, as the report wrote it.
 */
function problemsPart(texts: string[], joinBroken: boolean): string | ProseSection[] {
  const isHeading = (t: string) => t.length <= 24 && PART5_HEADING.test(t.trim());
  if (!isHeading(texts[0])) return joinParagraphs(texts, joinBroken);
  const sections: { heading: string; texts: string[] }[] = [];
  for (const t of texts) {
    if (isHeading(t)) sections.push({ heading: t.trim(), texts: [] });
    else sections[sections.length - 1].texts.push(t);
  }
  if (sections.some((s) => !s.texts.length)) return joinParagraphs(texts, joinBroken);
  return sections.map((s) => ({ heading: s.heading, text: joinParagraphs(s.texts, joinBroken) }));
}
