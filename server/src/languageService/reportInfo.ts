/** `xxgk/reportInfo`: the metadata the client needs (the year of last year's report for “new from last year”). */
import type { Analysis } from './analysis';
import { readMeta } from '../model/meta';
import type { ReportInfo } from '../protocol';

export function provideReportInfo({ model }: Analysis): ReportInfo {
  const meta = readMeta(model);
  const info: ReportInfo = {};
  if (meta.year !== undefined) info.year = meta.year;
  if (meta.issuer) info.issuer = meta.issuer;
  if (meta.kind) info.kind = meta.kind.label;
  return info;
}
