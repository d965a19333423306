/**
 * Blocks → a draft report and a summary, in seven phases, each a function from data to data in its own module:
 *   1. format.ts       the year and the format (2021, or the 2019 trial format), from the title or the period;
 *   2. classify.ts     which statutory table each source table is, by the rows it holds;
 *   3. walk.ts         the source in order: parts by their headings, rows into their tables, paragraphs by part;
 *   4. frontMatter.ts  before part 一: the page around the report, the title, the preamble;
 *   5. signature.ts    the 落款 date and signature after the last part, and what follows them;
 *   6. parts.ts        which parts the report has, and their content (sub-topics, prose, fees, tables);
 *   7. metadata.ts     title, body and its kind, year, dates and contact.
 * Each phase returns what it has to say (ImportNotes); they are added to the summary in this order. Whatever
 * fits nowhere is kept under 未识别内容 and listed in the summary.
 */
import { emptyDraft, type Draft } from '../write/yamlWriter';
import type { Block } from './blocks';
import { classifyTables } from './classify';
import { sourceFormat } from './format';
import { frontMatter } from './frontMatter';
import { readMetadata } from './metadata';
import { readParts } from './parts';
import { readSignature } from './signature';
import { addNotes, type ImportSummary } from './summary';
import { walkSource } from './walk';

export interface AssembleOptions {
  /** Text dumps break paragraphs at page ends: rejoin a line that stops mid-sentence with the next. */
  joinBrokenLines: boolean;
  /** The HTML page's <title>, used when the body has no title line. */
  pageTitle?: string;
}

export function assemble(blocks: Block[], summary: ImportSummary, options: AssembleOptions): Draft {
  const source = sourceFormat(blocks, options.pageTitle);
  const { template } = source;
  const walked = walkSource(blocks, template, classifyTables(blocks, template));
  const front = frontMatter(walked.paras, options.joinBrokenLines);
  const closing = readSignature(walked.paras, walked.partOrder);
  const { partOrder, tables } = walked;
  const content = readParts(template, { paras: closing.paras, partOrder, tables }, options.joinBrokenLines);
  const metadata = readMetadata({
    title: source.title, year: source.year, published: front.published, preamble: front.preamble,
    printedContact: front.contact, signed: closing.signed, signature: closing.signature,
    texts: closing.paras.map((p) => p.text),
  });

  summary.format = template.version;
  for (const phase of [source, walked, front, closing, content, metadata]) addNotes(summary, phase.notes);
  for (const kind of ['numbers', 'blanks', 'text'] as const) summary.cells[kind] += content.cells[kind];
  return {
    ...emptyDraft(template),
    header: [`${source.title?.trim() ?? '政府信息公开工作年度报告'}（由 xxgk import 从已发布的报告导入）`,
      '表格按原文转录：原文印有总计的保留总计，空白单元格写作 ~；请对照原文核对，再按检查结果修改。'],
    meta: metadata.meta,
    preamble: front.preamble,
    parts: content.parts,
    general: content.general,
    tables: content.tables,
    problems: content.problems,
    fees: content.fees,
    other: content.other,
    unmapped: summary.unmapped.map((u) => `【${u.where}】${u.text}`),
  };
}
