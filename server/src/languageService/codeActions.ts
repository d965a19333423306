/**
 * Quick fixes: every fix a rule attached to its finding (set a total to its computed value, insert missing
 * parts/rows/cells as zeros, correct the 落款日期's year, replace an unknown key, remove a doubled word …),
 * plus “fix all”: every preferred fix whose edits do not overlap.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type TextEdit } from 'vscode-languageserver-types';
import { findingsWithFixes, type Analysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import type { Finding, Fix, Span } from '../model/findings';
import { localize, type Locale } from '../l10n';
import { overlaps, toRange, toSpan } from './lsp';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;

function toTextEdits(analysis: Analysis, es: Fix['edits']): TextEdit[] {
  return es.map((e) => ({ range: toRange(analysis.model, e.span), newText: e.text }));
}

export function provideCodeActions(
  analysis: Analysis, range: Range, context: CodeActionContext, locale: Locale,
): CodeAction[] {
  const span = toSpan(analysis.model, range);
  const only = context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // Findings that share a fix (three missing rows of one group; STR-PARTS and T4-SHAPE for a missing part)
    // offer it once, for all their diagnostics, rather than as identical entries in the menu.
    const byContent = new Map<string, CodeAction>();
    for (const f of findingsWithFixes(analysis)) {
      if (!f.fixes?.length || !overlaps(span, f.span)) continue;
      const diagnostic = toDiagnostic(analysis, f, locale);
      for (const fix of f.fixes) {
        const title = localize(fix.title, locale);
        const edits = toTextEdits(analysis, fix.edits);
        const key = JSON.stringify([title, edits]);
        const same = byContent.get(key);
        if (same) {
          same.diagnostics!.push(diagnostic);
          same.isPreferred ||= fix.preferred;
          continue;
        }
        const action: CodeAction = {
          title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred,
          edit: { changes: { [analysis.uri]: edits } },
        };
        byContent.set(key, action);
        actions.push(action);
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
  const length = (e: Fix['edits'][number]) => e.span.end - e.span.start;
  return [...es].sort((a, b) => a.span.start - b.span.start || length(a) - length(b));
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
  const findings = findingsWithFixes(analysis);
  const stale = staleSums(findings);
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.preferred);
    if (!fix || seen.has(fix) || stale.has(f)) continue;
    seen.add(fix);
    if (fix.edits.some((e) => clashes(e.span))) continue;
    for (const e of fix.edits) taken.splice(firstAfter(e.span.start), 0, e.span);
    chosen.push(fix);
  }
  return chosen;
}

/**
 * A sum's fix is computed from the terms its finding points at (related). When another sum's fix changes one
 * of those terms, applying both writes a total computed from the old term (found by the tests: in the mistakes
 * sample 予以公开's 总计 76→75 and （七）总计 194→195, computed with 76, left （七）总计 wrong). Such a fix
 * waits for the next round, which computes it from the new values.
 */
function staleSums(findings: Finding[]): Set<Finding> {
  const sums = findings.filter((f) => f.related?.length && f.fixes?.some((x) => x.preferred));
  const changes = sums.flatMap((f) => f.fixes!.find((x) => x.preferred)!.edits.map((e) => ({ by: f, span: e.span })));
  const meets = (a: Span, b: Span) => (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
  return new Set(sums.filter((f) => f.related!.some((r) => changes.some((c) => c.by !== f && meets(r.span, c.span)))));
}
