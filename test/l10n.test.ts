/**
 * Every message exists in Chinese and English with the same placeholders, and English speaks English: Chinese
 * only in what the clerk sees in the report (quoted labels, titles, the parts' and tables' numerals).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import en from '../server/l10n/messages.en.json';
import zh from '../server/l10n/messages.zh-cn.json';
import { checkText } from '../server/src/check';
import { decodeText, importBuffer, type ImportSummary } from '../server/src/import';
import { localize } from '../server/src/l10n';
import type { Message, MessageArg } from '../server/src/model/findings';
import { indexOf, template2021, TEMPLATES } from '../server/src/template';
import { RULE_CATALOG } from '../server/src/template/ruleCatalog';
import { rolloverReport } from '../server/src/write/rollover';
import { editedSample, SAMPLES } from './helpers/fuzz';
import { edit, fixture, MISTAKES, ROOT, sample, TODAY, COUNTY } from './helpers/samples';
import { parseReport } from '../server/src/model/model';

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/**
 * Where English text may show Chinese: a label in quotes (“信息处理费”), a title in book marks (《条例》), a document
 * number (国办公开办函〔2021〕30号), a part or table by its numeral (part 一, table 三) — what the report itself says.
 */
const MARKED = /“[^”]*”|《[^》]*》|\p{Script=Han}+〔\d{4}〕\d+号|\b(?:[Pp]art|[Tt]able)s? [一二三四五六七]/gu;
/** Han characters, CJK punctuation (、。〔〕) and full-width forms (（）：，). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu;

/** The Chinese left in an English text once the marked labels are taken out. */
export function unmarkedChinese(text: string): string[] {
  return text.replace(MARKED, ' ').match(CJK) ?? [];
}

describe('message bundles', () => {
  it('English texts contain Chinese only in marked labels (and the check sees what it should)', () => {
    expect(unmarkedChinese('Add the “信息处理费” figures (《条例》 Art. 49(1); 国办公开办函〔2021〕30号), part 一, table 三')).toEqual([]);
    expect(unmarkedChinese('Table 三 row total is 空白')).toEqual(['空', '白']);
    expect(unmarkedChinese('自然人 61（计算）')).toEqual(['自', '然', '人', '（', '计', '算', '）']);
    expect(unmarkedChinese('a、b')).toEqual(['、']);
    const texts: [string, string][] = [
      ...Object.entries(en).map(([k, v]): [string, string] => [`server/l10n/messages.en.json ${k}`, v]),
      ...Object.entries(RULE_CATALOG).map(([id, r]): [string, string] => [`rule ${id}`, r.titleEn]),
      ...clientStrings().map((s): [string, string] => [`client l10n.t`, s]),
      ...Object.entries(JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>)
        // The marketplace name and description carry the report's Chinese title, as its users search for it.
        .filter(([k]) => k !== 'displayName' && k !== 'description').map(([k, v]): [string, string] => [`package.nls.json ${k}`, v]),
    ];
    expect(texts.length).toBeGreaterThan(250);
    for (const [where, text] of texts) expect(unmarkedChinese(text), `${where}: ${text}`).toEqual([]);
  });

  it('have the same keys and placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(placeholders(en[k]), k).toEqual(placeholders(zh[k]));
  });

  it('hold every message key the code uses', () => {
    const dir = join(ROOT, 'server', 'src');
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]);
    const used = new Set<string>();
    for (const f of files(dir)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/['`]((?:type|key|related|fix|meta|date|parts|table|general|fee|part5|cell|arith|content|text|ui|version|cross|rollover|import|cli|config|file|review)(?:\.[A-Za-z0-9]+)+)['`]/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(60);
    const fieldIds = new Set(indexOf(template2021).field.keys());
    for (const k of used) if (!fieldIds.has(k)) expect(zh, k).toHaveProperty([k]);
  });
});

describe('messages in English, as shown', () => {
  /** Every short string in the templates: labels, keys, aliases, titles — Chinese a message may quote. */
  const templateStrings = (() => {
    const out = new Set<string>();
    const seen = new Set<object>();
    const walk = (v: unknown) => {
      if (typeof v === 'string') { if (v.trim() && v.length <= 40) out.add(v.trim()); return; }
      if (!v || typeof v !== 'object' || seen.has(v)) return;
      seen.add(v);
      for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x);
    };
    walk(TEMPLATES);
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp([...out].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  })();

  const labels = new Map<string, boolean>();
  const isLabel = (s: string) => labels.get(s) ?? labels.set(s, !unmarkedChinese(s.replace(templateStrings, '')).length).get(s)!;

  /**
   * The message with its text arguments that come from the report or the template (labels, quotes) shown as
   * “X”; what is left is the bundle's and the code's own words, which must be English.
   */
  function codeWords(m: Message, report: string): Message {
    // YAML folds a key written over several lines: compared without white space.
    const squash = (s: string) => s.replace(/\s+/g, '');
    const arg = (a: MessageArg): MessageArg => {
      if (typeof a === 'number') return a;
      if (typeof a === 'string') return report.includes(squash(a)) || isLabel(a) ? '“X”' : a;
      if ('key' in a) return codeWords(a, report);
      return { ...a, list: a.list.map(arg) };
    };
    return { key: m.key, args: m.args && Object.fromEntries(Object.entries(m.args).map(([k, v]) => [k, arg(v)])) };
  }

  function expectEnglish(messages: Message[], report: string, where: string): number {
    const squashed = report.replace(/\s+/g, '');
    for (const m of messages) {
      const text = localize(codeWords(m, squashed), 'en');
      expect(unmarkedChinese(text), `${where}: ${m.key}: ${text}`).toEqual([]);
    }
    return messages.length;
  }

  const findingMessages = (text: string) => checkText(text, { today: TODAY, localDeadline: '01-10' }).findings
    .flatMap((f) => [f.message, ...(f.related ?? []).map((r) => r.message), ...(f.fixes ?? []).map((x) => x.title)]);

  it('the checker: samples, the 2019 trial format and their edits (fixed seed)', () => {
    let n = 0;
    for (const s of [...SAMPLES, { name: 'trial-2020', text: fixture('trial-2020.xxgk.yaml') }]) n += expectEnglish(findingMessages(s.text), s.text, s.name);
    fc.assert(fc.property(editedSample(), (text) => { n += expectEnglish(findingMessages(text), text, 'edited sample'); }), { seed: 10, numRuns: 100 });
    expect(n).toBeGreaterThan(500);
  });

  it('words the code supplies: a blank or computed total, a short row, a late date, last year’s missing year', () => {
    const mistakes = sample(MISTAKES);
    const cases: [string, string, string, Parameters<typeof checkText>[1]?][] = [
      [edit(mistakes, '[157, 23, 2, 0, 9, 3, 194]', '[157, 23, 2, 0, 9, ~, 194]'), '总计未填（其他 3，按各项计算）',
        'the total is blank (其他 3, computed from the items)'],
      [edit(mistakes, '  总计:                       [157, 23, 2, 0, 9, 3, 194]\n', ''), '157（计算）', '157 (computed)'],
      [edit(mistakes, '[61, 9, 1, 0, 3, 1, 76]', '[61, 9, 1]'), '应填 6（自然人、商业企业', 'it needs 6 (自然人, 商业企业'],
      [mistakes, '（《条例》第四十九条第一款）', '10 February 2025 is later than the deadline 31 January 2025 for a 县级政府部门 (《条例》 Art. 49(1))'],
      [sample(COUNTY), '年度是 （未写）', 'is for an unstated year', { previous: { name: 'x', model: parseReport('机关: 示例县自然资源和规划局\n') } }],
    ];
    for (const [text, zhText, enText, options] of cases) {
      const { findings } = checkText(text, { today: TODAY, ...options });
      expect(findings.map((f) => localize(f.message)).join('\n')).toContain(zhText);
      expect(findings.map((f) => localize(f.message, 'en')).join('\n')).toContain(enText);
      expectEnglish(findings.map((f) => f.message), text, enText);
    }
  });

  it('rollover notes and the import summary', async () => {
    for (const s of SAMPLES) expectEnglish(rolloverReport(s.text).notes, s.text, `rollover ${s.name}`);
    const sources = ['seed-zhangying-2023.txt', 'import/garbled-zhangying-2024.txt', 'import/published-county-2024.gbk.html',
      'pdf/county-2024.plain.pdf', 'pdf/zhangying-2024.word.pdf'];
    for (const name of sources) {
      const bytes = readFileSync(join(ROOT, 'test', 'fixtures', name));
      const { summary, yaml } = await importBuffer(name, bytes);
      const all = (x: ImportSummary) => [...x.mapped, ...x.warnings];
      // Values quoted from the source may be tidied (a contact line): the report text is the source and the result.
      expectEnglish(all(summary), `${decodeText(bytes)}\n${yaml}`, `import ${name}`);
    }
  });
});

/** The English source strings of the extension (vscode.l10n.t). */
function clientStrings(): string[] {
  const dir = join(ROOT, 'client', 'src');
  const used = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
  }
  return [...used];
}

describe('extension UI strings', () => {
  it('every client string has a Chinese translation', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const used = clientStrings();
    expect(used.length).toBeGreaterThan(20);
    for (const s of used) expect(bundle, s).toHaveProperty([s]);
  });

  it('every %key% of package.json is in both package.nls files', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
      for (const k of keys) expect(nls, `${f}: ${k}`).toHaveProperty([k]);
    }
  });
});
