/**
 * Incremental parsing for the language server. A report's top-level keys (格式, 机关, 导语, 一、总体情况 …)
 * start at column 0 and their values are indented, so the text splits into independent blocks. A keystroke
 * changes one block: only that block is parsed again — or, when the keystroke stays inside one entry of it
 * (a table row, a paragraph), only that entry (patchEntry) — and the others keep their nodes, moved to their
 * new offsets. Whenever anything is unusual — an error or warning in any block, a line at column 0 that is not
 * a plain key (document markers, sequences, flow collections, anchors …), nesting deep enough to be refused
 * — it returns undefined and the caller parses the whole text, so the model is always what a full parse
 * gives (test/incremental.test.ts checks the findings are identical over random edit sequences).
 *
 * One instance per open document. Nodes are shared with the previous parse and their ranges are moved in
 * place: a model built from an older text must not be used after a newer one was parsed.
 */
import { Composer, isMap, isPair, isScalar, isSeq, Parser, YAMLMap, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { parseYaml, PARSE_OPTIONS, tooDeep } from '../model/model';

interface Block {
  /** Where the block is in the text it was last seen in; its node ranges are expressed there. */
  start: number;
  end: number;
  map: YAMLMap;
}

/**
 * Characters that may begin a top-level key line; anything else at column 0 means “parse it whole”. A byte
 * order mark there (not at the very start of the file) is part of the key for yaml, but a block parsed alone
 * would take it for the stream's byte order mark and drop it (found by npm run fuzz).
 */
const UNUSUAL_LINE_START = /^(?:[-?:[\]{}%&*!|>@`,\ufeff]|\.\.\.|---)/;

export class IncrementalYaml {
  /** The last text parsed, and its blocks (kept as offsets into it: slices would pin old versions in memory). */
  private text = '';
  private blocks: Block[] = [];
  /** How many blocks the last parse reused whole, and how many it patched one entry of (tests, benchmark). */
  lastReused = 0;
  lastPatched = 0;

  /** The document for `text`, reusing unchanged blocks of the previous one; undefined: parse it whole. */
  parse(text: string): Document.Parsed | undefined {
    const ranges = splitBlocks(text);
    const oldText = this.text;
    const oldBlocks = this.blocks;
    const previous = new Map<string, Block[]>();
    for (const b of oldBlocks) {
      const key = oldText.slice(b.start, b.end);
      previous.set(key, [...(previous.get(key) ?? []), b]);
    }
    this.text = '';
    this.blocks = [];
    if (!ranges) return undefined;
    const blocks: Block[] = [];
    let reused = 0;
    let patched = 0;
    const used = new Set<Block>();
    for (const [start, end] of ranges) {
      const blockText = text.slice(start, end);
      // (A block patched for an earlier position is not also reused here: they would share their nodes.)
      const candidates = previous.get(blockText);
      let cached: Block | undefined;
      while (!cached && candidates?.length) { const c = candidates.shift()!; if (!used.has(c)) cached = c; }
      if (cached) {
        if (cached.start !== start) shift(cached.map, start - cached.start);
        blocks.push({ start, end, map: cached.map });
        used.add(cached);
        reused++;
        continue;
      }
      // A keystroke inside one entry of the block (a table row, a paragraph of prose): parse that entry alone.
      const before = oldBlocks[blocks.length];
      if (before && !used.has(before) && before.start === start
        && patchEntry(before.map, oldText.slice(start, before.end), blockText, start)) {
        used.add(before);
        blocks.push({ start, end, map: before.map });
        patched++;
        continue;
      }
      // Only new blocks need the nesting check: a reused block passed it, and brackets spanning blocks
      // are an error in one of them (so the whole text is parsed, and checked, by parseReport).
      const map = tooDeep(blockText) ? undefined : parseBlock(blockText, start);
      if (!map) return undefined;
      blocks.push({ start, end, map });
    }
    this.text = text;
    this.blocks = blocks;
    this.lastReused = reused;
    this.lastPatched = patched;
    return assemble(blocks, text);
  }
}

/** [start, end) of each top-level key's block; text before the first key must be comments or blank. */
function splitBlocks(text: string): [number, number][] | undefined {
  const starts: number[] = [];
  for (let at = text.charCodeAt(0) === 0xfeff ? 1 : 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const c = text[at];
    if (c !== ' ' && c !== '\t' && c !== '#' && c !== '\n' && c !== '\r') {
      if (UNUSUAL_LINE_START.test(text.slice(at, at + 3))) return undefined;
      starts.push(at);
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  if (!starts.length) return undefined;
  // Before the first key: only comments and blank lines (a byte order mark stays with the first block).
  if (/[^\s#\ufeff]/.test(text.slice(0, starts[0]).replace(/#.*/g, ''))) return undefined;
  starts[0] = 0;
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : text.length]);
}

/** One block, composed with the ranges it has in the whole text. */
function parseBlock(text: string, start: number): YAMLMap | undefined {
  const parser = new Parser();
  parser.offset = start; // tokens, and so node ranges and error positions, count from the block's place
  const docs = [...new Composer(PARSE_OPTIONS).compose(parser.parse(text), true, start + text.length)];
  if (docs.length !== 1) return undefined;
  const [doc] = docs;
  if (doc.errors.length || doc.warnings.length) return undefined;
  if (!isMap(doc.contents) || doc.contents.flow || !doc.contents.items.length) return undefined;
  return doc.contents;
}

/**
 * Re-parses only the entry (`key: value` pair) of a block that an edit within one line changed, and puts its
 * new nodes in place of the old ones; nodes after it move by the length difference. Taken only when nothing
 * outside the entry can read differently: the edit adds or removes no line break and is not in a line's
 * indentation; the entry is a leaf (its value a scalar, block scalar included, or a flow collection) in block
 * mappings; the entry alone parses without any error or warning, with no anchor or alias, to one pair whose
 * key and value start and end where the old ones did (moved by the edit). Otherwise false, nothing changed,
 * and the caller parses the block. `oldBlock` and `newBlock` start at the same offset `start`.
 */
function patchEntry(root: YAMLMap, oldBlock: string, newBlock: string, start: number): boolean {
  let p = 0;
  const shorter = Math.min(oldBlock.length, newBlock.length);
  while (p < shorter && oldBlock.charCodeAt(p) === newBlock.charCodeAt(p)) p++;
  let q = 0;
  while (q < shorter - p
    && oldBlock.charCodeAt(oldBlock.length - 1 - q) === newBlock.charCodeAt(newBlock.length - 1 - q)) q++;
  const oldEnd = oldBlock.length - q;
  const delta = newBlock.length - oldBlock.length;
  if (/[\r\n]/.test(oldBlock.slice(p, oldEnd)) || /[\r\n]/.test(newBlock.slice(p, oldEnd + delta))) return false;
  const lineStart = oldBlock.lastIndexOf('\n', p - 1) + 1;
  if (!/\S/.test(oldBlock.slice(lineStart, p))) return false; // in the indentation: the nesting may change

  // The deepest pair of block mappings whose key starts a line and whose value ends after the edit.
  const from = start + p, to = start + oldEnd;
  let pair: Pair | undefined;
  for (let map: YAMLMap | undefined = root; map;) {
    const inner: Pair | undefined = map.items.find((it) => isScalar(it.key) && it.key.range && it.key.range[0] <= from
      && isNodeWithRange(it.value) && it.value.range![1] >= to);
    map = undefined;
    if (!inner) break;
    pair = inner;
    if (isMap(inner.value) && !inner.value.flow) map = inner.value;
  }
  if (!pair) return false;
  const key = pair.key as Scalar, value = pair.value as Node;
  if (isMap(value) ? !value.flow : isSeq(value) && !value.flow) return false; // a block collection: not a leaf
  const entryStart = oldBlock.lastIndexOf('\n', key.range![0] - start - 1) + 1;
  if (/\S/.test(oldBlock.slice(entryStart, key.range![0] - start))) return false; // the key does not start its line
  const lastNewline = oldBlock.indexOf('\n', Math.max(value.range![1] - start - 1, key.range![0] - start));
  const entryEnd = lastNewline < 0 ? oldBlock.length : lastNewline + 1;
  if (entryEnd < oldEnd) return false;

  const entry = newBlock.slice(entryStart, entryEnd + delta);
  if (/[&*]/.test(entry) || tooDeep(entry)) return false;
  const parsed = parseBlock(entry, start + entryStart);
  if (!parsed || parsed.items.length !== 1) return false;
  const fresh = parsed.items[0];
  if (!isScalar(fresh.key) || !isNodeWithRange(fresh.value)) return false;
  const moved = (old: number) => (old >= to ? old + delta : old);
  if (fresh.key.range![0] !== key.range![0] || fresh.value.range![1] !== moved(value.range![1])) return false;

  pair.key = fresh.key;
  pair.value = fresh.value;
  if (delta) shiftFrom(root, to, delta, pair);
  return true;
}

function isNodeWithRange(n: unknown): n is Node {
  return !!n && typeof n === 'object' && 'range' in n && Array.isArray((n as Node).range);
}

/** Moves every offset at or after `at` by `delta`, except inside `skip` (nodes already placed in the new text). */
function shiftFrom(root: Node, at: number, delta: number, skip: Pair): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n === skip) continue;
    if (isPair(n)) { stack.push(n.key, n.value); continue; }
    if (!isNodeWithRange(n)) continue;
    const r = n.range!;
    n.range = [r[0] >= at ? r[0] + delta : r[0], r[1] >= at ? r[1] + delta : r[1], r[2] >= at ? r[2] + delta : r[2]];
    if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
  }
}

/** Moves every range of a block's nodes by `delta` (an earlier block grew or shrank). */
function shift(root: Node, delta: number): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (isPair(n)) { stack.push(n.key, n.value); continue; }
    if (!n || typeof n !== 'object' || !('range' in n)) continue;
    const node = n as Node;
    if (node.range) node.range = [node.range[0] + delta, node.range[1] + delta, node.range[2] + delta];
    if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
  }
}

/** The blocks' pairs as one root mapping, in a document with no errors (every block had none). */
function assemble(blocks: Block[], text: string): Document.Parsed {
  const doc = parseYaml('');
  const root = blocks[0].map;
  const merged = new YAMLMap(doc.schema);
  merged.items = blocks.flatMap((b) => b.map.items);
  const last = blocks[blocks.length - 1].map;
  merged.range = [root.range![0], last.range![1], last.range![2]];
  doc.contents = merged as unknown as Document.Parsed['contents'];
  doc.range = [0, text.length, text.length];
  return doc;
}
