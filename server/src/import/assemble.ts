/**
 * Blocks → a draft report and a summary. Walks the source in order: text before 一、 is the title, the
 * preamble (and, before the title, page chrome); a numbered heading starts a part; part 一's （一）…（五）
 * start its sub-topics; in parts 二–四 rows go to the table their labels name (a table whose heading was lost
 * is still recognised by its rows), other text to the table's 说明; after the last part come the 落款 date and
 * the signature. Whatever fits nowhere is kept under 未识别内容 and listed in the summary.
 */
import { emptyDraft, type Draft } from '../write/draft';
import type { Message } from '../model/findings';
import type { Block } from './blocks';
import {
  bodyOfPreamble, bodyOfTitle, contactOf, inferKind,
} from './meta';
import { addNotes, type ImportSummary } from './summary';
import { classifyTables } from './classify';
import { sourceFormat } from './format';
import { frontMatter } from './frontMatter';
import { readParts } from './parts';
import { readSignature } from './signature';
import { walkSource } from './walk';

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
  const content = readParts(template, { paras, partOrder, tables }, options.joinBrokenLines);
  addNotes(summary, content.notes);
  for (const kind of ['numbers', 'blanks', 'text'] as const) summary.cells[kind] += content.cells[kind];
  draft.parts = content.parts;
  draft.general = content.general;
  draft.problems = content.problems;
  draft.other = content.other;
  draft.fees = content.fees;
  draft.tables = content.tables;

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
