/**
 * Property tests, a small fixed-seed set (`npm run fuzz` runs the same properties with a large count):
 * whatever the text, parse/check/render never throw, every range stays inside the document, quick fixes
 * never corrupt it, and each input finishes in bounded time. The generators are in helpers/fuzz.ts.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../server/src/model/model';
import {
  aliasBomb, aliasBombs, deepNesting, editedSample, exercise, hugeReport, longStrings, manyKeys, randomBytes, randomUnicode,
  reportGrammar, samplePrefixes,
} from './helpers/fuzz';
import { ROOT } from './helpers/samples';
import { damagedFiles, exerciseDamaged } from './helpers/damagedFiles';

const SEED = 20261127;
const run = (arb: fc.Arbitrary<string>, numRuns: number, maxFixes = 3) =>
  fc.assert(fc.property(arb, (text) => { exercise(text, { maxFixes }); }), { seed: SEED, numRuns });

describe('the core never breaks, whatever the text', () => {
  it('random edits of the samples', () => run(editedSample(), 40));
  it('reports generated from the template with random values, omissions and typos', () => run(reportGrammar, 40));
  it('random bytes (UTF-8 and Latin-1 decoded)', () => run(randomBytes, 100, 1));
  it('random Unicode, lone surrogates and YAML/rule fragments', () => run(randomUnicode, 100, 1));
  it('deep nesting', () => run(deepNesting(5_000), 15, 1));
  it('very long strings and lines in every kind of field', () => run(longStrings(200_000), 8, 1));
  it('alias bombs', () => run(aliasBombs, 20, 1));

  it('typing each sample in from the top (every line, and every 60th character)', () => {
    let n = 0;
    for (const p of samplePrefixes(60)) { exercise(p.text, { maxFixes: 0 }); n++; }
    expect(n).toBeGreaterThan(350);
  });

  it('damaged Word, web page and text reports are imported or refused (`npm run fuzz`: 1,500)', async () => {
    await fc.assert(fc.asyncProperty(damagedFiles, exerciseDamaged), { seed: SEED, numRuns: 12 });
  }, 120_000);

  it('a billion-laughs document is read without expanding it', () => {
    const bomb = aliasBomb(12, 10, 'cell'); // 10^12 nodes if expanded
    const model = parseReport(bomb);
    expect(model.findings.length).toBeGreaterThan(0);
    // If anything did expand it (toJS), yaml's own cap would throw rather than hang.
    expect(() => model.doc.toJS()).toThrow(/alias/i);
  });

  it('a 2 MB report (long prose with doubled words) and a 256 KB file of keys (`npm run fuzz`: 10 MB each)', () => {
    const big = hugeReport(2 * 1024 * 1024);
    expect(Buffer.byteLength(big)).toBeGreaterThan(2_000_000);
    // Tens of thousands of doubled words: 200 listed, then one finding with how many more (rules/text.ts).
    expect(exercise(big, { maxFixes: 1 }).findings).toBeGreaterThan(200);
    exercise(manyKeys(256 * 1024), { maxFixes: 1 });
  });
});

describe('no code path expands YAML aliases without a cap', () => {
  it('server code never calls toJS/toJSON on a parsed document', () => {
    // The model reads nodes; expanding aliases (toJS) is what makes a billion-laughs file dangerous.
    const dir = join(ROOT, 'server', 'src');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /\.toJS\(|\.toJSON\(/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
