/**
 * What a quick fix means, checked from outside the core (test/helpers/fuzz.ts applies every offered fix):
 * read by YAML, the fixed document is the old one with exactly the fix's change — the value (or key) it
 * writes reads as the text it writes, a few characters changed inside a value change only those characters,
 * inserted lines and appended zeros only add, and nothing else in the document reads differently.
 *
 * Kept independent of server/src/valueEdits.ts (which decides how a fix writes): this only compares what
 * yaml reads before and after, walking both documents side by side without recursion (20,000 levels of
 * nesting) and without expanding aliases (billion laughs).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Fix, TextEdit } from '../../server/src/model/findings';
import { PARSE_OPTIONS } from '../../server/src/model/model';

interface Intended {
  /** The value written over the node whole, or the node's old text with the edit's characters changed. */
  whole?: { value: unknown };
  inside?: { removed: string; inserted: string };
}

/** Why the fixed document does not read as `fix` intends, or undefined when it does. */
export function fixMeaningError(
  beforeText: string, before: Document.Parsed, fix: Fix, after: Document.Parsed,
): string | undefined {
  const targets = new Map<Node, Intended>();
  let adds = false;
  for (const e of fix.edits) {
    const target = targetOf(beforeText, before, e);
    if (!target) { adds = true; continue; }
    const [start, end] = target.range!;
    const text = e.text.replace(/^[ \t]+|[ \t]+$/g, '');
    if (start === end || (e.span.start === start && e.span.end === end)) {
      const written = parseDocument(text, { ...PARSE_OPTIONS, version: before.directives?.yaml.version ?? '1.2' });
      if (written.errors.length || !isScalar(written.contents)) {
        return `the fix writes ${JSON.stringify(e.text)}, which is not one value for YAML`;
      }
      targets.set(target, { whole: { value: written.contents.value } });
    } else {
      targets.set(target, { inside: { removed: beforeText.slice(e.span.start, e.span.end), inserted: e.text } });
    }
  }
  return compare(before.contents as Node | null, after.contents as Node | null, targets, adds);
}

/** The scalar an edit writes into: the smallest one holding it, or the empty value it fills; or the alias it replaces. */
function targetOf(text: string, doc: Document.Parsed, e: TextEdit): Node | undefined {
  if (e.span.start === e.span.end && /[\r\n]/.test(e.text)) return undefined; // inserted lines
  let best: Node | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isPair(n)) { stack.push(n.key, n.value); continue; }
    if (isMap(n) || isSeq(n)) { for (const item of n.items) stack.push(item); continue; }
    // An alias (`格式: *v`, its anchor defined or not) can be written over whole, as a scalar can.
    if (isAlias(n) && n.range && e.span.start === n.range[0] && e.span.end === n.range[1]) return n;
    if (!isScalar(n) || !n.range) continue;
    const [start, end] = n.range;
    const empty = start === end;
    // An empty value is filled from anywhere in the blanks before it (right after its key's colon, say).
    const holds = empty
      ? e.span.start === e.span.end && e.span.start <= start && /^[ \t]*$/.test(text.slice(e.span.start, start))
      : start <= e.span.start && e.span.end <= end
        && !(e.span.start === e.span.end && (e.span.start === start || e.span.start === end)); // beside it, not in it
    if (holds && (!best || end - start < best.range![1] - best.range![0])) best = n;
  }
  return best;
}

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

/** `after` is `before` with `removed` replaced by `inserted` at one place. */
function changedOnce(before: string, after: string, removed: string, inserted: string): boolean {
  if (after.length !== before.length - removed.length + inserted.length) return false;
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  for (let i = Math.min(prefix, before.length - removed.length); i >= 0; i--) {
    const rest = before.slice(i + removed.length) === after.slice(i + inserted.length);
    if (before.startsWith(removed, i) && after.startsWith(inserted, i) && rest) return true;
    if (before.length - i > 4096 && prefix - i > 64) break; // far before the first difference: no match
  }
  return false;
}

function describe(n: Node | null): string {
  if (isScalar(n)) return JSON.stringify(n.value);
  return isMap(n) ? 'a mapping' : isSeq(n) ? 'a list' : isAlias(n) ? `*${n.source}` : 'nothing';
}

function compare(b0: Node | null, a0: Node | null, targets: Map<Node, Intended>, adds: boolean): string | undefined {
  const stack: [Node | null, Node | null][] = [[b0, a0]];
  let written = 0;
  while (stack.length) {
    const [b, a] = stack.pop()!;
    const intended = b ? targets.get(b) : undefined;
    if (intended) {
      written++;
      const what = intended.whole ? JSON.stringify(intended.whole.value) : 'text';
      if (!isScalar(a)) return `the fix should write ${what} but YAML reads ${describe(a)}`;
      if (intended.whole && !sameValue(a.value, intended.whole.value)) {
        return `the fix writes ${what} but YAML reads ${describe(a)}`;
      }
      if (intended.inside) {
        const { removed, inserted } = intended.inside;
        const old = String((b as { value?: unknown }).value);
        if (typeof a.value !== 'string' || !changedOnce(old, a.value, removed, inserted)) {
          const change = `${JSON.stringify(removed)} to ${JSON.stringify(inserted)} in ${describe(b).slice(0, 200)}`;
          return `the fix changes ${change} but YAML reads ${describe(a).slice(0, 200)}`;
        }
      }
      continue;
    }
    if (isScalar(b) || b === null) {
      // Keys inserted under an empty key, or into an empty document (`!` alone is an empty string).
      if (adds && (b === null || b.value === null || b.range?.[0] === b.range?.[1]) && (isMap(a) || isSeq(a))) continue;
      const same = b === null ? a === null : isScalar(a) && sameValue(a.value, b.value);
      if (!same) return `${describe(b)} became ${describe(a)}`;
    } else if (isAlias(b)) {
      if (!isAlias(a) || a.source !== b.source) return `${describe(b)} became ${describe(a)}`;
    } else if (isMap(b) || isSeq(b)) {
      if (isMap(b) !== isMap(a) || isSeq(b) !== isSeq(a)) return `${describe(b)} became ${describe(a)}`;
      const bi = b.items as unknown[], ai = (a as typeof b).items as unknown[];
      if (!adds && bi.length !== ai.length) return `${describe(b)} of ${bi.length} became one of ${ai.length}`;
      let j = 0;
      for (const item of bi) {
        // Inserted keys are new ones: skip after-items until the key matches (or the item, in a list).
        while (adds && j < ai.length && isPair(item) && !sameKey(item, ai[j] as Pair, targets)) j++;
        if (j >= ai.length) return `${describe(b)} lost ${isPair(item) ? describe(item.key as Node) : 'an item'}`;
        const other = ai[j++];
        if (!isPair(item)) stack.push([item as Node | null, other as Node | null]);
        else {
          const pair = other as Pair;
          stack.push([item.key as Node | null, pair.key as Node | null]);
          stack.push([item.value as Node | null, pair.value as Node | null]);
        }
      }
    }
  }
  return written < targets.size ? 'a value the fix writes is nowhere in the fixed document' : undefined;
}

function sameKey(b: Pair, a: Pair, targets: Map<Node, Intended>): boolean {
  if (!isPair(a)) return false;
  const bk = b.key as Node | null, ak = a.key as Node | null;
  if (bk && targets.has(bk)) return true;
  if (isScalar(bk) || isScalar(ak)) return isScalar(bk) && isScalar(ak) && sameValue(bk.value, ak.value);
  return isMap(bk) === isMap(ak) && isSeq(bk) === isSeq(ak) && isAlias(bk) === isAlias(ak);
}
