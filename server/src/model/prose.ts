/**
 * Locating text found inside a prose value (a block scalar, a quoted or plain string) back in the document,
 * so a doubled word or a wrong year is underlined exactly where it is written.
 */
import type { Span } from './findings';
import type { ProseValue } from './model';

/** The span of `value.text.slice(index, index + length)` in the document. */
export function locateInProse(docText: string, prose: ProseValue, index: number, length: number): Span {
  const map = alignment(docText, prose);
  const n = prose.text.length;
  const i = Math.max(0, Math.min(index, n));
  const j = Math.max(i, Math.min(index + length, n));
  const start = map[i];
  return { start, end: j > i ? Math.max(start, map[j - 1] + 1) : start };
}

const alignments = new WeakMap<ProseValue, Int32Array>();

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Escapes (`\u4e00`, `''`) are the only source characters between two value characters, besides whitespace. */
const MAX_ESCAPE = 12;

/**
 * Where each character of a prose value is in the document. The value is its source minus YAML's framing
 * (block header, indentation, quotes, folded line breaks, escapes), so its characters appear in the source
 * in the same order: one greedy pass per value, then every lookup is O(1) — a report with thousands of
 * doubled words is located in linear time, not by rescanning the text per finding.
 */
function alignment(docText: string, prose: ProseValue): Int32Array {
  const cached = alignments.get(prose);
  if (cached) return cached;
  const value = prose.text;
  const { start, end } = prose.span;
  const map = new Int32Array(value.length + 1);
  let p = start;
  const type = prose.node.type;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    // The header line (`|`, `>-`, a comment) holds no content.
    const nl = docText.indexOf('\n', start);
    p = nl >= 0 && nl < end ? nl + 1 : end;
  } else if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') p = Math.min(start + 1, end);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let found = -1;
    if (isSpace(c)) {
      // Whitespace maps to the whitespace right here (a folded line break is a space in the value and a
      // newline in the source); if there is none, it came from an escape such as `\t`.
      if (p < end && isSpace(docText.charCodeAt(p))) found = p;
    } else {
      let budget = MAX_ESCAPE;
      for (let q = p; q < end; q++) {
        const s = docText.charCodeAt(q);
        if (s === c) { found = q; break; }
        if (!isSpace(s) && --budget < 0) break;
      }
    }
    // Not found nearby: the character came from an escape; point at where the escape is.
    if (found >= 0) { map[i] = found; p = found + 1; } else map[i] = Math.min(p, end);
  }
  map[value.length] = Math.min(p, end);
  alignments.set(prose, map);
  return map;
}

const byNode = new WeakMap<object, Map<string, RegExpMatchArray[]>>();
/** Recent prose texts (a bounded number of characters), for prose re-parsed but not changed. */
const byText = new Map<string, Map<string, RegExpMatchArray[]>>();
let byTextSize = 0;
let byTextMax = 0;

/**
 * Remember matches per prose text too, up to `maxChars` characters of text: an editor re-checks the same texts
 * on every keystroke. Off by default: a batch (xxgk check, xxgk review) sees each text once, and a cache of
 * millions of characters only makes the garbage collector copy it (a tenth of a 10,000-report review).
 */
export function rememberProseTexts(maxChars = 8_000_000): void {
  byTextMax = maxChars;
}

/**
 * Every match of a global regular expression in a prose value, remembered per YAML node (and per text, after
 * rememberProseTexts).
 * With incremental parsing (incremental.ts) unchanged prose keeps its node; prose in the block that was
 * typed in gets a new node but mostly the same text. Either way a keystroke re-scans only the prose it
 * changed, not a megabyte of it for every rule.
 */
export function proseMatches(prose: ProseValue, re: RegExp): RegExpMatchArray[] {
  let patterns = byNode.get(prose.node);
  if (!patterns) {
    patterns = byText.get(prose.text);
    if (!patterns) {
      patterns = new Map();
      if (byTextMax > 0) {
        byText.set(prose.text, patterns);
        byTextSize += prose.text.length;
      }
      for (const [text] of byText) {
        if (byTextSize <= byTextMax) break;
        byText.delete(text);
        byTextSize -= text.length;
      }
    }
    byNode.set(prose.node, patterns);
  }
  const key = `${re.flags}/${re.source}`;
  let found = patterns.get(key);
  if (!found) { found = [...prose.text.matchAll(re)]; patterns.set(key, found); }
  return found;
}

/** Forgets the matches remembered per text (the benchmark measures a cold check with it). */
export function forgetProseMatches(): void {
  byText.clear();
  byTextSize = 0;
}
