/**
 * How alike two pieces of prose are, for 内容雷同 (TXT-DUPLICATE): the Jaccard index of their character
 * 4-gram sets. Chinese has no word boundaries, so character shingles are the robust unit; text is compared
 * without whitespace and punctuation, and with every run of digits replaced by one mark, so last year's text
 * with only the year and the figures changed still counts as the same text.
 */

const SHINGLE = 4;

/** The comparable form: NFKC, no whitespace or punctuation, digit runs as “#”. */
export function comparableText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').replace(/\d+(?:\.\d+)?/g, '#');
}

export function shingles(text: string, n = SHINGLE): Set<string> {
  return comparableShingles(comparableText(text), n);
}

/** shingles() of a text already in its comparable form. */
export function comparableShingles(comparable: string, n = SHINGLE): Set<string> {
  const chars = [...comparable];
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const s of small) if (large.has(s)) common++;
  return common / (a.size + b.size - common);
}

export function similarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}
