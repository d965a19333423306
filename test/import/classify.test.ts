/** Phase 2 of the importer: which statutory table each source table is, by the rows it holds. */
import { describe, expect, it } from 'vitest';
import { template2019, template2021 } from '../../server/src/template';
import type { Block } from '../../server/src/import/blocks';
import { classifyTables } from '../../server/src/import/classify';
import { countyPage, garbledText, seedDump, trialPage } from './sources';

const asObject = (m: Map<number, string>) => Object.fromEntries(m);

describe('table classification', () => {
  it('names the seed dump’s two tables (table 二 flattened, table 三 cut short)', () => {
    expect(asObject(classifyTables(seedDump(), template2021))).toEqual({ 1: 't2', 2: 't3' });
  });

  it('names every piece of tables cut by page breaks and headings printed as text (the garbled 张营乡 dump)', () => {
    expect(asObject(classifyTables(garbledText(), template2021))).toEqual({
      1: 't2', 2: 't2', 3: 't2', 4: 't2', 5: 't3', 6: 't3', 7: 't3', 8: 't3', 9: 't4',
    });
  });

  it('knows table 四 by header words only it has (结果维持, 未经复议直接起诉), though its row has no label', () => {
    const page = countyPage().blocks;
    expect(asObject(classifyTables(page, template2021))).toEqual({ 1: 't2', 2: 't3', 3: 't4' });
    const t4Only = page.filter((b) => b.kind === 'row' && b.table === 3);
    expect(asObject(classifyTables(t4Only, template2021))).toEqual({ 3: 't4' });
  });

  it('goes by the rows, not the order: table 三’s rows alone, numbered first, are table 三', () => {
    const t3Rows = countyPage().blocks
      .flatMap((b): Block[] => (b.kind === 'row' && b.table === 2 ? [{ ...b, table: 1 }] : []));
    expect(asObject(classifyTables(t3Rows, template2021))).toEqual({ 1: 't3' });
  });

  it('reads a 2019-format report against its own template', () => {
    expect(asObject(classifyTables(trialPage().blocks, template2019))).toEqual({ 1: 't2', 2: 't3', 3: 't4' });
  });

  it('leaves out a table that holds none of the statutory rows, even with header words every table has', () => {
    const contact: Block[] = [
      { kind: 'row', cells: ['联系人', '办公室'], table: 7 },
      { kind: 'row', cells: ['电话', '0319-6240117'], table: 7 },
    ];
    // A fee box under part 六: “项目 | 合计” are header words of all three tables, so they tell none apart.
    const fees: Block[] = [
      { kind: 'row', cells: ['项目', '合计'], table: 8 },
      { kind: 'row', cells: ['收费通知件数', '2'], table: 8 },
    ];
    expect(asObject(classifyTables([...seedDump(), ...contact, ...fees], template2021))).toEqual({ 1: 't2', 2: 't3' });
  });
});
