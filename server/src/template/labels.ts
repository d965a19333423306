/**
 * Label matching: the same label is written with full- or half-width brackets, stray spaces (dumps split
 * labels one character per line), numbering or not. Keys are matched after normalising all of that
 * (LABEL-NORMALISE), and an unknown key gets the nearest valid one as a suggestion.
 */

const QUOTES = /[“”"„‟「」『』]/g;
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、])/;

/** Width, whitespace and quote-insensitive form of a label. */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(QUOTES, '"').replace(/[、．]/g, '.').replace(/：/g, ':').toLowerCase();
}

/** Normalised and without a leading “一、”, “（一）” or “1.”. */
export function stripNumbering(s: string): string {
  let n = normalizeLabel(s);
  // Twice: “三、（七）总计” carries two levels of numbering.
  n = n.replace(NUMBERING, '');
  return n.replace(NUMBERING, '');
}

export interface KeyCandidate<T> {
  key: string;
  /** Accepted as-is but reported as a variant (STR-HEADING-VARIANT). */
  variants?: string[];
  aliases?: string[];
  value: T;
}

export type KeyMatch<T> =
  | { kind: 'exact'; value: T; canonical: string }
  | { kind: 'variant'; value: T; canonical: string }
  | { kind: 'normalised'; value: T; canonical: string }
  | { kind: 'unknown'; suggestion?: string };

/** A matcher over the keys valid at one place of the document. Built once per scope. */
export class KeyMatcher<T> {
  private exact = new Map<string, KeyCandidate<T>>();
  private variant = new Map<string, KeyCandidate<T>>();
  private loose = new Map<string, KeyCandidate<T>>();

  constructor(private readonly candidates: KeyCandidate<T>[]) {
    for (const c of candidates) {
      this.exact.set(c.key, c);
      for (const v of c.variants ?? []) this.variant.set(v, c);
    }
    // Loose forms: a more specific (canonical) spelling wins over an alias of another candidate.
    for (const c of candidates) {
      for (const form of [...(c.aliases ?? []), ...(c.variants ?? [])]) {
        for (const k of [normalizeLabel(form), stripNumbering(form)]) if (!this.loose.has(k)) this.loose.set(k, c);
      }
    }
    for (const c of candidates) {
      this.loose.set(normalizeLabel(c.key), c);
      const s = stripNumbering(c.key);
      if (!this.exact.has(s)) this.loose.set(s, c);
    }
  }

  /** `taken`: canonical keys already in the mapping, never suggested (the fix would write a duplicate). */
  match(key: string, taken?: ReadonlySet<string>): KeyMatch<T> {
    return this.lookup(key) ?? { kind: 'unknown', suggestion: this.nearest(key, taken) };
  }

  /** The match of a valid key, without looking for a suggestion when it is unknown. */
  lookup(key: string): Exclude<KeyMatch<T>, { kind: 'unknown' }> | undefined {
    const e = this.exact.get(key);
    if (e) return { kind: 'exact', value: e.value, canonical: e.key };
    const v = this.variant.get(key);
    if (v) return { kind: 'variant', value: v.value, canonical: v.key };
    const l = this.loose.get(normalizeLabel(key)) ?? this.loose.get(stripNumbering(key));
    if (l) return { kind: 'normalised', value: l.value, canonical: l.key };
    return undefined;
  }

  /** The nearest valid key, if it is near enough to be a plausible typo. */
  nearest(key: string, taken?: ReadonlySet<string>): string | undefined {
    const n = stripNumbering(key);
    let best: string | undefined;
    let bestScore = Infinity;
    for (const c of this.candidates) {
      if (taken?.has(c.key)) continue;
      for (const form of [c.key, ...(c.aliases ?? [])]) {
        const f = stripNumbering(form);
        const longer = Math.max(n.length, f.length, 1);
        // The distance is at least the length difference: skip forms that cannot be near enough
        // (and a 100,000-character key costs nothing).
        if (Math.abs(n.length - f.length) / longer > 0.5) continue;
        const d = levenshtein(n, f);
        const score = d / longer;
        if (score < bestScore) { bestScore = score; best = c.key; }
      }
    }
    return bestScore <= 0.5 ? best : undefined;
  }

  keys(): string[] {
    return this.candidates.map((c) => c.key);
  }
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}
