/**
 * What every source becomes before mapping: a flat list of paragraphs and table rows. Plain text gives a row
 * per tab-separated line (tables copied from a web page or a Word file), HTML gives a row per `<tr>` of a data
 * table; layout tables (a page wrapped in a table) are read as paragraphs. Cells are kept as printed, blanks
 * included: where a value sits among its neighbours is decided later, against the template.
 */

export type Block =
  | { kind: 'para'; text: string }
  /** `table` numbers the source table the row came from (consecutive rows of one table share it). */
  | { kind: 'row'; cells: string[]; table: number };

/** Plain text: lines with a tab are table rows; blank lines between two of them do not end the table. */
export function textBlocks(text: string): Block[] {
  const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: Block[] = [];
  let table = 0;
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes('\t')) {
      if (!inTable) { table++; inTable = true; }
      out.push({ kind: 'row', cells: line.split('\t').map((c) => c.trim()), table });
      continue;
    }
    if (!line.trim()) {
      // A blank line inside a table (a page break in the dump) keeps the table open if a row follows.
      if (inTable) {
        const next = lines.slice(i + 1).find((l) => l.trim());
        if (next !== undefined && next.includes('\t')) continue;
      }
      inTable = false;
      continue;
    }
    inTable = false;
    out.push({ kind: 'para', text: line.trim() });
  }
  return out;
}
