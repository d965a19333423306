import type { ReviewResult } from './types';
export function renderDashboard(result: ReviewResult): string {
  return `<!DOCTYPE html><html><body><pre>${result.summary.reports}</pre></body></html>`;
}
