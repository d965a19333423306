/**
 * What the report prints, independent of the output format: paragraphs of prose, the printed value of each
 * table cell (computed totals filled in), the fee sentence and whether the contact line is repeated.
 * The HTML renderer (render.ts) and the Word exporter (render/docx.ts) both print from here, so they cannot
 * drift apart.
 */
import { fieldText } from '../model/meta';
import type { ProseValue, ReportModel } from '../model/model';
import type { Evaluation } from '../model/tableValues';
import { cellRef, type ColumnDef, type RowDef } from '../template';

const ALNUM = /[A-Za-z0-9]/;

/**
 * The lines of one paragraph as one line: Chinese joins without a space, a word broken between Latin letters
 * or digits gets one. Built from parts: testing the end of a growing string flattened it on every line,
 * which made a 10,000-line paragraph take seconds.
 */
export function joinLines(lines: string[]): string {
  const parts: string[] = [];
  let last = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (parts.length && ALNUM.test(last) && ALNUM.test(l[0])) parts.push(' ');
    parts.push(l);
    last = l[l.length - 1];
  }
  return parts.join('');
}

/** A paragraph of prose: lines up to a blank line. */
export const PARAGRAPH = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;

/** The printed paragraphs of a prose value: blank lines separate them, line breaks inside are joined. */
export function paragraphTexts(prose: ProseValue): string[] {
  const out: string[] = [];
  for (const m of prose.text.matchAll(PARAGRAPH)) {
    const para = joinLines(m[0].split('\n'));
    if (para) out.push(para);
  }
  return out;
}

export interface PrintedCell {
  text: string;
  /** A total the report leaves out, filled in from its identity. */
  computed: boolean;
}

/** A cell as printed: its value (blank stays empty), a computed total, or the written text that is no number. */
export function printedCell(model: ReportModel, values: Evaluation, row: RowDef, col: ColumnDef): PrintedCell {
  const ref = cellRef(row, col);
  const v = values.get(ref);
  const written = model.cells.get(ref);
  if (v) return { text: written?.state === 'blank' ? '' : String(v.value), computed: v.computed };
  return { text: written ? written.raw.trim() : '', computed: false };
}

/** Part 六's sentence on 信息处理费, from its three fields; undefined when none is written. */
export function feeSentence(model: ReportModel): string | undefined {
  const [n, billed, collected] = model.template.feeFields.map((f) => fieldText(model.fields.get(f.id)));
  if (n === undefined && billed === undefined && collected === undefined) return undefined;
  return feeSentenceOf(n, billed, collected);
}

/** The fee sentence for three written values (the importer recognises a printed one by it). */
export function feeSentenceOf(notices?: string, billed?: string, collected?: string): string {
  const [n, b, c] = [notices, billed, collected].map((v) => v ?? '—');
  return `本年度发出信息处理费收费通知 ${n} 件，收费通知金额 ${b} 元，实际收取信息处理费 ${c} 元。`;
}

/** The contact to print after the preamble: the preamble usually gives it already; repeated only when it does not. */
export function contactToPrint(model: ReportModel, preamble: ProseValue | undefined): string | undefined {
  const contact = fieldText(model.fields.get('contact'));
  if (!contact) return undefined;
  return preamble && preambleGivesContact(preamble.text, contact) ? undefined : contact;
}

/** Whether a preamble already gives the contact: all of it, or every phone number in it. */
export function preambleGivesContact(preamble: string, contact: string): boolean {
  const phones = contact.match(/\d[\d\-—－]{6,}\d/g) ?? [];
  return preamble.includes(contact) || (phones.length > 0 && phones.every((p) => preamble.includes(p)));
}

/** The line printed after the preamble when it does not give the contact. */
export const CONTACT_LINE_PREFIX = '联系方式：';

/** Bidi controls could reorder the printed text (“Trojan Source”): shown, never applied (as the HTML does). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Characters XML 1.0 cannot hold (a YAML "\x01" escape can produce them), lone surrogates included. */
const NOT_XML = new RegExp(['[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]',
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])', '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]'].join('|'), 'g');

/** Text as a non-HTML export prints it: bidi controls made visible, characters XML cannot hold dropped. */
export function printable(s: string): string {
  return s.replace(NOT_XML, '').replace(BIDI, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`);
}

/**
 * The heading a report gives a piece of a prose part (`五、存在的主要问题及改进情况:` with `存在的主要问题: |` and
 * `改进情况: |` under it): printed as a sub-heading, so the export says what the writer said.
 */
export function subheadingOf(p: ProseValue): string | undefined {
  const slash = p.id.indexOf('/');
  return slash < 0 ? undefined : p.id.slice(slash + 1);
}
