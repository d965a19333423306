/**
 * The rendition corpus (test/helpers/corpus.ts): no sum error from a blank cell anywhere, the findings each
 * rendition must produce, and every cell recognised at its place.
 */
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/check';
import { CORPUS, SUM_RULES } from './helpers/corpus';
import { accuracy } from './helpers/published';
import { TODAY } from './helpers/samples';

describe('report renditions', () => {
  for (const r of CORPUS) {
    it(r.name, async () => {
      const text = await r.make();
      const rules = new Set(checkText(text, { today: TODAY }).findings.map((f) => f.rule));
      for (const rule of SUM_RULES) expect(rules.has(rule), `${rule} is a false error`).toBe(false);
      for (const rule of r.mustNot) expect(rules.has(rule), `${rule} must not be reported`).toBe(false);
      for (const rule of r.must) expect(rules.has(rule), `${rule} must be reported`).toBe(true);
      if (r.cells !== false) expect(accuracy(r.truth, text).wrong).toEqual([]);
    });
  }

  it('the corpus covers blank totals, the 2019 format, dashes and slashes, full-width digits and wrapped labels', () => {
    const names = CORPUS.map((r) => r.name).join('\n');
    for (const w of ['blank', '2019', '“—”', '“/”', 'full-width', 'wrapped']) expect(names).toContain(w);
  });
});
