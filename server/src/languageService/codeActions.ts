/**
 * Quick fixes: every fix a rule attached to its finding (set a total to its computed value, insert missing
 * parts/rows/cells as zeros, correct the 落款日期's year, replace an unknown key, remove a doubled word …),
 * plus “fix all”: every preferred fix whose edits do not overlap.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import type { Finding, Fix, Span } from '../model/findings';
import { localize, type Locale } from '../l10n';
import { overlaps, toRange, toSpan } from './lsp';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;

function toTextEdits(analysis: Analysis, es: Fix['edits']): TextEdit[] {
  return es.map((e) => ({ range: toRange(analysis.model, e.span), newText: e.text }));
}

export function provideCodeActions(analysis: Analysis, range: Range, context: CodeActionContext, locale: Locale): CodeAction[] {
  const span = toSpan(analysis.model, range);
  const only = context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of analysis.findings) {
      if (!f.fixes?.length || !overlaps(span, f.span)) continue;
      const diagnostic = toDiagnostic(analysis, f, locale);
      for (const fix of f.fixes) {
        actions.push({
          title: localize(fix.title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { changes: { [analysis.uri]: toTextEdits(analysis, fix.edits) } },
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND) && (only || actions.length)) {
    const all = fixAll(analysis);
    if (all.length) {
      actions.push({
        title: localize({ key: 'fix.all', args: { count: all.length } }, locale),
        kind: FIX_ALL_KIND,
        edit: { changes: { [analysis.uri]: toTextEdits(analysis, inSpecOrder(all.flatMap((f) => f.edits))) } },
      });
    }
  }
  return actions;
}

/**
 * LSP: edits may share a start position only as inserts followed by one replacement (the order in the array
 * decides). Found by fuzzing: a rename and an insertion at the start of the same line, in the other order,
 * made clients reject the whole “fix all” ('Overlapping edit').
 */
function inSpecOrder(es: Fix['edits']): Fix['edits'] {
  return [...es].sort((a, b) => a.span.start - b.span.start || (a.span.end - a.span.start) - (b.span.end - b.span.start));
}

/** Preferred fixes of all findings, skipping any whose edits overlap an earlier one (and duplicates). */
export function fixAll(analysis: Analysis): Fix[] {
  const chosen: Fix[] = [];
  // Spans taken so far, sorted by start: each clash test is a binary search, so a report with tens of
  // thousands of fixable findings (doubled words) does not take quadratic time. Taken spans never overlap
  // each other, so only those starting where the last one at or before s.start starts, and the first one
  // after it, can clash with s.
  const taken: Span[] = [];
  const firstAfter = (pos: number) => {
    let lo = 0, hi = taken.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (taken[mid].start <= pos) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const clash = (s: Span, t: Span) => (s.start < t.end && t.start < s.end) || (s.start === t.start && s.end === t.end);
  const clashes = (s: Span) => {
    const i = firstAfter(s.start);
    for (let j = i - 1; j >= 0 && taken[j].start === taken[i - 1].start; j--) if (clash(s, taken[j])) return true;
    return i < taken.length && clash(s, taken[i]);
  };
  const seen = new Set<Fix>();
  for (const f of analysis.findings as Finding[]) {
    const fix = f.fixes?.find((x) => x.preferred);
    if (!fix || seen.has(fix)) continue;
    seen.add(fix);
    if (fix.edits.some((e) => clashes(e.span))) continue;
    for (const e of fix.edits) taken.splice(firstAfter(e.span.start), 0, e.span);
    chosen.push(fix);
  }
  return chosen;
}
