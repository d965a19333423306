/**
 * Phase 4 — the front matter: the paragraphs before part 一. Before the title comes the page (breadcrumbs,
 * site name); under it, the page's info line (发布时间、来源、字号) is the page too, and gives the 发布日期;
 * the rest is the preamble (导语).
 */
import { publishedOf, isTitle } from './meta';
import { fieldDef, template2021 } from '../template';
import { joinParagraphs, type Para } from './paragraphs';
import { takeContactLine } from './printed';
import { emptyNotes, type ImportNotes } from './summary';

/** A web page's info line: “发布时间：2024-01-20 来源：… 字号：[大 中 小]”. */
const PAGE_INFO = /(?:发布(?:日期|时间)|来源|浏览次数|阅读次数|点击数|字号|字体|打印本页|关闭窗口|分享到)\s*[:：【[]/;

export interface FrontMatter {
  preamble?: string;
  /** The first 发布日期 the page states (ISO). */
  published?: string;
  /** The contact line our exports print after the preamble (联系方式：…): the contact, not preamble text. */
  contact?: string;
  notes: ImportNotes;
}

export function frontMatter(paras: Para[], joinBroken: boolean): FrontMatter {
  const front = paras.filter((p) => p.section === 'front').map((p) => p.text);
  const titleAt = front.findIndex((text) => isTitle(text));
  const notes = emptyNotes();
  const preamble: string[] = [];
  let published: string | undefined;
  front.forEach((text, i) => {
    if (i === titleAt) return;
    const page = i < titleAt || (PAGE_INFO.test(text) && text.length <= 120);
    if (!page) { preamble.push(text); return; }
    const date = publishedOf(text);
    if (date && !published) {
      published = date;
      notes.mapped.push({ key: 'import.meta', args: { key: fieldDef(template2021, 'published').key, value: date } });
    }
    notes.unmapped.push({ where: '页首', text });
  });
  const printed = takeContactLine(preamble);
  const text = printed.preamble.length ? joinParagraphs(printed.preamble, joinBroken) : undefined;
  return { preamble: text, published, contact: printed.contact, notes };
}
