/**
 * Property-test harness shared by `npm test` (test/fuzz.test.ts, a small fixed-seed set) and `npm run fuzz`
 * (scripts/fuzz.ts, a large count). `exercise` runs one text through everything a user's text reaches —
 * parse, check, render (export and preview with tooltips), and every kind of quick fix — and throws when an
 * invariant breaks: an exception escaped, a range points outside the document, a fix corrupts the YAML,
 * or one input took unreasonably long (a hang or a quadratic blow-up, not a performance target).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkModel, checkText } from '../../server/src/check';
import { fixMeaningError } from './fixMeaning';
import { IncrementalYaml } from '../../server/src/languageService/incremental';
import type { Finding, Span } from '../../server/src/model/findings';
import { localize } from '../../server/src/l10n';
import { parseReport, parseYaml } from '../../server/src/model/model';
import { renderBody, renderDocument } from '../../server/src/render/html';
import { template2021, type TableNode } from '../../server/src/template';
import { FIX_ALL_KIND } from '../../server/src/languageService/codeActions';
import { createLanguageService } from '../../server/src/languageService/languageService';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';

const ROOT = join(__dirname, '..', '..');
const TODAY = { y: 2026, m: 11, d: 27 };

export const SAMPLES: { name: string; text: string }[] = readdirSync(join(ROOT, 'samples'))
  .filter((f) => f.endsWith('.xxgk.yaml')).sort()
  .map((name) => ({ name, text: readFileSync(join(ROOT, 'samples', name), 'utf8') }));

// ------------------------------------------------------------------------------------------ invariants

export interface Exercised {
  findings: number;
  fixesApplied: number;
  /** Parse + check + render time of the input itself (fix re-checks excluded). */
  ms: number;
}

export interface ExerciseOptions {
  /** Apply at most this many fixes (spread over the findings); each is a full re-check. Default 12. */
  maxFixes?: number;
  /** Override the time bound (ms). */
  budgetMs?: number;
}

/**
 * Generous bound per input: seconds, growing with size. It exists to catch hangs and super-linear work
 * (which miss it by orders of magnitude), not to measure speed; the benchmark does that.
 */
export function budgetFor(length: number): number {
  return 5_000 + length / 1_000; // 10 MB → 15 s
}

/**
 * Over the fixed bound, the input may simply be slow for yaml itself (it needs up to ~10 µs per item of a
 * 500,000-item flow sequence) or the machine busy: then the bound is a multiple of yaml's own parse time
 * of the same text, measured now, which a busy machine inflates alike.
 */
function overBudget(text: string, ms: number, budget: number): string | undefined {
  if (ms <= budget) return undefined;
  const t0 = performance.now();
  parseYaml(text);
  const floor = performance.now() - t0;
  return ms > 5_000 + 4 * floor ? `took ${ms.toFixed(0)} ms (bound ${budget.toFixed(0)} ms for ${text.length} chars, and yaml alone parses it in ${floor.toFixed(0)} ms)` : undefined;
}

class InvariantError extends Error {}

function fail(what: string, text: string): never {
  const shown = text.length > 300 ? `${JSON.stringify(text.slice(0, 300))}… (${text.length} chars)` : JSON.stringify(text);
  throw new InvariantError(`${what}\n  input: ${shown}`);
}

function checkSpan(span: Span | undefined, length: number, what: string, text: string): void {
  if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) fail(`${what}: not an integer span: ${JSON.stringify(span)}`, text);
  if (span.start < 0 || span.end > length || span.start > span.end) fail(`${what}: span ${span.start}–${span.end} outside the document (0–${length})`, text);
}

/** Every finding, related location and fix edit lies inside the document; a fix's edits do not overlap. */
export function checkFindingSpans(findings: Finding[], text: string): void {
  for (const f of findings) {
    const what = `${f.rule} “${localize(f.message).slice(0, 80)}”`;
    checkSpan(f.span, text.length, what, text);
    for (const r of f.related ?? []) checkSpan(r.span, text.length, `${what} related`, text);
    for (const fix of f.fixes ?? []) {
      const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
      edits.forEach((e, i) => {
        checkSpan(e.span, text.length, `${what} fix edit`, text);
        if (typeof e.text !== 'string') fail(`${what} fix edit without text`, text);
        if (i > 0 && e.span.start < edits[i - 1].span.end) fail(`${what} fix edits overlap`, text);
      });
    }
  }
}

export function applyEdits(text: string, edits: { span: Span; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return out;
}

function guarded<T>(what: string, text: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof InvariantError) throw e;
    fail(`${what} threw ${(e as Error)?.stack ?? String(e)}`, text);
  }
}

const syntaxErrors = (fs: Finding[]) => fs.filter((f) => f.rule === 'YAML-SYNTAX' && f.severity === 'error').length;

/** Runs one text through the core; throws InvariantError with the reason and the input when something breaks. */
export function exercise(text: string, options: ExerciseOptions = {}): Exercised {
  const t0 = performance.now();
  const { model, findings } = guarded('checkText', text, () => checkText(text, { today: TODAY })); // parseReport + rules
  checkFindingSpans(findings, text);
  const doc = guarded('renderDocument', text, () => renderDocument(model));
  const body = guarded('renderBody', text, () => renderBody(model, { findings }));
  if (typeof doc !== 'string' || typeof body.html !== 'string') fail('render returned no HTML', text);
  const ms = performance.now() - t0;
  const slow = overBudget(text, ms, options.budgetMs ?? budgetFor(text.length));
  if (slow) fail(slow, text);

  // Quick fixes must never corrupt a document: the fixed text parses, checks and renders, and a document
  // that was valid YAML stays valid YAML.
  const withFixes = findings.filter((f) => f.fixes?.length);
  const maxFixes = options.maxFixes ?? 12;
  const step = Math.max(1, Math.ceil(withFixes.length / maxFixes));
  const wasValidYaml = syntaxErrors(findings) === 0;
  let fixesApplied = 0;
  for (let i = 0; i < withFixes.length && fixesApplied < maxFixes; i += step) {
    for (const fix of withFixes[i].fixes!) {
      const fixed = applyEdits(text, fix.edits);
      const what = `fix “${localize(fix.title)}” of ${withFixes[i].rule}`;
      const after = guarded(`checkText after ${what}`, fixed, () => checkText(fixed, { today: TODAY }));
      checkFindingSpans(after.findings, fixed);
      guarded(`renderBody after ${what}`, fixed, () => renderBody(after.model, { findings: after.findings }));
      if (wasValidYaml && syntaxErrors(after.findings) > 0) {
        const e = after.findings.find((f) => f.rule === 'YAML-SYNTAX')!;
        fail(`${what} broke the YAML: ${localize(e.message)}\n  fixed text: ${JSON.stringify(fixed.slice(Math.max(0, e.span.start - 200), e.span.start + 200))}`, text);
      }
      // … and reads as the fix intends: what it writes, and nothing else changed (helpers/fixMeaning.ts).
      const wrong = wasValidYaml ? fixMeaningError(text, model.doc, fix, after.model.doc) : undefined;
      if (wrong) fail(`${what} does not read as intended: ${wrong}\n  edits: ${JSON.stringify(fix.edits).slice(0, 400)}`, text);
      fixesApplied++;
    }
  }
  return { findings: findings.length, fixesApplied, ms };
}

// ------------------------------------------------------------------------------------------ corpora

/** Every key the template knows (canonical and alias spellings), so random text hits real code paths. */
export const TEMPLATE_KEYS: string[] = (() => {
  const t = template2021;
  const keys = new Set<string>();
  const fields = [...t.metadata, ...t.generalTopics, ...t.otherFields, ...t.feeFields];
  for (const f of fields) [f.key, f.label, ...f.aliases].forEach((k) => keys.add(k));
  for (const p of t.parts) [p.key, ...p.variants, ...p.aliases].forEach((k) => keys.add(k));
  const walk = (nodes: TableNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'row') [n.key, n.label, ...(n.aliases ?? [])].forEach((k) => keys.add(k));
      else { if (n.key) keys.add(n.key); keys.add(n.label); walk(n.children); }
    }
  };
  for (const table of t.tables) walk(table.nodes);
  return [...keys];
})();

/** Fragments that matter to YAML and to the rules. */
const TOKENS = [
  '\n', '\n  ', '\n    ', '  ', ' ', '\t', '\r\n', '\r', ': ', ':', '- ', '-', '[', ']', '{', '}', ', ', ',', '#', ' # 注释', '|', '|-', '>', '>+',
  '&a ', '*a', '&b [1, 2]', '<<: *a', '? ', '!!str ', '!!int ', '!foo ', '%YAML 1.2\n', '---\n', '...\n', '~', 'null', '"', "'", '\\', '"\\u202e"',
  '0', '1', '7', '42', '-1', '1.5', '0.1', '1e9', '.inf', '.nan', '0x1F', '1_000', '１２', '9'.repeat(30), '2024', '2025-01-20', '2025年1月20日', '2023年1月1日至2023年12月31日',
  '万元', '进行进行', '张营乡乡', '的的', '未收到政府信息公开申请', '未发生行政复议、行政诉讼', '由某某局编制', '电话：0319-6240117',
  '<script>alert(1)</script>', '</style>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '\u202e', '\u2066', '\ufeff', '\u0000', '\ud800', '\uffff',
];

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 3, arbitrary: fc.constantFrom(...TEMPLATE_KEYS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789[],: \n-~#'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

export type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; text: string }
  | { op: 'dupLine' | 'dropLine' | 'indent' | 'dedent'; at: number }
  | { op: 'swapLines'; at: number; other: number };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fragment }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), text: fragment }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('dupLine' as const, 'dropLine' as const, 'indent' as const, 'dedent' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }) },
);

export function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  switch (e.op) {
    case 'insert': return text.slice(0, at) + e.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + e.length);
    case 'replace': return text.slice(0, at) + e.text + text.slice(at + e.length);
    default: {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      if (e.op === 'dupLine') lines.splice(i, 0, lines[i]);
      else if (e.op === 'dropLine') lines.splice(i, 1);
      else if (e.op === 'indent') lines[i] = '  ' + lines[i];
      else if (e.op === 'dedent') lines[i] = lines[i].replace(/^ {1,2}/, '');
      else if (e.op === 'swapLines') { const j = e.other % lines.length; [lines[i], lines[j]] = [lines[j], lines[i]]; }
      return lines.join('\n');
    }
  }
}

/** A sample with 1–`maxEdits` random edits applied in sequence (what a document looks like mid-edit). */
export function editedSample(maxEdits = 8): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...SAMPLES.map((s) => s.text)), fc.array(editArb, { minLength: 1, maxLength: maxEdits }))
    .map(([text, edits]) => edits.reduce(applyEdit, text));
}

/** Every prefix of every sample — typing the report in from the top — every `step` characters and at every line end. */
export function* samplePrefixes(step = 1): Generator<{ name: string; text: string }> {
  for (const s of SAMPLES) {
    for (let n = 0; n <= s.text.length; n++) {
      if (n % step === 0 || s.text[n] === '\n' || n === s.text.length) yield { name: `${s.name}[0,${n})`, text: s.text.slice(0, n) };
    }
  }
}

export const randomBytes: fc.Arbitrary<string> = fc.tuple(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('utf8', 'latin1'))
  .map(([bytes, enc]) => (enc === 'utf8' ? new TextDecoder('utf-8').decode(bytes) : Buffer.from(bytes).toString('latin1')));

export const randomUnicode: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  // UTF-16 code units, lone surrogates included.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 2000 }),
  fc.array(fragment, { maxLength: 300 }).map((xs) => xs.join('')),
);

const KINDS = ['[', '{', '- ', 'indent', '[{', '? ', 'a: [', '&x [', '"'] as const;

export const deepNesting = (maxDepth = 20_000): fc.Arbitrary<string> => fc.record({
  depth: fc.integer({ min: 1, max: maxDepth }), kind: fc.constantFrom(...KINDS), closed: fc.boolean(), inSample: fc.boolean(),
}).map(({ depth, kind, closed, inSample }) => {
  let s: string;
  switch (kind) {
    case '[': s = '['.repeat(depth) + (closed ? ']'.repeat(depth) : ''); break;
    case '{': s = '{a: '.repeat(depth) + '1' + (closed ? '}'.repeat(depth) : ''); break;
    case '[{': s = '[{a: '.repeat(depth) + '1' + (closed ? '}]'.repeat(depth) : ''); break;
    case '- ': s = '- '.repeat(Math.min(depth, 5_000)) + 'x'; break;
    case 'indent': s = Array.from({ length: Math.min(depth, 3_000) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1'; break;
    case '? ': s = '? '.repeat(Math.min(depth, 5_000)) + 'x'; break;
    case 'a: [': s = '机关: ' + '['.repeat(depth); break;
    case '&x [': s = Array.from({ length: Math.min(depth, 5_000) }, (_, i) => `&a${i} [`).join('') + (closed ? ']'.repeat(Math.min(depth, 5_000)) : ''); break;
    default: s = '机关: "' + '\\"'.repeat(depth); break;
  }
  return inSample ? SAMPLES[depth % SAMPLES.length].text.replace('  本年新收:', `  本年新收: ${s}\n  本年新收x:`) : s;
});

/** Where a long string goes: every kind of text field. */
const PLACES = ['key', 'prose', 'cell', 'comment', 'title', 'line', 'row', 'flow'] as const;

export function longText(place: (typeof PLACES)[number], unit: string, length: number, base = SAMPLES[0].text): string {
  const s = unit.repeat(Math.max(1, Math.ceil(length / unit.length))).slice(0, length);
  const firstProse = /^(导语: \|\n)(  .*\n)/m;
  switch (place) {
    case 'key': return base.replace(/^机关:/m, `${s}:`);
    case 'prose': return base.replace(firstProse, (_, head) => `${head}  ${s}\n`);
    case 'cell': return base.replace(/(本年新收: +\[)[^,\]]*/, `$1${s}`);
    case 'comment': return `# ${s}\n${base}`;
    case 'title': return base.replace(/^机关: .*$/m, `机关: ${s}`);
    case 'line': return s;
    case 'row': return base.replace(/(本年新收: +)\[[^\]]*\]/, `$1[${Array.from({ length: Math.ceil(length / 3) }, (_, i) => i % 10).join(', ')}]`);
    case 'flow': return base.replace(/^机关: .*$/m, `机关: "${s.replace(/["\\]/g, '')}"`);
  }
}

export const longStrings = (maxLength: number): fc.Arbitrary<string> => fc.record({
  place: fc.constantFrom(...PLACES),
  unit: fc.constantFrom('进', '进行', '进行进行。', 'a', 'ab ', ' ', '9', '张营乡乡', '未收到申请。', '2023年1月1日至2023年12月31日', '\u202e', '"', '{', '\\', '<', '的的'),
  length: fc.integer({ min: 1_000, max: maxLength }),
  base: fc.constantFrom(...SAMPLES.map((s) => s.text)),
}).map(({ place, unit, length, base }) => longText(place, unit, length, base));

/** Billion laughs and friends: exponential aliasing that must never be expanded. */
export function aliasBomb(depth: number, width: number, where: 'root' | 'cell' | 'row' | 'key' | 'merge' | 'prose'): string {
  const lines = ['l0: &l0 ["lol", "lol", "lol"]'];
  for (let i = 1; i <= depth; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(', ')}]`);
  const top = `*l${depth}`;
  const base = SAMPLES[(depth + width) % SAMPLES.length].text;
  switch (where) {
    case 'root': return lines.join('\n');
    case 'cell': return `${lines.join('\n')}\n${base.replace(/(本年新收: +\[)[^,\]]*/, `$1${top}`)}`;
    case 'row': return `${lines.join('\n')}\n${base.replace(/(本年新收: +)\[[^\]]*\]/, `$1${top}`)}`;
    case 'key': return `${lines.join('\n')}\n${base}\n? ${top}\n: 1`;
    case 'merge': return `${lines.map((l) => l.replace(/\[(.*)\]$/, '{a: [$1]}')).join('\n')}\nx:\n  <<: ${top}\n${base}`;
    case 'prose': return `${lines.join('\n')}\n${base.replace(/^导语: \|$/m, `导语: ${top}\nxx: |`)}`;
  }
}

export const aliasBombs: fc.Arbitrary<string> = fc.record({
  depth: fc.integer({ min: 1, max: 14 }), width: fc.integer({ min: 2, max: 12 }),
  where: fc.constantFrom('root' as const, 'cell' as const, 'row' as const, 'key' as const, 'merge' as const, 'prose' as const),
}).map(({ depth, width, where }) => aliasBomb(depth, width, where));

// ------------------------------------------------------------------------------------------ report grammar

const cellToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.nat(2000).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('~', '-', '—', '', 'null', '-1', '1.5', '0.1', '1e3', '.inf', '.nan', '"3"', "'x'", '[1]', '{a: 1}', '0x1F', '1_000', '１２', '无', '空', '9'.repeat(25)) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const prosePool = [
  '本年度共收到政府信息公开申请3件。', '未收到政府信息公开申请。', '未发生政府信息公开行政复议、行政诉讼案件。', '我乡进行进行了全面梳理。',
  '张营乡乡村振兴工作稳步推进。', '张营乡乡政府加强培训。', '统计期限自2024年1月1日起至2024年12月31日止。', '统计期间为2023年1月1日至2023年12月31日。',
  '本报告由张营乡人民政府编制。', '本报告由某某局编写。', '联系电话：0319-6240117。', '开展考核、评议和责任追究。', '的的确确', '一步一步', '',
];

const proseArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...prosePool), { minLength: 0, maxLength: 6 }).map((xs) => xs.join(''));

function rowLines(node: TableNode, pad: string, pick: (n: number) => string[] | undefined): string[] {
  if (node.kind === 'row') {
    const cells = pick(node.columns.length);
    if (!cells) return [];
    return [node.scalar && cells.length === 1 ? `${pad}${node.key}: ${cells[0]}` : `${pad}${node.key}: [${cells.join(', ')}]`];
  }
  const inner = node.nested ? pad + '  ' : pad;
  const rows = node.children.flatMap((c) => rowLines(c, inner, pick));
  return node.nested ? [`${pad}${node.key}:`, ...rows] : rows;
}

/**
 * Reports built from the template with random values, random omissions, duplicates and typos: reaches every
 * rule (sums, dates, nil statements, fees …) far more often than random text does.
 */
export const reportGrammar: fc.Arbitrary<string> = fc.record({
  meta: fc.record({
    version: fc.constantFrom('2021', '2019', 'x', ''),
    issuer: fc.constantFrom('张营乡人民政府', '示例县自然资源和规划局', '', '<b>机关</b>'),
    kind: fc.constantFrom(...template2021.bodyKinds.map((k) => k.label), '不存在的类型', ''),
    year: fc.constantFrom('2023', '2024', '1999', '二〇二四', ''),
    signed: fc.constantFrom('2025-01-20', '2024-01-22', '2025年3月31日', '2025-02-30', '明天', ''),
    published: fc.option(fc.constantFrom('2025-01-22', '2024-12-01', '2026-05-05')),
    contact: fc.option(fc.constantFrom('电话：0319-6240117', '')),
  }),
  preamble: proseArb,
  prose: fc.array(proseArb, { minLength: 9, maxLength: 9 }),
  cells: fc.array(fc.array(cellToken, { minLength: 1, maxLength: 9 }), { minLength: 60, maxLength: 60 }),
  omit: fc.array(fc.nat(9), { minLength: 80, maxLength: 80 }),
  shuffle: fc.array(fc.nat(), { maxLength: 4 }),
  typo: fc.array(fc.record({ at: fc.nat(), text: fragment }), { maxLength: 3 }),
}).map(({ meta, preamble, prose, cells, omit, shuffle, typo }) => {
  let o = 0, c = 0;
  const keep = () => omit[o++ % omit.length] !== 0; // one in ten left out
  const pick = (n: number) => {
    const raw = cells[c++ % cells.length];
    if (!keep()) return undefined;
    // Mostly the right number of cells, sometimes fewer or more.
    return raw.length > 3 ? Array.from({ length: n }, (_, i) => raw[i % raw.length]) : raw;
  };
  const t = template2021;
  const lines: string[] = [
    `格式: ${meta.version}`, `机关: ${meta.issuer}`, `机关类型: ${meta.kind}`, `年度: ${meta.year}`, `落款日期: ${meta.signed}`,
    ...(meta.published ? [`发布日期: ${meta.published}`] : []), ...(meta.contact !== null ? [`联系方式: ${meta.contact}`] : []),
    `导语: |`, `  ${preamble}`,
  ];
  let p = 0;
  for (const part of t.parts) {
    if (!keep()) continue;
    switch (part.content) {
      case 'general':
        lines.push(`${part.key}:`, ...t.generalTopics.flatMap((f) => (keep() ? [`  ${f.key}: |`, `    ${prose[p++ % 9]}`] : [])));
        break;
      case 'table':
        lines.push(`${part.key}:`, ...t.tables.find((x) => x.id === part.table)!.nodes.flatMap((n) => rowLines(n, '  ', pick)));
        break;
      case 'prose':
        lines.push(`${part.key}: |`, `  ${prose[p++ % 9]}`);
        break;
      case 'other':
        lines.push(`${part.key}:`, '  信息处理费:', ...t.feeFields.map((f) => `    ${f.key}: ${cells[c++ % cells.length][0]}`), '  其他: |', `    ${prose[p++ % 9]}`);
        break;
    }
  }
  for (const s of shuffle) {
    const i = s % lines.length, j = (s * 7 + 3) % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  let text = lines.join('\n') + '\n';
  for (const x of typo) text = applyEdit(text, { op: 'insert', at: x.at, text: x.text });
  return text;
});

// ------------------------------------------------------------------------------------------ big inputs

/** A realistic report padded to `bytes` UTF-8 bytes of prose, with doubled words sprinkled in. */
export function hugeReport(bytes: number, base = SAMPLES.find((s) => s.name.startsWith('county-dept-2024.'))!.text): string {
  const sentence = '全年主动公开政府信息1286条，其中重点领域信息732条，发布政策解读材料21篇；我局进行进行了梳理。\n  ';
  const per = Buffer.byteLength(sentence);
  const n = Math.max(1, Math.floor((bytes - Buffer.byteLength(base)) / per));
  return base.replace(/^(导语: \|\n)/m, `$1  ${sentence.repeat(n)}\n`);
}

/** A report-shaped 10 MB file of many small mappings (500k keys): stresses the per-key work. */
export function manyKeys(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = i % 50 === 0 ? `${TEMPLATE_KEYS[i % TEMPLATE_KEYS.length]}${i}:` : `  k${i}: ${i}`;
    lines.push(l);
    size += Buffer.byteLength(l) + 1;
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------ language service

/** Positions worth asking about: starts and ends of lines, the middle of keys and cells, the end. */
function probePositions(text: string, count: number, seed: number): number[] {
  const out = new Set<number>([0, text.length]);
  let x = seed >>> 0;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.add(x % (text.length + 1));
  }
  return [...out];
}

/**
 * Every feature of the language service on one text (what the server answers while the clerk types): none
 * throws, every range it returns lies in the document, and “fix all” never turns valid YAML into invalid.
 */
export function exerciseService(text: string, seed = 1): void {
  const service = createLanguageService({ today: TODAY });
  const doc = TextDocument.create('file:///fuzz.xxgk.yaml', 'xxgk', 1, text);
  const lines = text.split(/\r\n|\r|\n/);
  const inDoc = (r: Range | undefined, what: string) => {
    if (!r) return;
    for (const p of [r.start, r.end]) {
      if (!(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length)) {
        fail(`${what}: position ${JSON.stringify(p)} outside the document`, text);
      }
    }
  };
  const diagnostics = guarded('getDiagnostics', text, () => service.getDiagnostics(doc));
  for (const d of diagnostics) {
    inDoc(d.range, `diagnostic ${d.code}`);
    d.relatedInformation?.forEach((r) => inDoc(r.location.range, `related of ${d.code}`));
  }
  const end = doc.positionAt(text.length);
  const whole: Range = { start: { line: 0, character: 0 }, end };
  for (const s of guarded('getDocumentSymbols', text, () => service.getDocumentSymbols(doc))) { inDoc(s.range, 'symbol'); inDoc(s.selectionRange, 'symbol selection'); }
  for (const f of guarded('getFoldingRanges', text, () => service.getFoldingRanges(doc))) inDoc({ start: { line: f.startLine, character: 0 }, end: { line: f.endLine, character: 0 } }, 'folding range');
  for (const h of guarded('getInlayHints', text, () => service.getInlayHints(doc, whole))) inDoc({ start: h.position, end: h.position }, 'inlay hint');
  guarded('getPreview', text, () => service.getPreview(doc));
  guarded('getExport', text, () => service.getExport(doc));
  for (const offset of probePositions(text, 6, seed)) {
    const position = doc.positionAt(offset);
    const completion = guarded('getCompletion', text, () => service.getCompletion(doc, position));
    for (const item of completion.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) inDoc(edit.range, `completion “${item.label}”`);
      item.additionalTextEdits?.forEach((e) => inDoc(e.range, `completion “${item.label}” extra edit`));
    }
    const hover = guarded('getHover', text, () => service.getHover(doc, position));
    inDoc(hover?.range, 'hover');
  }
  const actions = guarded('getCodeActions', text, () => service.getCodeActions(doc, whole, { diagnostics, only: [FIX_ALL_KIND] }));
  for (const a of actions) {
    const edits = a.edit?.changes?.[doc.uri] ?? [];
    edits.forEach((e) => inDoc(e.range, `code action “${a.title}”`));
    const fixed = TextDocument.applyEdits(doc, edits);
    const after = guarded(`checkText after “${a.title}”`, fixed, () => checkText(fixed, { today: TODAY }));
    const before = diagnostics.filter((d) => d.code === 'YAML-SYNTAX' && d.severity === 1).length;
    if (before === 0 && syntaxErrors(after.findings) > 0) {
      const e = after.findings.find((f) => f.rule === 'YAML-SYNTAX')!;
      fail(`“${a.title}” broke the YAML: ${localize(e.message)}\n  fixed text: ${JSON.stringify(fixed.slice(Math.max(0, e.span.start - 200), e.span.start + 200))}`, text);
    }
  }
}

// ------------------------------------------------------------------------------------------ incremental parsing

/** A starting report and the edits typed into it, one after the other. */
export const editSequences = fc.tuple(
  fc.oneof(fc.constantFrom(...SAMPLES.map((s) => s.text)), reportGrammar),
  fc.array(editArb, { minLength: 1, maxLength: 30 }),
);

/** Incremental parsing gives the findings a full parse gives, after every edit of the sequence. */
export function exerciseIncremental([start, edits]: [string, Edit[]]): void {
  const parser = new IncrementalYaml();
  let text = start;
  for (let i = 0; i <= edits.length; i++) {
    if (i > 0) text = applyEdit(text, edits[i - 1]);
    const model = guarded('parseReport (incremental)', text, () => parseReport(text, { doc: parser.parse(text) }));
    const incremental = checkModel(model, { today: TODAY });
    const full = checkText(text, { today: TODAY }).findings;
    if (JSON.stringify(incremental) !== JSON.stringify(full)) {
      fail(`incremental parsing differs from a full parse after edit ${i} (${JSON.stringify(edits[i - 1] ?? null)})`, text);
    }
  }
}
