/**
 * Completion. Where the cursor is is read from indentation (the document is usually incomplete while typing,
 * so the YAML tree cannot be trusted): the key lines above with less indentation give the path.
 * Offers: part headings (with their tables as zero skeletons), every key valid at that level, whole-table
 * skeletons, 机关类型 values, dates, and zero rows for a row's value.
 */
import {
  CompletionItemKind, InsertTextFormat, InsertTextMode,
  type CompletionItem, type CompletionList, type Position,
} from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { compareDates, formatIso, today, type SimpleDate } from '../model/dates';
import { localize, type Locale } from '../l10n';
import type { MessageKey } from '../model/findings';
import { KeyMatcher } from '../template/labels';
import type { ReportModel } from '../model/model';
import { readMeta } from '../model/meta';
import { feeLines, groupLines, partLines, reportSkeleton, rowValueText, tableLines, Tabstops } from '../write/yamlWriter';
import { fieldDef, keysAtLevel, type FieldDef, type GroupDef, type PartDef, type RowDef, type TableDef, type TableNode, type Template } from '../template';

type Scope =
  | { kind: 'root' }
  | { kind: 'part'; part: PartDef }
  | { kind: 'group'; group: GroupDef; table: TableDef }
  | { kind: 'fee' }
  | { kind: 'prose' }
  | { kind: 'unknown' };

interface KeyLine {
  indent: number;
  key: string;
  /** Text after the colon (empty, a value, or a block scalar indicator). */
  rest: string;
}

const KEY_LINE = /^(\s*)([^#\s][^:#]*?)\s*:(?:\s+(.*)|\s*)$/;

function keyLine(text: string): KeyLine | undefined {
  const m = KEY_LINE.exec(text);
  return m ? { indent: m[1].length, key: m[2].trim(), rest: (m[3] ?? '').replace(/\s+#.*$/, '').trim() } : undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The chain of parent keys for a line at `indent`, nearest last. */
function parents(model: ReportModel, line: number, indent: number): KeyLine[] {
  const chain: KeyLine[] = [];
  let want = indent;
  for (let l = line - 1; l >= 0 && want > 0; l--) {
    const text = model.lines.lineText(l);
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const ind = indentOf(text);
    if (ind >= want) continue;
    const k = keyLine(text);
    if (!k) return [{ indent: ind, key: '', rest: '|' }]; // inside something that is not a key line (prose)
    chain.unshift(k);
    want = ind;
  }
  return chain;
}

function matcherOf<T>(items: { key: string; aliases?: string[]; value: T }[]): KeyMatcher<T> {
  return new KeyMatcher(items);
}

function scopeOf(template: Template, chain: KeyLine[]): Scope {
  if (chain.some((k) => k.rest.startsWith('|') || k.rest.startsWith('>'))) return { kind: 'prose' };
  if (!chain.length) return { kind: 'root' };
  const root = matcherOf(template.parts.map((p) => ({ key: p.key, aliases: [...p.aliases, ...p.variants], value: p })));
  const m = root.match(chain[0].key);
  if (m.kind === 'unknown') return { kind: 'unknown' };
  const part = m.value;
  if (chain.length === 1) return { kind: 'part', part };
  if (part.table) {
    const table = template.tables.find((t) => t.id === part.table)!;
    const groups = keysAtLevel(table.nodes).filter((n): n is GroupDef => n.kind === 'group');
    const g = matcherOf(groups.map((x) => ({ key: x.key!, aliases: x.aliases, value: x }))).match(chain[1].key);
    return chain.length === 2 && g.kind !== 'unknown' ? { kind: 'group', group: g.value, table } : { kind: 'unknown' };
  }
  const fee = fieldDef(template, 'p6.fee');
  if (part.content === 'other' && chain.length === 2 && matcherOf([{ ...fee, value: 1 }]).match(chain[1].key).kind !== 'unknown') {
    return { kind: 'fee' };
  }
  return { kind: 'unknown' };
}

/** `now` is the service's “today” (fixed in tests), so offered years and dates agree with the checker's. */
export function provideCompletion(
  analysis: Analysis, position: Position, locale: Locale, now: SimpleDate = today(),
): CompletionList {
  const { model } = analysis;
  const template = model.template;
  const lineText = model.lines.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const items: CompletionItem[] = [];
  const result = (): CompletionList => ({ isIncomplete: false, items });
  if (before.trimStart().startsWith('#')) return result();

  const valueMatch = /^(\s*)([^#\s][^:#]*?)\s*:\s+(\S*)$/.exec(before) ?? /^(\s*)([^#\s][^:#]*?)\s*:()$/.exec(before);
  if (valueMatch) {
    const indent = valueMatch[1].length;
    const chain = parents(model, position.line, indent);
    const typed = valueMatch[3];
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    const scope = scopeOf(template, chain);
    valueCompletions(model, scope, valueMatch[2].trim(), range, before.endsWith(':'), locale, items, now);
    return result();
  }
  const keyMatch = /^(\s*)([^\s:#]*)$/.exec(before);
  if (!keyMatch) return result();
  const indent = keyMatch[1].length;
  const range = { start: { line: position.line, character: indent }, end: position };
  const scope = scopeOf(template, parents(model, position.line, indent));
  const present = presentKeys(model, position.line, indent);
  keyCompletions({ model, present, locale, now, add: keyAdder(items, range) }, scope);
  return result();
}

/** Adds a key completion; `sort` groups the items (0 first), and in a group they keep the order added. */
type AddKey = (
  label: string, insert: string, kind: CompletionItemKind, detail?: string, doc?: string, sort?: string,
) => void;

/** What key completions need: the report, the keys already written at that level, and where items go. */
interface KeyCompletionContext {
  model: ReportModel;
  present: Set<string>;
  locale: Locale;
  now: SimpleDate;
  add: AddKey;
}

function keyAdder(items: CompletionItem[], range: { start: Position; end: Position }): AddKey {
  return (label, insert, kind, detail, doc, sort = '1') => {
    items.push({
      label, kind, detail, documentation: doc ? { kind: 'markdown', value: doc } : undefined,
      textEdit: { range, newText: insert }, insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.adjustIndentation, sortText: `${sort}${items.length.toString().padStart(3, '0')}`,
      filterText: label,
    });
  };
}

function snippetLines(lines: string[]): string {
  return lines.join('\n');
}

/** Every key that may be written where the cursor is and is not written yet. */
function keyCompletions(ctx: KeyCompletionContext, scope: Scope): void {
  const { model: { template }, present, add } = ctx;
  switch (scope.kind) {
    case 'root':
      rootKeyCompletions(ctx);
      break;
    case 'part':
      partKeyCompletions(ctx, scope.part);
      break;
    case 'group':
      for (const n of scope.group.children) {
        if (n.kind !== 'row' || present.has(n.key)) continue;
        add(n.key, `${n.key}: ${rowValueText(n, undefined, new Tabstops(true))}`, CompletionItemKind.Field, n.label, rowDoc(n));
      }
      break;
    case 'fee':
      for (const f of template.feeFields) if (!present.has(f.key)) add(f.key, `${f.key}: \${1:0}`, CompletionItemKind.Property, f.label, f.help);
      break;
    default:
      break;
  }
}

/** At the top level: a whole report in an empty file, then the metadata and the parts not written yet. */
function rootKeyCompletions({ model, present, locale, now, add }: KeyCompletionContext): void {
  const template = model.template;
  const meta = readMeta(model);
  if (!model.root || model.root.items.length === 0) {
    add(t(locale, 'ui.completion.report'), snippetLines(reportSkeleton(template, {
      issuer: '${1:机关名称}', kind: '${2:乡镇人民政府}', year: (meta.year ?? now.y - 1), signed: `${(meta.year ?? now.y - 1) + 1}-01-20`,
    }).split('\n').filter((l) => !l.startsWith('#'))), CompletionItemKind.Module, template.source, undefined, '0');
  }
  for (const f of template.metadata) {
    // Aside fields (未识别内容) are the importer's, not something a clerk writes.
    if (present.has(f.key) || f.aside) continue;
    const snippet = fieldSnippet(template, f, meta.year, now);
    add(f.key, `${f.key}: ${snippet}`, CompletionItemKind.Property, f.label, f.help);
  }
  for (const p of template.parts) {
    if (present.has(p.key)) continue;
    const label = p.table ? t(locale, 'ui.completion.partWithTable', { part: p.key, table: template.tables.find((x) => x.id === p.table)!.name }) : p.key;
    add(label, snippetLines(partLines(template, p, '', { snippet: true })), CompletionItemKind.Module, p.basis, p.help, '2');
  }
}

/** Inside a part: its table's rows and groups (or the whole table), part 一's topics, part 六's keys. */
function partKeyCompletions({ model, present, locale, add }: KeyCompletionContext, part: PartDef): void {
  const template = model.template;
  if (part.table) {
    const table = template.tables.find((x) => x.id === part.table)!;
    const missing = keysAtLevel(table.nodes).filter((n) => !present.has(n.key!) && !(n.kind === 'row' && n.optionalTotal));
    if (missing.length > 1) {
      add(t(locale, 'ui.completion.table', { table: table.name, title: table.title }), snippetLines(tableLines({ ...table, nodes: missing }, '', { snippet: true })), CompletionItemKind.Struct, part.basis, undefined, '0');
    }
    for (const n of keysAtLevel(table.nodes)) {
      if (present.has(n.key!)) continue;
      if (n.kind === 'row') add(n.key, `${n.key}: ${rowValueText(n, undefined, new Tabstops(true))}`, CompletionItemKind.Field, n.label, rowDoc(n));
      else add(n.key!, snippetLines(groupLines(n, '', { snippet: true })), CompletionItemKind.Struct, n.label, n.help);
    }
    if (!present.has(template.tableNoteKey.key)) add(template.tableNoteKey.key, `${template.tableNoteKey.key}: |\n  $0`, CompletionItemKind.Text, template.tableNoteKey.label, template.tableNoteKey.help, '3');
  } else if (part.content === 'general') {
    for (const f of template.generalTopics) if (!present.has(f.key)) add(f.key, `${f.key}: |\n  \${1:${f.label}……}`, CompletionItemKind.Property, f.label, f.help);
  } else if (part.content === 'other') {
    const fee = fieldDef(template, 'p6.fee');
    const other = fieldDef(template, 'p6.text');
    if (!present.has(fee.key)) {
      add(fee.key, snippetLines(feeLines(template, '', { snippet: true })), CompletionItemKind.Struct, fee.label, fee.help);
    }
    if (!present.has(other.key)) add(other.key, `${other.key}: |\n  $0`, CompletionItemKind.Text, other.label);
  }
}

function valueCompletions(
  model: ReportModel, scope: Scope, key: string, range: { start: Position; end: Position }, needsSpace: boolean,
  locale: Locale, items: CompletionItem[], now: SimpleDate,
): void {
  const template = model.template;
  const pad = needsSpace ? ' ' : '';
  const add = (label: string, insert: string, detail?: string, snippet = false) => items.push({
    label, detail, kind: CompletionItemKind.Value, textEdit: { range, newText: pad + insert },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText, sortText: items.length.toString().padStart(3, '0'),
  });
  if (scope.kind === 'root') {
    const field = template.metadata.find((f) => f.key === key || f.aliases.includes(key));
    if (!field) return;
    const meta = readMeta(model);
    if (field.type === 'kind') {
      for (const k of template.bodyKinds) add(k.label, k.label, t(locale, `ui.deadline.${k.deadline}`));
    } else if (field.type === 'version') add(String(template.version), String(template.version), template.source);
    else if (field.type === 'year') add(String(now.y - 1), String(now.y - 1));
    else if (field.type === 'date') {
      add(formatIso(now), formatIso(now), t(locale, 'ui.completion.today'));
      if (meta.year !== undefined) {
        const deadline = meta.kind?.deadline === 'gov' ? { y: meta.year + 1, m: 3, d: 31 } : { y: meta.year + 1, m: 1, d: 31 };
        if (compareDates(deadline, now) !== 0) add(formatIso(deadline), formatIso(deadline), t(locale, 'ui.completion.deadline'));
      }
    }
    return;
  }
  const rows = tableKeysInScope(template, scope);
  const row = rows.find((n): n is RowDef => n.kind === 'row' && (n.key === key || n.aliases.includes(key)));
  if (row) add(rowValueText(row), rowValueText(row, undefined, new Tabstops(true)), row.columns.map((c) => c.short).join(' · '), true);
}

/** The table keys valid where the cursor is: a table part's top level, or a group's children; else none. */
function tableKeysInScope(template: Template, scope: Scope): TableNode[] {
  if (scope.kind === 'part' && scope.part.table) {
    const table = scope.part.table;
    return keysAtLevel(template.tables.find((x) => x.id === table)!.nodes);
  }
  return scope.kind === 'group' ? scope.group.children : [];
}

/** Keys already written at this indentation inside the same parent. */
function presentKeys(model: ReportModel, line: number, indent: number): Set<string> {
  const out = new Set<string>();
  const scan = (from: number, step: number) => {
    for (let l = from; l >= 0 && l < model.lines.lineCount; l += step) {
      const text = model.lines.lineText(l);
      if (!text.trim() || text.trimStart().startsWith('#')) continue;
      const ind = indentOf(text);
      if (ind < indent) return;
      if (ind > indent) continue;
      const k = keyLine(text);
      if (k) out.add(k.key);
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return out;
}

function fieldSnippet(template: Template, f: FieldDef, year: number | undefined, now: SimpleDate): string {
  switch (f.type) {
    case 'version': return String(template.version);
    case 'kind': return `\${1|${template.bodyKinds.map((k) => k.label).join(',')}|}`;
    case 'year': return `\${1:${now.y - 1}}`;
    case 'date': return `\${1:${(year ?? now.y - 1) + 1}-01-20}`;
    case 'prose': return '|\n  $0';
    default: return '$0';
  }
}

function rowDoc(row: RowDef): string {
  return `${row.help}\n\n${row.columns.map((c) => c.label).join(' · ')}`;
}

function t(locale: Locale, key: MessageKey, args?: Record<string, string | number>): string {
  return localize({ key, args }, locale);
}
