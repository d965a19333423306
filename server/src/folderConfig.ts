/**
 * `xxgk.json`: settings for the reports of a folder, read by the CLI and the language server alike. The nearest
 * one wins (the report's folder, then its parents), so a county office can put one beside all its towns' reports:
 *   { "deadlineProfile": "怀化市", "deadlines": { "乡镇人民政府": "02-20" }, "localDeadline": "02-20" }
 * `deadlines` keys are kinds of body (机关类型) or the classes local / dept / gov; dates are `MM-DD` of the year
 * after the report year. Problems (unreadable JSON, an unknown profile or key, a bad date) are returned as
 * messages for the caller to show; what is valid is still used.
 */
import { dirname, join, relative } from 'node:path';
import type { Message, MessageArg, MessageKey } from './model/findings';
import { template2021 } from './template';
import { DEADLINE_PROFILES, deadlineKeys, deadlineProfile, MONTH_DAY, type DeadlineChoice } from './template/deadlineProfiles';

export const FOLDER_CONFIG = 'xxgk.json';

export interface FolderConfig {
  /** The file read. */
  path: string;
  /** What it chooses; absent when it chooses nothing usable. */
  choice?: DeadlineChoice;
  problems: Message[];
}

/** How many folders up to look: reports sit a few levels below the office's folder, never at the root. */
const MAX_LEVELS = 8;

/**
 * The nearest xxgk.json above `reportPath` (its own folder first), or undefined. `read` returns undefined for no
 * file.
 */
export function findFolderConfig(
  reportPath: string, read: (path: string) => string | undefined,
): FolderConfig | undefined {
  let dir = dirname(reportPath);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const path = join(dir, FOLDER_CONFIG);
    const text = read(path);
    if (text !== undefined) return parseFolderConfig(text, path, relative(dirname(reportPath), path).split('\\').join('/'));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

const KNOWN_KEYS = new Set(['deadlineProfile', 'deadlines', 'localDeadline', '$schema']);

/** Reads an xxgk.json's text; `origin` is how messages name it (its path relative to the report). */
export function parseFolderConfig(text: string, path: string, origin = FOLDER_CONFIG): FolderConfig {
  const problems: Message[] = [];
  const problem = (key: MessageKey, args: Record<string, MessageArg> = {}) =>
    problems.push({ key, args: { file: origin, ...args } });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    problem('config.invalidJson', { detail: (e as Error).message });
    return { path, problems };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problem('config.notObject');
    return { path, problems };
  }
  const obj = data as Record<string, unknown>;
  const valid = { list: [...KNOWN_KEYS].filter((x) => x !== '$schema') };
  for (const k of Object.keys(obj)) if (!KNOWN_KEYS.has(k)) problem('config.unknownKey', { name: k, valid });
  const choice: DeadlineChoice = { origin };
  if (obj.deadlineProfile !== undefined) {
    const p = typeof obj.deadlineProfile === 'string' ? deadlineProfile(obj.deadlineProfile) : undefined;
    if (p) choice.profile = p;
    else problem('config.unknownProfile', { name: String(obj.deadlineProfile), valid: { list: DEADLINE_PROFILES.map((x) => x.id) } });
  }
  const dates: Record<string, string> = {};
  const date = (key: string, value: unknown) => {
    if (typeof value === 'string' && MONTH_DAY.test(value)) dates[key] = value;
    else problem('config.badDate', { name: key, value: String(value) });
  };
  if (obj.localDeadline !== undefined) date('local', obj.localDeadline);
  if (obj.deadlines !== undefined) {
    if (!obj.deadlines || typeof obj.deadlines !== 'object' || Array.isArray(obj.deadlines)) problem('config.notObject');
    else {
      const keys = deadlineKeys(template2021.bodyKinds);
      for (const [k, v] of Object.entries(obj.deadlines as Record<string, unknown>)) {
        if (keys.includes(k)) date(k, v);
        else problem('config.unknownKind', { name: k, valid: { list: keys } });
      }
    }
  }
  if (Object.keys(dates).length) choice.dates = dates;
  return { path, problems, choice: choice.profile || choice.dates ? choice : undefined };
}

/** Remembers each folder's answer for one run over many reports (the CLI). */
export class FolderConfigCache {
  private readonly byPath = new Map<string, string | undefined>();

  constructor(private readonly readFile: (path: string) => string | undefined) {}

  find(reportPath: string): FolderConfig | undefined {
    return findFolderConfig(reportPath, (p) => {
      if (!this.byPath.has(p)) this.byPath.set(p, this.readFile(p));
      return this.byPath.get(p);
    });
  }
}
