/**
 * Text edits that insert keys into a block mapping at their template position, keeping the user's
 * indentation, comments and everything else untouched (edits are plain insertions, never a re-dump).
 */
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from './findings';
import type { ReportModel } from './model';

/** Indentation of a block mapping: where it starts (the `?` of an explicit key, not the key after it). */
function mapIndent(model: ReportModel, map: YAMLMap): number | undefined {
  const first = map.items[0]?.key as Node | undefined;
  const start = map.range?.[0] ?? first?.range?.[0];
  if (start === undefined) return undefined;
  return model.lines.positionAt(start).character;
}

/** Offset of the start of the line after the last line of a pair (its value included). */
function afterPair(model: ReportModel, pair: Pair): number {
  const value = pair.value as Node | null;
  const key = pair.key as Node | null;
  const end = value?.range ? value.range[1] : key?.range ? key.range[1] : 0;
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
    indent = mapIndent(model, map) ?? 0;
    const before = map.items.filter(isBefore);
    if (before.length) offset = afterPair(model, before[before.length - 1]);
    else {
      const firstKey = map.items[0].key as Node;
      offset = model.lines.lineStart(model.lines.positionAt(firstKey.range![0]).line);
    }
  } else if (owner) {
    indent = owner.indent + 2;
    const line = model.lines.positionAt(owner.keyEnd).line;
    offset = line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : model.text.length;
  } else {
    indent = 0;
    offset = model.text.length;
  }
  const pad = ' '.repeat(indent);
  let text = lines.map((l) => pad + l).join('\n') + '\n';
  if (offset === model.text.length && model.text.length && !model.text.endsWith('\n')) text = '\n' + text;
  return { span: { start: offset, end: offset }, text };
}

/** Whether a YAML node is a block mapping with items (where an insertion can go). */
export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow;
}
