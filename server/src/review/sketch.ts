/**
 * 雷同 across bodies measures what TXT-DUPLICATE measures (model/similarity.ts): the Jaccard index of the
 * character 4-gram sets of the comparable text. For thousands of reports the sets are kept as sorted 32-bit
 * hashes (a collision between two different 4-grams is about one in four billion, far below what moves a
 * percentage), and a very long section keeps a consistent sample of them: the hashes whose lowest `level`
 * bits are zero. Two sketches are compared at the coarser of their levels, where both are the same sample of
 * their full sets, so the Jaccard index is estimated without bias (exact below MAX_EXACT shingles).
 */
import { comparableText } from '../model/similarity';

/** Sections up to this many distinct 4-grams keep them all (a long 总体情况 has about 3,000). */
export const MAX_EXACT = 4096;
const N = 4;

export interface Sketch {
  /** Sorted, distinct, mixed hashes of the 4-grams; only those with `level` low zero bits. */
  hashes: Uint32Array;
  level: number;
}

/** Murmur3's finaliser: spreads FNV's bits so that the low bits are uniform (they choose the sample). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 4-gram hashes of a comparable text, as `shingles()` cuts it (code points). */
function shingleHashes(comparable: string): Uint32Array {
  const cps: number[] = [];
  for (const ch of comparable) cps.push(ch.codePointAt(0)!);
  const out = new Uint32Array(Math.max(0, cps.length - N + 1));
  for (let i = 0; i + N <= cps.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < N; k++) h = Math.imul(h ^ cps[i + k], 0x01000193);
    out[i] = mix(h >>> 0);
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
  return out.slice(0, n);
}

/** The sketch of a text (pass its comparable form when it is known already). */
export function sketchOf(text: string, comparable = comparableText(text)): Sketch {
  let hashes = shingleHashes(comparable);
  let level = 0;
  while (hashes.length > MAX_EXACT) {
    level++;
    hashes = atLevel(hashes, level);
  }
  return { hashes, level };
}

function atLevel(hashes: Uint32Array, level: number): Uint32Array {
  const mask = (1 << level) - 1;
  return hashes.filter((h) => (h & mask) === 0);
}

/** Jaccard index of two sketches (exact when both levels are 0). */
export function sketchJaccard(a: Sketch, b: Sketch): number {
  const level = Math.max(a.level, b.level);
  const x = a.level === level ? a.hashes : atLevel(a.hashes, level);
  const y = b.level === level ? b.hashes : atLevel(b.hashes, level);
  if (!x.length && !y.length) return 0;
  let i = 0,
    j = 0,
    common = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return common / (x.length + y.length - common);
}

/**
 * The keys a section is indexed under: about one hash in eight (those with three more low zero bits than the
 * sample level) and the four smallest, so that short sections have keys too. Identical texts get identical
 * keys; a copy with edits keeps most of them.
 */
export function indexKeys(s: Sketch): Uint32Array {
  const mask = 0b111 << s.level;
  const keys: number[] = [];
  for (let i = 0; i < s.hashes.length; i++) if (i < 4 || (s.hashes[i] & mask) === 0) keys.push(s.hashes[i]);
  return Uint32Array.from(keys);
}
