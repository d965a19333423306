/** The line index agrees with a plain line split (its fast path for \n-only text included). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../server/src/model/lineIndex';

describe('LineIndex', () => {
  it('agrees with a line split on \\n, \\r\\n and \\r', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '乡', '\n', '\r', '\r\n', ' '), maxLength: 60 }), (text) => {
      const lines = new LineIndex(text);
      const expected = text.split(/\r\n|\r|\n/);
      expect(lines.lineCount).toBe(expected.length);
      expected.forEach((l, i) => expect(lines.lineText(i)).toBe(l));
      const doc = TextDocument.create('file:///t', 'xxgk', 1, text);
      for (let o = 0; o <= text.length; o++) {
        // The same positions as an LSP document: an offset between \r and \n is the end of its line.
        expect(lines.positionAt(o)).toEqual(doc.positionAt(o));
        if (!(text[o - 1] === '\r' && text[o] === '\n')) expect(lines.offsetAt(lines.positionAt(o))).toBe(o);
      }
    }), { seed: 7, numRuns: 2000 });
  });
});
