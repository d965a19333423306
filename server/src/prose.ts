/**
 * Locating text found inside a prose value (a block scalar, a quoted or plain string) back in the document,
 * so a doubled word or a wrong year is underlined exactly where it is written.
 */
import type { Span } from './findings';
import type { ProseValue } from './model';

/** The span of `value.text.slice(index, index + length)` in the document, or the value's first line. */
export function locateInProse(docText: string, prose: ProseValue, index: number, length: number): Span {
  const needle = prose.text.slice(index, index + length);
  const { start, end } = prose.span;
  const source = docText.slice(start, end);
  // The k-th occurrence in the value is the k-th occurrence in the source (escapes aside).
  let k = 0;
  for (let i = prose.text.indexOf(needle); i >= 0 && i < index; i = prose.text.indexOf(needle, i + 1)) k++;
  let at = -1;
  for (let i = 0; i <= k; i++) {
    at = source.indexOf(needle, at + 1);
    if (at < 0) break;
  }
  if (at >= 0) return { start: start + at, end: start + at + needle.length };
  const nl = source.indexOf('\n');
  return { start, end: nl > 0 ? start + nl : end };
}
