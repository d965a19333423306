import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../server/src/check';
import type { Finding } from '../../server/src/model/findings';
import { localize } from '../../server/src/l10n';

export const ROOT = join(__dirname, '..', '..');
export const TODAY = { y: 2026, m: 11, d: 27 };

export function sample(name: string): string {
  return readFileSync(join(ROOT, 'samples', name), 'utf8');
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}

export const SEED = 'seed-zhangying-2023.xxgk.yaml';
export const CLEAN = 'clean-zhangying-2024.xxgk.yaml';
export const COUNTY = 'county-dept-2024.xxgk.yaml';
export const COUNTY_2023 = 'county-dept-2023.xxgk.yaml';
export const MISTAKES = 'county-dept-2024-mistakes.xxgk.yaml';

/** Replaces exactly one occurrence; fails loudly if the text is not there (so a test cannot pass vacuously). */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`test edit: “${from}” not found`);
  if (text.indexOf(from, i + 1) >= 0) throw new Error(`test edit: “${from}” is not unique`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

export interface Located {
  rule: string;
  line: number; // 1-based
  severity: string;
  message: string;
  finding: Finding;
}

export function check(text: string, options: Parameters<typeof checkText>[1] = {}): Located[] {
  const { model, findings } = checkText(text, { today: TODAY, ...options });
  return findings.map((f) => ({
    rule: f.rule, severity: f.severity, finding: f,
    line: model.lines.positionAt(f.span.start).line + 1,
    message: localize(f.message),
  }));
}

/** 1-based line of the first line containing `marker`. */
export function lineOf(text: string, marker: string): number {
  const i = text.indexOf(marker);
  if (i < 0) throw new Error(`marker “${marker}” not found`);
  return text.slice(0, i).split('\n').length;
}
