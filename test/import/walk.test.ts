/** Phase 3 of the importer: the walk through the source — parts, tables, paragraphs, what fits nowhere. */
import { describe, expect, it } from 'vitest';
import { template2021 } from '../../server/src/template';
import type { Block } from '../../server/src/import/blocks';
import { classifyTables } from '../../server/src/import/classify';
import { walkSource, type WalkedSource } from '../../server/src/import/walk';
import { countyPage, countyText, editPara, garbledText, seedDump } from './sources';

const walk = (blocks: Block[]): WalkedSource => walkSource(blocks, template2021, classifyTables(blocks, template2021));
const table = (w: WalkedSource, id: string) => w.tables.find((t) => t.table.id === id)!;
const texts = (w: WalkedSource, section: string) => w.paras.filter((p) => p.section === section).map((p) => p.text);
const P4 = '四、政府信息公开行政复议、行政诉讼情况';

describe('the walk', () => {
  it('reads the seed dump: the parts in order (四 missing), the tables, the paragraphs by section', () => {
    const w = walk(seedDump());
    expect(w.partOrder).toEqual(['p1', 'p2', 'p3', 'p5', 'p6']);
    expect(texts(w, 'front')).toEqual(['张营乡 2023 年度政府信息公开工作报告', expect.stringMatching(/^本年度报告是根据/)]);
    expect(texts(w, 'p1')).toHaveLength(8);
    expect(texts(w, 'p5')).toEqual([expect.stringMatching(/^存在的问题：/), expect.stringMatching(/^改进情况：/)]);
    // The 落款 is still part 六's text: the signature phase takes it.
    expect(texts(w, 'p6').slice(-2)).toEqual(['2023年1月22日', '张营乡人民政府']);
    expect(w.tables.map((t) => [t.table.id, t.rows.size])).toEqual([['t2', 6], ['t3', 19], ['t4', 0]]);
    expect(table(w, 't3').hasTotal).toBe(true);
    // As the seed sample transcribes it: the stray blank before the first figure trimmed, the printed total kept.
    expect(table(w, 't3').rows.get('t3.r1')?.values).toEqual([0, null, null, null, null, null, 0]);
    expect(w.notes).toEqual({ mapped: [], unmapped: [], warnings: [] });
  });

  it('reads the garbled dump: page numbers, a table note, a split label, a junk row, a heading variant', () => {
    const w = walk(garbledText());
    expect(w.notes.unmapped).toEqual([
      { where: '表三', text: '其中：网上申请 | 2 | 1 | 3' },
      { where: '页码', text: '— 2 —' },
      { where: '页码', text: '— 3 —' },
    ]);
    expect(w.notes.warnings).toEqual([{ key: 'import.row.unknownLabel', args: { table: '表三', label: '其中：网上申请' } }]);
    const args = { text: '五、存在的主要问题及改进措施', key: '五、存在的主要问题及改进情况' };
    expect(w.notes.mapped).toEqual([{ key: 'import.headingVariant', args }]);
    expect(table(w, 't3').note).toBe('注：本表统计口径为本年度收到的书面申请。');
    // “第二十条第(一)项” printed as text is table 二's header, not its 说明.
    expect(table(w, 't2').note).toBeUndefined();
    expect(table(w, 't3').rows.has('t3.r3.4.2')).toBe(true);
    // “2.重复申请” stood alone before a table: a row printed without figures, which the reader says.
    expect(table(w, 't3').rows.get('t3.r3.5.2')?.values.every((v) => v === null)).toBe(true);
    expect(table(w, 't3').warnings).toEqual([{ key: 'import.row.noValues', args: { table: '表三', row: '2.重复申请' } }]);
    expect(w.tables.map((t) => t.rows.size)).toEqual([6, 25, 3]);
  });

  it('reads rows pasted as text (a PDF copy) and a table copied one cell per line as the same rows', () => {
    const grid = walk(countyText({}, 'clean'));
    const pdf = walk(countyText({}, 'spaces'));
    expect(pdf.tables.map((t) => t.rows)).toEqual(grid.tables.map((t) => t.rows));
    expect(pdf.paras).toEqual(grid.paras);
    // The header lines of the copy (“信息内容 本年制发件数 …”) are recognised, not kept as the tables' 说明.
    expect(pdf.tables.map((t) => t.note)).toEqual([undefined, undefined, undefined]);
    const seed = seedDump();
    const cellPerLine = seed.flatMap((b): Block[] => (b.kind === 'row' && b.table === 1
      ? b.cells.filter((c) => c.trim()).map((text) => ({ kind: 'para', text })) : [b]));
    const perLine = walk(cellPerLine);
    expect(table(perLine, 't2').rows).toEqual(table(walk(seed), 't2').rows);
    expect(table(perLine, 't2').note).toBeUndefined();
  });

  it('opens a part whose heading was lost when its table comes, and says so', () => {
    const w = walk(editPara(countyPage().blocks, P4));
    expect(w.partOrder).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(w.notes.warnings).toEqual([{ key: 'import.headingMissing', args: { part: P4, table: '表四' } }]);
    expect(table(w, 't4').rows.size).toBe(3);
  });

  it('takes a heading printed as the first row of its table, and not a heading that goes back', () => {
    const blocks = editPara(countyPage().blocks, '二、主动公开政府信息情况');
    const first = blocks.findIndex((b) => b.kind === 'row');
    blocks.splice(first, 0, { kind: 'row', cells: ['二、主动公开政府信息情况', '', '', ''], table: 1 });
    const inTable = walk(blocks);
    expect(inTable.partOrder).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(inTable.notes.warnings).toEqual([]);
    expect(table(inTable, 't2').rows.size).toBe(6);
    // “二、主动公开政府信息情况” inside part 五 is a line of part 五's text.
    const back = walk(editPara(countyPage().blocks, '（二）改进情况', '二、主动公开政府信息情况'));
    expect(back.partOrder).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(texts(back, 'p5')).toContain('二、主动公开政府信息情况');
  });

  it('settles a label printed without figures at the end of a table: before the next part, and at the end', () => {
    const garbled = garbledText();
    const lastT3 = garbled.findIndex((b) => b.kind === 'row' && b.cells[0] === '四、结转下年度继续办理');
    const page3 = garbled.findIndex((b) => b.kind === 'para' && b.text === '— 3 —');
    const p4 = garbled.findIndex((b) => b.kind === 'para' && b.text.startsWith('四、政府信息公开行政复议'));
    // An HTML row holding only a label, then part 四 with the page number after its heading.
    const blocks: Block[] = [...garbled.slice(0, lastT3 + 1), { kind: 'row', cells: ['其中：当面申请'], table: 8 },
      garbled[p4], garbled[page3], ...garbled.slice(p4 + 1)];
    expect(walk(blocks).notes.unmapped.map((u) => `${u.where} ${u.text}`)).toEqual([
      '表三 其中：网上申请 | 2 | 1 | 3', '页码 — 2 —', '表三 其中：当面申请', '页码 — 3 —',
    ]);
    // The seed dump ends inside table 三; a last row whose figures were lost is still a row.
    const cut = [...seedDump().filter((b) => b.kind === 'row' || !/^[五六]、|^2023年|^张营乡人民政府$|^存在|^改进|^认真/.test(b.text)),
      { kind: 'row', cells: ['5.要求行政机关确认或重新出具已获取信息'], table: 2 } as Block];
    const t3 = table(walk(cut), 't3');
    expect(t3.rows.get('t3.r3.5.5')?.values.every((v) => v === null)).toBe(true);
    expect(t3.warnings).toEqual([{ key: 'import.row.noValues', args: { table: '表三', row: '5.要求行政机关确认或重新出具已获取信息' } }]);
  });

  it('keeps a table that is none of the statutory ones, under where it stood', () => {
    const box: Block[] = [
      { kind: 'row', cells: ['联系人', '办公室'], table: 9 },
      { kind: 'row', cells: ['电话', '', '0319-6240117'], table: 9 },
    ];
    const w = walk([...box, ...seedDump()]);
    expect(w.notes.unmapped).toEqual([{ where: '页首', text: '联系人 | 办公室' }, { where: '页首', text: '电话 | 0319-6240117' }]);
  });
});
