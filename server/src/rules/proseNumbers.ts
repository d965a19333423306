/**
 * Numbers the prose computes (spec rules 50, 51), which supervisors check by hand:
 * - TXT-PERCENT: “予以公开258件，占33.9%” — the share recomputed from the figures the paragraph names (“共收到
 *   申请805件”) or from table 三 when the base is identifiable (the year's applications, those answered);
 *   silent when no base can be identified or when any plausible base gives the percentage written.
 * - TXT-PARTS-SUM: “共收到申请12件，其中自然人8件、法人或其他组织5件” — parts listed after a stated total that
 *   add up to more than it, or to less when the list closes with “其余…”.
 * Both are warnings: the prose is wrong or the table is; a person decides which.
 */
import { finding, type Related } from '../model/findings';
import type { ProseValue } from '../model/model';
import { locateInProse, proseMatches } from '../model/prose';
import type { RuleContext } from './context';

const D = '[0-9０-９]';
/** A count as written: 805, 1,286, ８０５. */
const NUMBER = `(${D}{1,3}(?:,${D}{3})+|${D}+)`;
const UNIT = '(件|条|个|次|起|项|篇|人次)';

/** “258件，占33.9%”, “152件，占比79.6%”, “258件，占办结总数的32.0%”. */
// Starts only where a run of digits starts: from inside a long run, every start would rescan it (quadratic).
const PERCENT = new RegExp(`(?<![0-9０-９,])${NUMBER}\\s*${UNIT}[^。；;！!？?\\n%％]{0,8}?`
  + `占(?:比)?([^。；;\\n%％0-9０-９]{0,20}?)(?:的)?(?:比(?:例|重))?(?:为|达)?\\s*(${D}+(?:[.．]${D}+)?)\\s*[%％]`, 'g');

/** A stated total a share may be of: “共收到申请805件”, “办结798件”, “全年发布信息1,286条”. */
const TOTAL_WORDS = '(?:共|总计|合计|共计|全年|累计|收到|新收|受理|办结|答复)';

const totalPatterns = new Map<string, RegExp>();
function totalPattern(unit: string): RegExp {
  let re = totalPatterns.get(unit);
  if (!re) { re = new RegExp(`${TOTAL_WORDS}[^。；;\\n0-9０-９]{0,16}?${NUMBER}\\s*${unit}`, 'g'); totalPatterns.set(unit, re); }
  return re;
}

/** Words naming what table 三 counts: a share of such a count is a share of applications. */
const T3_CONTEXT = /申请|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|办结|答复|自然人|法人|企业/;

const num = (s: string) => Number(s.normalize('NFKC').replace(/[,，]/g, '').replace('．', '.'));

interface Base {
  value: number;
  /** The table cell it is, as messages name it (表三“（七）总计”); absent for a total the text states. */
  label?: string;
  related?: Related;
}

export function checkProsePercentages(ctx: RuleContext): void {
  const { model } = ctx;
  for (const prose of model.prose) {
    for (const m of proseMatches(prose, PERCENT)) {
      const count = num(m[1]);
      const unit = m[2];
      const phrase = m[3].replace(/[，,、\s]/g, '');
      const stated = num(m[4]);
      const bases = basesFor(ctx, prose, m.index!, unit, count, phrase);
      if (!bases.length) continue;
      const decimals = (m[4].normalize('NFKC').split('.')[1] ?? '').length;
      // 0.1 point, or what rounding to the digits written allows (“34%” may be 33.6 %).
      const tolerance = Math.max(0.1, 0.5 * 10 ** -decimals) + 1e-9;
      const share = (b: Base) => (count / b.value) * 100;
      if (bases.some((b) => Math.abs(share(b) - stated) <= tolerance)) continue;
      const base = bases[0];
      const computed = Math.round(share(base) * 10) / 10;
      const at = m.index! + m[0].length - m[0].replace(/^[\s\S]*?占/, '占').length;
      ctx.report(finding('TXT-PERCENT', locateInProse(model.text, prose, at, m.index! + m[0].length - at), base.label ? 'text.percent' : 'text.percentStated', {
        quote: m[0], count, unit, baseLabel: base.label ?? '', base: base.value, computed, stated, diff: Math.round(Math.abs(computed - stated) * 10) / 10,
      }, { related: base.related ? [base.related] : undefined }));
    }
  }
}

/**
 * What the share may be of, the likeliest first: a base the phrase names (“占办结总数的”), totals the paragraph
 * states before the count, and for counts about applications, table 三's totals. Empty: no base is identifiable.
 */
function basesFor(
  ctx: RuleContext, prose: ProseValue, index: number, unit: string, count: number, phrase: string,
): Base[] {
  const out: Base[] = [];
  const table = (ref: string, label: string): Base | undefined => {
    const v = ctx.values.get(ref);
    if (!v || v.value <= 0) return undefined;
    const span = v.cell?.span ?? ctx.model.rows.get(ref.split(':')[0])?.valueSpan;
    return { value: v.value, label, related: span ? { span, message: { key: 'related.term', args: { label, value: v.value } } } : undefined };
  };
  const answered = () => table('t3.r3.7:TOT', '表三“（七）总计”');
  const received = () => table('t3.r1:TOT', '表三“本年新收”总计');
  const handled = (): Base | undefined => {
    const a = ctx.values.get('t3.r1:TOT'), b = ctx.values.get('t3.r2:TOT');
    return a && b && a.value + b.value > 0 ? { value: a.value + b.value, label: '表三“本年新收”+“上年结转”' } : undefined;
  };
  if (phrase) {
    if (/办结|答复|办理结果|处理结果/.test(phrase)) out.push(...[answered()].filter((b): b is Base => !!b));
    else if (/申请|收到|新收|受理/.test(phrase)) out.push(...[received(), handled()].filter((b): b is Base => !!b));
    else return []; // a base the table does not hold (“占全部信息的”): nothing to recompute
  }
  // The 200 characters before the count, cut at a paragraph break (searched only there: a text with thousands of
  // percentages must not be rescanned from its start for each).
  const window = prose.text.slice(Math.max(0, index - 200), index);
  const before = window.slice(window.lastIndexOf('\n\n') + 1);
  const totals = [...before.matchAll(totalPattern(unit))]
    .map((t) => num(t[1])).filter((v) => v >= count && v > 0).reverse();
  for (const v of totals) out.push({ value: v });
  if (!phrase && unit === '件' && T3_CONTEXT.test(before.slice(-40) + prose.text.slice(index, index + 12))) {
    out.push(...[answered(), received(), handled()].filter((b): b is Base => !!b));
  }
  // The stated total nearest the count is the likeliest base; a phrase's own base comes first.
  return out;
}

/** “共收到申请12件，其中自然人8件、法人或其他组织5件”: a stated total, then parts after 其中. */
const PARTS = new RegExp(`((?:共|总计|合计|共计)[^。；;\\n0-9０-９]{0,16}?)${NUMBER}\\s*${UNIT}[，,]?\\s*其中[：:，,]?([^。\\n]*)`, 'g');
/** A segment that is not a part of the total but a new statement (“办结5件”, “同比增长3件”). */
const NOT_A_PART = /办结|答复|结转|受理|收到|共|合计|总计|累计|同比|较上年|增长|下降|减少|占/;
const REST = /^(?:其余|剩余|余下)/;

export function checkProsePartSums(ctx: RuleContext): void {
  const { model } = ctx;
  for (const prose of model.prose) {
    for (const m of proseMatches(prose, PARTS)) {
      const total = num(m[2]);
      const unit = m[3];
      const parts: { label: string; value: number }[] = [];
      let closed = false;
      for (const segment of m[4].split(/[、，,；;]/)) {
        if (/^\s*占|[%％]/.test(segment)) continue; // “占60%” after a part is not a part
        const p = new RegExp(`^(.{0,20}?)${NUMBER}\\s*${unit}`).exec(segment.trim());
        if (!p || NOT_A_PART.test(p[1])) break;
        parts.push({ label: p[1], value: num(p[2]) });
        if (REST.test(p[1])) { closed = true; break; }
      }
      if (parts.length < 2) continue;
      const sum = parts.reduce((s, p) => s + p.value, 0);
      if (sum === total || (sum < total && !closed)) continue;
      const quoted = `${m[1]}${m[2]}${unit}`;
      ctx.report(finding('TXT-PARTS-SUM', locateInProse(model.text, prose, m.index!, quoted.length), sum > total ? 'text.partsExceed' : 'text.partsShort', {
        quote: quoted, total, unit, sum, parts: { list: parts.map((p) => `${p.label}${p.value}${unit}`) }, diff: Math.abs(sum - total),
      }));
    }
  }
}
