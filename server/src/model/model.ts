/**
 * The located model: a report parsed with `yaml`, every key and cell kept with its offsets, matched against
 * the statutory template. Parsing never throws: YAML errors, wrong kinds of values and unknown keys become
 * findings, and whatever could be read is still in the model for the other rules.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { finding, isMessageKey, type Finding, type Fix, type MessageKey, type Span } from './findings';
import { KeyMatcher, normalizeLabel, stripNumbering, type KeyCandidate } from '../template/labels';
import type { RuleId } from '../template/ruleCatalog';
import {
  CURRENT_FORMAT, cellRef, indexOf, keysAtLevel, legacyLabels, template2021, templateFor,
  type CellRef, type ColumnDef, type FieldDef, type GroupDef, type PartDef, type RowDef, type TableDef, type TableNode,
  type Template, type TemplateIndex,
} from '../template';
import { LineIndex } from './lineIndex';

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
  /**
   * Where the text stands, by template id: a field ('preamble', 'p1.active', 'p6.text'; 'p6.fee' when the fees
   * are written as a sentence), a part written as one text ('p1', 'p5'), a table's note ('t3.note'), or a free
   * sub-heading of a part (`p5/存在的问题`).
   */
  id: string;
  /** The part it belongs to; the preamble belongs to none. */
  part?: PartDef['id'];
  /** How messages name it: “一、（一）主动公开”, “表三说明”. */
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
  /**
   * Keys an unknown key of a mapping would be renamed to by its fix. A missing key suggested here is
   * probably that typo: inserting it as well would write it twice, so its insert fix is not preferred.
   */
  suggested: Map<YAMLMap, Set<string>>;
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
    const out = keysAtLevel(nodes).map((n): KeyCandidate<Slot> => (n.kind === 'row'
      ? { key: n.key, aliases: n.aliases, value: { kind: 'row', def: n } }
      : { key: n.key!, aliases: n.aliases, value: { kind: 'group', def: n } }));
    if (withNote) out.push({ key: withNote.key, aliases: withNote.aliases, value: { kind: 'note' } });
    return out;
  });
}

export interface ParseOptions {
  /** Reuse a parsed document (the server caches it per version). */
  doc?: Document.Parsed;
}

/**
 * The YAML parse every document goes through. `uniqueKeys` is off because yaml compares each key with every
 * earlier key of its mapping (quadratic: 40,000 keys took 11 s); `duplicateKeyFindings` reports the same
 * DUPLICATE_KEY error in one pass. Aliases are never expanded: the model reads nodes and never calls
 * `toJS`, so a billion-laughs document costs what its text costs.
 */
export function parseYaml(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS);
}

export const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: true } as const;

export function parseReport(text: string, options: ParseOptions = {}): ReportModel {
  let doc: Document.Parsed;
  let unreadable: Finding | undefined;
  const deep = options.doc ? undefined : tooDeep(text);
  try {
    if (deep) throw new RangeError('nesting');
    doc = options.doc ?? parseYaml(text);
  } catch (e) {
    // yaml's parser recurses once per nesting level: thousands of levels overflow the stack (found by the
    // fuzzer). The text cannot be read; say where it nests deepest, and check nothing else.
    doc = parseYaml('');
    unreadable = e instanceof RangeError
      ? finding('YAML-SYNTAX', deep ?? deepestPoint(text).span, 'yaml.tooDeep')
      : finding('YAML-SYNTAX', { start: 0, end: Math.min(1, text.length) }, 'yaml.other', { detail: String((e as Error)?.message ?? e) });
  }
  const model: ReportModel = {
    text, lines: new LineIndex(text), doc, template: template2021, idx: indexOf(template2021),
    root: null, fields: new Map(), parts: [], part: new Map(), tables: new Map(), groups: new Map(), rows: new Map(),
    cells: new Map(), prose: [], findings: [], suggested: new Map(),
  };
  if (unreadable) { model.findings.push(unreadable); return model; }
  syntaxFindings(model);
  duplicateKeyFindings(model);
  unclosedQuoteAtEnd(model);
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
    const span = clampedSpan(model, start, end);
    model.findings.push(finding('YAML-SYNTAX', span, yamlMessageKey(e.code), { detail }));
  }
  for (const w of model.doc.warnings) {
    const [start, end] = w.pos;
    const span = clampedSpan(model, start, end);
    const detail = w.message.split('\n')[0];
    model.findings.push({ ...finding('YAML-SYNTAX', span, yamlMessageKey(w.code), { detail }), severity: 'warning' });
  }
}

/** A parser error's span, at least one character long and inside the text. */
function clampedSpan(model: ReportModel, start: number, end: number): Span {
  return { start: Math.min(start, model.text.length), end: Math.min(Math.max(end, start + 1), model.text.length) };
}

/**
 * A report nests a few levels deep. Thousands of levels make yaml recurse until the stack runs out — and
 * V8 aborts the whole process (not a catchable error) when a regular expression gets compiled that deep
 * (found by the fuzzer). Texts nesting deeper than this are not handed to yaml at all.
 */
const MAX_NESTING = 500;

/** Where the text nests deeper than MAX_NESTING, if it does. Cheap bounds first: most texts stop there. */
export function tooDeep(text: string): Span | undefined {
  let opens = 0;
  for (const c of ['[', '{']) for (let i = text.indexOf(c); i >= 0 && opens < MAX_NESTING; i = text.indexOf(c, i + 1)) opens++;
  let maxIndent = 0;
  for (let start = 0; start < text.length;) {
    let i = start;
    while (i < text.length && (text[i] === ' ' || text[i] === '-' || text[i] === '?')) i++;
    maxIndent = Math.max(maxIndent, i - start);
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    start = nl + 1;
  }
  if (opens < MAX_NESTING && maxIndent / 2 < MAX_NESTING) return undefined;
  const deepest = deepestPoint(text);
  return deepest.depth >= MAX_NESTING ? deepest.span : undefined;
}

/** The line that nests deepest, by indentation or by open brackets. */
function deepestPoint(text: string): { depth: number; span: Span } {
  let best = { depth: -1, start: 0, end: 0 };
  let brackets = 0;
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let indent = 0;
    while (start + indent < end && (text[start + indent] === ' ' || text[start + indent] === '-' || text[start + indent] === '?')) indent++;
    let deepestInLine = brackets;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 || c === 123) deepestInLine = Math.max(deepestInLine, ++brackets);
      else if ((c === 93 || c === 125) && brackets > 0) brackets--;
    }
    const depth = Math.max(indent / 2, deepestInLine);
    if (depth > best.depth) best = { depth, start: start + indent, end: Math.min(end, start + indent + 200) };
    if (nl < 0) break;
    start = nl + 1;
  }
  return { depth: best.depth, span: { start: best.start, end: best.end } };
}

/** Keys written twice in one mapping (equal scalar values, as yaml's `uniqueKeys` compares them), in linear time. */
function duplicateKeyFindings(model: ReportModel): void {
  // An explicit stack: documents nest as deep as yaml could compose them, deeper than our stack may go.
  const stack: unknown[] = [model.doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          if (seen.has(key.value)) {
            const start = Math.min(key.range?.[0] ?? 0, model.text.length);
            const span = { start, end: Math.min(start + 1, model.text.length) };
            model.findings.push(finding('YAML-SYNTAX', span, 'yaml.DUPLICATE_KEY', { detail: 'Map keys must be unique' }));
          } else { seen.add(key.value); }
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
}

/**
 * yaml accepts a double-quoted string that runs to the end of the file when the file's last character is an
 * escaped quote (`机关: "张营乡\"`): the string is not closed, and the next line typed would be swallowed
 * into it. Found by the fuzzer; reported like yaml's own MISSING_CHAR.
 */
function unclosedQuoteAtEnd(model: ReportModel): void {
  let node: unknown = model.doc.contents;
  for (;;) {
    if (isMap(node) || isSeq(node)) {
      const last = node.items[node.items.length - 1] as unknown;
      node = last && typeof last === 'object' && 'key' in last ? ((last as Pair).value ?? (last as Pair).key) : last;
    } else break;
  }
  if (!isScalar(node) || node.type !== 'QUOTE_DOUBLE' || !node.range) return;
  const src = model.text.slice(node.range[0], node.range[1]);
  let backslashes = 0;
  for (let i = src.length - 2; i >= 0 && src[i] === '\\'; i--) backslashes++;
  // Without a final quote yaml reports it itself; with an even run of backslashes the quote really closes.
  if (src.length < 2 || !src.endsWith('"') || backslashes % 2 === 0) return;
  const end = Math.min(node.range[1], model.text.length);
  model.findings.push(finding('YAML-SYNTAX', { start: Math.max(0, end - 1), end }, 'yaml.MISSING_CHAR', { detail: 'Missing closing "quote' }));
}

/** A YAML error code's own message, or the generic one that quotes yaml's text. */
function yamlMessageKey(code: string): MessageKey {
  const key = `yaml.${code}`;
  return isMessageKey(key) ? key : 'yaml.other';
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
function readPairs(
  model: ReportModel, map: YAMLMap, matcher: KeyMatcher<Slot>, visit: (slot: Slot, kv: KeyedValue, pair: Pair) => void,
): void {
  const seen = new Map<string, Span>();
  let taken: Set<string> | undefined; // canonical keys of this mapping, built on the first unknown key
  let literal: Set<string> | undefined; // keys of this mapping as written, built on the first non-official one
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
      model.findings.push(finding('STR-TYPE', nodeSpan(keyNode, model.text), 'type.keyNotText'));
      continue;
    }
    const key = String(keyNode.value);
    const kv = keyedValue(model, pair);
    let m = matcher.match(key);
    const legacy = m.kind === 'unknown' ? legacyMarker(model, key) : undefined;
    if (legacy) {
      model.findings.push(finding('VER-OLD-MARKERS', kv.keySpan, 'version.oldKey', { key, source: legacy.template.source, version: legacy.template.version, current: model.template.version }));
      continue;
    }
    if (m.kind === 'unknown' && m.suggestion) {
      taken ??= canonicalKeys(map, matcher);
      if (taken.has(m.suggestion)) m = matcher.match(key, taken);
    }
    if (m.kind === 'unknown') {
      // Two unknown keys may have the same nearest key; only the first gets the rename, or “fix all” would
      // rename both and make a duplicate key (after that fix the second gets another suggestion).
      let renamedAlready = false;
      if (m.suggestion) {
        const set = model.suggested.get(map) ?? new Set<string>();
        renamedAlready = set.has(m.suggestion);
        set.add(m.suggestion);
        model.suggested.set(map, set);
      }
      const fixes: Fix[] | undefined = m.suggestion && !renamedAlready ? [{ title: { key: 'fix.replaceKey', args: { key: m.suggestion } }, edits: [{ span: kv.keySpan, text: m.suggestion }], preferred: true }] : undefined;
      model.findings.push(finding('STR-UNKNOWN-KEY', kv.keySpan, m.suggestion ? 'key.unknownSuggest' : 'key.unknown',
        { key, suggestion: m.suggestion ?? '', valid: { list: matcher.keys().slice(0, 12) } }, { fixes }));
      continue;
    }
    if (m.kind !== 'exact') {
      const rule: RuleId = m.kind === 'variant' ? 'STR-HEADING-VARIANT' : 'LABEL-NORMALISE';
      // Renaming to a key the mapping already has would make a duplicate key (STR-DUPLICATE says what to do).
      literal ??= literalKeys(map);
      const fixes: Fix[] | undefined = literal.has(m.canonical) ? undefined
        : [{ title: { key: 'fix.replaceKey', args: { key: m.canonical } }, edits: [{ span: kv.keySpan, text: m.canonical }], preferred: m.kind !== 'variant' }];
      model.findings.push(finding(rule, kv.keySpan, m.kind === 'variant' ? 'key.variant' : 'key.normalised', { key, canonical: m.canonical }, { fixes }));
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

function literalKeys(map: YAMLMap): Set<string> {
  const out = new Set<string>();
  for (const pair of map.items) if (isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number')) out.add(String(pair.key.value));
  return out;
}

function canonicalKeys(map: YAMLMap, matcher: KeyMatcher<Slot>): Set<string> {
  const out = new Set<string>();
  for (const pair of map.items) {
    if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') continue;
    const m = matcher.lookup(String(pair.key.value));
    if (m) out.add(m.canonical);
  }
  return out;
}

/**
 * Values of a keyed pair with their template meaning. Built as literals, not `{ ...kv, def }`: V8 makes
 * spread objects slowly and in dictionary shape, which showed at the top of the check profile.
 */
function withDef<D>(kv: KeyedValue, def: D): KeyedValue & { def: D } {
  return { keySpan: kv.keySpan, valueSpan: kv.valueSpan, node: kv.node, pair: kv.pair, def };
}

function container(kv: KeyedValue, map: YAMLMap | null): Container {
  return { keySpan: kv.keySpan, valueSpan: kv.valueSpan, node: kv.node, pair: kv.pair, map };
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
      model.fields.set(slot.def.id, withDef(kv, slot.def));
      if (slot.def.aside) expectScalar(model, kv, slot.def.label);
      else if (slot.def.type === 'prose') readProse(model, kv, { id: slot.def.id, label: slot.def.label });
      else expectScalar(model, kv, slot.def.label);
    } else if (slot.kind === 'part') {
      const part: PartValue = withDef(kv, slot.def);
      model.parts.push(part);
      model.part.set(slot.def.id, part);
      readPart(model, part);
    }
  });
}

function expectScalar(model: ReportModel, kv: KeyedValue, label: string): void {
  if (kv.node && !isScalar(kv.node)) model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedText', { label }));
}

interface ProsePlace {
  id: string;
  part?: PartDef['id'];
  label: string;
}

function readProse(model: ReportModel, kv: KeyedValue, place: ProsePlace): void {
  const node = kv.node;
  if (!node || (isScalar(node) && node.value === null)) return;
  if (!isScalar(node)) {
    model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedProse', { label: place.label }));
    return;
  }
  model.prose.push({ ...place, text: String(node.value), node, span: kv.valueSpan });
}

function readPart(model: ReportModel, part: PartValue): void {
  const { def, node } = part;
  const t = model.template;
  const empty = !node || (isScalar(node) && (node.value === null || node.value === ''));
  switch (def.content) {
    case 'general':
      if (empty) return;
      if (isMap(node)) {
        model.groups.set(def.id, container(part, node));
        readPairs(model, node, cached(t.generalTopics, () => fieldCandidates(t.generalTopics)), (slot, kv) => {
          if (slot.kind !== 'field') return;
          model.fields.set(slot.def.id, withDef(kv, slot.def));
          readProse(model, kv, { id: slot.def.id, part: def.id, label: `${def.numeral}、${slot.def.label}` });
        });
      } else readProse(model, part, { id: def.id, part: def.id, label: def.key });
      return;
    case 'table': {
      const table = model.idx.tableById.get(def.table!)!;
      if (empty) { model.tables.set(table.id, container(part, null)); return; }
      if (!isMap(node)) {
        model.findings.push(finding('STR-TYPE', part.valueSpan, 'type.expectedTable', { label: def.key, table: table.name }));
        return;
      }
      model.tables.set(table.id, container(part, node));
      readTableLevel(model, table, table, table.nodes, node, true);
      return;
    }
    case 'prose':
      if (empty) return;
      if (isMap(node)) {
        // Sub-headings such as 存在的问题 / 改进情况: free keys, prose values.
        model.groups.set(def.id, container(part, node));
        for (const pair of node.items) {
          const kv = keyedValue(model, pair);
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          readProse(model, kv, { id: `${def.id}/${key}`, part: def.id, label: `${def.numeral}、${key}` });
        }
      } else readProse(model, part, { id: def.id, part: def.id, label: def.key });
      return;
    case 'other':
      if (empty) return;
      if (isMap(node)) {
        model.groups.set(def.id, container(part, node));
        readPairs(model, node, cached(t.otherFields, () => fieldCandidates(t.otherFields)), (slot, kv) => {
          if (slot.kind !== 'field') return;
          model.fields.set(slot.def.id, withDef(kv, slot.def));
          if (slot.def.id === 'p6.fee') readFees(model, kv);
          else readProse(model, kv, { id: slot.def.id, part: def.id, label: `${def.numeral}、${slot.def.label}` });
        });
      } else readProse(model, part, { id: def.id, part: def.id, label: def.key });
      return;
  }
}

function readFees(model: ReportModel, kv: KeyedValue): void {
  const t = model.template;
  if (!kv.node || (isScalar(kv.node) && kv.node.value === null)) return;
  if (!isMap(kv.node)) {
    const fee = model.idx.field.get('p6.fee')!;
    if (isScalar(kv.node)) readProse(model, kv, { id: fee.id, part: 'p6', label: fee.key });
    else model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedFees'));
    return;
  }
  model.groups.set('p6.fee', container(kv, kv.node));
  readPairs(model, kv.node, cached(t.feeFields, () => fieldCandidates(t.feeFields)), (slot, fkv) => {
    if (slot.kind !== 'field') return;
    model.fields.set(slot.def.id, withDef(fkv, slot.def));
    expectScalar(model, fkv, slot.def.label);
  });
}

function readTableLevel(
  model: ReportModel, table: TableDef, owner: object, nodes: TableNode[], map: YAMLMap, top: boolean,
): void {
  const matcher = tableLevelMatcher(owner, nodes, top ? model.template.tableNoteKey : undefined);
  readPairs(model, map, matcher, (slot, kv) => {
    if (slot.kind === 'note') {
      const part = model.idx.partOfTable.get(table.id)!.id;
      readProse(model, kv, { id: `${table.id}.note`, part, label: `${table.name}${model.template.tableNoteKey.label}` });
    }
    else if (slot.kind === 'group') {
      if (!isMap(kv.node)) {
        model.groups.set(slot.def.id, container(kv, null));
        if (kv.node && !(isScalar(kv.node) && kv.node.value === null)) {
          model.findings.push(finding('STR-TYPE', kv.valueSpan, 'type.expectedGroup', { label: slot.def.label }));
        }
        return;
      }
      model.groups.set(slot.def.id, container(kv, kv.node));
      readTableLevel(model, table, slot.def, slot.def.children, kv.node, false);
    } else if (slot.kind === 'row') readRow(model, table, slot.def, kv);
  });
}

function readRow(model: ReportModel, table: TableDef, def: RowDef, kv: KeyedValue): void {
  const row: RowValue = {
    keySpan: kv.keySpan, valueSpan: kv.valueSpan, node: kv.node, pair: kv.pair, def, cells: new Map(), written: 0,
  };
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
  // One object literal with every field: spreading a shared base made this the hottest line of a check.
  const cell: Cell = { ref: cellRef(row, col), row, col, span, raw: model.text.slice(span.start, span.end), state: 'invalid', value: NaN };
  const v = scalarValueOf(node);
  if (v === null) { cell.state = 'blank'; cell.value = 0; }
  else if (typeof v === 'number') { cell.state = Number.isFinite(v) ? 'number' : 'invalid'; cell.value = v; }
  else if (typeof v === 'string') {
    const s = v.normalize('NFKC').trim();
    if (BLANK_MARKS.has(s)) { cell.state = 'blank'; cell.value = 0; }
    // “+12”: the 2019 format's 本年增/减 is often written with its sign.
    else if (/^[+-]?\d+(?:\.\d+)?$/.test(s)) { cell.state = 'number'; cell.value = Number(s); }
  }
  return cell;
}

/** A cell's YAML value: null where nothing is written (a blank), undefined for a mapping or sequence. */
function scalarValueOf(node: Node | null): unknown {
  if (!node) return null;
  return isScalar(node) ? node.value : undefined;
}

/** The format version a new report is written in. */
export const FORMAT_VERSION = CURRENT_FORMAT;
