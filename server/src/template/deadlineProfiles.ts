/**
 * Local publication deadlines as data. The Regulation sets 1月31日 for departments and 3月31日 for whole
 * governments (Art. 49); 乡镇 and 街道 deadlines are set locally, and many places set earlier internal dates for
 * their departments too (怀化: 市直单位 by 1月28日, towns collected by the county by 2月20日). A profile names a
 * place's calendar; a setting, a per-folder `xxgk.json` or the CLI chooses one or gives dates, and DATE-LATE-LOCAL
 * names the profile (or the file or flag that gave the date) it used.
 */
import type { BodyKindDef } from './types';

export interface DeadlineProfile {
  /** The name users write (setting, xxgk.json, --deadline-profile). */
  id: string;
  aliases: string[];
  /** Where the dates come from. */
  source: string;
  /** `MM-DD` of the year after the report year, by body kind id (乡镇人民政府) or deadline class (local, dept, gov). */
  deadlines: Record<string, string>;
}

/** Without a choice: 乡镇/街道/其他 by 1月31日 (the departments' statutory date, the usual practice). */
export const DEFAULT_PROFILE: DeadlineProfile = {
  id: '全国默认', aliases: ['默认', 'default'], source: '《条例》第四十九条；乡镇、街道按部门的时限',
  deadlines: { dept: '01-31', gov: '03-31', local: '01-31' },
};

export const DEADLINE_PROFILES: readonly DeadlineProfile[] = [
  DEFAULT_PROFILE,
  {
    id: '怀化市', aliases: ['怀化'],
    source: '怀化市 2021 年度政府信息公开工作年度报告通知：市直单位 1月26日前报送、1月28日前发布；'
      + '县级主管部门 2月20日前汇总县直单位和乡镇的报告',
    deadlines: { 市级政府部门: '01-28', 乡镇人民政府: '02-20', 街道办事处: '02-20' },
  },
];

export function deadlineProfile(name: string): DeadlineProfile | undefined {
  const n = name.trim();
  return DEADLINE_PROFILES.find((p) => p.id === n || p.aliases.includes(n));
}

/** One source of deadline choices: a CLI flag, an xxgk.json, the editor settings. */
export interface DeadlineChoice {
  /** A profile by name (already checked to exist). */
  profile?: DeadlineProfile;
  /** Dates that take precedence over the profile's: by body kind id or class (local, dept, gov). */
  dates?: Record<string, string>;
  /** How messages name the source: `xxgk.json`, `xxgk.deadlineProfile`, `--local-deadline`. */
  origin: string;
}

export interface LocalDeadline {
  /** `MM-DD` of the following year. */
  date: string;
  /** The profile it comes from, when a profile gave it. */
  profile?: DeadlineProfile;
  /** The source that chose it; absent for the default. */
  origin?: string;
}

/**
 * The local deadline for a kind of body: the first choice (most specific first) with a date or a profile that
 * covers the kind, else the default profile. A date for the kind itself beats one for its class.
 */
export function localDeadlineFor(kind: BodyKindDef, choices: readonly DeadlineChoice[]): LocalDeadline {
  for (const c of choices) {
    const date = c.dates?.[kind.id] ?? c.dates?.[kind.deadline];
    if (date) return { date, origin: c.origin };
    const fromProfile = c.profile && (c.profile.deadlines[kind.id] ?? c.profile.deadlines[kind.deadline]);
    if (fromProfile) return { date: fromProfile, profile: c.profile, origin: c.origin };
  }
  const date = DEFAULT_PROFILE.deadlines[kind.id] ?? DEFAULT_PROFILE.deadlines[kind.deadline];
  return { date, profile: DEFAULT_PROFILE };
}

/** Keys an xxgk.json `deadlines` object may use. */
export function deadlineKeys(kinds: readonly BodyKindDef[]): string[] {
  return ['local', 'dept', 'gov', ...kinds.map((k) => k.id)];
}

export const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
