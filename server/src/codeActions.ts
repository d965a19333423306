/**
 * Quick fixes: every fix a rule attached to its finding (set a total to its computed value, insert missing
 * parts/rows/cells as zeros, correct the 落款日期's year, replace an unknown key, remove a doubled word …),
 * plus “fix all”: every preferred fix whose edits do not overlap.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import type { Finding, Fix } from './findings';
import { localize, type Locale } from './l10n';
import { overlaps, toRange, toSpan } from './lsp';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.xxgk`;

function edits(analysis: Analysis, fix: Fix): TextEdit[] {
  return fix.edits.map((e) => ({ range: toRange(analysis.model, e.span), newText: e.text }));
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
          edit: { changes: { [analysis.uri]: edits(analysis, fix) } },
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
        edit: { changes: { [analysis.uri]: all.flatMap((f) => edits(analysis, f)) } },
      });
    }
  }
  return actions;
}

/** Preferred fixes of all findings, skipping any whose edits overlap an earlier one (and duplicates). */
export function fixAll(analysis: Analysis): Fix[] {
  const chosen: Fix[] = [];
  const taken: { start: number; end: number }[] = [];
  const seen = new Set<Fix>();
  for (const f of analysis.findings as Finding[]) {
    const fix = f.fixes?.find((x) => x.preferred);
    if (!fix || seen.has(fix)) continue;
    seen.add(fix);
    const clash = fix.edits.some((e) => taken.some((t) => e.span.start < t.end && t.start < e.span.end || (e.span.start === t.start && e.span.end === t.end)));
    if (clash) continue;
    taken.push(...fix.edits.map((e) => e.span));
    chosen.push(fix);
  }
  return chosen;
}
