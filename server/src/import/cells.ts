/**
 * Reading one printed cell: a number, a blank (empty, “-”, “/”, “无” …), a number with a unit kept as text for
 * the checker to judge (“251000元” in a 万元 column is T2-UNIT's business), or not a value at all (a label).
 */
import type { DraftCell } from '../write/yamlWriter';

const BLANK = new Set(['', '-', '--', '—', '——', '－', '/', '／', '\\', '空', '无', '—/—']);

/** The cell as a value, or undefined when it is a label. Full-width digits and thousands separators are read. */
export function cellValue(raw: string): DraftCell | undefined {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  if (BLANK.has(s)) return null;
  const plain = s.replace(/^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_, sign: string, int: string, frac = '') => sign + int.replace(/,/g, '') + frac);
  if (/^[+-]?\d+(?:\.\d+)?$/.test(plain)) return Number(plain);
  // A count written with its unit (“3件”) is just the count; money keeps its unit for the unit rules.
  const count = /^(\d+)(?:件|个|项|次|条)$/.exec(plain);
  if (count) return Number(count[1]);
  if (/^[+-]?\d+(?:\.\d+)?(?:万元|元)$/.test(plain)) return plain;
  return undefined;
}

export function isValueCell(raw: string): boolean {
  return cellValue(raw) !== undefined;
}

/** A cell that holds something (a blank mark counts as nothing). */
export function isFilled(raw: string): boolean {
  const v = cellValue(raw);
  return v !== undefined && v !== null;
}
