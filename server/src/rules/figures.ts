/**
 * TXT-T3, TXT-T4 (spec rules 42, 43): figures the prose states — “共收到政府信息公开申请3件”, “上年结转2件”,
 * “结转下年度继续办理1件”, “行政复议2件” — against the tables. Patterns are narrow on purpose: a figure is
 * compared only when the sentence says unambiguously which total it is, and only arabic digits are read.
 */
import { finding, type Related } from '../model/findings';
import { locateInProse, proseMatches } from '../model/prose';
import type { RuleContext } from './context';
import type { RuleId } from '../template/ruleCatalog';
import { splitCellRef, type CellRef, type TemplateIndex } from '../template';

interface Claim {
  rule: RuleId;
  re: RegExp;
  /** The table totals the figure states, summed (table 四's litigation is two rows). */
  terms: CellRef[];
}

const DIGITS = '([0-9０-９]+)';
const APPLICATIONS = '(?:政府信息公开|信息公开|依申请公开)';
const CLAIMS: Claim[] = [
  // 收到政府信息公开申请3件 / 新收依申请公开申请共12件 / 共收到5件政府信息公开申请
  { rule: 'TXT-T3', re: new RegExp(`(?:收到|新收|新增|受理)(?:各类)?${APPLICATIONS}申请(?:共|总计|合计)?${DIGITS}\\s*件`, 'g'), terms: ['t3.r1:TOT'] },
  { rule: 'TXT-T3', re: new RegExp(`(?:收到|新收|新增|受理)(?:了)?${DIGITS}\\s*件${APPLICATIONS}申请`, 'g'), terms: ['t3.r1:TOT'] },
  // 上年结转政府信息公开申请2件 / 上年度结转2件
  { rule: 'TXT-T3', re: new RegExp(`上年度?结转(?:的)?(?:${APPLICATIONS}申请)?${DIGITS}\\s*件`, 'g'), terms: ['t3.r2:TOT'] },
  // 结转下年度继续办理1件
  { rule: 'TXT-T3', re: new RegExp(`结转下一?年度?(?:继续办理)?(?:的)?(?:申请)?${DIGITS}\\s*件`, 'g'), terms: ['t3.r4:TOT'] },
  // 行政复议2件 / 被申请行政复议案件1起
  { rule: 'TXT-T4', re: new RegExp(`行政复议(?:案件)?${DIGITS}\\s*[件起]`, 'g'), terms: ['t4.AR:T'] },
  // 行政诉讼3件 / 被提起行政诉讼案件1起: both kinds of litigation
  { rule: 'TXT-T4', re: new RegExp(`行政诉讼(?:案件)?${DIGITS}\\s*[件起]`, 'g'), terms: ['t4.LD:T', 't4.LR:T'] },
];

export function checkProseFigures(ctx: RuleContext): void {
  const { model, values } = ctx;
  for (const claim of CLAIMS) {
    const terms = claim.terms.map((t) => values.get(t));
    // The table is missing or unreadable (its own findings say so): nothing to compare. A blank total is computed.
    if (terms.some((t) => !t)) continue;
    const value = terms.reduce((s, t) => s + t!.value, 0);
    for (const prose of model.prose) {
      for (const m of proseMatches(prose, claim.re)) {
        const stated = Number(m[1].normalize('NFKC'));
        if (stated === value) continue;
        const related = claim.terms.flatMap((t, i): Related[] => {
          const at = terms[i]!.cell?.span ?? model.rows.get(splitCellRef(t)[0])?.valueSpan;
          return at ? [{ span: at, message: { key: 'related.term', args: { label: totalLabel(model.idx, t), value: terms[i]!.value } } }] : [];
        });
        ctx.report(finding(claim.rule, locateInProse(model.text, prose, m.index!, m[0].length), 'text.figure', {
          quote: m[0], stated, label: claim.terms.map((t) => totalLabel(model.idx, t)).join(' + '), value, diff: Math.abs(stated - value),
        }, { related }));
      }
    }
  }
}

/** 表三“本年新收”总计: a total cell as the prose figures name it. */
function totalLabel(idx: TemplateIndex, ref: CellRef): string {
  const [rowId, colId] = splitCellRef(ref);
  const row = idx.rowById.get(rowId)!;
  return `${idx.tableOfRow.get(rowId)!.name}“${row.key}”${row.columns.find((c) => c.id === colId)!.short}`;
}
