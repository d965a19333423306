/**
 * Lines that the report's own exports (HTML, Word) print from its fields rather than from its prose: the
 * contact line after the preamble and part 六's fee sentence. Read back, they go to their fields and leave the
 * prose, so export → import → export gives the same document; a line that would not be printed again from
 * the fields stays in the prose, so no text is ever lost.
 */
import { CONTACT_LINE_PREFIX, feeSentenceOf, preambleGivesContact } from '../render/text';

/** The preamble's last paragraph “联系方式：…”, when the rest of the preamble does not give that contact. */
export function takeContactLine(preamble: string[]): { preamble: string[]; contact?: string } {
  const last = preamble[preamble.length - 1];
  if (!last?.startsWith(CONTACT_LINE_PREFIX)) return { preamble };
  const contact = last.slice(CONTACT_LINE_PREFIX.length).trim();
  const rest = preamble.slice(0, -1);
  if (!contact || preambleGivesContact(rest.join('\n'), contact)) return { preamble };
  return { preamble: rest, contact };
}

const FEE_IDS = ['fee.notices', 'fee.billed', 'fee.collected'];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The printed fee sentence with its three values as groups (“—” where a value is not written). */
// eslint-disable-next-line no-control-regex -- placeholders that cannot occur in the sentence
const FEE_SENTENCE = new RegExp(`^${escapeRegExp(feeSentenceOf('\u0000', '\u0001', '\u0002'))}$`.replace(/[\u0000-\u0002]/g, '(\\S+)'));

/** Part 六 without the fee sentence that the three fee values print again. */
export function withoutFeeSentence(paragraphs: string[], fees: Record<string, number>): string[] {
  return paragraphs.filter((p) => {
    const m = FEE_SENTENCE.exec(p);
    return !m || !FEE_IDS.every((id, i) => (m[i + 1] === '—' ? !(id in fees) : Number(m[i + 1]) === fees[id]));
  });
}
