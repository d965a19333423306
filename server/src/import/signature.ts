/**
 * Phase 5 — the 落款: the last date line of the last part's text, with the body's name next to it (the line
 * before or after, else two away), is the date and the signature; what follows them is not the report (a
 * page's footer) and is kept as unmapped. Without a date line, a body's name closing the text is the signature.
 */
import type { PartDef } from '../template';
import { dateLine, isBodyLine } from './meta';
import type { Para } from './paragraphs';
import { emptyNotes, type ImportNotes } from './summary';

export interface Closing {
  /** The 落款 date as printed, without spaces (“2023年1月22日”). */
  signed?: string;
  /** The signing body, without spaces. */
  signature?: string;
  /** The paragraphs again, the 落款 and what follows it now in the section 'end'. */
  paras: Para[];
  notes: ImportNotes;
}

export function readSignature(paras: Para[], partOrder: PartDef['id'][]): Closing {
  const last = partOrder[partOrder.length - 1];
  const tail = paras.filter((p) => p.section === last);
  const { signed, signature, closing, after } = closingLines(tail);
  const notes = emptyNotes();
  for (const i of after) notes.unmapped.push({ where: '落款之后', text: tail[i].text });
  const ended = new Set([...closing, ...after].map((i) => tail[i]));
  return { signed, signature, paras: paras.map((p) => (ended.has(p) ? { ...p, section: 'end' } : p)), notes };
}

/** Where in the tail the 落款 is: the date's and the signature's indices, and the indices after them. */
function closingLines(tail: Para[]): { signed?: string; signature?: string; closing: number[]; after: number[] } {
  for (let k = tail.length - 1; k >= 0; k--) {
    const signed = dateLine(tail[k].text);
    if (!signed) continue;
    const by = [k - 1, k + 1, k - 2, k + 2].find((j) => tail[j] && isBodyLine(tail[j].text));
    const closing = by === undefined ? [k] : [k, by];
    const after = tail.map((_, i) => i).filter((i) => i > Math.max(...closing));
    return { signed, signature: by === undefined ? undefined : squash(tail[by].text), closing, after };
  }
  // No date line: a signature alone may still close the text.
  const k = tail.length - 1;
  if (k >= 0 && isBodyLine(tail[k].text)) return { signature: squash(tail[k].text), closing: [k], after: [] };
  return { closing: [], after: [] };
}

const squash = (text: string) => text.replace(/\s+/g, '');
