/**
 * Phase 2 — which statutory table each source table is, by the rows it holds, so a table whose heading was
 * lost (or that sits under the wrong heading) still goes where its rows belong.
 */
import type { TableDef, Template } from '../template';
import type { Block } from './blocks';
import { TableReader } from './tables';

/** Source table number (Block.table) → the statutory table it scores best as; unscored tables are left out. */
export function classifyTables(blocks: Block[], template: Template): Map<number, TableDef['id']> {
  const sourceTables = new Map<number, string[][]>();
  for (const b of blocks) {
    if (b.kind !== 'row') continue;
    const rows = sourceTables.get(b.table) ?? [];
    rows.push(b.cells);
    sourceTables.set(b.table, rows);
  }
  const readers = template.tables.map((t) => new TableReader(template, t));
  // A header word counts for a table only when no other table has it (总计 is everywhere, 结果维持 only in 四).
  const othersWords = readers.map((reader) =>
    new Set(readers.filter((r) => r !== reader).flatMap((r) => [...r.headerWordSet()])));
  const tableOf = new Map<number, TableDef['id']>();
  for (const [id, rows] of sourceTables) {
    let best: TableDef['id'] | undefined, bestScore = 0;
    readers.forEach((reader, i) => {
      const s = reader.score(rows, othersWords[i]);
      if (s > bestScore) { bestScore = s; best = reader.table.id; }
    });
    if (best) tableOf.set(id, best);
  }
  return tableOf;
}
