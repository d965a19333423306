/** Rule categories for the dashboard's chart and the SARIF rule properties (the README's rule table, grouped). */
import type { RuleId } from '../template/ruleCatalog';

export const CATEGORIES = ['structure', 'cells', 'arithmetic', 'dates', 'content', 'crossYear', 'otherBodies'] as const;
export type Category = (typeof CATEGORIES)[number];

const EXPLICIT: Partial<Record<RuleId, Category>> = {
  'TXT-DUPLICATE-OTHER': 'otherBodies',
  'T3-DUPLICATE-OTHER': 'otherBodies',
  'T3-CARRY-OVER': 'crossYear',
  'T2-VALID-CONTINUITY': 'crossYear',
  'TXT-DUPLICATE': 'crossYear',
  'META-PREVIOUS': 'crossYear',
  'T3-ROW-TOTAL': 'arithmetic',
  'T3-RESULT-TOTAL': 'arithmetic',
  'T3-BALANCE': 'arithmetic',
  'T4-GROUP-TOTAL': 'arithmetic',
  'FEE-COLLECTED-LE-BILLED': 'arithmetic',
  'T3-FEE-LINK': 'arithmetic',
  'T2-VALID-FLOOR': 'arithmetic',
  'META-PERIOD': 'dates',
  'META-YEAR': 'dates',
  'META-YEAR-MISMATCH': 'dates',
  'META-STALE-YEAR': 'dates',
  'META-ISSUER-NAME': 'content',
  'META-CONTACT': 'content',
  'FEE-VS-T2': 'content',
  'IMPORT-UNMAPPED': 'content',
  'T2-GUIZHANG-ISSUER': 'content',
  'FEE-SHAPE': 'structure',
};

export function categoryOf(rule: RuleId): Category {
  const explicit = EXPLICIT[rule];
  if (explicit) return explicit;
  if (rule.startsWith('DATE-')) return 'dates';
  if (/^T[234]-/.test(rule)) return 'cells';
  if (rule.startsWith('TXT-')) return 'content';
  return 'structure';
}
