/**
 * Metadata a published report states only in passing: the title, the year, the body (signature line, “由…编制”,
 * the title), the 落款 date, the contact (“请与…联系，电话：…”), a 发布日期 in the page, and the kind of
 * body, inferred from its name (乡/镇 → 乡镇人民政府, 街道 → 街道办事处, 局/委/办 → a department at the level
 * its place name shows). Every inference says whether it is a guess.
 */
import { parseDate, formatIso } from '../model/dates';

export const BODY_SUFFIX = /(?:人民政府|政府|办事处|办公厅|办公室|局|委员会|委|办|厅|署|院|中心|站|所|部|处|队|馆|会)$/;

/** “张营乡 2023 年度政府信息公开工作报告”, “2024年XX局政府信息公开工作年度报告”. */
export function isTitle(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 60 && /政府信息公开/.test(t) && /报告$/.test(t.replace(/[（(].*?[)）]$/, ''));
}

export function yearOfTitle(title: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(title.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

/** The body named in a title: what precedes the year, or the text before 政府信息公开. */
export function bodyOfTitle(title: string): string | undefined {
  const t = title.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(.+?)(?:(?:19|20)\d{2}年度?|关于)/.exec(t) ?? /^(?:(?:19|20)\d{2}年度?)?(.+?)政府信息公开/.exec(t);
  const name = m?.[1]?.replace(/[的]$/, '');
  return name && name.length >= 2 && !/^\d/.test(name) ? name : undefined;
}

/** A line that is only a date: the 落款 date. */
export function dateLine(text: string): string | undefined {
  const t = text.trim();
  return t.length <= 20 && parseDate(t) ? t.replace(/\s+/g, '') : undefined;
}

/** A short line naming a body: the signature. */
export function isBodyLine(text: string): boolean {
  const t = text.trim().replace(/\s+/g, '');
  return t.length >= 3 && t.length <= 40 && BODY_SUFFIX.test(t) && !/[，。；：:,;、！？]/.test(t);
}

const COMPILED_BY = /由\s*([^，,。；\s（(]{2,40}?)\s*(?:负责)?(?:编制|编写|起草|发布)/;

export function bodyOfPreamble(preamble: string): string | undefined {
  return COMPILED_BY.exec(preamble)?.[1];
}

const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—|－|-|~|～)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;

export function yearOfPeriod(text: string): number | undefined {
  const m = PERIOD.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : undefined;
}

/** “请与张营乡党政办公室联系，电话：0319—6240117” → “张营乡党政办公室，电话：0319—6240117”. */
export function contactOf(text: string): string | undefined {
  const office = /(?:请与|请联系|联系单位[:：]?|联系部门[:：]?)\s*([^，,。；;\n]{2,40}?)\s*(?:联系|$|[，,])/.exec(text)?.[1];
  const phone = /(?:联系电话|咨询电话|电话|联系方式)\s*[:：]?\s*((?:[（(]?\d{3,4}[)）]?\s*[-—－–]?\s*)?\d{7,8}(?:\s*[-—－–转]\s*\d{1,6})?)/.exec(text)?.[1];
  const address = /地址\s*[:：]\s*([^，,。；;\n]{4,60})/.exec(text)?.[1];
  const email = /(?:电子邮箱|邮箱|E-?mail)\s*[:：]\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i.exec(text)?.[1];
  const parts = [office?.trim(), address && `地址：${address.trim()}`, phone && `电话：${phone.trim()}`, email && `邮箱：${email}`].filter(Boolean);
  // One line: a number broken over two lines of the source (“0000-⏎9171632”) is still one number.
  return parts.length ? parts.join('，').replace(/\s*\n\s*/g, '') : undefined;
}

/** “发布日期：2024-01-20”, “发布时间：2024年01月20日 10:30” in a page's header. */
export function publishedOf(text: string): string | undefined {
  const m = /(?:发布日期|发布时间|发文日期|公开日期)\s*[:：]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)/.exec(text);
  const d = m ? parseDate(m[1]) : undefined;
  return d ? formatIso(d) : undefined;
}

export interface KindGuess {
  kind: string;
  /** Inferred from a naming pattern that has exceptions (level of a department, 市 of a county-level city). */
  guessed: boolean;
}

/** Characters that end a place name, with the words where they do not (市场, 区域, 县城 …). */
const LEVELS: { ch: string; level: '省级' | '市级' | '县级'; notBefore: string; notAfter: string }[] = [
  { ch: '省', level: '省级', notBefore: '', notAfter: '' },
  { ch: '自治区', level: '省级', notBefore: '', notAfter: '' },
  { ch: '市', level: '市级', notBefore: '城都超', notAfter: '场政容民级直区属' },
  { ch: '州', level: '市级', notBefore: '', notAfter: '' },
  { ch: '盟', level: '市级', notBefore: '', notAfter: '' },
  { ch: '县', level: '县级', notBefore: '', notAfter: '域城级直区属' },
  { ch: '区', level: '县级', notBefore: '地社园景城市', notAfter: '域划级直属' },
  { ch: '旗', level: '县级', notBefore: '', notAfter: '' },
];

/** The level of the last place name in a body's name: “河北省邢台市威县发展和改革局” → 县级. */
function levelOf(name: string): '省级' | '市级' | '县级' | undefined {
  let best: { at: number; level: '省级' | '市级' | '县级' } | undefined;
  for (const l of LEVELS) {
    for (let i = name.indexOf(l.ch); i >= 0; i = name.indexOf(l.ch, i + 1)) {
      const before = name[i - 1] ?? '', after = name[i + l.ch.length] ?? '';
      if (i === 0 || (before && l.notBefore.includes(before)) || (after && l.notAfter.includes(after))) continue;
      if (!best || i > best.at) best = { at: i, level: l.level };
    }
  }
  return best?.level;
}

const MUNICIPALITIES = /^(?:北京|天津|上海|重庆)市/;

export function inferKind(issuer: string): KindGuess | undefined {
  const n = issuer.normalize('NFKC').replace(/\s+/g, '');
  if (/街道(?:办事处)?$/.test(n)) return { kind: '街道办事处', guessed: false };
  if (/(?:乡|镇)(?:人民政府|政府)$/.test(n)) return { kind: '乡镇人民政府', guessed: false };
  if (/^(?:国务院|国家|中华人民共和国|中国).*(?:部|委员会|局|署|总局|办公厅|院)$/.test(n)) return { kind: '国务院部门', guessed: true };
  const gov = /(?:人民政府|政府)$/.test(n);
  const office = /(?:人民政府|政府)(?:办公厅|办公室)$/.test(n);
  if (gov && !office) {
    if (/(?:省|自治区)(?:人民政府|政府)$/.test(n) || /^(?:北京|天津|上海|重庆)市(?:人民政府|政府)$/.test(n)) return { kind: '省级人民政府', guessed: false };
    if (/(?:县|区|旗)(?:人民政府|政府)$/.test(n)) return { kind: '县级人民政府', guessed: false };
    // A 市 may be a county-level city: say it is a guess.
    if (/(?:市|州|盟)(?:人民政府|政府)$/.test(n)) return { kind: '市级人民政府', guessed: true };
  }
  if (office || BODY_SUFFIX.test(n)) {
    const place = n.replace(/(?:人民政府|政府)?(?:办公厅|办公室)$/, '');
    const level = MUNICIPALITIES.test(place) && !/[区县]/.test(place.slice(3)) ? '省级' : levelOf(place);
    if (level) return { kind: `${level}政府部门`, guessed: true };
  }
  return undefined;
}
