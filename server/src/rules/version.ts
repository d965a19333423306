/**
 * VER-OLD-MARKERS: a report on 2021 or later written in the 2019 trial format. META-VERSION flags the version
 * once; this names every row that the 2021 format has in another shape, or not at all, at its key. (A 2019
 * key written into a 2021 report is caught while reading: model.ts, legacyMarker.)
 */
import { finding } from '../model/findings';
import { rowsChangedSince, templateForYear } from '../template';
import type { RuleContext } from './context';

export function checkOldFormatRows(ctx: RuleContext): void {
  const { model, meta } = ctx;
  const { template } = model;
  if (meta.year === undefined || template.years.to === undefined || meta.year <= template.years.to) return;
  const current = templateForYear(meta.year);
  const currentGroups = new Map(current.tables.flatMap((t) => t.nodes).flatMap(function walk(n): [string, typeof n][] {
    return n.kind === 'group' ? [[n.id, n], ...n.children.flatMap(walk)] : [];
  }));
  for (const { row, now } of rowsChangedSince(template, current)) {
    const written = model.rows.get(row.id);
    if (!written) continue;
    const base = { row: row.label, year: meta.year, current: current.version };
    const split = currentGroups.get(row.id);
    if (now) {
      ctx.report(finding('VER-OLD-MARKERS', written.keySpan, 'version.oldColumns', {
        ...base, old: { list: row.columns.map((c) => c.label) }, now: { list: now.columns.map((c) => c.label) },
      }));
    } else if (split && split.kind === 'group') {
      const parts = { list: split.children.map((c) => c.label), separator: 'list.semicolon' } as const;
      ctx.report(finding('VER-OLD-MARKERS', written.keySpan, 'version.splitRow', { ...base, parts }));
    } else {
      ctx.report(finding('VER-OLD-MARKERS', written.keySpan, 'version.oldRow', base));
    }
  }
}
