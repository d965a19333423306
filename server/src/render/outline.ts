/**
 * The report's printed content in order, as plain blocks for exporters that do not write HTML (Word):
 * the same walk as the HTML renderer (render.ts) — title, preamble, contact line, the six parts of the
 * template with every table, the signature. A test compares the two texts block by block.
 */
import { isMap } from 'yaml';
import { formatChinese } from '../model/dates';
import type { ProseValue, ReportModel } from '../model/model';
import { reportTitle } from './html';
import { fieldText, readMeta } from '../model/meta';
import { evaluate, type Evaluation } from '../model/tableValues';
import type { PartDef, TableDef } from '../template';
import { CONTACT_LINE_PREFIX, contactToPrint, feeSentence, paragraphTexts, subheadingOf } from './text';

export type OutlineBlock =
  | { kind: 'title'; text: string }
  /** A part heading: 一、总体情况. */
  | { kind: 'heading'; text: string }
  /** A sub-heading: part 一's （一）主动公开, or one a report gives its part 五 (存在的主要问题). */
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; table: TableDef }
  | { kind: 'signature'; issuer: string; date: string };

export interface Outline {
  title: string;
  /** The body that issues the report (document author). */
  issuer?: string;
  /** 落款日期, when it is a readable date (document creation date). */
  signed?: { y: number; m: number; d: number };
  blocks: OutlineBlock[];
  /** Table values as printed: written, or computed where a total is left out. */
  values: Evaluation;
}

export function reportOutline(model: ReportModel): Outline {
  const meta = readMeta(model);
  const blocks: OutlineBlock[] = [];
  const paras = (p: ProseValue | undefined) => {
    if (p) for (const text of paragraphTexts(p)) blocks.push({ kind: 'para', text });
  };
  const title = reportTitle(model);
  blocks.push({ kind: 'title', text: title });
  const preamble = proseOf(model, 'preamble');
  paras(preamble);
  const contact = contactToPrint(model, preamble);
  if (contact) blocks.push({ kind: 'para', text: `${CONTACT_LINE_PREFIX}${contact}` });
  for (const part of model.template.parts) partBlocks(model, part, blocks, paras);
  const date = meta.signed ? formatChinese(meta.signed) : fieldText(model.fields.get('signed'));
  blocks.push({ kind: 'signature', issuer: meta.issuer ?? '', date: date ?? '' });
  return { title, issuer: meta.issuer, signed: meta.signed, blocks, values: evaluate(model) };
}

/** The prose at a template place (see ProseValue.id). */
function proseOf(model: ReportModel, id: string): ProseValue | undefined {
  return model.prose.find((p) => p.id === id);
}

type AddParagraphs = (p: ProseValue | undefined) => void;

function partBlocks(model: ReportModel, def: PartDef, blocks: OutlineBlock[], paras: AddParagraphs): void {
  blocks.push({ kind: 'heading', text: `${def.numeral}、${def.title}` });
  const ownProse = () => model.prose.filter((x) => x.part === def.id);
  const withSubheadings = (p: ProseValue) => {
    const heading = subheadingOf(p);
    if (heading) blocks.push({ kind: 'subheading', text: heading });
    paras(p);
  };
  switch (def.content) {
    case 'general': {
      const part = model.part.get(def.id);
      if (part && !isMap(part.node)) paras(proseOf(model, def.id));
      paras(proseOf(model, model.template.generalTopics[0].id));
      for (const topic of model.template.generalTopics.slice(1)) {
        const p = proseOf(model, topic.id);
        if (!p) continue;
        blocks.push({ kind: 'subheading', text: topic.label });
        paras(p);
      }
      break;
    }
    case 'table': {
      const table = model.idx.tableById.get(def.table!)!;
      paras(proseOf(model, `${table.id}.note`));
      blocks.push({ kind: 'table', table });
      break;
    }
    case 'prose':
      for (const p of ownProse()) withSubheadings(p);
      break;
    case 'other': {
      const fee = feeSentence(model);
      if (fee) blocks.push({ kind: 'para', text: fee });
      for (const p of ownProse()) paras(p);
      break;
    }
  }
}
