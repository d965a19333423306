/**
 * `--format csv`: one line per finding (and one per file that could not be read), UTF-8 with a byte order mark
 * and CRLF line ends, so that Excel and WPS open the Chinese text correctly. A cell that starts like a formula
 * (= + - @) gets a leading apostrophe: report content must never run as a spreadsheet formula.
 */
import { localize, type Locale } from '../l10n';
import type { MessageKey } from '../model/findings';
import { RULE_CATALOG, type RuleId } from '../template/ruleCatalog';
import type { ReviewResult } from './types';

const HEADER_KEYS = [
  'file',
  'issuer',
  'kind',
  'year',
  'severity',
  'rule',
  'title',
  'where',
  'line',
  'column',
  'message',
  'other',
];

function cell(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reviewCsv(result: ReviewResult): string {
  const locale: Locale = result.options.locale;
  const title = (rule: RuleId) => (locale === 'en' ? RULE_CATALOG[rule].titleEn : RULE_CATALOG[rule].title);
  const lines = [HEADER_KEYS.map((k) => cell(localize({ key: `review.csv.${k}` as MessageKey }, locale))).join(',')];
  for (const r of result.reports) {
    for (const f of r.findings) {
      lines.push(
        [
          r.file,
          r.issuer,
          r.kind,
          r.year,
          f.severity,
          f.rule,
          title(f.rule),
          f.where,
          f.line,
          f.column,
          f.message,
          f.other ? f.other.file : undefined,
        ]
          .map(cell)
          .join(','),
      );
    }
  }
  for (const u of result.unreadable) {
    lines.push(
      [u.file, '', '', '', 'error', '', localize({ key: 'review.csv.unreadable' }, locale), '', '', '', u.message, '']
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
