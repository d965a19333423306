/**
 * Paragraphs of the source as the walk leaves them: each with the section it was read in (before part 一,
 * a part, or after the 落款), and how they are joined into prose.
 */
import type { PartDef } from '../template';

export type Section = 'front' | PartDef['id'] | 'end';

export interface Para { text: string; section: Section }

/** The end of a sentence (or of a heading): the next line starts a new paragraph. */
const SENTENCE_END = /[。！？；：…”」』）)!?;:.]$/;
/** The start of a numbered item (“（一）”, “一、”, “1.”, “一是”): a new paragraph. */
const ITEM_START = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|[一二三四五六七八九十]是)/;

/** Paragraphs as prose; a text dump's lines that stop mid-sentence (a page break) are rejoined. */
export function joinParagraphs(paras: string[], joinBroken: boolean): string {
  const out: string[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (joinBroken && prev !== undefined && prev.length >= 30 && !SENTENCE_END.test(prev) && !ITEM_START.test(p)) {
      out[out.length - 1] = prev + p;
    } else out.push(p);
  }
  return out.join('\n\n');
}
