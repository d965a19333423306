/** The line index agrees with a plain line split (its fast path for \n-only text included). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../server/src/text';

describe('LineIndex', () => {
  it('agrees with a line split on \\n, \\r\\n and \\r', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '乡', '\n', '\r', '\r\n', ' '), maxLength: 60 }), (text) => {
      const lines = new LineIndex(text);
      const expected = text.split(/\r\n|\r|\n/);
      expect(lines.lineCount).toBe(expected.length);
      expected.forEach((l, i) => expect(lines.lineText(i)).toBe(l));
      for (let o = 0; o <= text.length; o++) expect(lines.offsetAt(lines.positionAt(o))).toBe(o);
    }), { seed: 7, numRuns: 2000 });
  });
});
