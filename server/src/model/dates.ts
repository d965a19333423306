/** Calendar dates as written in reports: 2024-01-22, 2024年1月22日, 2024/1/22, 2024.1.22. */
export interface SimpleDate {
  y: number;
  m: number;
  d: number;
}

const DATE = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/;

export function parseDate(s: string): SimpleDate | undefined {
  const m = DATE.exec(s.normalize('NFKC'));
  if (!m) return undefined;
  const date = { y: +m[1], m: +m[2], d: +m[3] };
  return isValidDate(date) ? date : undefined;
}

export function isValidDate({ y, m, d }: SimpleDate): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

export function compareDates(a: SimpleDate, b: SimpleDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function formatIso({ y, m, d }: SimpleDate): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function formatChinese({ y, m, d }: SimpleDate): string {
  return `${y}年${m}月${d}日`;
}

/** The same written form with another year (keeps the user's style: ISO stays ISO, 年月日 stays 年月日). */
export function withYear(written: string, year: number): string {
  return written.replace(/\d{4}/, String(year));
}

export function today(): SimpleDate {
  const now = new Date();
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}
