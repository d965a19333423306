/**
 * Structure: required metadata, the six parts in order (STR-PARTS), every table row and cell (T2/T3/T4-SHAPE),
 * part 一's five topics (STR-GENERAL-TOPICS), the 信息处理费 figures (FEE-SHAPE), part 五's content
 * (STR-PART5-EMPTY). Missing things are reported at the key of the mapping they belong in, with a fix that
 * inserts them (as zeros) at their template position.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { formatIso, today } from '../model/dates';
import { insertIntoMap } from '../model/yamlEdits';
import { finding, type Fix, type Message, type MessageKey, type Span, type TextEdit } from '../model/findings';
import type { Container, FieldValue, PartValue, ReportModel } from '../model/model';
import { feeLines, groupLines, partLines, rowLine, promptFor } from '../write/yamlWriter';
import { keysAtLevel, tableRows, type FieldDef, type GroupDef, type RowDef, type TableDef, type TableNode } from '../template';
import type { RuleId } from '../template/ruleCatalog';
import type { RuleContext } from './context';
import { feeFigure } from './content';
import { isPrompt } from './text';

const SHAPE_RULE = { t2: 'T2-SHAPE', t3: 'T3-SHAPE', t4: 'T4-SHAPE' } as const;
/** A missing version or year has its own rule; any other missing metadata field is META-FIELD. */
const MISSING_FIELD_RULE = new Map<string, RuleId>([['version', 'META-VERSION'], ['year', 'META-YEAR']]);

/**
 * Inserting a missing key is the preferred fix (applied by “fix all”) unless an unknown key of the same
 * mapping would be renamed to it: then the rename is the fix, and doing both would write the key twice.
 */
function insertPreferred(model: ReportModel, map: YAMLMap | null, key: string): boolean {
  return !(map && model.suggested.get(map)?.has(key));
}

export function checkMetadata(ctx: RuleContext): void {
  const { model } = ctx;
  const missing = model.template.metadata.filter((f) => f.required && !model.fields.has(f.id));
  for (const f of missing) {
    const before = model.template.metadata.slice(0, model.template.metadata.indexOf(f)).map((x) => x.id);
    const value = missingFieldValue(ctx, f);
    const edit = insertIntoMap(model, model.root, null, (p) => before.some((id) => model.fields.get(id)?.pair === p), [`${f.key}: ${value}`]);
    const rule = MISSING_FIELD_RULE.get(f.id) ?? 'META-FIELD';
    ctx.report(finding(rule, { start: 0, end: 0 }, 'meta.missing', { key: f.key, label: f.label }, {
      fixes: edit ? [{ title: { key: 'fix.insertKey', args: { key: f.key } }, edits: [edit] }] : undefined,
    }));
  }
}

/**
 * What a missing-field fix writes: the format version, the template's example, or for a missing year the year
 * most reports are being written for (last year) and a signing date in the following January.
 */
function missingFieldValue(ctx: RuleContext, f: FieldDef): string {
  const reportYear = ctx.meta.year ?? (ctx.options.today ?? today()).y - 1;
  switch (f.type) {
    case 'version': return String(ctx.model.template.version);
    case 'year': return String(reportYear);
    case 'date': return formatIso({ y: reportYear + 1, m: 1, d: 20 });
    default: return f.example ?? '';
  }
}

export function checkParts(ctx: RuleContext): void {
  const { model } = ctx;
  const parts = model.template.parts;
  // Order: each part must come after the previous present one.
  let last = -1;
  for (const p of model.parts) {
    const i = parts.indexOf(p.def);
    if (i < last) ctx.report(finding('STR-PARTS', p.keySpan, 'parts.order', { part: p.def.key, previous: parts[last].key }));
    last = Math.max(last, i);
  }
  const metadataPairs = new Set([...model.fields.values()]
    .filter((f) => model.template.metadata.includes(f.def))
    .map((f) => f.pair));
  for (const [i, def] of parts.entries()) {
    if (model.part.has(def.id)) continue;
    const next = parts.slice(i + 1).map((p) => model.part.get(p.id)).find((p) => p);
    const span: Span = next ? next.keySpan : endSpan(model);
    const earlier = new Set(parts.slice(0, i).map((p) => p.id));
    const edit = insertIntoMap(model, model.root, null,
      (pair) => model.parts.some((p) => p.pair === pair && earlier.has(p.def.id)) || metadataPairs.has(pair),
      [...partLines(model.template, def)]);
    const title: Message = { key: def.table ? 'fix.insertPart' : 'fix.insertPartText', args: { part: def.key } };
    const fixes: Fix[] | undefined = edit
      ? [{ title, edits: [edit], preferred: insertPreferred(model, model.root, def.key) }] : undefined;
    // A missing table part is one problem: the part and its table in one finding, not one for each.
    const table = def.table ? model.idx.tableById.get(def.table) : undefined;
    ctx.report(finding('STR-PARTS', span, table ? 'parts.missingTable' : 'parts.missing', {
      numeral: def.numeral, title: def.title, basis: def.basis, table: table?.name ?? '', cells: table ? countCells(table) : 0,
    }, { fixes }));
  }
}

function endSpan(model: ReportModel): Span {
  const end = model.text.trimEnd().length;
  const line = model.lines.positionAt(end).line;
  return { start: model.lines.lineStart(line), end };
}

function countCells(table: TableDef): number {
  return tableRows(table).reduce((n, r) => n + r.columns.length, 0);
}

export function checkTables(ctx: RuleContext): void {
  const { model } = ctx;
  for (const table of model.template.tables) {
    const container = model.tables.get(table.id);
    if (!container) continue; // the part is missing: reported by checkParts
    checkLevel(ctx, table, table.nodes, container, indentOf(model, container.keySpan));
  }
}

function indentOf(model: ReportModel, span: Span): number {
  return model.lines.positionAt(span.start).character;
}

/**
 * Checks the rows and nested groups that belong directly in one YAML mapping. What is missing at one level is
 * one finding (a reviewer reads “表三缺少 4 行：…” once, not a line per row), with one fix inserting every
 * missing key at its template position.
 */
function checkLevel(
  ctx: RuleContext, table: TableDef, nodes: TableNode[], container: Container, ownerIndent: number,
): void {
  const { model } = ctx;
  const level = keysAtLevel(nodes);
  const pairOf = (n: RowDef | GroupDef): Pair | undefined =>
    n.kind === 'row' ? model.rows.get(n.id)?.pair : model.groups.get(n.id)?.pair;
  const missing: (RowDef | GroupDef)[] = [];
  for (const node of level) {
    if (node.kind === 'row') {
      if (model.rows.has(node.id)) { checkRowShape(ctx, table, node); continue; }
      if (node.optionalTotal) continue; // computed when left out
    } else {
      const group = model.groups.get(node.id);
      if (group) {
        const indent = indentOf(model, group.keySpan);
        if (group.map) checkLevel(ctx, table, node.children, group, indent);
        else reportMissing(ctx, table, node.children, keysAtLevel(node.children), group, indent);
        continue;
      }
    }
    missing.push(node);
  }
  if (!missing.length) return;
  // Keys that go after the same present key are inserted together, in template order.
  const runs = new Map<Pair | undefined, (RowDef | GroupDef)[]>();
  for (const node of missing) {
    const before = level.slice(0, level.indexOf(node)).map(pairOf).filter((p): p is Pair => !!p);
    const after = before[before.length - 1];
    runs.set(after, [...(runs.get(after) ?? []), node]);
  }
  const edits: TextEdit[] = [];
  for (const [after, run] of runs) {
    const upToAfter = after ? level.slice(0, level.findIndex((n) => pairOf(n) === after) + 1) : [];
    const earlier = new Set(upToAfter.map(pairOf).filter((p): p is Pair => !!p));
    const lines = run.flatMap((n) => (n.kind === 'row' ? [rowLine(n, '')] : groupLines(n, '')));
    const owner = { keyEnd: container.keySpan.end, indent: ownerIndent };
    const edit = insertIntoMap(model, container.map, owner, (p) => earlier.has(p), lines);
    if (!edit) { edits.length = 0; break; } // all or nothing: a partial insert would read as the whole fix
    edits.push(edit);
  }
  reportMissingFinding(ctx, table, nodes, missing, container, edits);
}

/** A group written without its rows (`其他处理:` and nothing under it): everything in it is missing. */
function reportMissing(
  ctx: RuleContext, table: TableDef, nodes: TableNode[], missing: (RowDef | GroupDef)[], container: Container,
  ownerIndent: number,
): void {
  const edit = isScalar(container.node) && container.node.value !== null ? undefined
    : insertIntoMap(ctx.model, null, { keyEnd: container.keySpan.end, indent: ownerIndent }, () => false,
      missing.flatMap((n) => (n.kind === 'row' ? [rowLine(n, '')] : groupLines(n, ''))));
  reportMissingFinding(ctx, table, nodes, missing, container, edit ? [edit] : []);
}

function reportMissingFinding(
  ctx: RuleContext, table: TableDef, nodes: TableNode[], missing: (RowDef | GroupDef)[], container: Container,
  edits: TextEdit[],
): void {
  const rows = missing.flatMap((n) => (n.kind === 'row' ? [n] : tableRows({ ...table, nodes: [n] }).filter((r) => !r.optionalTotal)));
  const all = tableRows({ ...table, nodes }).filter((r) => !r.optionalTotal);
  const whole = nodes === table.nodes && rows.length === all.length;
  const title = insertFixTitle(missing);
  const preferred = missing.every((n) => insertPreferred(ctx.model, container.map, n.key!));
  const fixes: Fix[] | undefined = edits.length ? [{ title, edits, preferred }] : undefined;
  const key = missingRowsKey(whole, rows.length);
  ctx.report(finding(SHAPE_RULE[table.id], container.keySpan, key, {
    table: table.name, title: table.title, row: rows[0].label, key: rows[0].key, count: rows.length, rows: { list: rows.map((r) => `“${r.label}”`) },
  }, { fixes }));
}

/** The fix inserts one row, one group, or several keys. */
function insertFixTitle(missing: (RowDef | GroupDef)[]): Message {
  if (missing.length !== 1) return { key: 'fix.insertRows', args: {} };
  const only = missing[0];
  if (only.kind === 'row') return { key: 'fix.insertRow', args: { key: only.key } };
  return { key: 'fix.insertGroup', args: { key: only.key! } };
}

/** The finding names the whole table as empty, one missing row, or several. */
function missingRowsKey(whole: boolean, count: number): MessageKey {
  if (whole) return 'table.empty';
  return count === 1 ? 'table.missingRow' : 'table.missingRows';
}

function checkRowShape(ctx: RuleContext, table: TableDef, def: RowDef): void {
  const row = ctx.model.rows.get(def.id)!;
  if (row.wrongType) return;
  const base = def.columns.filter((c) => !c.optionalTotal);
  const hasTotal = def.columns.length > base.length;
  if (def.scalar && row.written === 1) return;
  const ok = row.written === base.length || (hasTotal && row.written === def.columns.length);
  if (ok) return;
  const columns = { list: base.map((c) => c.short) };
  const expected: Message = hasTotal
    ? { key: 'table.expectedOrTotal', args: { count: base.length, columns, withTotal: def.columns.length } }
    : { key: 'table.expected', args: { count: base.length, columns } };
  const tooFew = row.written < base.length;
  let fixes: Fix[] | undefined;
  const close = row.valueSpan.end - 1;
  if (tooFew && isSeq(row.node) && row.node.flow && ctx.model.text[close] === ']') {
    const missing = base.length - row.written;
    // Right after the last value, so a trailing comma (`[1, 2, ]`) stays after the zeros.
    const last = row.node.items[row.node.items.length - 1] as Node | null | undefined;
    const end = last?.range ? last.range[1] : close;
    const text = (row.written ? ', ' : '') + Array(missing).fill('0').join(', ');
    fixes = [{ title: { key: 'fix.padZeros', args: { count: missing } }, edits: [{ span: { start: end, end }, text }], preferred: true }];
  }
  ctx.report(finding(SHAPE_RULE[table.id], row.written ? row.valueSpan : row.keySpan, tooFew ? 'table.tooFew' : 'table.tooMany',
    { table: table.name, row: def.label, written: row.written, expected }, { fixes }));
}


export function checkGeneral(ctx: RuleContext): void {
  const { model } = ctx;
  const p1 = model.part.get('p1');
  if (!p1) return;
  const { generalTopics } = model.template;
  const topics = generalTopics.filter((f) => f.required);
  // Part 一's whole text, joined only when part 一 is written as one block (joining megabytes of prose costs).
  let text: string | undefined;
  const wholeText = () => (text ??= model.prose.filter((p) => p.part === p1.def.id).map((p) => p.text).join('\n'));
  for (const f of topics) {
    const field = model.fields.get(f.id);
    // Without its own key, a topic written into part 一 as one block counts when the block mentions it.
    const present = field ? hasText(field.node) : !isMap(p1.node) && mentions(wholeText(), f);
    if (present) continue;
    const earlier = new Set(generalTopics.slice(0, generalTopics.indexOf(f)).map((x) => x.id));
    const edit = isMap(p1.node) && !field
      ? insertIntoMap(model, p1.node, { keyEnd: p1.keySpan.end, indent: indentOf(model, p1.keySpan) },
        (pair) => [...model.fields.values()].some((fv) => fv.pair === pair && earlier.has(fv.def.id)), [`${f.key}: |`, `  ${promptFor(f)}`])
      : undefined;
    ctx.report(finding('STR-GENERAL-TOPICS', field ? field.keySpan : p1.keySpan, 'general.missingTopic', { topic: f.label }, {
      fixes: edit ? [{ title: { key: 'fix.insertKey', args: { key: f.key } }, edits: [edit] }] : undefined,
    }));
  }
}

/** Whether a value has any non-blank text (without copying megabytes of prose to trim it). */
function hasText(node: unknown): boolean {
  return isScalar(node) && node.value !== null && /\S/.test(String(node.value));
}

function mentions(text: string, f: { key: string; label: string }): boolean {
  return text.includes(f.key) || text.includes(f.label.replace(/^（.）/, ''));
}

export function checkFees(ctx: RuleContext): void {
  const { model } = ctx;
  const p6 = model.part.get('p6');
  if (!p6) return;
  const fee = model.fields.get('p6.fee');
  const feeGroup = model.groups.get('p6.fee');
  // The 2019 trial format predates the 信息处理费 rules: there the statement is optional.
  if (!fee && !model.idx.field.get('p6.fee')?.required) return;
  if (!fee || !feeGroup?.map) {
    const edit = insertFees(model, p6, fee);
    ctx.report(finding('FEE-SHAPE', fee ? fee.keySpan : p6.keySpan, 'fee.missing', {}, {
      fixes: edit ? [{ title: { key: 'fix.insertFees', args: {} }, edits: [edit], preferred: insertPreferred(model, isMap(p6.node) ? p6.node : null, model.idx.field.get('p6.fee')!.key) }] : undefined,
    }));
    return;
  }
  for (const f of model.template.feeFields) {
    const v = model.fields.get(f.id);
    if (!v) {
      const earlier = new Set(model.template.feeFields.slice(0, model.template.feeFields.indexOf(f)).map((x) => x.id));
      const edit = insertIntoMap(model, feeGroup.map, null, (pair) => [...model.fields.values()].some((fv) => fv.pair === pair && earlier.has(fv.def.id)), [`${f.key}: 0`]);
      ctx.report(finding('FEE-SHAPE', fee.keySpan, 'fee.missingField', { field: f.label }, {
        fixes: edit ? [{ title: { key: 'fix.insertKey', args: { key: f.key } }, edits: [edit], preferred: insertPreferred(model, feeGroup.map, f.key) }] : undefined,
      }));
      continue;
    }
    const n = feeFigure(isScalar(v.node) ? v.node.value : undefined);
    const ok = Number.isFinite(n) && n >= 0 && (f.type !== 'count' || Number.isInteger(n));
    if (!ok) ctx.report(finding('FEE-SHAPE', v.valueSpan.end > v.valueSpan.start ? v.valueSpan : v.keySpan, f.type === 'count' ? 'fee.notCount' : 'fee.notAmount', { field: f.label, unit: f.unit ?? '' }));
  }
}

/**
 * The fix for a missing 信息处理费 statement: its lines inserted into part 六's mapping, or under a part 六
 * with nothing written; none where part 六 is text or the statement's key is there without its figures.
 */
function insertFees(model: ReportModel, p6: PartValue, fee: FieldValue | undefined): TextEdit | undefined {
  const owner = { keyEnd: p6.keySpan.end, indent: indentOf(model, p6.keySpan) };
  if (isMap(p6.node) && !fee) return insertIntoMap(model, p6.node, owner, () => false, feeLines(model.template, ''));
  const nothingWritten = !p6.node || (isScalar(p6.node) && p6.node.value === null);
  return nothingWritten ? insertIntoMap(model, null, owner, () => false, feeLines(model.template, '')) : undefined;
}

/** Fewer characters than this (Chinese, letters, digits) cannot state problems and measures: “无。”, one sentence. */
export const PART5_MIN_CHARS = 40;
/** Part 五 that says nothing about anything (only “无”, “暂无”, “没有”). */
const NIL_TEXT = /^(?:无|暂无|没有|无问题|无相关情况|本年度无)$/;
/** Measures, as opposed to “有待加强” in a problem statement. */
const MEASURES = /改进|措施|举措|整改|下一步|今后|将(?:进一步|继续|持续|加强|建立|完善|加大|采取|开展|推进)/;

/**
 * STR-PART5-EMPTY (spec 22): part 五 empty, only “无”, shorter than a paragraph, or lacking problems or measures.
 * A sub-heading counts only when something is written under it (`改进情况:` left empty is no measure).
 */
export function checkPart5(ctx: RuleContext): void {
  const { model } = ctx;
  const p5 = model.part.get('p5');
  if (!p5) return;
  const prose = model.prose.filter((p) => p.part === p5.def.id && p.text.trim());
  // Still the prompt of a new report: TXT-PLACEHOLDER says so, once.
  if (prose.length && prose.every((p) => isPrompt(p.text))) return;
  const body = prose.map((p) => p.text).join('\n');
  const written = new Set(prose.map((p) => p.node));
  const headings = isMap(p5.node) ? p5.node.items.filter((i) => written.has(i.value as never)).map((i) => (isScalar(i.key) ? String(i.key.value) : '')).join('\n') : '';
  const text = `${body}\n${headings}`;
  const chars = body.replace(/[^\p{L}\p{N}]/gu, '').length;
  const key = part5Lack(body, text, chars);
  if (key) ctx.report(finding('STR-PART5-EMPTY', p5.keySpan, key, { chars, min: PART5_MIN_CHARS }));
}

/** What part 五 lacks, if anything: any text, more than “无”, length, problems, measures (headings count). */
function part5Lack(body: string, text: string, chars: number): MessageKey | undefined {
  if (!body.trim()) return 'part5.empty';
  if (NIL_TEXT.test(body.replace(/[\s。．.!！]/g, ''))) return 'part5.nil';
  if (chars < PART5_MIN_CHARS) return 'part5.tooShort';
  if (!/问题|不足|差距/.test(text)) return 'part5.noProblems';
  if (!MEASURES.test(text)) return 'part5.noMeasures';
  return undefined;
}

/** IMPORT-UNMAPPED: text the importer could not place is still waiting under 未识别内容. */
export function checkUnmapped(ctx: RuleContext): void {
  const f = ctx.model.fields.get('unmapped');
  const text = isScalar(f?.node) && f.node.value !== null ? String(f.node.value).trim() : '';
  if (!f || !text) return;
  const count = text.split(/\n\s*\n/).filter((x) => x.trim()).length;
  ctx.report(finding('IMPORT-UNMAPPED', f.keySpan, 'content.unmapped', { key: f.def.key, count }));
}
