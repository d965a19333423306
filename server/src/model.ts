/**
 * The located model: a report parsed with `yaml`, every key and cell kept with its offsets, matched against
 * the statutory template. Parsing never throws: YAML errors, wrong kinds of values and unknown keys become
 * findings, and whatever could be read is still in the model for the other rules.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { finding, type Finding, type Span } from './findings';
import { KeyMatcher, normalizeLabel, stripNumbering, type KeyCandidate } from './labels';
import type { RuleId } from './rules/catalog';
import {
  CURRENT_FORMAT, cellRef, indexOf, legacyLabels, template2021, templateFor,
  type CellRef, type ColumnDef, type FieldDef, type GroupDef, type PartDef, type RowDef, type TableDef, type TableNode, type Template, type TemplateIndex,
} from './template';
import { LineIndex } from './text';

export interface KeyedValue {
  keySpan: Span;
  /** The value's span; for a missing/empty value, an empty span right after the key's colon. */
  valueSpan: Span;
  node: Node | null;
  pair: Pair;
}

export interface FieldValue extends KeyedValue {
  def: FieldDef;
}

export type CellState = 'number' | 'blank' | 'invalid';

export interface Cell {
  ref: CellRef;
  row: RowDef;
  col: ColumnDef;
  span: Span;
  state: CellState;
  /** Numeric value when state is 'number' (may still be negative or fractional: the type rules say so). */
  value: number;
  /** The source text of the cell. */
  raw: string;
}

export interface RowValue extends KeyedValue {
  def: RowDef;
  cells: Map<string, Cell>;
  /** How many values were written (a table 三 row has 6, or 7 with its total). */
  written: number;
  /** The value is not a list of numbers at all (reported as STR-TYPE; no shape check on top). */
  wrongType?: boolean;
}

export interface PartValue extends KeyedValue {
  def: PartDef;
}

/** A YAML mapping holding template keys (a table, a nested group, part 一 …): where fixes insert. */
export interface Container extends KeyedValue {
  map: YAMLMap | null;
}

export interface ProseValue {
  /** Field id or a part/sub-heading path, for messages. */
  label: string;
  text: string;
  node: Scalar;
  span: Span;
}

export interface ReportModel {
  text: string;
  lines: LineIndex;
  doc: Document.Parsed;
  template: Template;
  idx: TemplateIndex;
  /** The format version written in the file, if readable. */
  version?: number;
  root: YAMLMap | null;
  fields: Map<string, FieldValue>;
  /** Parts in document order. */
  parts: PartValue[];
  part: Map<PartDef['id'], PartValue>;
  tables: Map<TableDef['id'], Container>;
  groups: Map<string, Container>;
  rows: Map<string, RowValue>;
  cells: Map<CellRef, Cell>;
  prose: ProseValue[];
  /** Findings made while reading: syntax, kinds of values, unknown and duplicate keys. */
  findings: Finding[];
}

/** Strings that published reports use for an empty cell. */
const BLANK_MARKS = new Set(['', '-', '—', '－', '/', '／', '空', '无']);

type Slot =
  | { kind: 'field'; def: FieldDef }
  | { kind: 'part'; def: PartDef }
  | { kind: 'row'; def: RowDef }
  | { kind: 'group'; def: GroupDef }
  | { kind: 'note' };

const matcherCache = new WeakMap<object, KeyMatcher<Slot>>();

function cached(owner: object, build: () => KeyCandidate<Slot>[]): KeyMatcher<Slot> {
  let m = matcherCache.get(owner);
  if (!m) { m = new KeyMatcher(build()); matcherCache.set(owner, m); }
  return m;
}

function fieldCandidates(defs: FieldDef[]): KeyCandidate<Slot>[] {
  return defs.map((def) => ({ key: def.key, aliases: [def.label, ...def.aliases], value: { kind: 'field', def } }));
}

function rootMatcher(t: Template): KeyMatcher<Slot> {
  return cached(t.metadata, () => [
    ...fieldCandidates(t.metadata),
    ...t.parts.map((def): KeyCandidate<Slot> => ({ key: def.key, variants: def.variants, aliases: def.aliases, value: { kind: 'part', def } })),
  ]);
}

/** Keys valid directly inside a table mapping or a nested group: rows, nested groups, rows of flat groups. */
function tableLevelMatcher(owner: object, nodes: TableNode[], withNote: FieldDef | undefined): KeyMatcher<Slot> {
  return cached(owner, () => {
    const out: KeyCandidate<Slot>[] = [];
    const add = (ns: TableNode[]) => {
      for (const n of ns) {
        if (n.kind === 'row') out.push({ key: n.key, aliases: n.aliases, value: { kind: 'row', def: n } });
        else if (n.nested) out.push({ key: n.key!, aliases: n.aliases, value: { kind: 'group', def: n } });
        else add(n.children);
      }
    };
    add(nodes);
    if (withNote) out.push({ key: withNote.key, aliases: withNote.aliases, value: { kind: 'note' } });
    return out;
  });
}

export interface ParseOptions {
  /** Reuse a parsed document (the server caches it per version). */
  doc?: Document.Parsed;
}

export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
  const doc = options.doc ?? parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, strict: true });
  const model: ReportModel = {
    text, lines: new LineIndex(text), doc, template: template2021, idx: indexOf(template2021),
    root: null, fields: new Map(), parts: [], part: new Map(), tables: new Map(), groups: new Map(), rows: new Map(),
    cells: new Map(), prose: [], findings: [],
  };
  syntaxFindings(model);
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return model;
  if (!isMap(contents)) {
    model.findings.push(finding('STR-TYPE', nodeSpan(contents, text), 'type.rootNotMapping'));
    return model;
  }
  model.root = contents;
  selectTemplate(model, contents);
  readRoot(model, contents);
  return model;
}

function syntaxFindings(model: ReportModel): void {
  for (const e of model.doc.errors) {
    const [start, end] = e.pos;
    const detail = e.message.split('\n')[0];
    // yaml reports an unclosed [ or { where the next line starts; the clerk needs the line that lacks it.
    const unclosed = /end with an? ([\]}])/.exec(detail);
    if (unclosed) {
      model.findings.push(finding('YAML-SYNTAX', endOfPreviousLine(model, start), 'yaml.unclosedFlow', { char: unclosed[1] }));
      continue;
    }
    const span = { start: Math.min(start, model.text.length), end: Math.min(Math.max(end, start + 1), model.text.length) };
    model.findings.push(finding('YAML-SYNTAX', span, `yaml.${e.code}`, { detail }));
  }
  for (const w of model.doc.warnings) {
    const [start, end] = w.pos;
    const span = { start: Math.min(start, model.text.length), end: Math.min(Math.max(end, start + 1), model.text.length) };
    model.findings.push({ ...finding('YAML-SYNTAX', span, `yaml.${w.code}`, { detail: w.message.split('\n')[0] }), severity: 'warning' });
  }
}

/** The last non-blank line before `offset`, as a span over its content (trailing comment excluded). */
function endOfPreviousLine(model: ReportModel, offset: number): Span {
  let line = model.lines.positionAt(offset).line - 1;
  while (line > 0 && !model.lines.lineText(line).trim()) line--;
  const text = model.lines.lineText(Math.max(line, 0));
  const content = text.replace(/\s+#.*$/, '').trimEnd();
  const start = model.lines.lineStart(Math.max(line, 0));
  return { start: start + content.length - Math.min(content.length, 1), end: start + content.length };
}

/** The format version decides the template; an unknown version is reported and checked as the current one. */
function selectTemplate(model: ReportModel, root: YAMLMap): void {
  for (const pair of root.items) {
    if (!isScalar(pair.key) || String(pair.key.value) !== template2021.metadata[0].key) continue;
    const v = isScalar(pair.value) ? Number(pair.value.value) : NaN;
    if (Number.isInteger(v)) {
      model.version = v;
      const t = templateFor(v);
      if (t) { model.template = t; model.idx = indexOf(t); }
    }
  }
}

export function nodeSpan(node: Node | null | undefined, text: string, fallback = 0): Span {
  if (!node || !node.range) return { start: fallback, end: fallback };
  const [start, valueEnd] = node.range;
  return { start, end: Math.min(Math.max(valueEnd, start), text.length) };
}

function keyedValue(model: ReportModel, pair: Pair): KeyedValue {
  const keySpan = nodeSpan(pair.key as Node, model.text);
  const node = (pair.value as Node | null) ?? null;
  let valueSpan = nodeSpan(node, model.text, keySpan.end);
  if (!node || (isScalar(node) && node.value === null && (!node.range || node.range[0] === node.range[1]))) {
    // `key:` with nothing after it: point just after the colon.
    const colon = model.text.indexOf(':', keySpan.end);
    const at = colon >= 0 && colon - keySpan.end < 4 ? colon + 1 : keySpan.end;
    valueSpan = { start: at, end: at };
  }
  return { keySpan, valueSpan, node, pair };
}

/** Reads the pairs of one mapping against a matcher; reports unknown, alias and duplicate keys. */
function readPairs(model: ReportModel, map: YAMLMap, matcher: KeyMatcher<Slot>, visit: (slot: Slot, kv: KeyedValue, pair: Pair) => void): void {
  const seen = new Map<string, Span>();
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      model.findings.push(finding('STR-TYPE', nodeSpan(keyNode, model.text), 'type.keyNotText'));
      continue;
    }
    const key = String(keyNode.value);
    const kv = keyedValue(model, pair);
    const m = matcher.match(key);
    const legacy = m.kind === 'unknown' ? legacyMarker(model, key) : undefined;
    if (legacy) {
      model.findings.push(finding('VER-OLD-MARKERS', kv.keySpan, 'version.oldKey', { key, source: legacy.template.source, version: legacy.template.version, current: model.template.version }));
      continue;
    }
    if (m.kind === 'unknown') {
      const fixes = m.suggestion ? [{ title: { key: 'fix.replaceKey', args: { key: m.suggestion } }, edits: [{ span: kv.keySpan, text: m.suggestion }], preferred: true }] : undefined;
      model.findings.push(finding('STR-UNKNOWN-KEY', kv.keySpan, m.suggestion ? 'key.unknownSuggest' : 'key.unknown',
        { key, suggestion: m.suggestion ?? '', valid: matcher.keys().slice(0, 12).join('、') }, { fixes }));
      continue;
    }
    if (m.kind !== 'exact') {
      const rule: RuleId = m.kind === 'variant' ? 'STR-HEADING-VARIANT' : 'LABEL-NORMALISE';
      model.findings.push(finding(rule, kv.keySpan, m.kind === 'variant' ? 'key.variant' : 'key.normalised', { key, canonical: m.canonical }, {
        fixes: [{ title: { key: 'fix.replaceKey', args: { key: m.canonical } }, edits: [{ span: kv.keySpan, text: m.canonical }], preferred: m.kind !== 'variant' }],
      }));
    }
    const first = seen.get(m.canonical);
    if (first) {
      model.findings.push(finding('STR-DUPLICATE', kv.keySpan, 'key.duplicate', { key: m.canonical }, {
        related: [{ span: first, message: { key: 'related.firstOccurrence' } }],
      }));
      continue;
    }
    seen.set(m.canonical, kv.keySpan);
    visit(m.value, kv, pair);
  }
}

const legacyCache = new WeakMap<Template, ReturnType<typeof legacyLabels>>();

/** A key that is a label of an older format (其他对外管理服务事项 in a 2021 report). */
function legacyMarker(model: ReportModel, key: string) {
  let labels = legacyCache.get(model.template);
  if (!labels) { labels = legacyLabels(model.template); legacyCache.set(model.template, labels); }
  return labels.get(normalizeLabel(key)) ?? labels.get(stripNumbering(key));
}

function readRoot(model: ReportModel, root: YAMLMap): void {
  const t = model.template;
  readPairs(model, root, rootMatcher(t), (slot, kv) => {
    if (slot.kind === 'field') {
      model.fields.set(slot.def.id, { ...kv, def: slot.def });
      if (slot.def.aside) expectScalar(model, kv, slot.def.label);
      else if (slot.def.type === 'prose') readProse(model, kv, slot.def.label);
      else expectScalar(model, kv, slot.def.label);
    } else if (slot.kind === 'part') {
      const part: PartValue = { ...kv, def: slot.def };
      model.parts.push(part);
      model.part.set(slot.def.id, part);
      readPart(model, part);
    }
  });
}

function expectScalar(model: ReportModel, kv: KeyedValue, label: string): void {
  if (kv.node && !isScalar(kv.node)) model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedText', { label }));
}

function readProse(model: ReportModel, kv: KeyedValue, label: string): void {
  const node = kv.node;
  if (!node || (isScalar(node) && node.value === null)) return;
  if (!isScalar(node)) {
    model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedProse', { label }));
    return;
  }
  model.prose.push({ label, text: String(node.value), node, span: kv.valueSpan });
}

function readPart(model: ReportModel, part: PartValue): void {
  const { def, node } = part;
  const t = model.template;
  const empty = !node || (isScalar(node) && (node.value === null || node.value === ''));
  switch (def.content) {
    case 'general':
      if (empty) return;
      if (isMap(node)) {
        model.groups.set(def.id, { ...part, map: node });
        readPairs(model, node, cached(t.generalTopics, () => fieldCandidates(t.generalTopics)), (slot, kv) => {
          if (slot.kind !== 'field') return;
          model.fields.set(slot.def.id, { ...kv, def: slot.def });
          readProse(model, kv, `${def.numeral}、${slot.def.label}`);
        });
      } else readProse(model, part, def.key);
      return;
    case 'table': {
      const table = model.idx.tableById.get(def.table!)!;
      if (empty) { model.tables.set(table.id, { ...part, map: null }); return; }
      if (!isMap(node)) {
        model.findings.push(finding('STR-TYPE', part.valueSpan, 'type.expectedTable', { label: def.key, table: table.name }));
        return;
      }
      model.tables.set(table.id, { ...part, map: node });
      readTableLevel(model, table, table, table.nodes, node, true);
      return;
    }
    case 'prose':
      if (empty) return;
      if (isMap(node)) {
        // Sub-headings such as 存在的问题 / 改进情况: free keys, prose values.
        model.groups.set(def.id, { ...part, map: node });
        for (const pair of node.items) {
          const kv = keyedValue(model, pair);
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          readProse(model, kv, `${def.numeral}、${key}`);
        }
      } else readProse(model, part, def.key);
      return;
    case 'other':
      if (empty) return;
      if (isMap(node)) {
        model.groups.set(def.id, { ...part, map: node });
        readPairs(model, node, cached(t.otherFields, () => fieldCandidates(t.otherFields)), (slot, kv) => {
          if (slot.kind !== 'field') return;
          model.fields.set(slot.def.id, { ...kv, def: slot.def });
          if (slot.def.id === 'p6.fee') readFees(model, kv);
          else readProse(model, kv, `${def.numeral}、${slot.def.label}`);
        });
      } else readProse(model, part, def.key);
      return;
  }
}

function readFees(model: ReportModel, kv: KeyedValue): void {
  const t = model.template;
  if (!kv.node || (isScalar(kv.node) && kv.node.value === null)) return;
  if (!isMap(kv.node)) {
    if (isScalar(kv.node)) readProse(model, kv, '信息处理费');
    else model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedFees'));
    return;
  }
  model.groups.set('p6.fee', { ...kv, map: kv.node });
  readPairs(model, kv.node, cached(t.feeFields, () => fieldCandidates(t.feeFields)), (slot, fkv) => {
    if (slot.kind !== 'field') return;
    model.fields.set(slot.def.id, { ...fkv, def: slot.def });
    expectScalar(model, fkv, slot.def.label);
  });
}

function readTableLevel(model: ReportModel, table: TableDef, owner: object, nodes: TableNode[], map: YAMLMap, top: boolean): void {
  const matcher = tableLevelMatcher(owner, nodes, top ? model.template.tableNoteKey : undefined);
  readPairs(model, map, matcher, (slot, kv) => {
    if (slot.kind === 'note') readProse(model, kv, `${table.name}说明`);
    else if (slot.kind === 'group') {
      if (!isMap(kv.node)) {
        model.groups.set(slot.def.id, { ...kv, map: null });
        if (kv.node && !(isScalar(kv.node) && kv.node.value === null)) {
          model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedGroup', { label: slot.def.label }));
        }
        return;
      }
      model.groups.set(slot.def.id, { ...kv, map: kv.node });
      readTableLevel(model, table, slot.def, slot.def.children, kv.node, false);
    } else if (slot.kind === 'row') readRow(model, table, slot.def, kv);
  });
}

function readRow(model: ReportModel, table: TableDef, def: RowDef, kv: KeyedValue): void {
  const row: RowValue = { ...kv, def, cells: new Map(), written: 0 };
  model.rows.set(def.id, row);
  const node = kv.node;
  let items: (Node | null)[];
  if (isSeq(node)) items = node.items as (Node | null)[];
  else if (def.scalar && (isScalar(node) || !node)) items = [node];
  else if (!node) items = [];
  else {
    row.wrongType = true;
    model.findings.push(finding('STR-TYPE', kv.valueSpan, def.scalar ? 'type.expectedNumber' : 'type.expectedRow',
      { table: table.name, row: def.label, count: def.columns.filter((c) => !c.optionalTotal).length }));
    return;
  }
  row.written = items.length;
  const base = def.columns.filter((c) => !c.optionalTotal);
  const cols = items.length > base.length ? def.columns : base;
  items.forEach((item, i) => {
    const col = cols[i];
    if (!col) return; // too many values: the shape rule reports it
    const cell = readCell(model, def, col, item, kv.valueSpan);
    row.cells.set(col.id, cell);
    model.cells.set(cell.ref, cell);
  });
}

function readCell(model: ReportModel, row: RowDef, col: ColumnDef, node: Node | null, fallback: Span): Cell {
  const span = node ? nodeSpan(node, model.text, fallback.start) : fallback;
  const raw = model.text.slice(span.start, span.end);
  const base = { ref: cellRef(row, col), row, col, span, raw };
  if (!node) return { ...base, state: 'blank', value: 0 };
  if (!isScalar(node)) return { ...base, state: 'invalid', value: NaN };
  const v = node.value;
  if (v === null) return { ...base, state: 'blank', value: 0 };
  if (typeof v === 'number') return { ...base, state: Number.isFinite(v) ? 'number' : 'invalid', value: v };
  if (typeof v === 'string') {
    const s = v.normalize('NFKC').trim();
    if (BLANK_MARKS.has(s)) return { ...base, state: 'blank', value: 0 };
    // “+12”: the 2019 format's 本年增/减 is often written with its sign.
    if (/^[+-]?\d+(?:\.\d+)?$/.test(s)) return { ...base, state: 'number', value: Number(s) };
  }
  return { ...base, state: 'invalid', value: NaN };
}

/** The format version a new report is written in. */
export const FORMAT_VERSION = CURRENT_FORMAT;
