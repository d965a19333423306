/**
 * TXT-DOUBLED: words typed twice (“进行进行”), a body's name with its last character doubled (“张营乡乡”),
 * and function words that are never doubled (“的的”). Reduplications that are correct Chinese
 * (“一步一步”, “常常”) are not flagged.
 */
import { finding } from '../model/findings';
import { locateInProse, proseMatches } from '../model/prose';
import type { RuleContext } from './context';
import { shortNames } from '../model/issuer';

const REPEATED_WORD = /([\u4e00-\u9fff]{2,6})\1/g;
const NEVER_DOUBLED = /([的和与及在将被把并于])\1/g;
/** Words that start with a body-kind character: “张营乡乡村振兴” is 张营乡 + 乡村振兴, not a doubled 乡. */
const WORDS_AFTER_NAME = /^(?:乡村|乡镇|乡级|乡亲|乡土|乡贤|乡风|镇村|镇区|镇级|县城|县域|县级|县委|县直|市场|市民|市级|市区|市委|市直|市政|区域|区级|区委|区直|省级|省委|省直|局长|办公|府际)/;

const MAX_NAME = 100;
/** Doubled words listed one by one per text; past this, one finding says how many more there are. */
const MAX_PER_TEXT = 200;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function checkDoubledWords(ctx: RuleContext): void {
  const { model, meta } = ctx;
  // A name, not a paragraph: a pasted wall of text as 机关 would make a regular expression too large to compile.
  const nameRe = meta.issuer && meta.issuer.length <= MAX_NAME
    ? new RegExp(shortNames(meta.issuer).sort((a, b) => b.length - a.length).map((n) => `${escape(n)}(${escape(n.slice(-1))})`).join('|'), 'g')
    : undefined;
  for (const prose of model.prose) {
    const seen = new Set<number>();
    let omitted = 0;
    let firstOmitted: { index: number; length: number } | undefined;
    const report = (index: number, whole: string, unit: string) => {
      if (seen.has(index)) return;
      seen.add(index);
      // A pasted run of “的的的…” is one problem, not half a million diagnostics for the editor to draw.
      if (seen.size > MAX_PER_TEXT) {
        omitted++;
        firstOmitted ??= { index, length: whole.length };
        return;
      }
      const span = locateInProse(model.text, prose, index, whole.length);
      // The fix removes the second copy: the last `unit.length` characters of the match.
      const dup = { start: span.end - unit.length, end: span.end };
      ctx.report(finding('TXT-DOUBLED', span, 'text.doubled', { text: whole, fixed: whole.slice(0, whole.length - unit.length), where: prose.label }, {
        fixes: span.end - span.start === whole.length ? [{ title: { key: 'fix.removeDoubled', args: { text: unit } }, edits: [{ span: dup, text: '' }], preferred: true }] : undefined,
      }));
    };
    for (const m of proseMatches(prose, REPEATED_WORD)) {
      if (m[1].startsWith('一')) continue; // 一步一步, 一年一年: correct reduplication
      report(m.index!, m[0], m[1]);
    }
    for (const m of proseMatches(prose, NEVER_DOUBLED)) report(m.index!, m[0], m[1]);
    if (nameRe) {
      for (const m of proseMatches(prose, nameRe)) {
        const unit = m.slice(1).find((g) => g !== undefined)!;
        const following = prose.text.slice(m.index! + m[0].length - unit.length);
        if (WORDS_AFTER_NAME.test(following)) continue;
        report(m.index!, m[0], unit);
      }
    }
    if (firstOmitted) {
      ctx.report(finding('TXT-DOUBLED', locateInProse(model.text, prose, firstOmitted.index, firstOmitted.length), 'text.doubledMore', { count: omitted, where: prose.label, shown: MAX_PER_TEXT }));
    }
  }
}

/** A skeleton prompt (“（主动公开）……”, “（存在的主要问题）……（改进情况）……”) and nothing else. */
const PROMPT = /^(?:\s*（[^（）\n]{1,30}）\s*(?:……|…|\.\.\.)\s*)+$/;

export function isPrompt(text: string): boolean {
  return PROMPT.test(text);
}

/** TXT-PLACEHOLDER: prose still reading as the prompt a new or rolled-over report starts with. */
export function checkPlaceholders(ctx: RuleContext): void {
  for (const prose of ctx.model.prose) {
    if (!isPrompt(prose.text)) continue;
    const at = locateInProse(ctx.model.text, prose, 0, prose.text.trim().length);
    ctx.report(finding('TXT-PLACEHOLDER', at, 'text.placeholder', { where: prose.label, text: prose.text.trim() }));
  }
}
