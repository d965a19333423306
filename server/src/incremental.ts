/**
 * Incremental parsing for the language server. A report's top-level keys (格式, 机关, 导语, 一、总体情况 …)
 * start at column 0 and their values are indented, so the text splits into independent blocks. A keystroke
 * changes one block: only that block is parsed again; the others keep their nodes, moved to their new
 * offsets. Whenever anything is unusual — an error or warning in any block, a line at column 0 that is not
 * a plain key (document markers, sequences, flow collections, anchors …), nesting deep enough to be refused
 * — it returns undefined and the caller parses the whole text, so the model is always what a full parse
 * gives (test/incremental.test.ts checks the findings are identical over random edit sequences).
 *
 * One instance per open document. Nodes are shared with the previous parse and their ranges are moved in
 * place: a model built from an older text must not be used after a newer one was parsed.
 */
import { Composer, isMap, isPair, isSeq, Parser, YAMLMap, type Document, type Node } from 'yaml';
import { parseYaml, PARSE_OPTIONS, tooDeep } from './model';

interface Block {
  /** Where the block is in the text it was last seen in; its node ranges are expressed there. */
  start: number;
  end: number;
  map: YAMLMap;
}

/** Characters that may begin a top-level key line; anything else at column 0 means “parse it whole”. */
const UNUSUAL_LINE_START = /^(?:[-?:[\]{}%&*!|>@`,]|\.\.\.|---)/;

export class IncrementalYaml {
  /** The last text parsed, and its blocks (kept as offsets into it: slices would pin old versions in memory). */
  private text = '';
  private blocks: Block[] = [];
  /** How many blocks the last parse reused, for tests and the benchmark. */
  lastReused = 0;

  /** The document for `text`, reusing unchanged blocks of the previous one; undefined: parse it whole. */
  parse(text: string): Document.Parsed | undefined {
    const ranges = splitBlocks(text);
    const previous = new Map<string, Block[]>();
    for (const b of this.blocks) {
      const key = this.text.slice(b.start, b.end);
      previous.set(key, [...(previous.get(key) ?? []), b]);
    }
    this.text = '';
    this.blocks = [];
    if (!ranges) return undefined;
    const blocks: Block[] = [];
    let reused = 0;
    for (const [start, end] of ranges) {
      const blockText = text.slice(start, end);
      const cached = previous.get(blockText)?.shift();
      if (cached) {
        if (cached.start !== start) shift(cached.map, start - cached.start);
        blocks.push({ start, end, map: cached.map });
        reused++;
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
  if (doc.errors.length || doc.warnings.length || !isMap(doc.contents) || doc.contents.flow || !doc.contents.items.length) return undefined;
  return doc.contents;
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
