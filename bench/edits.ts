/**
 * Realistic edit sequences, as a clerk makes them: type a digit into a table cell and delete it, type a few
 * characters of prose one by one and delete them again, add a line of prose and remove it. Each burst
 * returns the document to where it was, so 500 edits measure the same document throughout.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { rng } from './generate';

export interface Edit {
  change: TextDocumentContentChangeEvent & { range: NonNullable<Extract<TextDocumentContentChangeEvent, { range: unknown }>['range']> };
  /** The whole text after the change (what an in-process checker is given). */
  text: string;
  kind: 'cell' | 'prose' | 'line';
}

export function realisticEdits(text: string, count: number, seed = 1): Edit[] {
  const r = rng(seed);
  let doc = TextDocument.create('file:///bench.xxgk.yaml', 'xxgk', 1, text);
  const lines = text.split('\n');
  const cellLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s+\S+:\s+\[\d/.test(l));
  const proseLines = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s{2,}[^\s#\[].*[\u4e00-\u9fff]{4}/.test(l) && !/:\s/.test(l));
  if (!cellLines.length || !proseLines.length) throw new Error('the document has no table rows or prose lines to edit');
  const out: Edit[] = [];
  const apply = (kind: Edit['kind'], offset: number, length: number, insert: string) => {
    const range = { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
    const change = { range, text: insert };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    out.push({ change, text: doc.getText(), kind });
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  while (out.length < count) {
    const kind = pick(['cell', 'cell', 'prose', 'prose', 'line'] as const);
    if (kind === 'cell') {
      // After the first digits of a row: 37 → 375, then backspace.
      const { l, i } = pick(cellLines);
      const at = doc.offsetAt({ line: i, character: 0 }) + /\[\d+/.exec(l)!.index + /\[\d+/.exec(l)![0].length;
      const digit = String(1 + Math.floor(r() * 9));
      apply('cell', at, 0, digit);
      apply('cell', at, 1, '');
    } else if (kind === 'prose') {
      // Type a few characters one by one in the middle of a prose line, then delete them one by one.
      const { l, i } = pick(proseLines);
      const word = pick(['进一步加强', '及时', '规范化', '公开']);
      let at = doc.offsetAt({ line: i, character: Math.floor(l.length / 2) });
      for (const ch of word) { apply('prose', at, 0, ch); at++; }
      for (let k = 0; k < word.length; k++) { at--; apply('prose', at, 1, ''); }
    } else {
      const { l, i } = pick(proseLines);
      const indent = /^\s*/.exec(l)![0];
      const at = doc.offsetAt({ line: i, character: l.length });
      const added = `\n${indent}补充说明：本年度未发生新的情况。`;
      apply('line', at, 0, added);
      apply('line', at, added.length, '');
    }
  }
  return out.slice(0, count);
}
