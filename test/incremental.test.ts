/**
 * Incremental parsing gives exactly what a full parse gives: the same findings (spans, messages, fixes) and
 * the same rendered preview, over sequences of random and realistic edits — and it does reuse blocks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realisticEdits } from '../bench/edits';
import { generateReport } from '../bench/generate';
import { checkModel, checkText } from '../server/src/check';
import { IncrementalYaml } from '../server/src/languageService/incremental';
import { parseReport } from '../server/src/model/model';
import { renderBody } from '../server/src/render/html';
import { applyEdit, editArb, SAMPLES } from './helpers/fuzz';
import { TODAY } from './helpers/samples';

/** Checks one text both ways; returns whether the incremental parse was used. */
function same(parser: IncrementalYaml, text: string): boolean {
  const doc = parser.parse(text);
  const model = parseReport(text, { doc });
  const incremental = checkModel(model, { today: TODAY });
  const full = checkText(text, { today: TODAY });
  expect(incremental).toEqual(full.findings);
  expect(renderBody(model, { findings: incremental }).html).toBe(renderBody(full.model, { findings: full.findings }).html);
  return doc !== undefined;
}

describe('IncrementalYaml', () => {
  it('equals a full parse over sequences of random edits of the samples', () => {
    let used = 0, total = 0;
    fc.assert(fc.property(fc.constantFrom(...SAMPLES.map((s) => s.text)), fc.array(editArb, { minLength: 1, maxLength: 25 }), (start, edits) => {
      const parser = new IncrementalYaml();
      let text = start;
      same(parser, text);
      for (const e of edits) {
        text = applyEdit(text, e);
        if (same(parser, text)) used++;
        total++;
      }
    }), { seed: 11, numRuns: 25 });
    expect(used / total).toBeGreaterThan(0.15); // the incremental path is really taken (random edits often break the YAML)
  });

  it('equals a full parse while typing in the large generated report, reusing all blocks but one', () => {
    const text = generateReport(3, { targetBytes: 50_000 });
    const parser = new IncrementalYaml();
    same(parser, text);
    for (const e of realisticEdits(text, 60, 5)) {
      expect(same(parser, e.text)).toBe(true);
      expect(parser.lastReused).toBeGreaterThan(10);
    }
  });

  it('re-parses only the entry a keystroke is in (a table row, a paragraph), equal to a full parse', () => {
    for (const sample of SAMPLES) {
      const parser = new IncrementalYaml();
      same(parser, sample.text);
      let patched = 0;
      const edits = realisticEdits(sample.text, 200, 3);
      for (const e of edits) {
        expect(same(parser, e.text)).toBe(true);
        patched += parser.lastPatched;
      }
      // Cell and prose edits are patched; adding or removing a whole line re-parses its block.
      expect(patched / edits.length, sample.name).toBeGreaterThan(0.6);
    }
  });

  it('patches nothing it cannot prove equal: structure-changing keystrokes fall back, and stay equal', () => {
    const base = SAMPLES[0].text;
    const parser = new IncrementalYaml();
    same(parser, base);
    const row = base.indexOf('[', base.indexOf('本年新收'));
    // Each keystroke from the same base: break the flow sequence, add an alias, add a key, make a block scalar.
    for (const [insert, at] of [[']', row + 1], ['*a ', row + 1], ['x: 1', row], ['|', row]] as const) {
      const text = base.slice(0, at) + insert + base.slice(at);
      parser.parse(base);
      same(parser, text);
      expect(parser.lastPatched, JSON.stringify(insert)).toBe(0);
    }
  });

  it('falls back to a full parse for what it does not handle', () => {
    for (const text of ['', '# 注释\n', '- a\n', '---\n机关: x\n', '机关: [1,\n2]\n', 'a: &x 1\nb: *x\n', '机关: "张营乡\n人民政府"\n']) {
      const parser = new IncrementalYaml();
      if (parser.parse(text) !== undefined) same(parser, text);
    }
    for (const text of ['- a\n', '---\n机关: x\n', '机关: [1,\n2]\n', '机关: "张营乡\n人民政府"\n', '导语: |\n\t文字\n']) {
      expect(new IncrementalYaml().parse(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('reads a byte order mark inside the text as the key’s first character, as a full parse does (found by npm run fuzz)', () => {
    // Alone, a block starting with U+FEFF would take it for the byte order mark of a stream and drop it.
    const text = SAMPLES.find((s) => s.name.startsWith('county-dept-2024.'))!.text.replace('\n标题:', '\n\ufeff题:');
    const parser = new IncrementalYaml();
    same(parser, text);
    const unknown = checkText(text, { today: TODAY }).findings.find((f) => f.rule === 'STR-UNKNOWN-KEY');
    expect(unknown?.message.args?.key).toBe('\ufeff题');
    // At the very start of the file it is a byte order mark (files saved by Notepad), and blocks are still reused.
    const bom = `\ufeff${SAMPLES[0].text}`;
    const reusing = new IncrementalYaml();
    expect(same(reusing, bom)).toBe(true);
    expect(same(reusing, bom.replace('2024', '2025'))).toBe(true);
  });
});
