/**
 * YAML text for parts, tables, rows and whole reports, generated from the template. Quick fixes insert it,
 * completion offers it as snippets, `xxgk new` writes it. One generator, so all three agree.
 */
import type { FieldDef, GroupDef, PartDef, RowDef, TableDef, TableNode, Template } from '../template';

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

function nodeLines(node: TableNode, pad: string, step: string, stops: Tabstops): string[] {
  if (node.kind === 'row') return node.optionalTotal ? [] : [rowLine(node, pad, stops)];
  if (node.nested) return [`${pad}${node.key}:`, ...node.children.flatMap((c) => nodeLines(c, pad + step, step, stops))];
  return node.children.flatMap((c) => nodeLines(c, pad, step, stops));
}

/** Lines of a nested group (不予公开: and its rows). */
export function groupLines(group: GroupDef, pad: string, options: SkeletonOptions = {}): string[] {
  const step = ' '.repeat(options.indent ?? 2);
  return nodeLines(group, pad, step, new Tabstops(!!options.snippet));
}

/** The rows of a table with zeros, totals left out (they are computed). */
export function tableLines(table: TableDef, pad: string, options: SkeletonOptions = {}): string[] {
  const step = ' '.repeat(options.indent ?? 2);
  const stops = new Tabstops(!!options.snippet);
  return table.nodes.flatMap((n) => nodeLines(n, pad, step, stops));
}

function proseBlock(key: string, text: string, pad: string, step: string, stops: Tabstops): string[] {
  return [`${pad}${key}: |`, `${pad}${step}${stops.value(text)}`];
}

export function feeLines(template: Template, pad: string, options: SkeletonOptions = {}): string[] {
  const stops = new Tabstops(!!options.snippet);
  const step = ' '.repeat(options.indent ?? 2);
  return [`${pad}信息处理费:`, ...template.feeFields.map((f) => `${pad}${step}${f.key}: ${stops.value('0')}`)];
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
      return [`${pad}${part.key}:`, ...table.nodes.flatMap((n) => nodeLines(n, inner, step, stops))];
    }
    case 'prose':
      return proseBlock(part.key, PART5_PROMPT, pad, step, stops);
    case 'other': {
      const fees = template.otherFields.find((f) => f.id === 'p6.fee')?.required
        ? [`${inner}信息处理费:`, ...template.feeFields.map((f) => `${inner}${step}${f.key}: ${stops.value('0')}`)] : [];
      return [`${pad}${part.key}:`, ...fees, ...proseBlock('其他', '无。', inner, step, stops)];
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
  const lines = [
    `# ${meta.issuer}${meta.year}年政府信息公开工作年度报告`,
    `格式: ${template.version}`,
    `机关: ${meta.issuer}`,
    `机关类型: ${meta.kind}`,
    `年度: ${meta.year}`,
    `落款日期: ${meta.signed}`,
    ...(meta.contact ? [`联系方式: ${meta.contact}`] : []),
    '',
    ...template.parts.flatMap((p) => [...partLines(template, p), '']),
  ];
  return lines.join('\n');
}
