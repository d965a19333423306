/**
 * Blocks → a draft report and a summary. Walks the source in order: text before 一、 is the title, the
 * preamble (and, before the title, page chrome); a numbered heading starts a part; part 一's （一）…（五）
 * start its sub-topics; in parts 二–四 rows go to the table their labels name (a table whose heading was lost
 * is still recognised by its rows), other text to the table's 说明; after the last part come the 落款 date and
 * the signature. Whatever fits nowhere is kept under 未识别内容 and listed in the summary.
 */
import { emptyDraft, type Draft, type DraftValue } from '../write/yamlWriter';
import type { Message, MessageArg } from '../model/findings';
import { localize } from '../l10n';
import { normalizeLabel, stripNumbering, KeyMatcher } from '../template/labels';
import { legacyLabels, tableRows, templateFor, templateForYear, type FieldDef, type PartDef, type TableDef, type Template } from '../template';
import type { Block } from './blocks';
import { isFilled, isValueCell } from './cells';
import {
  bodyOfPreamble, bodyOfTitle, contactOf, dateLine, inferKind, isBodyLine, isTitle, publishedOf, yearOfPeriod, yearOfTitle,
} from './meta';
import { extractFees } from './fees';
import type { ImportSummary, UnmappedItem } from './summary';
import { TableReader } from './tables';

export interface AssembleOptions {
  /** Text dumps break paragraphs at page ends: rejoin a line that stops mid-sentence with the next. */
  joinBrokenLines: boolean;
  /** The HTML page's <title>, used when the body has no title line. */
  pageTitle?: string;
}

type Section = 'front' | PartDef['id'] | 'end';

const NUMERALS = '一二三四五六';
/** A web page's info line: “发布时间：2024-01-20 来源：… 字号：[大 中 小]”. */
const PAGE_INFO = /(?:发布(?:日期|时间)|来源|浏览次数|阅读次数|点击数|字号|字体|打印本页|关闭窗口|分享到)\s*[:：【[]/;
/** Page numbers a text dump keeps: “— 3 —”, “第 3 页 共 5 页”, “3/5”. */
const PAGE_FURNITURE = /^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/** “一、总体情况”, “四、政府信息公开行政复议和行政诉讼情况”, “五、存在的主要问题及改进措施”. */
function partHeading(template: Template, text: string): PartDef | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t.length > 40) return undefined;
  const m = /^([一二三四五六])[、.,．]?(.+?)[:：。]?$/.exec(t);
  if (!m) {
    // Unnumbered: only the exact canonical title.
    return template.parts.find((p) => normalizeLabel(p.title) === normalizeLabel(t));
  }
  const part = template.parts[NUMERALS.indexOf(m[1])];
  const titles = [part.title, ...part.variants.map((v) => stripNumbering(v)), ...part.aliases];
  const body = normalizeLabel(m[2]);
  if (titles.some((t) => normalizeLabel(t) === body)) return part;
  // Other wordings of the same heading (“…及改进举措”, “收到和处理政府信息公开申请的情况”): the same numeral and
  // mostly the same characters as a known form. “二、主动公开方面” inside part 五 shares too few.
  return titles.some((t) => dice(t, m[2]) >= 0.5) ? part : undefined;
}

/** Dice coefficient of character bigrams, punctuation ignored: how alike two short headings are. */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const t = [...s.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '')];
    return t.slice(1).map((c, i) => t[i] + c);
  };
  const x = grams(a), y = grams(b);
  if (!x.length || !y.length) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) { const i = pool.indexOf(g); if (i >= 0) { common++; pool.splice(i, 1); } }
  return (2 * common) / (x.length + y.length);
}

/** “（一）主动公开情况。我乡积极…” → the topic, and the text after the heading. */
function topicHeading(template: Template, matcher: KeyMatcher<FieldDef>, text: string): { topic: FieldDef; rest: string } | undefined {
  const m = /^\s*[（(]\s*([一二三四五六七八九十])\s*[)）]\s*([^。：:\n]{2,24}?)\s*(?:[。：:]|$)\s*([\s\S]*)$/.exec(text);
  if (!m) return undefined;
  const hit = matcher.match(m[2]);
  let topic = hit.kind !== 'unknown' ? hit.value : undefined;
  // “（一）主动公开政府信息情况”: a topic's name inside a longer heading.
  topic ??= template.generalTopics.slice(1).find((f) => m[2].includes(f.key));
  return topic ? { topic, rest: m[3].trim() } : undefined;
}

/** The format the source is in: 2019 markers (old table 二 columns, 第（九）项, one （六）其他处理 row for 2019–2020). */
function detectFormat(blocks: Block[], year: number | undefined): { template: Template; reason?: MessageArg } {
  const current = templateForYear(Math.max(year ?? 2021, 2021));
  const legacy = legacyLabels(current);
  for (const b of blocks) {
    const cells = b.kind === 'row' ? b.cells : [b.text];
    for (const c of cells) {
      const hit = legacy.get(normalizeLabel(c)) ?? legacy.get(stripNumbering(c));
      if (hit) return { template: hit.template, reason: hit.label };
    }
  }
  // A 2019 or 2020 report without old table 二 columns (e.g. only table 三 survived) is still in the trial format.
  const trial = templateFor(2019)!;
  if (year !== undefined && year >= trial.years.from && year <= trial.years.to!) {
    return { template: trial, reason: { key: 'import.reasonYear', args: { year } } };
  }
  return { template: current };
}

interface Para { text: string; section: Section }

export function assemble(blocks: Block[], summary: ImportSummary, options: AssembleOptions): Draft {
  const log = (m: Message) => summary.mapped.push(m);
  const warn = (m: Message) => summary.warnings.push(m);
  const unmapped = (where: string, text: string) => summary.unmapped.push({ where, text } satisfies UnmappedItem);

  // ---- the year and the format, from the title or the period statement, before anything is mapped
  const probeTemplate = templateForYear(2021);
  const firstPart = blocks.findIndex((b) => b.kind === 'para' && partHeading(probeTemplate, b.text)?.id === 'p1');
  const front = (firstPart >= 0 ? blocks.slice(0, firstPart) : blocks).filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para');
  const titleIdx = front.findIndex((b) => isTitle(b.text));
  const titleText = titleIdx >= 0 ? front[titleIdx].text : options.pageTitle && isTitle(options.pageTitle) ? options.pageTitle : undefined;
  const frontText = front.map((b) => b.text).join('\n');
  const year = (titleText ? yearOfTitle(titleText) : undefined) ?? yearOfPeriod(frontText);
  const { template, reason } = detectFormat(blocks, year);
  summary.format = template.version;
  if (template.version !== 2021) log({ key: 'import.format2019', args: { version: template.version, source: template.source, reason: reason ?? '' } });

  const draft = emptyDraft(template);
  const readers = new Map<TableDef['id'], TableReader>(template.tables.map((t) => [t.id, new TableReader(template, t)]));
  const topicMatcher = new KeyMatcher<FieldDef>(template.generalTopics.map((f) => ({ key: f.key, aliases: [f.label, ...f.aliases], value: f })));

  // ---- which statutory table each source table is, by the rows it holds
  const sourceTables = new Map<number, string[][]>();
  for (const b of blocks) if (b.kind === 'row') sourceTables.set(b.table, [...(sourceTables.get(b.table) ?? []), b.cells]);
  const tableOf = new Map<number, TableDef['id']>();
  for (const [id, rows] of sourceTables) {
    let best: TableDef['id'] | undefined, bestScore = 0;
    for (const [tid, reader] of readers) {
      const others = new Set([...readers].filter(([o]) => o !== tid).flatMap(([, r]) => [...r.headerWordSet()]));
      const s = reader.score(rows, others);
      if (s > bestScore) { bestScore = s; best = tid; }
    }
    if (best) tableOf.set(id, best);
  }

  // ---- walk the source
  const paras: Para[] = [];
  let section = 'front' as Section;
  const partOrder: PartDef['id'][] = [];
  /** Rows a reader could not place, in source order. */
  const drain = (reader: TableReader) => {
    for (const r of reader.drain()) { unmapped(reader.table.name, r.text); warn(r.reason); }
  };
  const outcome = (tableId: TableDef['id'], cells: string[]) => {
    const reader = readers.get(tableId)!;
    reader.add(cells);
    drain(reader);
  };
  const flushPending = (reader: TableReader) => { reader.flushPending(); drain(reader); };
  const enter = (id: PartDef['id']) => {
    for (const reader of readers.values()) flushPending(reader);
    section = id;
    if (!partOrder.includes(id)) partOrder.push(id);
  };
  const tableOfSection = (s: Section): TableDef['id'] | undefined => template.parts.find((p) => p.id === s)?.table;

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'para' && PAGE_FURNITURE.test(b.text)) { unmapped('页码', b.text); continue; }
    if (b.kind === 'para') {
      const heading = partHeading(template, b.text);
      if (heading && (section === 'front' || template.parts.findIndex((p) => p.id === heading.id) >= template.parts.findIndex((p) => p.id === section))) {
        if (stripNumbering(b.text).replace(/[:：。]$/, '') !== stripNumbering(heading.title)) log({ key: 'import.headingVariant', args: { text: b.text.trim(), key: heading.key } });
        enter(heading.id);
        continue;
      }
      const tableId = tableOfSection(section);
      if (tableId) {
        // A table row pasted as text: “规章 0 0 0”, or a label line followed by one value per line.
        const row = splitRow(b.text) ?? gatherCellsPerLine(blocks, i) ?? { cells: [b.text], consumed: 0 };
        const reader = readers.get(tableId)!;
        const labels = row.cells.filter((c) => !isValueCell(c));
        if (labels.length ? reader.names(labels) : tableId === 't4' && row.cells.length >= 8) {
          outcome(tableId, row.cells);
          i += row.consumed;
          continue;
        }
        // Header text printed as lines (“申请人情况”, “自然人 法人或其他组织 总计”): recognised, not content.
        const tokens = b.text.split(/[\s\u00a0\u3000]+/);
        if (b.text.length <= 80 && (reader.isHeaderCell(b.text) || tokens.every((x) => reader.isHeaderCell(x)))) continue;
        readers.get(tableId)!.note.push(b.text);
        continue;
      }
      paras.push({ text: b.text, section });
      continue;
    }
    // A table row. A heading printed inside the table (a first row “二、主动公开政府信息情况”) switches the part.
    const labelOnly = b.cells.filter((c) => c.trim());
    if (labelOnly.length === 1 && !b.cells.some(isFilled)) {
      const heading = partHeading(template, labelOnly[0]);
      if (heading) { enter(heading.id); continue; }
    }
    const tableId: TableDef['id'] | undefined = tableOf.get(b.table) ?? tableOfSection(section);
    if (!tableId) {
      unmapped(sectionName(template, section), b.cells.filter((c) => c.trim()).join(' | '));
      continue;
    }
    const part: PartDef = template.parts.find((p) => p.table === tableId)!;
    if (section !== part.id && !partOrder.includes(part.id)) {
      // The table is here but its heading was lost.
      warn({ key: 'import.headingMissing', args: { part: part.key, table: readers.get(tableId)!.table.name } });
      enter(part.id);
    }
    outcome(tableId, b.cells);
  }
  for (const reader of readers.values()) flushPending(reader);

  // ---- front matter: chrome before the title, the title, the preamble
  const frontParas = paras.filter((p) => p.section === 'front');
  const titleAt = frontParas.findIndex((p) => isTitle(p.text));
  const preambleParas: string[] = [];
  frontParas.forEach((p, i) => {
    // Before the title, and the page's info line under it (发布时间、来源、字号): the page, not the report.
    if ((titleAt >= 0 && i < titleAt) || (i > titleAt && PAGE_INFO.test(p.text) && p.text.length <= 120)) {
      const published = publishedOf(p.text);
      if (published && !draft.meta.has('published')) { draft.meta.set('published', { value: published }); log({ key: 'import.meta', args: { key: '发布日期', value: published } }); }
      unmapped('页首', p.text);
    } else if (i > titleAt) preambleParas.push(p.text);
  });
  if (preambleParas.length) draft.preamble = joinParagraphs(preambleParas, options.joinBrokenLines);

  // ---- the end: 落款 date and signature after the last part's text; anything after them is not the report
  const lastSection = partOrder[partOrder.length - 1];
  const tail = paras.filter((p) => p.section === lastSection);
  let signedText: string | undefined, signature: string | undefined;
  for (let k = tail.length - 1; k >= 0 && !signedText; k--) {
    const d = dateLine(tail[k].text);
    if (!d) continue;
    signedText = d;
    const around = [tail[k - 1], tail[k + 1], tail[k - 2], tail[k + 2]].filter((x): x is Para => !!x && isBodyLine(x.text));
    signature = around[0]?.text.replace(/\s+/g, '');
    const keep = new Set<Para>([tail[k], ...(around[0] ? [around[0]] : [])]);
    const lastKept = Math.max(...[...keep].map((x) => tail.indexOf(x)));
    for (const p of tail.slice(lastKept + 1)) { unmapped('落款之后', p.text); p.section = 'end'; }
    for (const p of keep) p.section = 'end';
  }
  // No date line: a signature alone may still close the text.
  if (!signedText && tail.length && isBodyLine(tail[tail.length - 1].text)) {
    signature = tail[tail.length - 1].text.replace(/\s+/g, '');
    tail[tail.length - 1].section = 'end';
  }

  // ---- parts
  for (const id of partOrder) draft.parts.add(id);
  for (const reader of readers.values()) if (reader.rows.size) draft.parts.add(template.parts.find((p) => p.table === reader.table.id)!.id);
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
  const topics = [...byTopic.keys()].map((id) => template.generalTopics.find((f) => f.id === id)!.key);
  if (draft.parts.has('p1')) log({ key: 'import.general', args: { topics: topics.length ? { list: topics } : '—', paragraphs: p1.length } });

  const p5 = textOf('p5');
  if (p5.length) draft.problems = joinParagraphs(p5, options.joinBrokenLines);
  const p6 = textOf('p6');
  if (p6.length) {
    draft.other = joinParagraphs(p6, options.joinBrokenLines);
    const fees = extractFees(draft.other);
    if (fees) {
      draft.fees = new Map(Object.entries(fees.values).map(([k, v]): [string, DraftValue] => [k, { value: v }]));
      const values = template.feeFields.filter((f) => f.id in fees.values).map((f) => `${f.key} ${fees.values[f.id]}`);
      log({ key: 'import.fees', args: { values: { list: values, separator: 'list.comma' } } });
      if (fees.inferred) warn({ key: 'import.feesInferred', args: { quote: fees.inferred } });
    }
  }
  for (const id of ['p5', 'p6'] as const) if (draft.parts.has(id)) log({ key: 'import.prose', args: { part: template.parts.find((p) => p.id === id)!.key, paragraphs: textOf(id).length } });

  for (const reader of readers.values()) {
    const part = template.parts.find((p) => p.table === reader.table.id)!;
    if (!draft.parts.has(part.id)) continue;
    draft.tables.set(reader.table.id, reader.draft());
    summary.warnings.push(...reader.warnings);
    countCells(summary, reader);
    const missing = missingRows(reader);
    const canTotal = tableRows(reader.table).some((r) => r.columns.some((c) => c.optionalTotal));
    log({ key: !canTotal ? 'import.tableRows' : reader.hasTotal ? 'import.tableWithTotals' : 'import.table', args: { table: reader.table.name, rows: reader.rows.size } });
    const rows = { list: missing, separator: 'list.semicolon' } as const;
    if (missing.length) warn({ key: 'import.rowsMissing', args: { table: reader.table.name, rows } });
  }
  for (const p of template.parts) if (!draft.parts.has(p.id)) warn({ key: 'import.partMissing', args: { part: p.key } });

  // ---- metadata
  if (titleText) { draft.meta.set('title', { value: titleText.trim() }); log({ key: 'import.meta', args: { key: '标题', value: titleText.trim() } }); }
  const preambleBody = draft.preamble ? bodyOfPreamble(draft.preamble) : undefined;
  const titleBody = titleText ? bodyOfTitle(titleText) : undefined;
  const issuer = signature ?? preambleBody ?? titleBody;
  if (issuer) {
    const from: Message = { key: signature ? 'import.from.signature' : preambleBody ? 'import.from.preamble' : 'import.from.title' };
    draft.meta.set('issuer', { value: issuer, comment: signature ? undefined : `据${localize(from)}推断，请核对` });
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

function sectionName(template: Template, s: Section): string {
  if (s === 'front') return '页首';
  if (s === 'end') return '落款之后';
  return template.parts.find((p) => p.id === s)!.key;
}

/**
 * “规章 0 0 0”, “三、本年度办理结果 （一）予以公开 61 9 1 0 3 1 75”: label words, then values, separated by
 * spaces (a PDF copy); table 四's row is values only.
 */
function splitRow(text: string): { cells: string[]; consumed: number } | undefined {
  const tokens = text.trim().split(/[\s\u00a0\u3000]+/);
  let k = tokens.length;
  while (k > 0 && (isFilled(tokens[k - 1]) || /^[-—/]$/.test(tokens[k - 1]))) k--;
  if (k === tokens.length) return undefined;
  return { cells: tokens, consumed: 0 };
}

/** A label on its own line followed by one value per line (a table copied cell by cell). */
function gatherCellsPerLine(blocks: Block[], i: number): { cells: string[]; consumed: number } | undefined {
  const values: string[] = [];
  for (let j = i + 1; j < blocks.length && values.length < 15; j++) {
    const b = blocks[j];
    if (b.kind !== 'para' || !isFilled(b.text) && !/^[-—/]$/.test(b.text.trim())) break;
    values.push(b.text.trim());
  }
  const first = blocks[i];
  return values.length && first.kind === 'para' ? { cells: [first.text, ...values], consumed: values.length } : undefined;
}

/** Paragraphs as prose; a text dump's lines that stop mid-sentence (a page break) are rejoined. */
export function joinParagraphs(paras: string[], joinBroken: boolean): string {
  const out: string[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (joinBroken && prev !== undefined && prev.length >= 30 && !/[。！？；：…”」』）)!?;:.]$/.test(prev) && !/^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|[一二三四五六七八九十]是)/.test(p)) {
      out[out.length - 1] = prev + p;
    } else out.push(p);
  }
  return out.join('\n\n');
}

function countCells(summary: ImportSummary, reader: TableReader): void {
  for (const row of reader.rows.values()) {
    for (const v of row.values) {
      if (v === null) summary.cells.blanks++;
      else if (typeof v === 'number') summary.cells.numbers++;
      else summary.cells.text++;
    }
  }
}

function missingRows(reader: TableReader): string[] {
  const all = reader.template.tables.find((t) => t.id === reader.table.id)!;
  const rows: string[] = [];
  const visit = (nodes: TableDef['nodes']) => { for (const n of nodes) { if (n.kind === 'row') { if (!n.optionalTotal && !reader.rows.has(n.id)) rows.push(n.label); } else visit(n.children); } };
  visit(all.nodes);
  return rows;
}
