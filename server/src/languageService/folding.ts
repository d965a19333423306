/** Folding by part, by table group and by prose block. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import type { KeyedValue } from '../model/model';

export function provideFoldingRanges(analysis: Analysis): FoldingRange[] {
  const { model } = analysis;
  const out: FoldingRange[] = [];
  const add = (kv: KeyedValue) => {
    const start = model.lines.positionAt(kv.keySpan.start).line;
    // A block value ends after its last line's newline: fold up to the line that holds its last character.
    const end = model.lines.positionAt(Math.max(kv.keySpan.end, kv.valueSpan.end - 1)).line;
    if (end > start) out.push({ startLine: start, endLine: end });
  };
  for (const p of model.parts) add(p);
  for (const g of model.groups.values()) if (!model.parts.some((p) => p.pair === g.pair)) add(g);
  for (const f of model.fields.values()) if (f.def.type === 'prose') add(f);
  return out.sort((a, b) => a.startLine - b.startLine);
}
