/**
 * Content rules that read across fields: 规章 for bodies that cannot make them (T2-GUIZHANG-ISSUER),
 * 现行有效件数 (T2-VALID-FLOOR), 信息处理费 against table 二 and table 三 (FEE-*, T3-FEE-LINK),
 * nil statements against the tables (TXT-NIL), Art. 50(4) for governments (STR-GOV-ART50-4), the period
 * statement, title year and issuer name (META-PERIOD, META-YEAR-MISMATCH, META-ISSUER-NAME), contact.
 */
import { isScalar } from 'yaml';
import { finding, type Span } from '../model/findings';
import type { ProseValue } from '../model/model';
import { shortNames } from '../model/issuer';
import { locateInProse, proseMatches } from '../model/prose';
import { type RuleContext } from './context';
import { fieldText } from '../model/meta';

export function checkTable2Content(ctx: RuleContext): void {
  const { values, meta, model } = ctx;
  if (meta.kind && !meta.kind.canMakeRules) {
    // Every column of 规章 (2021: 制发/废止/现行有效; 2019: 新制作/新公开/公开总数).
    for (const col of model.idx.rowById.get('t2.rules')?.columns.map((c) => c.id) ?? []) {
      const v = values.get(`t2.rules:${col}`);
      if (v?.cell && v.value > 0) {
        ctx.report(finding('T2-GUIZHANG-ISSUER', v.cell.span, 'content.guizhang', { kind: meta.kind.label, column: v.cell.col.label, value: v.value }, { cell: v.cell.ref }));
      }
    }
  }
  for (const row of ['t2.rules', 't2.normative']) {
    const issued = values.get(`${row}:issued`), repealed = values.get(`${row}:repealed`), valid = values.get(`${row}:valid`);
    if (!issued || !repealed || !valid?.cell) continue;
    if (valid.value < issued.value - repealed.value) {
      ctx.report(finding('T2-VALID-FLOOR', valid.cell.span, 'content.validFloor', {
        row: model.idx.rowById.get(row)!.label, valid: valid.value, issued: issued.value, repealed: repealed.value,
      }, { cell: valid.cell.ref }));
    }
  }
}

function feeNumber(ctx: RuleContext, id: string): { value: number; span: Span } | undefined {
  const f = ctx.model.fields.get(id);
  if (!f || !isScalar(f.node)) return undefined;
  const n = feeFigure(f.node.value);
  return Number.isFinite(n) && n >= 0 ? { value: n, span: f.valueSpan } : undefined;
}

/** A 信息处理费 figure as written: a number, or a string of digits; anything else is NaN. */
export function feeFigure(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  return typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
}

export function checkFeeLinks(ctx: RuleContext): void {
  const notices = feeNumber(ctx, 'fee.notices');
  const billed = feeNumber(ctx, 'fee.billed');
  const collected = feeNumber(ctx, 'fee.collected');
  if (billed && collected && collected.value > billed.value) {
    ctx.report(finding('FEE-COLLECTED-LE-BILLED', collected.span, 'fee.collectedMore', { collected: collected.value, billed: billed.value }, {
      related: [{ span: billed.span, message: { key: 'related.billed', args: { value: billed.value } } }],
    }));
  }
  const t2fees = ctx.values.get('t2.fees:amount');
  if (collected && collected.value > 0 && t2fees?.cell && t2fees.value === 0) {
    ctx.report(finding('FEE-VS-T2', t2fees.cell.span, 'fee.vsTable2', { collected: collected.value }, {
      related: [{ span: collected.span, message: { key: 'related.collected', args: { value: collected.value } } }],
    }));
  }
  const unpaid = ctx.values.get('t3.r3.6.2:TOT');
  if (unpaid && notices && unpaid.value > notices.value) {
    const anchor = unpaid.cell?.span ?? ctx.model.rows.get('t3.r3.6.2')?.valueSpan;
    if (anchor) ctx.report(finding('T3-FEE-LINK', anchor, 'fee.link', { unpaid: unpaid.value, notices: notices.value }, {
      related: [{ span: notices.span, message: { key: 'related.notices', args: { value: notices.value } } }],
    }));
  }
}

/** Prose claiming nothing was received / no case was brought, against the tables. */
const NIL_REQUESTS = /(?:未|没有|无)(?:收到|受理)[^。；;\n]{0,24}?申请/g;
const NIL_CASES = /(?:未|没有)(?:发生|出现)?[^。；;\n]{0,24}?(?:行政复议|行政诉讼)/g;

export function checkNilStatements(ctx: RuleContext): void {
  const { values, model } = ctx;
  const received = values.get('t3.r1:TOT');
  const t4 = ['t4.AR:T', 't4.LD:T', 't4.LR:T'].map((r) => values.get(r));
  const cases = t4.every((v) => v) ? t4.reduce((s, v) => s + v!.value, 0) : undefined;
  for (const prose of model.prose) {
    if (received && received.value > 0) {
      for (const m of proseMatches(prose, NIL_REQUESTS)) {
        ctx.report(finding('TXT-NIL', locateInProse(model.text, prose, m.index!, m[0].length), 'text.nilRequests', { quote: m[0], value: received.value }, {
          related: received.cell ? [{ span: received.cell.span, message: { key: 'related.term', args: { label: '本年新收 总计', value: received.value } } }] : undefined,
        }));
      }
    }
    if (cases !== undefined && cases > 0) {
      for (const m of proseMatches(prose, NIL_CASES)) {
        ctx.report(finding('TXT-NIL', locateInProse(model.text, prose, m.index!, m[0].length), 'text.nilCases', { quote: m[0], value: cases }));
      }
    }
  }
}

/**
 * META-STALE-YEAR (spec 14): sentences opening with last year (“2023年，我乡…”) in a 2024 report, more than once
 * and never with the report's own year: the text was most likely carried over from last year's report.
 * Comparisons (“较2023年增长”) do not open a sentence and are not counted.
 */
export function checkStaleYear(ctx: RuleContext): void {
  const { meta, model } = ctx;
  if (meta.year === undefined) return;
  const opening = (y: number) => new RegExp(`(?:^|[。；;！!\\n])\\s*(${y}\\s*年度?[，,、])`, 'g');
  const stale = model.prose.flatMap((prose) => proseMatches(prose, opening(meta.year! - 1)).map((m) => ({ prose, m })));
  if (stale.length < 2) return;
  if (model.prose.some((prose) => proseMatches(prose, opening(meta.year!)).length > 0)) return;
  for (const { prose, m } of stale) {
    const at = m.index! + m[0].length - m[1].length;
    ctx.report(finding('META-STALE-YEAR', locateInProse(model.text, prose, at, m[1].length), 'meta.staleYear', { stale: meta.year - 1, year: meta.year, count: stale.length }));
  }
}

const ART50_4 = [['考核'], ['评议'], ['责任追究', '追责', '问责']];

export function checkGovernmentDuties(ctx: RuleContext): void {
  const { meta, model } = ctx;
  if (!meta.kind?.government) return;
  const text = model.prose.filter((p) => p.part === 'p1' || p.part === 'p5').map((p) => p.text).join('\n');
  const missing = ART50_4.filter((words) => !words.some((w) => text.includes(w))).map((w) => w[0]);
  if (!missing.length) return;
  const at = model.fields.get('p1.oversight')?.keySpan ?? model.part.get('p5')?.keySpan ?? model.part.get('p1')?.keySpan;
  if (!at) return;
  ctx.report(finding('STR-GOV-ART50-4', at, 'content.art50', { kind: meta.kind.label, missing: { list: missing } }));
}

const PERIOD = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:至|到|—|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

export function checkPeriodAndTitle(ctx: RuleContext): void {
  const { meta, model } = ctx;
  const Y = meta.year;
  if (Y === undefined) return;
  const preamble = model.prose.find((p) => p.id === 'preamble');
  if (preamble) {
    for (const m of preamble.text.normalize('NFKC').matchAll(PERIOD)) {
      const [y1, m1, d1, y2raw, m2, d2] = [m[1], m[2], m[3], m[4], m[5], m[6]]
        .map((x) => (x === undefined ? undefined : Number(x)));
      const y2 = y2raw ?? y1;
      const ok = y1 === Y && m1 === 1 && d1 === 1 && y2 === Y && m2 === 12 && d2 === 31;
      if (ok) continue;
      // Only statements that look like the statistics period (a whole year) are checked.
      if (!(m1 === 1 && d1 === 1) && !(m2 === 12 && d2 === 31)) continue;
      ctx.report(finding('META-PERIOD', locateInProse(model.text, preamble, m.index!, m[0].length), 'meta.period', { quote: m[0], year: Y }));
    }
  }
  const title = model.fields.get('title');
  const titleText = fieldText(title);
  if (title && titleText) {
    for (const m of titleText.normalize('NFKC').matchAll(/(\d{4})\s*年/g)) {
      if (Number(m[1]) === Y) continue;
      const at = model.text.indexOf(m[1], title.valueSpan.start);
      const found = at >= 0 && at + 4 <= title.valueSpan.end;
      const span = found ? { start: at, end: at + 4 } : title.valueSpan;
      // Only the year's four digits are replaced; written otherwise (２０２３) the fix would replace the whole title.
      ctx.report(finding('META-YEAR-MISMATCH', span, 'meta.titleYear', { value: m[1], year: Y }, {
        fixes: found ? [{ title: { key: 'fix.setValue', args: { value: Y } }, edits: [{ span, text: String(Y) }], preferred: true }] : undefined,
      }));
    }
  }
}

const COMPILED_BY = /由\s*([^，,。；\s]{2,40}?)\s*(?:编制|编写|起草|发布)/g;

export function checkIssuerAndContact(ctx: RuleContext): void {
  const { meta, model } = ctx;
  const preamble: ProseValue | undefined = model.prose.find((p) => p.id === 'preamble');
  if (meta.issuer && preamble) {
    const names = shortNames(meta.issuer);
    for (const m of preamble.text.matchAll(COMPILED_BY)) {
      const named = m[1];
      if (names.includes(named) || names.some((n) => named.startsWith(n) || n.startsWith(named))) continue;
      const idx = m.index! + m[0].indexOf(named);
      ctx.report(finding('META-ISSUER-NAME', locateInProse(model.text, preamble, idx, named.length), 'meta.issuerName', { named, issuer: meta.issuer }, {
        related: [{ span: model.fields.get('issuer')!.valueSpan, message: { key: 'related.issuer' } }],
      }));
    }
  }
  const hasContact = !!fieldText(model.fields.get('contact')) || (preamble ? /电话|联系|邮箱|地址/.test(preamble.text) : false);
  if (!hasContact) {
    const at = model.fields.get('issuer')?.keySpan ?? { start: 0, end: 0 };
    ctx.report(finding('META-CONTACT', at, 'meta.noContact'));
  }
}
