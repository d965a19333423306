/**
 * `xxgk new --from <last year> --year N`: next year's report from last year's. Kept: the body, its kind,
 * contact and preamble (with the statistics period moved to year N). Carried: 上年结转 = last year's
 * 结转下年度继续办理, per column (T3-CARRY-OVER), and 现行有效件数 (T2-VALID-CONTINUITY). Everything else is
 * zero or a prompt that the checker flags until it is written (TXT-PLACEHOLDER). The 落款日期 is a date in
 * January of N+1 marked 待定: a real-looking date that is after the period (so no false date error) and
 * that the notes and the comment ask the clerk to set.
 */
import { parseDate, formatIso, type SimpleDate } from '../model/dates';
import { emptyDraft, draftText, type Draft, type DraftCell } from './yamlWriter';
import type { Message } from '../model/findings';
import { MessageError } from '../model/messageError';
import { parseReport, type ReportModel } from '../model/model';
import { readMeta, fieldText } from '../model/meta';
import { evaluate } from '../model/tableValues';
import { promptFor, PART5_PROMPT } from './yamlWriter';
import { fieldDef, tableRows, templateForYear, type RowDef } from '../template';

export interface RolloverOptions {
  /** The report year of the new report; default: last year's + 1. */
  year?: number;
  /** How the new report names last year's (上年报告), relative to where it will be written. */
  previousPath?: string;
}

export interface RolloverResult {
  yaml: string;
  /** What was carried, what the clerk must still do (localisable). */
  notes: Message[];
}

/** Last year's report cannot be carried over. Says what is wrong, not which flag or field fixes it. */
export class RolloverError extends MessageError {}

/** Row ids whose values are carried from a column of last year's report: [target row, target column] ← source cell. */
const CARRIED: { row: string; col: string; from: string }[] = [
  { row: 't2.rules', col: 'valid', from: 't2.rules:valid' },
  { row: 't2.normative', col: 'valid', from: 't2.normative:valid' },
];

export function rolloverReport(previousText: string, options: RolloverOptions = {}): RolloverResult {
  const prev = parseReport(previousText);
  const meta = readMeta(prev);
  const notes: Message[] = [];
  if (!prev.root) throw new RolloverError({ key: 'rollover.error.unreadable' });
  const year = options.year ?? (meta.year !== undefined ? meta.year + 1 : undefined);
  if (year === undefined) throw new RolloverError({ key: 'rollover.error.noYear' });
  if (meta.year !== undefined && year !== meta.year + 1) notes.push({ key: 'rollover.notNextYear', args: { from: meta.year, year } });

  const template = templateForYear(year);
  const draft = emptyDraft(template);
  for (const p of template.parts) draft.parts.add(p.id);
  draft.header.push(`${meta.issuer ?? ''}${year}年政府信息公开工作年度报告`,
    `由上一年度报告结转生成：上年结转、现行有效件数已按上年报告填写，其余数字为 0，文字为提示，请逐项填写。`);

  // ---- metadata
  if (meta.issuer) draft.meta.set('issuer', { value: meta.issuer });
  else notes.push({ key: 'rollover.missingField', args: { key: fieldDef(template, 'issuer').key } });
  const kind = fieldText(prev.fields.get('kind'));
  if (kind) draft.meta.set('kind', { value: kind });
  else notes.push({ key: 'rollover.missingField', args: { key: fieldDef(template, 'kind').key } });
  draft.meta.set('year', { value: year });
  const title = fieldText(prev.fields.get('title'));
  if (title && meta.year !== undefined) draft.meta.set('title', { value: title.split(String(meta.year)).join(String(year)) });
  const signed = placeholderDate(meta.signed, year);
  draft.meta.set('signed', { value: formatIso(signed), comment: '待定：请改为实际落款（成文）日期' });
  notes.push({ key: 'rollover.signed', args: { date: formatIso(signed) } });
  const contact = fieldText(prev.fields.get('contact'));
  if (contact) draft.meta.set('contact', { value: contact });
  if (options.previousPath) draft.meta.set('previousReport', { value: options.previousPath });

  // ---- prose: the preamble is boilerplate and is kept (period moved to year N); the rest are prompts.
  const preamble = prev.prose.find((p) => p.id === 'preamble');
  if (preamble && meta.year !== undefined) {
    draft.preamble = movePeriod(preamble.text, meta.year, year);
    notes.push({ key: 'rollover.preamble', args: { year } });
  }
  for (const f of template.generalTopics.filter((x) => x.required)) draft.general.topics.set(f.id, promptFor(f));
  draft.problems = PART5_PROMPT;
  draft.other = promptFor(template.otherFields.find((f) => f.id === 'p6.text')!);
  if (template.otherFields.find((f) => f.id === 'p6.fee')?.required) {
    draft.fees = new Map(template.feeFields.map((f) => [f.id, { value: 0 }]));
  }

  // ---- tables: zeros, totals left out (computed), carried cells from last year.
  const values = evaluate(prev);
  for (const table of template.tables) {
    const rows = new Map<string, { values: DraftCell[] }>();
    for (const row of tableRows(table)) {
      if (row.optionalTotal) continue;
      rows.set(row.id, { values: row.columns.filter((c) => !c.optionalTotal).map(() => 0) });
    }
    draft.tables.set(table.id, { rows });
  }
  const t2 = draft.tables.get('t2')!.rows;
  for (const c of CARRIED) {
    const target = tableRows(template.tables[0]).find((r) => r.id === c.row);
    const i = target?.columns.findIndex((col) => col.id === c.col) ?? -1;
    if (!target || i < 0) continue;
    const v = values.get(c.from);
    if (v) {
      t2.get(c.row)!.values[i] = v.value;
      notes.push({ key: 'rollover.carriedValid', args: { row: target.key, value: v.value } });
    } else notes.push({ key: 'rollover.noValid', args: { row: target.key } });
  }
  carryApplications(prev, draft, notes);
  notes.push({ key: 'rollover.fillIn', args: {} });
  return { yaml: draftText(draft), notes };
}

/** 上年结转 (this year) = 结转下年度继续办理 (last year), per applicant column. */
function carryApplications(prev: ReportModel, draft: Draft, notes: Message[]): void {
  const t3 = draft.template.tables.find((t) => t.id === 't3')!;
  const r2 = tableRows(t3).find((r) => r.id === 't3.r2') as RowDef;
  const target = draft.tables.get('t3')!.rows.get('t3.r2')!;
  const last = prev.rows.get('t3.r4');
  if (!last) { notes.push({ key: 'rollover.noCarryRow', args: {} }); return; }
  let blanks = 0, invalid = 0;
  r2.columns.filter((c) => !c.optionalTotal).forEach((col, i) => {
    const cell = last.cells.get(col.id);
    if (!cell || cell.state === 'blank') { blanks++; return; }
    if (cell.state !== 'number' || cell.value < 0 || !Number.isInteger(cell.value)) { invalid++; return; }
    target.values[i] = cell.value;
  });
  const total = target.values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  notes.push({ key: 'rollover.carried', args: { values: { list: target.values.map((v) => v ?? '') }, total } });
  // Figures are zero, so until the carried applications are entered as results or carried on, 勾稽关系 fails: said here.
  if (total > 0) notes.push({ key: 'rollover.balance', args: { total } });
  if (blanks) notes.push({ key: 'rollover.carryBlank', args: { count: blanks } });
  if (invalid) notes.push({ key: 'rollover.carryInvalid', args: { count: invalid } });
}

/** A date in January of N+1 (last year's month and day when it was signed in January–March), never in year N. */
function placeholderDate(lastSigned: SimpleDate | undefined, year: number): SimpleDate {
  if (lastSigned && lastSigned.m <= 3) {
    const d = parseDate(`${year + 1}-${lastSigned.m}-${lastSigned.d}`);
    if (d) return d;
  }
  return { y: year + 1, m: 1, d: 20 };
}

/** “2023年1月1日至2023年12月31日” → the same statement for `year`; nothing else in the text changes. */
function movePeriod(text: string, from: number, year: number): string {
  const re = /(\d{4})(\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—|－|-|~|～)\s*)(?:(\d{4})(\s*年))?(\s*12\s*月\s*31\s*日)/g;
  return text.replace(re, (m, y1: string, mid: string, y2: string | undefined, nian: string | undefined, end: string) =>
    Number(y1) === from && (!y2 || Number(y2) === from) ? `${year}${mid}${y2 ? `${year}${nian}` : ''}${end}` : m);
}
