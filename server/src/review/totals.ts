/**
 * 汇总: tables 二, 三 and 四 summed over the bodies of one year, as a report made of sums (written by the one
 * YAML writer, parsed and checked like any report), so that the official tables are drawn by the report
 * renderer and the identities are re-checked by the checker's own rules. Where the area's government report is
 * among the inputs, its tables are set beside the sum of the others: information, not errors (a government
 * report may cover its own office only, or the whole area).
 */
import { checkModel } from '../check';
import { localize, type Locale } from '../l10n';
import { parseReport, type ReportModel } from '../model/model';
import { escapeHtml, renderTables } from '../render/html';
import { describeCell, indexOf, splitCellRef, template2021, type CellRef } from '../template';
import type { RuleId } from '../template/ruleCatalog';
import { draftText, emptyDraft } from '../write/yamlWriter';
import { whereOf } from './where';
import { SUM_CELLS } from './tableCells';
import type { YearTotals } from './types';

/** The identities the sums are checked against (the shape and type rules say nothing about sums). */
const IDENTITY_RULES = new Set<RuleId>(['T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T3-BALANCE', 'T4-GROUP-TOTAL']);

export interface TotalsInput {
  file: string;
  issuer?: string;
  values: Float64Array;
  /** Administrative level (analyze.ts), and whether the body is a people's government. */
  level: number;
  government: boolean;
}

/** The 汇总 of one year's reports (2021 format, one per body). */
export function yearTotals(
  year: number,
  inputs: TotalsInput[],
  options: { locale: Locale; render: boolean },
): YearTotals {
  const { sums, incomplete } = sum(inputs);
  const model = sumsModel(
    year,
    sums,
    localize({ key: 'review.totals.issuer', args: { count: inputs.length } }, options.locale),
  );
  const findings = checkModel(model).filter((f) => IDENTITY_RULES.has(f.rule));
  const values: Record<string, number> = {};
  SUM_CELLS.forEach((ref, i) => {
    if (!Number.isNaN(sums[i])) values[ref] = round(sums[i]);
  });
  const out: YearTotals = {
    year,
    format: 2021,
    reports: inputs.length,
    files: inputs.map((r) => r.file),
    values,
    incomplete,
    findings: findings.map((f) => {
      const where = whereOf(model, f);
      return {
        rule: f.rule,
        severity: f.severity,
        message: localize(f.message, options.locale),
        ...(where ? { where } : {}),
        ...(f.cell ? { cell: f.cell } : {}),
      };
    }),
  };
  const government = governmentComparison(inputs);
  if (government) out.government = government;
  if (options.render) {
    out.rendered = template2021.tables
      .map(
        (table) =>
          `<p class="caption">${escapeHtml(`${table.name} ${table.title}`)}</p>\n` +
          renderTables(model, [table.id], { findings, locale: options.locale }),
      )
      .join('\n');
  }
  return out;
}

function sum(inputs: TotalsInput[]): { sums: Float64Array; incomplete: YearTotals['incomplete'] } {
  const sums = new Float64Array(SUM_CELLS.length).fill(NaN);
  const incomplete: YearTotals['incomplete'] = [];
  for (const r of inputs) {
    let missing = 0;
    for (let i = 0; i < sums.length; i++) {
      const v = r.values[i];
      if (Number.isNaN(v)) {
        missing++;
        continue;
      }
      sums[i] = Number.isNaN(sums[i]) ? v : sums[i] + v;
    }
    if (missing) incomplete.push({ file: r.file, missing });
  }
  return { sums, incomplete };
}

/** A report whose tables are the sums (every total written, so every identity is checked). */
export function sumsModel(year: number, sums: Float64Array, issuer: string): ReportModel {
  const draft = emptyDraft(template2021);
  draft.meta.set('issuer', { value: issuer });
  draft.meta.set('year', { value: year });
  const byRef = new Map<CellRef, number>();
  SUM_CELLS.forEach((ref, i) => byRef.set(ref, sums[i]));
  for (const table of template2021.tables) {
    const rows = new Map<string, { values: (number | null)[] }>();
    for (const ref of SUM_CELLS) {
      const [rowId] = splitCellRef(ref);
      if (template2021.tables.find((t) => rowId.startsWith(`${t.id}.`)) !== table) continue;
      const v = byRef.get(ref)!;
      const row = rows.get(rowId) ?? { values: [] };
      row.values.push(Number.isNaN(v) ? null : round(v));
      rows.set(rowId, row);
    }
    draft.tables.set(table.id, { rows });
    draft.parts.add(template2021.parts.find((p) => p.table === table.id)!.id);
  }
  return parseReport(draftText(draft));
}

/**
 * The area's government: a people's government at least as high as every other body among the inputs, and
 * the only one at its level (its departments, towns and streets are the others). Against the sum of the
 * others: the cells that differ.
 */
function governmentComparison(inputs: TotalsInput[]): YearTotals['government'] {
  const top = Math.max(0, ...inputs.map((r) => r.level));
  const govs = inputs.filter((r) => r.government && r.level === top);
  if (!top || govs.length !== 1 || inputs.length < 2) return undefined;
  const gov = govs[0];
  const others = sum(inputs.filter((r) => r !== gov)).sums;
  const idx = indexOf(template2021);
  const differences: NonNullable<YearTotals['government']>['differences'] = [];
  SUM_CELLS.forEach((ref, i) => {
    const own = gov.values[i],
      rest = others[i];
    if (Number.isNaN(own) || Number.isNaN(rest) || round(own) === round(rest)) return;
    const c = describeCell(idx, ref);
    differences.push({ cell: ref, where: `${c.table} ${c.row} ${c.column}`, own: round(own), others: round(rest) });
  });
  return { file: gov.file, ...(gov.issuer ? { issuer: gov.issuer } : {}), others: inputs.length - 1, differences };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
