/**
 * Recognising headings in published text: a part's numbered heading (“一、总体情况”, worded as the template or
 * nearly so) and a sub-topic of part 一 (“（一）主动公开情况。我乡积极…”).
 */
import { normalizeLabel, stripNumbering, type KeyMatcher } from '../template/labels';
import type { FieldDef, PartDef, Template } from '../template';

const NUMERALS = '一二三四五六';

/** “一、总体情况”, “四、政府信息公开行政复议和行政诉讼情况”, “五、存在的主要问题及改进措施”. */
export function partHeading(template: Template, text: string): PartDef | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (t.length > 40) return undefined;
  const m = /^([一二三四五六])[、.,．]?(.+?)[:：。]?$/.exec(t);
  if (!m) {
    // Unnumbered: only the exact canonical title.
    return template.parts.find((p) => normalizeLabel(p.title) === normalizeLabel(t));
  }
  const part = template.parts[NUMERALS.indexOf(m[1])];
  const titles = [part.title, ...part.variants.map((v) => stripNumbering(v)), ...part.aliases];
  const body = normalizeLabel(m[2]);
  if (titles.some((t) => normalizeLabel(t) === body)) return part;
  // Other wordings of the same heading (“…及改进举措”, “收到和处理政府信息公开申请的情况”): the same numeral and
  // mostly the same characters as a known form. “二、主动公开方面” inside part 五 shares too few.
  return titles.some((t) => dice(t, m[2]) >= 0.5) ? part : undefined;
}

/** Dice coefficient of character bigrams, punctuation ignored: how alike two short headings are. */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const t = [...s.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '')];
    return t.slice(1).map((c, i) => t[i] + c);
  };
  const x = grams(a), y = grams(b);
  if (!x.length || !y.length) return 0;
  const pool = [...y];
  let common = 0;
  for (const g of x) { const i = pool.indexOf(g); if (i >= 0) { common++; pool.splice(i, 1); } }
  return (2 * common) / (x.length + y.length);
}

/** “（一）主动公开情况。我乡积极…” → the topic, and the text after the heading. */
export function topicHeading(
  template: Template, matcher: KeyMatcher<FieldDef>, text: string,
): { topic: FieldDef; rest: string } | undefined {
  const m = /^\s*[（(]\s*([一二三四五六七八九十])\s*[)）]\s*([^。：:\n]{2,24}?)\s*(?:[。：:]|$)\s*([\s\S]*)$/.exec(text);
  if (!m) return undefined;
  const hit = matcher.match(m[2]);
  let topic = hit.kind !== 'unknown' ? hit.value : undefined;
  // “（一）主动公开政府信息情况”: a topic's name inside a longer heading.
  topic ??= template.generalTopics.slice(1).find((f) => m[2].includes(f.key));
  return topic ? { topic, rest: m[3].trim() } : undefined;
}
