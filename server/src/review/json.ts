/** `--format json`: the ReviewResult as it is (docs/review.md), without the renderings meant for the dashboard. */
import type { ReviewResult } from './types';

export function reviewJson(result: ReviewResult): string {
  return JSON.stringify(result, (key, value) => (key === 'rendered' ? undefined : value), 2) + '\n';
}
