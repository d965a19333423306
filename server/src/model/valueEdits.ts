/**
 * Every rule's fixes pass here before they are offered (check.ts), so that a fix means for YAML exactly what
 * it says. Rules write plain text (`0`, `2024`, a key's official name) or change a few characters inside a
 * value (a title's year); this pass finds the node each edit writes into and
 *
 * - separates a value written right after its key's colon (`行政强制:` → `行政强制: 0`, found by the fuzzer)
 *   — only that colon: a colon inside a value belongs to the value (`标题: 某局:2023年…`, issue 16);
 * - writes the value double-quoted when, as plain text, YAML would read something else (`: ` starts a
 *   mapping, ` #` a comment, a leading `[` a list …), escaped so that YAML reads exactly the intended text;
 * - drops the fix when neither can be done safely (an edit inside an escaped or multi-line quoted value,
 *   a value under a tag that changes its meaning, an edit that falls inside a pair's syntax).
 *
 * Each choice is verified by letting yaml read the written node in a one-line document of the same context
 * (block or flow, key or value, with the node's tag): what is offered reads as intended by construction.
 * Edits that insert whole lines (keys, parts, rows) or items between a list's items are structural: they are
 * placed by edits.ts and pass unchanged.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type Scalar } from 'yaml';
import type { Finding, Fix, Span, TextEdit } from './findings';
import { PARSE_OPTIONS, type ReportModel } from './model';

type Context = 'block' | 'flow' | 'blockKey' | 'flowKey';

/** What yaml reads for a node's source: its value, and whether it was a plain scalar (not `|`, not quoted). */
interface Reading {
  value: unknown;
  plain: boolean;
}

/** Where an edit writes. */
type Target =
  | { kind: 'structural' }
  /** Inside a pair's syntax (between a key and its value, over a tag …): no value edit belongs there. */
  | { kind: 'syntax' }
  | { kind: 'node'; node: Node; ctx: Context }
  /** An empty value (`key:`): the edit may go anywhere between the key's colon and the (empty) node. */
  | { kind: 'empty'; node: Node | null; ctx: Context };

export function guardFixes(model: ReportModel, findings: Finding[]): void {
  const guard = new Guard(model);
  const done = new Map<Fix, Fix | null>();
  for (const f of findings) {
    if (!f.fixes?.length) continue;
    const kept: Fix[] = [];
    for (const fix of f.fixes) {
      let safe = done.get(fix);
      if (safe === undefined) {
        const edits = fix.edits.map((e) => guard.edit(e));
        safe = edits.every((e): e is TextEdit => e !== null) ? { ...fix, edits } : null;
        done.set(fix, safe);
      }
      if (safe) kept.push(safe);
    }
    if (kept.length) f.fixes = kept;
    else delete f.fixes;
  }
}

class Guard {
  private readonly text: string;
  private readonly cache = new Map<string, Reading | null>();
  private readonly nodeFacts = new Map<Node, { multiLine: boolean; literal: boolean }>();

  /** `%YAML 1.1` changes what plain text means (`y`, `0755`, dates): the one-line documents use it too. */
  private readonly version: '1.1' | '1.2';

  constructor(private readonly model: ReportModel) {
    this.text = model.text;
    this.version = model.doc.directives?.yaml.version === '1.1' ? '1.1' : '1.2';
  }

  /** The edit to offer instead of `e` (often `e` itself), or null: the fix must not be offered. */
  edit(e: TextEdit): TextEdit | null {
    if (/[\r\n]/.test(e.text) && e.span.start === e.span.end) return e; // inserted lines: structural
    const target = this.locate(e);
    switch (target.kind) {
      case 'structural': return e;
      case 'syntax': return null;
      case 'empty': return this.fillEmpty(e, target.node, target.ctx);
      case 'node': {
        const [start, end] = target.node.range!;
        if (e.span.start === start && e.span.end === end) return this.replaceNode(e, target.node, target.ctx);
        return isScalar(target.node) ? this.editInside(e, target.node, target.ctx) : null;
      }
    }
  }

  // ---------------------------------------------------------------------------------------- locating

  private locate({ span, text }: TextEdit): Target {
    let node = this.model.doc.contents as Node | null;
    let ctx: Context = 'block';
    if (!node || !holds(node, span)) return { kind: 'structural' };
    for (;;) {
      // A collection written over whole (never done today) is a replacement of that node.
      const whole = node.range![0] === span.start && node.range![1] === span.end;
      if ((!isMap(node) && !isSeq(node)) || whole) return { kind: 'node', node, ctx };
      const flow: boolean = ctx === 'flow' || ctx === 'flowKey' || !!node.flow;
      const valueCtx: Context = flow ? 'flow' : 'block';
      if (isMap(node)) {
        const pair = pairAt(node.items, span.start);
        if (!pair) return { kind: 'structural' };
        const key = pair.key as Node | null, value = pair.value as Node | null;
        if (key && holds(key, span)) {
          node = key;
          ctx = flow ? 'flowKey' : 'blockKey';
        } else if (value && !isEmpty(value) && holds(value, span)) {
          node = value;
          ctx = valueCtx;
        } else if (isEmpty(value) && (this.inEmptyValue(pair, span) || atEmpty(value, span))) {
          return { kind: 'empty', node: value, ctx: valueCtx };
        } else {
          return this.inPair(pair, span) ? { kind: 'syntax' } : { kind: 'structural' };
        }
      } else {
        const item = itemAt(node.items as (Node | null)[], span.start);
        if (item && isEmpty(item) && atEmpty(item, span)) return { kind: 'empty', node: item, ctx: valueCtx };
        if (!item || isEmpty(item) || !holds(item, span)) {
          // Between a flow list's items, items with their commas (`[1, 2` + `, 0`); elsewhere, at a value's edge.
          const between = flow && (!item || /^\s*,|,\s*$/.test(text) || !/\S/.test(text));
          return between ? { kind: 'structural' } : { kind: 'syntax' };
        }
        node = item;
        ctx = valueCtx;
      }
    }
  }

  /** The offset just after the pair's `:` indicator, if it has one right after its key. */
  private colonEnd(pair: Pair): number | undefined {
    const key = pair.key as Node | null;
    if (!key?.range) return undefined;
    const m = /^\s*:/.exec(this.text.slice(key.range[1], key.range[1] + 256));
    return m ? key.range[1] + m[0].length : undefined;
  }

  /** An empty span between the key's colon and the empty value, with only spaces around it. */
  private inEmptyValue(pair: Pair, span: Span): boolean {
    const from = this.colonEnd(pair);
    if (from === undefined || span.start !== span.end || span.start < from) return false;
    const value = pair.value as Node | null;
    const to = value?.range ? value.range[0] : from;
    const blank = (a: number, b: number) => /^[ \t]*$/.test(this.text.slice(a, b));
    return span.start <= to && blank(from, span.start) && blank(span.start, to);
  }

  /** Overlapping the pair, or an insertion at its start, after its key or at the end of its value (glued on). */
  private inPair(pair: Pair, span: Span): boolean {
    const key = pair.key as Node | null, value = pair.value as Node | null;
    const start = key?.range?.[0] ?? value?.range?.[0];
    const end = value?.range?.[1] ?? key?.range?.[1];
    if (start === undefined || end === undefined) return false;
    return span.start === span.end ? start <= span.start && span.start <= end : start < span.end && span.start < end;
  }

  // ---------------------------------------------------------------------------------------- writing

  /** A value written where there was none: apart from its key's colon (or a tag), and from a comment after it. */
  private fillEmpty(e: TextEdit, node: Node | null, ctx: Context): TextEdit | null {
    const written = this.valueSource(trimSpaces(e.text), ctx, node);
    if (written === null) return null;
    const before = this.needsSpaceBefore(e.span.start, ctx) ? ' ' : '';
    const after = this.endsPlainToken(e.span.end, ctx, false) ? '' : ' ';
    return { span: e.span, text: before + written + after };
  }

  /** The node written over whole: a cell's number, a key's official name, a field's value. */
  private replaceNode(e: TextEdit, node: Node, ctx: Context): TextEdit | null {
    const written = this.valueSource(trimSpaces(e.text), ctx, node);
    if (written === null) return null;
    // `年度:\r 2024`: for yaml the value starts right after the key's colon, so the new one needs its space.
    return { span: e.span, text: this.spaceBeforeValue(e.span.start, ctx) + written };
  }

  /** Characters changed inside a value (a title's year, a doubled word): the value reads as the edited text. */
  private editInside(e: TextEdit, node: Scalar, ctx: Context): TextEdit | null {
    if (/[\r\n]/.test(e.text) || /[\r\n]/.test(this.text.slice(e.span.start, e.span.end))) return null;
    switch (node.type) {
      case 'PLAIN': return this.editPlain(e, node, ctx);
      case 'QUOTE_DOUBLE':
      case 'QUOTE_SINGLE': return this.editQuoted(e, node, ctx);
      case 'BLOCK_LITERAL':
      case 'BLOCK_FOLDED': {
        // Literal text: safe after the header line and after the first character of its line (its indentation).
        const header = this.text.indexOf('\n', node.range![0]);
        const lineStart = this.text.lastIndexOf('\n', e.span.start - 1) + 1;
        const inText = header >= 0 && e.span.start > header && /\S/.test(this.text.slice(lineStart, e.span.start));
        return inText ? e : null;
      }
      default: return null;
    }
  }

  private editPlain(e: TextEdit, node: Scalar, ctx: Context): TextEdit | null {
    const { span } = e;
    const [start, end] = node.range!;
    // A plain value over several lines is folded line by line: the edited line must read as text on its own.
    const multiLine = this.facts(node).multiLine;
    let from = start, to = end;
    if (multiLine) {
      from = Math.max(start, this.text.lastIndexOf('\n', span.start - 1) + 1);
      if (from > start) while (this.text[from] === ' ' || this.text[from] === '\t') from++;
      if (span.start < from) return null; // in the line's indentation
      to = Math.min(end, lineEndAt(this.text, span.end));
      while (to > span.end && /[ \t\r]/.test(this.text[to - 1])) to--; // (the line's own trailing blanks fold away)
    }
    const edited = () => this.text.slice(from, span.start) + e.text + this.text.slice(span.end, to);
    const tag = multiLine ? undefined : explicitTag(node);
    if (typeof node.value !== 'string') return !multiLine && this.read(edited(), ctx, tag)?.plain ? e : null; // digits
    if (this.plainReads(e, from, to, ctx, tag, edited)) return e;
    return multiLine ? null : this.requoted(node, ctx, tag, edited());
  }

  /**
   * Whether the plain text [from, to) with `e` applied reads as exactly that text. Plain text is read character
   * pair by pair (`: `, ` #`), so in a long value the change and one character either side decide, a neutral
   * letter standing for the rest (a window: a megabyte pasted on one line is not copied for every fix); text
   * with a non-ASCII character is never a number, a date or null.
   */
  private plainReads(
    e: TextEdit, from: number, to: number, ctx: Context, tag: string | undefined, edited: () => string,
  ): boolean {
    const { span } = e;
    const length = to - from - (span.end - span.start) + e.text.length;
    const nonAscii = (s: string) => [...s].some((c) => c.charCodeAt(0) > 0x7f);
    const prose = nonAscii(e.text) || nonAscii(this.text.slice(from, span.start))
      || nonAscii(this.text.slice(span.end, to));
    if (length <= 256 || tag || !prose) {
      const whole = edited();
      return this.reads(whole, ctx, tag, whole, true);
    }
    const before = span.start > from ? `x${this.text[span.start - 1]}` : '';
    const after = span.end < to ? `${this.text[span.end]}x` : '';
    const window = before + e.text + after;
    return this.reads(window, ctx, undefined, window, true);
  }

  /** Inside quotes with no escapes, the characters are the value's: what the edit brings in may need escaping. */
  private editQuoted(e: TextEdit, node: Scalar, ctx: Context): TextEdit | null {
    const [start, end] = node.range!;
    if (!this.facts(node).literal || e.span.start <= start || e.span.end >= end) return null;
    if (!(node.type === 'QUOTE_DOUBLE' ? /["\\]/ : /'/).test(e.text) && !NEEDS_ESCAPE.test(e.text)) return e;
    const value = this.text.slice(start + 1, e.span.start) + e.text + this.text.slice(e.span.end, end - 1);
    return this.requoted(node, ctx, explicitTag(node), value);
  }

  /** Once per node: whether it spans lines, and whether its quoted text holds no escapes (`\\`, `''`). */
  private facts(node: Scalar): { multiLine: boolean; literal: boolean } {
    let f = this.nodeFacts.get(node);
    if (!f) {
      const [start, end] = node.range!;
      const nl = this.text.indexOf('\n', start);
      const multiLine = nl >= 0 && nl < end;
      const content = this.text.slice(start + 1, end - 1);
      const literal = !multiLine && (node.type === 'QUOTE_DOUBLE' ? !content.includes('\\') : !content.includes("''"));
      f = { multiLine, literal };
      this.nodeFacts.set(node, f);
    }
    return f;
  }

  /** The whole node rewritten double-quoted, so that it reads `value`. */
  private requoted(node: Scalar, ctx: Context, tag: string | undefined, value: string): TextEdit | null {
    const [start, end] = node.range!;
    const quoted = doubleQuoted(value);
    if (!this.reads(quoted, ctx, tag, value)) return null;
    return { span: { start, end }, text: this.spaceBeforeValue(start, ctx) + quoted };
  }

  /**
   * What to write for `text` so that it reads as the rule means it: the plain text itself (a number stays a
   * number), or the text double-quoted. Null when neither reads so under the node's tag.
   */
  private valueSource(text: string, ctx: Context, node: Node | null): string | null {
    if (!text) return null;
    const reading = this.read(text, ctx, undefined);
    const intended = reading?.plain ? reading : null;
    const tag = node ? explicitTag(node) : undefined;
    // A plain scalar needs a clean end where the old node was not plain: `{"a":1}` has `:1` after the key.
    const key = ctx === 'blockKey' || ctx === 'flowKey';
    const cleanEnd = isEmpty(node) || (isScalar(node) && node.type === 'PLAIN')
      || this.endsPlainToken(node!.range![1], ctx, key);
    if (intended && cleanEnd && this.reads(text, ctx, tag, intended.value)) return text;
    if (intended && typeof intended.value !== 'string') return null;
    const quoted = doubleQuoted(text);
    return this.reads(quoted, ctx, tag, text) ? quoted : null;
  }

  /** A value starting at `at` needs a space before it unless whitespace (or, in a flow, `[{,`) precedes. */
  private needsSpaceBefore(at: number, ctx: Context): boolean {
    const c = this.text[at - 1];
    if (c === undefined || c === ' ' || c === '\t' || c === '\n') return false;
    return !(ctx === 'flow' && (c === '[' || c === '{' || c === ','));
  }

  /** The space a value (not a key) written at `at` needs before it: after its key's colon, say. */
  private spaceBeforeValue(at: number, ctx: Context): string {
    return (ctx === 'block' || ctx === 'flow') && this.needsSpaceBefore(at, ctx) ? ' ' : '';
  }

  /** Whether what follows `at` ends a plain scalar there: nothing, a line break, a space, a flow indicator. */
  private endsPlainToken(at: number, ctx: Context, key: boolean): boolean {
    const c = this.text[at];
    const flow = ctx === 'flow' || ctx === 'flowKey';
    if (c === undefined || c === ' ' || c === '\t' || c === '\n') return true;
    if (c === '\r' && this.text[at + 1] === '\n') return true;
    if (flow && (c === ',' || c === ']' || c === '}')) return true;
    return key && c === ':' && this.endsPlainToken(at + 1, ctx, false);
  }

  // ---------------------------------------------------------------------------------------- reading

  /** Whether `source`, written as the node, reads exactly `value` (and as a plain scalar, if asked). */
  private reads(source: string, ctx: Context, tag: string | undefined, value: unknown, plain = false): boolean {
    const got = this.read(source, ctx, tag);
    return !!got && (!plain || got.plain) && sameValue(got.value, value);
  }

  /** What yaml reads for `source` as the node in a one-line document of the same context, if one scalar. */
  private read(source: string, ctx: Context, tag: string | undefined): Reading | null {
    const id = `${ctx}\u0000${tag ?? ''}\u0000${source}`;
    let got = this.cache.get(id);
    if (got === undefined) {
      got = readAlone(source, ctx, tag, this.version);
      this.cache.set(id, got);
    }
    return got;
  }
}

/** The one-line document a node is read in, around it. */
const AROUND: Record<Context, [string, string]> = {
  block: ['k: ', ''], blockKey: ['', ': x'], flow: ['[', ']'], flowKey: ['{', ': x}'],
};

function readAlone(source: string, ctx: Context, tag: string | undefined, version: '1.1' | '1.2'): Reading | null {
  const node = (tag ? `!<${tag}> ` : '') + source;
  const [before, after] = AROUND[ctx];
  const doc = parseDocument(before + node + after, { ...PARSE_OPTIONS, version });
  if (doc.errors.length || doc.warnings.length) return null;
  const c = doc.contents;
  let got: unknown;
  if (ctx === 'block' && isMap(c) && c.items.length === 1) got = c.items[0].value;
  else if ((ctx === 'blockKey' || ctx === 'flowKey') && isMap(c) && c.items.length === 1) got = c.items[0].key;
  else if (ctx === 'flow' && isSeq(c) && c.items.length === 1) got = c.items[0];
  if (!isScalar(got) || !got.range) return null;
  const start = before.length + node.length - source.length;
  if (got.range[0] !== start || got.range[1] !== start + source.length) return null;
  return { value: got.value, plain: got.type === 'PLAIN' };
}

/**
 * YAML's double-quoted form of `s`: `\` and `"` escaped, and every character yaml might not take literally
 * (controls, line and paragraph separators, the byte order mark, lone surrogates) as `\uXXXX`.
 */
export function doubleQuoted(s: string): string {
  const escape = (m: string) => {
    if (m.length === 2) return m; // a surrogate pair: one character, taken literally
    return m === '"' || m === '\\' ? `\\${m}` : `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`;
  };
  return `"${s.replace(ESCAPED, escape)}"`;
}

/** `"`, `\`, a surrogate pair (kept), or a character written as `\uXXXX`. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const ESCAPED = /["\\]|[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/g;

/** Characters a double-quoted scalar writes as escapes (doubleQuoted). */
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

/** Equal values; dates (a `%YAML 1.1` document's timestamps) by their time. */
function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}

/** Spaces and tabs around a written value are not part of it (other white space, such as U+3000, is). */
function trimSpaces(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, '');
}

function explicitTag(node: Node): string | undefined {
  return node.tag;
}

/** No value, or an empty one (`key:`, `key: !!str`, `-`). */
function isEmpty(node: Node | null): boolean {
  return !node || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
}

/** An insertion exactly where an empty node is (after its tag, say). */
function atEmpty(node: Node | null, span: Span): boolean {
  return !!node?.range && span.start === span.end && span.start === node.range[0];
}

/**
 * Whether the edit lies in the node. An insertion at a scalar's edge is next to it (`[1, 2` + `, 0`), not
 * in it; at a collection's end it may still be in its last pair's empty value.
 */
function holds(node: Node, span: Span): boolean {
  if (!node.range) return false;
  const [start, end] = node.range;
  if (span.start < start || span.end > end) return false;
  if (isMap(node) || isSeq(node)) return true;
  return !(span.start === span.end && start < end && (span.start === start || span.start === end));
}

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** The last pair starting at or before `at` (pairs are in document order). */
function pairAt(items: Pair[], at: number): Pair | undefined {
  const start = (p: Pair) => startOf(p.key as Node | null) ?? startOf(p.value as Node | null);
  return lastStartingBy(items, at, start);
}

function itemAt(items: (Node | null)[], at: number): Node | null | undefined {
  return lastStartingBy(items, at, (n) => startOf(n));
}

function lastStartingBy<T>(items: T[], at: number, start: (item: T) => number | undefined): T | undefined {
  let lo = 0, hi = items.length - 1, found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    // An item without a position (never seen in parsed documents) is skipped towards the start.
    let m = mid;
    while (m >= lo && start(items[m]) === undefined) m--;
    if (m < lo) { lo = mid + 1; continue; }
    if (start(items[m])! <= at) { found = items[m]; lo = mid + 1; } else hi = m - 1;
  }
  return found;
}
