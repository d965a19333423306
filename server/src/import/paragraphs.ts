/**
 * Paragraphs of the source as the walk leaves them: each with the section it was read in (before part 一,
 * a part, or after the 落款), and how they are joined into prose.
 */
import type { PartDef } from '../template';

export type Section = 'front' | PartDef['id'] | 'end';

export interface Para { text: string; section: Section }

/** Paragraphs as prose; a text dump's lines that stop mid-sentence (a page break) are rejoined. */
export function joinParagraphs(paras: string[], joinBroken: boolean): string {
  const out: string[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (joinBroken && prev !== undefined && prev.length >= 30 && !/[。！？；：…”」』）)!?;:.]$/.test(prev) && !/^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|[一二三四五六七八九十]是)/.test(p)) {
      out[out.length - 1] = prev + p;
    } else out.push(p);
  }
  return out.join('\n\n');
}
