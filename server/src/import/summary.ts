/**
 * What an import did, for the clerk: what was mapped where, what could not be mapped (and is kept under
 * 未识别内容), and what was guessed. Messages are l10n keys, so the CLI and the editor show them in the
 * user's language.
 */
import type { Message } from '../model/findings';
import { localize, type Locale } from '../l10n';

export type ImportSource = 'text' | 'html' | 'docx' | 'pdf';

export interface UnmappedItem {
  /** Where in the source it was: “页首”, “表三”, “第六部分之后” … */
  where: string;
  text: string;
}

export interface ImportSummary {
  source: ImportSource;
  /** The format version written (格式). */
  format: number;
  mapped: Message[];
  /** Kept verbatim under 未识别内容 in the YAML. */
  unmapped: UnmappedItem[];
  /** Guesses and oddities the clerk should look at. */
  warnings: Message[];
  /** Table cells written: numbers, blanks (~), and text kept as printed (a value with its unit). */
  cells: { numbers: number; blanks: number; text: number };
}

export function emptySummary(source: ImportSource): ImportSummary {
  return { source, format: 0, mapped: [], unmapped: [], warnings: [], cells: { numbers: 0, blanks: 0, text: 0 } };
}

/** What one phase of the import has to say: the summary's lists, in the order the phase met them. */
export type ImportNotes = Pick<ImportSummary, 'mapped' | 'unmapped' | 'warnings'>;

export function emptyNotes(): ImportNotes {
  return { mapped: [], unmapped: [], warnings: [] };
}

/** Appends a phase's notes to the summary, or to other notes (phases run in source order, so the lists stay in it). */
export function addNotes(into: ImportNotes, notes: ImportNotes): void {
  // A loop, not push(...xs): a long dump can leave more unplaced lines than a call takes arguments.
  for (const m of notes.mapped) into.mapped.push(m);
  for (const u of notes.unmapped) into.unmapped.push(u);
  for (const w of notes.warnings) into.warnings.push(w);
}

/** The summary as lines of text (the CLI prints it to stderr). */
export function formatSummary(s: ImportSummary, locale: Locale = 'zh-cn'): string {
  const l = (m: Message) => localize(m, locale);
  const out: string[] = [];
  out.push(l({ key: 'import.summary.head', args: { source: l({ key: `import.source.${s.source}` }), format: s.format } }));
  out.push(l({ key: 'import.summary.cells', args: { numbers: s.cells.numbers, blanks: s.cells.blanks, text: s.cells.text } }));
  if (s.mapped.length) {
    out.push(l({ key: 'import.summary.mapped' }));
    for (const m of s.mapped) out.push(`  ✓ ${l(m)}`);
  }
  if (s.unmapped.length) {
    out.push(l({ key: 'import.summary.unmapped', args: { count: s.unmapped.length } }));
    for (const u of s.unmapped) out.push(`  ? 【${u.where}】${u.text.length > 80 ? `${u.text.slice(0, 80)}…` : u.text}`);
  } else out.push(l({ key: 'import.summary.nothingUnmapped' }));
  if (s.warnings.length) {
    out.push(l({ key: 'import.summary.check' }));
    for (const w of s.warnings) out.push(`  ! ${l(w)}`);
  }
  return out.join('\n');
}
