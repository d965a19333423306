/**
 * Metadata values and dates: META-VERSION, META-YEAR, META-KIND, DATE-FORMAT, DATE-BEFORE-PERIOD-END,
 * DATE-LATE-DEPT / DATE-LATE-GOV (《条例》第四十九条), DATE-LATE-LOCAL (a local deadline profile or dates),
 * DATE-PUBLISH-BEFORE-SIGN.
 */
import { isScalar } from 'yaml';
import { compareDates, parseDate, today, withYear, type SimpleDate } from '../model/dates';
import { finding, type Message, type MessageKey, type Related } from '../model/findings';
import { levenshtein } from '../template/labels';
import type { FieldValue } from '../model/model';
import { CURRENT_FORMAT, templateForYear, type BodyKindDef } from '../template';
import { localDeadlineFor, type DeadlineChoice, type LocalDeadline } from '../template/deadlineProfiles';
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
    const { years } = model.template;
    if (v === undefined) {
      ctx.report(finding('META-VERSION', span(version), 'meta.versionUnreadable', { value: fieldText(version) ?? '', current: CURRENT_FORMAT }, {
        fixes: [{ title: { key: 'fix.setValue', args: { value: CURRENT_FORMAT } }, edits: [{ span: version.valueSpan, text: String(CURRENT_FORMAT) }] }],
      }));
    } else if (v !== model.template.version) {
      ctx.report(finding('META-VERSION', span(version), 'meta.versionUnknown', { value: v, current: CURRENT_FORMAT }));
    } else if (meta.year !== undefined && meta.year < years.from) {
      const fits = templateForYear(meta.year);
      ctx.report(finding('META-VERSION', span(version), fits.years.from <= meta.year ? 'meta.versionTooNew' : 'meta.versionNoFormat', { year: meta.year, value: v, first: FIRST_FORMAT_YEAR }));
    } else if (meta.year !== undefined && years.to !== undefined && meta.year > years.to) {
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
    ctx.report(finding('META-KIND', span(kind), 'meta.kindUnknown', { value: written, valid: { list: all } }, {
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
      key: f.def.key, date: dateArg(date), year: Y, end: dateArg(periodEnd),
    }, {
      fixes: fixedDate && date.y === Y && !lastDay ? [{ title: { key: 'fix.dateYear', args: { value: fixed } }, edits: [{ span: f.valueSpan, text: fixed }], preferred: true }] : undefined,
    }));
  }

  if (meta.signed && meta.published && compareDates(meta.published, meta.signed) < 0) {
    const f = model.fields.get('published')!;
    ctx.report(finding('DATE-PUBLISH-BEFORE-SIGN', f.valueSpan, 'date.publishedBeforeSigned', { published: dateArg(meta.published), signed: dateArg(meta.signed) }, {
      related: [{ span: model.fields.get('signed')!.valueSpan, message: { key: 'related.signed' } }],
    }));
  }

  if (!meta.kind) return;
  checkDeadline(ctx, meta.kind, Y);
}

/**
 * The statutory deadline (departments 1月31日, governments 3月31日: DATE-LATE-DEPT / DATE-LATE-GOV) and the local
 * one (DATE-LATE-LOCAL) from the chosen profile or dates — 乡镇/街道's only deadline, or a department's earlier
 * internal one. A date past the statutory deadline is reported once, as the statutory violation.
 */
function checkDeadline(ctx: RuleContext, kind: BodyKindDef, Y: number): void {
  const { model, meta } = ctx;
  const date = meta.published ?? meta.signed;
  if (!date) return;
  const f = model.fields.get(meta.published ? 'published' : 'signed')!;
  const kindField = model.fields.get('kind');
  const related: Related[] | undefined = kindField
    ? [{ span: kindField.valueSpan, message: { key: 'related.kind', args: { kind: kind.label } } }] : undefined;
  const statutory = STATUTORY[kind.deadline];
  const args = { key: f.def.key, date: dateArg(date), kind: kind.label };
  if (statutory) {
    const deadline = { y: Y + 1, ...statutory.date };
    if (compareDates(date, deadline) > 0) {
      // A known publication date past a statutory deadline is a violation, not a suspicion.
      ctx.report({
        ...finding(statutory.rule, f.valueSpan, meta.published ? 'date.latePublished' : 'date.lateSigned', { ...args, deadline: dateArg(deadline), basis: basisOf(statutory.rule) }, { related }),
        ...(meta.published ? { severity: 'error' as const } : {}),
      });
      return;
    }
  }
  const local = localDeadlineFor(kind, deadlineChoices(ctx.options));
  const [m, d] = local.date.split('-').map(Number);
  const deadline: SimpleDate = { y: Y + 1, m: m || 1, d: d || 31 };
  if (statutory && compareDates(deadline, { y: Y + 1, ...statutory.date }) >= 0) return; // nothing stricter locally
  if (compareDates(date, deadline) <= 0) return;
  const variant = localVariant(local);
  ctx.report(finding('DATE-LATE-LOCAL', f.valueSpan, `date.lateLocal${variant}${meta.published ? 'Published' : 'Signed'}` as MessageKey, {
    ...args, deadline: dateArg(deadline), profile: local.profile?.id ?? '', origin: local.origin ?? '',
  }, { related }));
}

const STATUTORY: Partial<Record<BodyKindDef['deadline'], { date: { m: number; d: number }; rule: RuleId }>> = {
  dept: { date: { m: 1, d: 31 }, rule: 'DATE-LATE-DEPT' },
  gov: { date: { m: 3, d: 31 }, rule: 'DATE-LATE-GOV' },
};

/** The caller's choices, most specific first; the older `localDeadline` option is a date for local bodies. */
function deadlineChoices(options: RuleContext['options']): DeadlineChoice[] {
  const out = [...(options.deadlines ?? [])];
  if (options.localDeadline) out.push({ dates: { local: options.localDeadline }, origin: 'xxgk.localDeadline' });
  return out;
}

/** The message names the default local deadline, a profile's, or a date chosen in a setting or file. */
function localVariant(local: LocalDeadline): 'Default' | 'Profile' | 'Date' {
  if (!local.origin) return 'Default';
  return local.profile ? 'Profile' : 'Date';
}

function basisOf(rule: RuleId): Message {
  if (rule === 'DATE-LATE-DEPT') return { key: 'date.basis.dept' };
  if (rule === 'DATE-LATE-GOV') return { key: 'date.basis.gov' };
  return { key: 'date.basis.local' };
}

const MONTHS: MessageKey[] = ['date.month.1', 'date.month.2', 'date.month.3', 'date.month.4', 'date.month.5', 'date.month.6',
  'date.month.7', 'date.month.8', 'date.month.9', 'date.month.10', 'date.month.11', 'date.month.12'];

/** “2025年1月20日” in Chinese, “20 January 2025” in English. */
function dateArg({ y, m, d }: SimpleDate): Message {
  return { key: 'date.written', args: { y, m: { key: MONTHS[m - 1] }, d } };
}

