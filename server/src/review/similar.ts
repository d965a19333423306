/**
 * 雷同 across bodies (TXT-DUPLICATE-OTHER, T3-DUPLICATE-OTHER), near-linear in the number of reports.
 *
 * Prose: every comparable section (the prose TXT-DUPLICATE compares) is indexed under a consistent sample of
 * its 4-gram hashes (sketch.ts). Sections that share at least two keys with a section of another body are
 * candidates, and only candidates are compared, with the TXT-DUPLICATE measure and threshold. A key shared by
 * more than MAX_POSTING sections of one year is boilerplate (“严格落实《条例》要求”) or a text copied very
 * widely: such a key links each section only to the next NEIGHBOURS sections of other bodies in its list, so
 * the work stays linear while a widely copied text still chains its copies together. Texts that are identical
 * are grouped by a hash of the whole sketch whatever their number.
 * Tables 三 are grouped by their cells. Each section or table names at most MAX_NAMED other bodies.
 */
import { localize, type Locale } from '../l10n';
import { DUPLICATE_THRESHOLD } from '../rules/crossyear';
import type { Analysis, SectionSketch } from './analyze';
import { sketchJaccard } from './sketch';
import type { ReportReview, ReviewFinding, SimilarPair } from './types';

/** A key shared by more sections than this (in one year) links each section to its next neighbours only. */
export const MAX_POSTING = 16;
export const NEIGHBOURS = 2;
/** Other bodies named per section or table; the rest are counted. */
export const MAX_NAMED = 3;

interface Entry {
  report: number;
  body: string;
  section: SectionSketch;
}

interface Match {
  other: number;
  percent: number;
}

/** A report of one year, one per body (copies of the same body's report are left out by the caller). */
export interface SimilarInput {
  analysis: Analysis;
  review: ReportReview;
  body: string;
}

/** Finds 雷同 among the reports of one year; adds the findings to the reports and returns the pairs. */
export function findSimilar(year: number, inputs: SimilarInput[], locale: Locale): SimilarPair[] {
  const entries: Entry[] = [];
  inputs.forEach((r, report) => {
    for (const section of r.analysis.sections) entries.push({ report, body: r.body, section });
  });
  const matches: Match[][] = entries.map(() => []);
  const clusters = new Clusters(entries.length);
  const add = (a: number, b: number, j: number) => {
    const percent = Math.round(j * 100);
    matches[a].push({ other: b, percent });
    matches[b].push({ other: a, percent });
    clusters.union(a, b);
  };
  const identical = identicalGroups(entries);
  for (const group of identical.groups) {
    // Every member against the first few: a mass copy stays linear, and each still names MAX_NAMED others.
    for (let i = 0; i < group.length; i++) {
      for (let k = 0; k < Math.min(i, MAX_NAMED + 1); k++)
        if (entries[group[i]].body !== entries[group[k]].body) add(group[k], group[i], 1);
      clusters.union(group[0], group[i]);
    }
  }
  candidatePairs(entries, identical.groupOf, (a, b) => {
    const j = sketchJaccard(entries[a].section.sketch, entries[b].section.sketch);
    if (j >= DUPLICATE_THRESHOLD) add(a, b, j);
  });
  const bodiesOf = clusters.bodies(entries.map((e) => e.body));
  const pairs: SimilarPair[] = [];
  entries.forEach((e, i) => {
    const ms = matches[i].sort(
      (x, y) =>
        y.percent - x.percent ||
        cmp(inputs[entries[x.other].report].review.file, inputs[entries[y.other].report].review.file),
    );
    // The others in its cluster (copies of copies), less those named.
    const others = bodiesOf(i).size - 1;
    const named = Math.min(MAX_NAMED, ms.length);
    ms.slice(0, named).forEach((m, k) => {
      const o = entries[m.other];
      const more = k === named - 1 ? Math.max(0, others - named) : 0;
      const review = inputs[e.report].review,
        otherReview = inputs[o.report].review;
      review.findings.push(proseFinding(e.section, o.section, otherReview, m.percent, more, locale));
      if (cmp(review.file, otherReview.file) < 0) {
        pairs.push({
          rule: 'TXT-DUPLICATE-OTHER',
          year,
          percent: m.percent,
          a: side(review, e.section.where),
          b: side(otherReview, o.section.where),
        });
      }
    });
  });
  pairs.push(...identicalTables(year, inputs, locale));
  return pairs;
}

/** Union–find over sections: near-duplicates of near-duplicates form one cluster. */
class Clusters {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }

  find(a: number): number {
    while (this.parent[a] !== a) a = this.parent[a] = this.parent[this.parent[a]];
    return a;
  }

  union(a: number, b: number): void {
    const x = this.find(a),
      y = this.find(b);
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }

  /** The distinct bodies of each section's cluster. */
  bodies(body: string[]): (i: number) => Set<string> {
    const sets = new Map<number, Set<string>>();
    body.forEach((b, i) => {
      const root = this.find(i);
      const set = sets.get(root);
      if (set) set.add(b);
      else sets.set(root, new Set([b]));
    });
    return (i) => sets.get(this.find(i))!;
  }
}

function cmp(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function side(r: ReportReview, where: string): SimilarPair['a'] {
  return r.issuer ? { file: r.file, issuer: r.issuer, where } : { file: r.file, where };
}

/** Sections with exactly the same 4-gram set (a hash of the whole sketch), from at least two bodies. */
function identicalGroups(entries: Entry[]): { groups: number[][]; groupOf: Int32Array } {
  const byHash = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const h = e.section.sketch.hashes;
    let x = 0x811c9dc5,
      y = h.length;
    for (let k = 0; k < h.length; k++) {
      x = Math.imul(x ^ h[k], 0x01000193);
      y = Math.imul(y + h[k], 0x9e3779b1) ^ (y >>> 15);
    }
    const key = `${e.section.sketch.level}:${h.length}:${x >>> 0}:${y >>> 0}`;
    const list = byHash.get(key);
    if (list) list.push(i);
    else byHash.set(key, [i]);
  });
  const groupOf = new Int32Array(entries.length).fill(-1);
  const groups: number[][] = [];
  for (const list of byHash.values()) {
    if (list.length < 2 || !list.some((i) => entries[i].body !== entries[list[0]].body)) continue;
    for (const i of list) groupOf[i] = groups.length;
    groups.push(list);
  }
  return { groups, groupOf };
}

/**
 * Calls `verify(a, b)` once for each pair of sections of different bodies sharing at least two index keys
 * (or all the keys of the smaller, when it has fewer). Identical sections were paired already. The posting
 * lists are runs of one sorted array of (key, section) numbers — typed arrays, no hash map of millions of
 * lists — and an accumulator per section sums its lists, each long list contributing NEIGHBOURS at most.
 */
function candidatePairs(entries: Entry[], groupOf: Int32Array, verify: (a: number, b: number) => void): void {
  const n = entries.length;
  const bodyId = bodyIds(entries);
  // key · 2^bits + section fits a double exactly while key < 2^(53 − bits); keys lose low bits beyond that.
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const shift = Math.max(0, bits - 21);
  const space = 2 ** bits;
  let total = 0;
  for (const e of entries) total += e.section.keys.length;
  const occ = new Float64Array(total);
  let p = 0;
  entries.forEach((e, i) => {
    for (const k of e.section.keys) occ[p++] = (k >>> shift) * space + i;
  });
  occ.sort();
  const section = new Int32Array(total),
    runEnd = new Int32Array(total),
    runStart = new Int32Array(total);
  for (let s = 0; s < total; ) {
    const key = Math.floor(occ[s] / space);
    let e = s;
    while (e < total && Math.floor(occ[e] / space) === key) {
      section[e] = occ[e] - key * space;
      e++;
    }
    for (let q = s; q < e; q++) {
      runStart[q] = s;
      runEnd[q] = e;
    }
    s = e;
  }
  // Each section's places in the sorted array (a counting sort by section).
  const first = new Int32Array(n + 1);
  for (let q = 0; q < total; q++) first[section[q] + 1]++;
  for (let i = 0; i < n; i++) first[i + 1] += first[i];
  const places = new Int32Array(total);
  const fill = first.slice(0, n);
  for (let q = 0; q < total; q++) places[fill[section[q]]++] = q;
  const shared = new Int32Array(n);
  const touched: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let k = first[a]; k < first[a + 1]; k++) {
      const q = places[k],
        end = runEnd[q];
      const long = end - runStart[q] > MAX_POSTING;
      let found = 0;
      for (let x = long ? q + 1 : runStart[q]; x < end && found < (long ? NEIGHBOURS : Infinity); x++) {
        const b = section[x];
        if (b <= a || bodyId[b] === bodyId[a]) continue;
        if (shared[b]++ === 0) touched.push(b);
        found++;
      }
    }
    for (const b of touched) {
      const need = Math.min(2, entries[a].section.keys.length, entries[b].section.keys.length);
      if (shared[b] >= need && !(groupOf[a] >= 0 && groupOf[a] === groupOf[b])) verify(a, b);
      shared[b] = 0;
    }
    touched.length = 0;
  }
}

function bodyIds(entries: Entry[]): Int32Array {
  const ids = new Map<string, number>();
  return Int32Array.from(entries, (e) => {
    let id = ids.get(e.body);
    if (id === undefined) ids.set(e.body, (id = ids.size));
    return id;
  });
}

function proseFinding(
  s: SectionSketch,
  o: SectionSketch,
  other: ReportReview,
  percent: number,
  more: number,
  locale: Locale,
): ReviewFinding {
  const args = {
    where: s.where,
    other: other.issuer ?? other.file,
    file: other.file,
    otherWhere: o.where,
    percent,
    more,
  };
  return {
    rule: 'TXT-DUPLICATE-OTHER',
    severity: 'warning',
    message: localize({ key: more > 0 ? 'review.duplicateProseMore' : 'review.duplicateProse', args }, locale),
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    endColumn: s.endColumn,
    where: s.where,
    other: { file: other.file, ...(other.issuer ? { issuer: other.issuer } : {}), where: o.where },
  };
}

/** Tables 三 identical cell for cell (and not trivially small) in reports of different bodies. */
function identicalTables(year: number, inputs: SimilarInput[], locale: Locale): SimilarPair[] {
  const byKey = new Map<string, number[]>();
  inputs.forEach((r, i) => {
    const t = r.analysis.table3;
    if (!t) return;
    const list = byKey.get(t.key);
    if (list) list.push(i);
    else byKey.set(t.key, [i]);
  });
  const pairs: SimilarPair[] = [];
  const where = localize({ key: 'review.table3' }, locale);
  for (const list of byKey.values()) {
    if (!list.some((i) => inputs[i].body !== inputs[list[0]].body)) continue;
    for (const i of list) {
      const others = list.filter((j) => inputs[j].body !== inputs[i].body);
      const t = inputs[i].analysis.table3!;
      others.slice(0, MAX_NAMED).forEach((j, k) => {
        const other = inputs[j].review;
        const more = k === MAX_NAMED - 1 ? others.length - MAX_NAMED : 0;
        const args = {
          other: other.issuer ?? other.file,
          file: other.file,
          cells: t.nonZero,
          applications: t.applications,
          more,
        };
        inputs[i].review.findings.push({
          rule: 'T3-DUPLICATE-OTHER',
          severity: 'warning',
          message: localize({ key: more > 0 ? 'review.duplicateTable3More' : 'review.duplicateTable3', args }, locale),
          line: t.line,
          column: t.column,
          endLine: t.endLine,
          endColumn: t.endColumn,
          where,
          other: { file: other.file, ...(other.issuer ? { issuer: other.issuer } : {}), where },
        });
        if (cmp(inputs[i].review.file, other.file) < 0) {
          pairs.push({
            rule: 'T3-DUPLICATE-OTHER',
            year,
            percent: 100,
            a: side(inputs[i].review, where),
            b: side(other, where),
          });
        }
      });
    }
  }
  return pairs;
}
