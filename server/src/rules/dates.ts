/**
 * Metadata values and dates: META-VERSION, META-YEAR, META-KIND, DATE-FORMAT, DATE-BEFORE-PERIOD-END,
 * DATE-LATE-DEPT / DATE-LATE-GOV / DATE-LATE-LOCAL (《条例》第四十九条), DATE-PUBLISH-BEFORE-SIGN.
 */
import { isScalar } from 'yaml';
import { compareDates, formatChinese, parseDate, today, withYear, type SimpleDate } from '../model/dates';
import { finding } from '../model/findings';
import { levenshtein } from '../template/labels';
import type { FieldValue } from '../model/model';
import { CURRENT_FORMAT, templateForYear } from '../template';
import type { RuleId } from '../template/ruleCatalog';
import { type RuleContext } from './context';
import { fieldText } from '../model/meta';

const FIRST_YEAR = 2008; // the first year of statutory annual reports (2008 Regulation)
const FIRST_FORMAT_YEAR = 2019; // the first year with a uniform format (国办公开办函〔2019〕60号)

export function checkMetaValues(ctx: RuleContext): void {
  const { model, meta } = ctx;
  const span = (f: FieldValue) => (f.valueSpan.end > f.valueSpan.start ? f.valueSpan : f.keySpan);

  const version = model.fields.get('version');
  if (version) {
    const v = model.version;
    if (v === undefined) {
      ctx.report(finding('META-VERSION', span(version), 'meta.versionUnreadable', { value: fieldText(version) ?? '', current: CURRENT_FORMAT }, {
        fixes: [{ title: { key: 'fix.setValue', args: { value: CURRENT_FORMAT } }, edits: [{ span: version.valueSpan, text: String(CURRENT_FORMAT) }] }],
      }));
    } else if (v !== model.template.version) {
      ctx.report(finding('META-VERSION', span(version), 'meta.versionUnknown', { value: v, current: CURRENT_FORMAT }));
    } else if (meta.year !== undefined && meta.year < model.template.years.from) {
      const fits = templateForYear(meta.year);
      ctx.report(finding('META-VERSION', span(version), fits.years.from <= meta.year ? 'meta.versionTooNew' : 'meta.versionNoFormat', { year: meta.year, value: v, first: FIRST_FORMAT_YEAR }));
    } else if (meta.year !== undefined && model.template.years.to !== undefined && meta.year > model.template.years.to) {
      // A report on 2021 or later written in the 2019 trial format; VER-OLD-MARKERS names each old row. No quick
      // fix: changing the version alone would read the old columns (新制作/新公开/公开总数) as the new ones.
      const fits = templateForYear(meta.year);
      ctx.report(finding('META-VERSION', span(version), 'meta.versionTooOld', { year: meta.year, value: v, source: model.template.source, current: fits.version, currentSource: fits.source }));
    }
  }

  const year = model.fields.get('year');
  const now = ctx.options.today ?? today();
  if (year) {
    const raw = isScalar(year.node) ? year.node.value : undefined;
    if (meta.year === undefined) {
      const digits = typeof raw === 'string' ? /^\s*(\d{4})\s*年?(?:度)?\s*$/.exec(raw.normalize('NFKC')) : null;
      ctx.report(finding('META-YEAR', span(year), 'meta.yearNotNumber', { value: String(raw ?? '') }, {
        fixes: digits ? [{ title: { key: 'fix.setValue', args: { value: digits[1] } }, edits: [{ span: year.valueSpan, text: digits[1] }], preferred: true }] : undefined,
      }));
    } else if (meta.year < FIRST_YEAR || meta.year > now.y - 1) {
      ctx.report(finding('META-YEAR', span(year), meta.year < FIRST_YEAR ? 'meta.yearTooEarly' : 'meta.yearNotEnded', { value: meta.year, first: FIRST_YEAR, last: now.y - 1 }));
    }
  }

  const kind = model.fields.get('kind');
  if (kind && !meta.kind) {
    const written = fieldText(kind) ?? '';
    const all = model.template.bodyKinds.map((k) => k.id);
    const nearest = all.map((k) => [k, levenshtein(k, written)] as const).sort((a, b) => a[1] - b[1])[0];
    ctx.report(finding('META-KIND', span(kind), 'meta.kindUnknown', { value: written, valid: all.join('、') }, {
      fixes: written && nearest[1] <= 3 ? [{ title: { key: 'fix.setValue', args: { value: nearest[0] } }, edits: [{ span: kind.valueSpan, text: nearest[0] }], preferred: true }] : undefined,
    }));
  }

  const issuer = model.fields.get('issuer');
  if (issuer && !meta.issuer) ctx.report(finding('META-FIELD', span(issuer), 'meta.empty', { key: issuer.def.key }));
}

export function checkDates(ctx: RuleContext): void {
  const { model, meta } = ctx;
  for (const id of ['signed', 'published']) {
    const f = model.fields.get(id);
    const text = fieldText(f);
    if (f && (!text || !parseDate(text))) {
      ctx.report(finding('DATE-FORMAT', f.valueSpan.end > f.valueSpan.start ? f.valueSpan : f.keySpan, 'date.unreadable', { key: f.def.key, value: text ?? '' }));
    }
  }
  const Y = meta.year;
  if (Y === undefined) return;
  const periodEnd: SimpleDate = { y: Y, m: 12, d: 31 };

  for (const id of ['signed', 'published'] as const) {
    const date = meta[id];
    const f = model.fields.get(id)!;
    if (!date || compareDates(date, periodEnd) > 0) continue;
    const written = fieldText(f)!;
    const fixed = withYear(written, Y + 1);
    const fixedDate = parseDate(fixed);
    const lastDay = compareDates(date, periodEnd) === 0;
    ctx.report(finding('DATE-BEFORE-PERIOD-END', f.valueSpan, lastDay ? 'date.lastDay' : 'date.beforePeriodEnd', {
      key: f.def.key, date: formatChinese(date), year: Y, end: formatChinese(periodEnd),
    }, {
      fixes: fixedDate && date.y === Y && !lastDay ? [{ title: { key: 'fix.dateYear', args: { value: fixed } }, edits: [{ span: f.valueSpan, text: fixed }], preferred: true }] : undefined,
    }));
  }

  if (meta.signed && meta.published && compareDates(meta.published, meta.signed) < 0) {
    const f = model.fields.get('published')!;
    ctx.report(finding('DATE-PUBLISH-BEFORE-SIGN', f.valueSpan, 'date.publishedBeforeSigned', { published: formatChinese(meta.published), signed: formatChinese(meta.signed) }, {
      related: [{ span: model.fields.get('signed')!.valueSpan, message: { key: 'related.signed' } }],
    }));
  }

  if (!meta.kind) return;
  const { deadline, rule } = deadlineFor(meta.kind.deadline, Y, ctx.options.localDeadline);
  const date = meta.published ?? meta.signed;
  if (!date || compareDates(date, deadline) <= 0) return;
  const f = model.fields.get(meta.published ? 'published' : 'signed')!;
  // A known publication date past a statutory deadline is a violation, not a suspicion.
  const severity = meta.published && rule !== 'DATE-LATE-LOCAL' ? 'error' : undefined;
  const kindField = model.fields.get('kind');
  ctx.report({
    ...finding(rule, f.valueSpan, meta.published ? 'date.latePublished' : 'date.lateSigned', {
      key: f.def.key, date: formatChinese(date), deadline: formatChinese(deadline), kind: meta.kind.label, basis: basisOf(rule),
    }, { related: kindField ? [{ span: kindField.valueSpan, message: { key: 'related.kind', args: { kind: meta.kind.label } } }] : undefined }),
    ...(severity ? { severity } : {}),
  });
}

/** The publication deadline of a year's report for a class of body (`xxgk review` shows it beside the dates). */
export function deadlineFor(cls: 'dept' | 'gov' | 'local', Y: number, localDeadline?: string): { deadline: SimpleDate; rule: RuleId } {
  if (cls === 'dept') return { deadline: { y: Y + 1, m: 1, d: 31 }, rule: 'DATE-LATE-DEPT' };
  if (cls === 'gov') return { deadline: { y: Y + 1, m: 3, d: 31 }, rule: 'DATE-LATE-GOV' };
  const [m, d] = (localDeadline ?? '01-31').split('-').map(Number);
  return { deadline: { y: Y + 1, m: m || 1, d: d || 31 }, rule: 'DATE-LATE-LOCAL' };
}

function basisOf(rule: RuleId): string {
  return rule === 'DATE-LATE-DEPT' ? '《条例》第四十九条第一款' : rule === 'DATE-LATE-GOV' ? '《条例》第四十九条第二款' : '地方规定';
}

