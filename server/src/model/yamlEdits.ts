/**
 * Text edits that insert keys into a block mapping at their template position, keeping the user's
 * indentation, comments and everything else untouched (edits are plain insertions, never a re-dump).
 */
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from './findings';
import type { ReportModel } from './model';

/**
 * Where a block mapping starts and how deep it is indented. Tags and anchors on the first key's line belong
 * to that key (`!!str 机关: …`), so the mapping is indented like them; after a sequence dash (`- 机关: …`)
 * it is indented like the key, and nothing can be inserted above it inside the mapping.
 */
function mapStart(
  model: ReportModel, map: YAMLMap,
): { indent: number; lineStart: number; insertAbove: boolean } | undefined {
  const start = map.range?.[0] ?? (map.items[0]?.key as Node | null | undefined)?.range?.[0];
  if (start === undefined) return undefined;
  let lineStart = model.lines.lineStart(model.lines.positionAt(start).line);
  // A byte order mark (files saved by Notepad) is not indentation: insert after it, count columns after it.
  const bom = lineStart === 0 && model.text.charCodeAt(0) === 0xfeff;
  if (bom) lineStart = 1;
  const lead = model.text.slice(lineStart, start);
  const props = /^(\s*)(?:[!&]\S*\s+)+$/.exec(lead);
  // After a byte order mark yaml does not count the first line's spaces as indentation: that mapping is at
  // column 0 for the lines below, and a key inserted above it would take it as its value (found by the fuzzer).
  if (bom && /^[ \t]/.test(lead)) return { indent: 0, lineStart, insertAbove: false };
  if (props) return { indent: props[1].length, lineStart, insertAbove: true };
  return { indent: start - lineStart, lineStart, insertAbove: !lead.trim() };
}

/** Offset of the start of the line after the last line of a pair (its value included). */
function afterPair(model: ReportModel, pair: Pair): number {
  const value = pair.value as Node | null;
  const key = pair.key as Node | null;
  const end = value?.range?.[1] ?? key?.range?.[1] ?? 0;
  const line = model.lines.positionAt(Math.max(0, end - (model.text[end - 1] === '\n' ? 1 : 0))).line;
  return line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : model.text.length;
}

/**
 * Inserts `lines` (already relative: the first level has no indentation) into `map` after the last pair for
 * which `isBefore` holds, or first. `map` null means the key `ownerKeyEnd` has no mapping yet.
 */
export function insertIntoMap(
  model: ReportModel,
  map: YAMLMap | null,
  owner: { keyEnd: number; indent: number } | null,
  isBefore: (pair: Pair) => boolean,
  lines: string[],
): TextEdit | undefined {
  if (map && map.flow) return undefined;
  let indent: number;
  let offset: number;
  if (map && map.items.length) {
    const at = mapStart(model, map);
    if (!at) return undefined;
    indent = at.indent;
    const before = map.items.filter(isBefore);
    if (before.length) offset = afterPair(model, before[before.length - 1]);
    else if (at.insertAbove) offset = at.lineStart;
    else return undefined; // no fix rather than a broken document (found by the fuzzer)
    offset = yamlLineStart(model.text, offset);
    // Never inside another pair: `部分公开: [1]:` followed by indented rows is a second pair with an empty key
    // starting on that line, and keys inserted after the line would take its rows (found by the fuzzer).
    if (map.items.some((p) => inside(p, offset))) return undefined;
  } else if (owner) {
    indent = owner.indent + 2;
    const line = model.lines.positionAt(owner.keyEnd).line;
    const nextLine = line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : model.text.length;
    offset = yamlLineStart(model.text, nextLine);
  } else {
    // No mapping at all: keys can be appended only to a document with nothing in it but comments. After a
    // scalar such as `~` they would be a YAML error (found by the fuzzer).
    const contents = model.doc.contents;
    if (contents?.range && contents.range[1] > contents.range[0]) return undefined;
    // Nor after a document end marker: what follows '...' is another document (a byte order mark may come first,
    // found by the fuzzer).
    if (/^\ufeff?\.\.\.[ \t]*(#.*)?$/m.test(model.text)) return undefined;
    indent = 0;
    offset = model.text.length;
  }
  const pad = ' '.repeat(indent);
  let text = lines.map((l) => pad + l).join('\n') + '\n';
  if (offset === model.text.length && model.text.length && !model.text.endsWith('\n')) text = '\n' + text;
  return { span: { start: offset, end: offset }, text };
}

/**
 * `offset` (a line start as LSP counts lines), or the next line start as YAML counts them: YAML breaks lines
 * only at \n and \r\n, so after a lone \r the line goes on, as a comment perhaps (found by the fuzzer).
 */
function yamlLineStart(text: string, offset: number): number {
  if (offset === 0 || text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Whether `offset` falls strictly inside a pair, from its key to the end of its value. */
function inside(pair: Pair, offset: number): boolean {
  const key = (pair.key as Node | null)?.range, value = (pair.value as Node | null)?.range;
  const start = key?.[0] ?? value?.[0], end = value?.[1] ?? key?.[1];
  return start !== undefined && end !== undefined && start < offset && offset < end;
}

/** Whether a YAML node is a block mapping with items (where an insertion can go). */
export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow;
}
