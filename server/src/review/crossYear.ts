/**
 * Last year's reports among the inputs: for each report, the report of the same body (full or short name, as
 * previous.ts matches them in a folder) for the year before, in any folder and any form. A report that names
 * its 上年报告 itself was checked against that one already (analyze.ts, through previous.ts).
 */
import { sameBody, shortNames } from '../model/issuer';

export interface YearBody {
  year?: number;
  issuer?: string;
}

/** For each report, the index of last year's report among `reports`, or -1. */
export function previousAmong(reports: YearBody[]): number[] {
  const index = new Map<string, number[]>();
  reports.forEach((r, i) => {
    if (r.year === undefined || !r.issuer) return;
    for (const name of shortNames(r.issuer)) {
      const key = `${r.year}|${name}`;
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
  });
  return reports.map((r) => {
    if (r.year === undefined || !r.issuer) return -1;
    for (const name of shortNames(r.issuer)) {
      const hit = index.get(`${r.year - 1}|${name}`)?.find((j) => sameBody(reports[j].issuer!, r.issuer!));
      if (hit !== undefined) return hit;
    }
    return -1;
  });
}
