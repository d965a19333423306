/**
 * Blocks → a draft report and a summary. Walks the source in order: text before 一、 is the title, the
 * preamble (and, before the title, page chrome); a numbered heading starts a part; part 一's （一）…（五）
 * start its sub-topics; in parts 二–四 rows go to the table their labels name (a table whose heading was lost
 * is still recognised by its rows), other text to the table's 说明; after the last part come the 落款 date and
 * the signature. Whatever fits nowhere is kept under 未识别内容 and listed in the summary.
 */
import { emptyDraft, type Draft, type DraftValue } from '../write/draft';
import type { Message } from '../model/findings';
import { KeyMatcher } from '../template/labels';
import { tableRows, type FieldDef, type PartDef } from '../template';
import type { Block } from './blocks';
import {
  bodyOfPreamble, bodyOfTitle, contactOf, inferKind,
} from './meta';
import { extractFees } from './fees';
import { addNotes, type ImportSummary } from './summary';
import { classifyTables } from './classify';
import { sourceFormat } from './format';
import { frontMatter } from './frontMatter';
import { topicHeading } from './headings';
import { joinParagraphs } from './paragraphs';
import { readSignature } from './signature';
import { walkSource, type ReadTable } from './walk';

export interface AssembleOptions {
  /** Text dumps break paragraphs at page ends: rejoin a line that stops mid-sentence with the next. */
  joinBrokenLines: boolean;
  /** The HTML page's <title>, used when the body has no title line. */
  pageTitle?: string;
}

export function assemble(blocks: Block[], summary: ImportSummary, options: AssembleOptions): Draft {
  const log = (m: Message) => summary.mapped.push(m);
  const warn = (m: Message) => summary.warnings.push(m);

  // ---- the year and the format, from the title or the period statement, before anything is mapped
  const { template, year, title: titleText, notes: formatNotes } = sourceFormat(blocks, options.pageTitle);
  summary.format = template.version;
  addNotes(summary, formatNotes);

  const draft = emptyDraft(template);
  const topicMatcher = new KeyMatcher<FieldDef>(template.generalTopics.map((f) => ({ key: f.key, aliases: [f.label, ...f.aliases], value: f })));

  // ---- walk the source
  const { paras: walkedParas, partOrder, tables, notes: walkNotes } = walkSource(blocks, template, classifyTables(blocks, template));
  addNotes(summary, walkNotes);

  // ---- front matter: chrome before the title, the title, the preamble
  const front = frontMatter(walkedParas, options.joinBrokenLines);
  addNotes(summary, front.notes);
  if (front.published) draft.meta.set('published', { value: front.published });
  draft.preamble = front.preamble;

  // ---- the end: 落款 date and signature after the last part's text; anything after them is not the report
  const closing = readSignature(walkedParas, partOrder);
  addNotes(summary, closing.notes);
  const { signed: signedText, signature, paras } = closing;

  // ---- parts
  for (const id of partOrder) draft.parts.add(id);
  for (const t of tables) if (t.rows.size) draft.parts.add(template.parts.find((p) => p.table === t.table.id)!.id);
  const textOf = (id: PartDef['id']) => paras.filter((p) => p.section === id).map((p) => p.text);

  const p1 = textOf('p1');
  let topic: FieldDef | undefined;
  const byTopic = new Map<string, string[]>();
  for (const text of p1) {
    const h = topicHeading(template, topicMatcher, text);
    if (h) { topic = h.topic; if (!byTopic.has(topic.id)) byTopic.set(topic.id, []); if (h.rest) byTopic.get(topic.id)!.push(h.rest); continue; }
    const id = topic?.id ?? template.generalTopics[0].id;
    byTopic.set(id, [...(byTopic.get(id) ?? []), text]);
  }
  for (const [id, texts] of byTopic) draft.general.topics.set(id, joinParagraphs(texts, options.joinBrokenLines));
  if (byTopic.size === 1 && byTopic.has(template.generalTopics[0].id)) {
    draft.general.text = draft.general.topics.get(template.generalTopics[0].id);
    draft.general.topics.clear();
  }
  if (draft.parts.has('p1')) log({ key: 'import.general', args: { topics: [...byTopic.keys()].map((id) => template.generalTopics.find((f) => f.id === id)!.key).join('、') || '—', paragraphs: p1.length } });

  const p5 = textOf('p5');
  if (p5.length) draft.problems = joinParagraphs(p5, options.joinBrokenLines);
  const p6 = textOf('p6');
  if (p6.length) {
    draft.other = joinParagraphs(p6, options.joinBrokenLines);
    const fees = extractFees(draft.other);
    if (fees) {
      draft.fees = new Map(Object.entries(fees.values).map(([k, v]): [string, DraftValue] => [k, { value: v }]));
      log({ key: 'import.fees', args: { values: template.feeFields.filter((f) => f.id in fees.values).map((f) => `${f.key} ${fees.values[f.id]}`).join('，') } });
      if (fees.inferred) warn({ key: 'import.feesInferred', args: { quote: fees.inferred } });
    }
  }
  for (const id of ['p5', 'p6'] as const) if (draft.parts.has(id)) log({ key: 'import.prose', args: { part: template.parts.find((p) => p.id === id)!.key, paragraphs: textOf(id).length } });

  for (const t of tables) {
    const part = template.parts.find((p) => p.table === t.table.id)!;
    if (!draft.parts.has(part.id)) continue;
    draft.tables.set(t.table.id, { rows: t.rows, note: t.note });
    summary.warnings.push(...t.warnings);
    countCells(summary, t);
    const missing = missingRows(t);
    const canTotal = tableRows(t.table).some((r) => r.columns.some((c) => c.optionalTotal));
    log({ key: !canTotal ? 'import.tableRows' : t.hasTotal ? 'import.tableWithTotals' : 'import.table', args: { table: t.table.name, rows: t.rows.size } });
    if (missing.length) warn({ key: 'import.rowsMissing', args: { table: t.table.name, rows: missing.join('；') } });
  }
  for (const p of template.parts) if (!draft.parts.has(p.id)) warn({ key: 'import.partMissing', args: { part: p.key } });

  // ---- metadata
  if (titleText) { draft.meta.set('title', { value: titleText.trim() }); log({ key: 'import.meta', args: { key: '标题', value: titleText.trim() } }); }
  const preambleBody = draft.preamble ? bodyOfPreamble(draft.preamble) : undefined;
  const titleBody = titleText ? bodyOfTitle(titleText) : undefined;
  const issuer = signature ?? preambleBody ?? titleBody;
  if (issuer) {
    const from = signature ? '落款' : preambleBody ? '导语' : '标题';
    draft.meta.set('issuer', { value: issuer, comment: signature ? undefined : `据${from}推断，请核对` });
    log({ key: 'import.metaFrom', args: { key: '机关', value: issuer, from } });
    const kind = inferKind(issuer);
    if (kind) {
      draft.meta.set('kind', { value: kind.kind, comment: kind.guessed ? '据机关名称推断，请核对' : undefined });
      if (kind.guessed) warn({ key: 'import.kindGuessed', args: { kind: kind.kind, issuer } });
      else log({ key: 'import.meta', args: { key: '机关类型', value: kind.kind } });
    } else {
      draft.meta.set('kind', { value: '其他', comment: '未能从机关名称推断，请改为实际类型' });
      warn({ key: 'import.kindUnknown', args: { issuer } });
    }
  } else {
    warn({ key: 'import.metaMissing', args: { key: '机关' } });
  }
  if (year !== undefined) {
    draft.meta.set('year', { value: year });
    log({ key: 'import.meta', args: { key: '年度', value: year } });
  } else warn({ key: 'import.metaMissing', args: { key: '年度' } });
  if (signedText) {
    draft.meta.set('signed', { value: signedText });
    log({ key: 'import.meta', args: { key: '落款日期', value: signedText } });
  } else warn({ key: 'import.metaMissing', args: { key: '落款日期' } });
  const contact = contactOf(draft.preamble ?? '') ?? contactOf(paras.map((p) => p.text).join('\n'));
  if (contact) { draft.meta.set('contact', { value: contact }); log({ key: 'import.meta', args: { key: '联系方式', value: contact } }); }

  draft.unmapped = summary.unmapped.map((u) => `【${u.where}】${u.text}`);
  draft.header.push(`${titleText?.trim() ?? '政府信息公开工作年度报告'}（由 xxgk import 从已发布的报告导入）`,
    '表格按原文转录：原文印有总计的保留总计，空白单元格写作 ~；请对照原文核对，再按检查结果修改。');
  return draft;
}

function countCells(summary: ImportSummary, table: ReadTable): void {
  for (const row of table.rows.values()) {
    for (const v of row.values) {
      if (v === null) summary.cells.blanks++;
      else if (typeof v === 'number') summary.cells.numbers++;
      else summary.cells.text++;
    }
  }
}

function missingRows(table: ReadTable): string[] {
  return tableRows(table.table).filter((row) => !row.optionalTotal && !table.rows.has(row.id)).map((row) => row.label);
}
