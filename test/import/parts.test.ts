/** Phase 6 of the importer: the parts — which the report has, part 一 by sub-topic, prose, fees, tables. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../server/src/import/blocks';
import { readParts } from '../../server/src/import/parts';
import { readSignature } from '../../server/src/import/signature';
import { countyPage, editPara, garbledText, seedDump, walked } from './sources';

function parts(blocks: Block[], joinBroken: boolean, dropFromOrder?: string) {
  const w = walked(blocks);
  const { paras } = readSignature(w.paras, w.partOrder);
  const partOrder = w.partOrder.filter((id) => id !== dropFromOrder);
  return readParts(w.template, { paras, partOrder, tables: w.tables }, joinBroken);
}
const keys = (messages: { key: string }[]) => messages.map((m) => m.key);
const TOPICS = ['p1.summary', 'p1.active', 'p1.request', 'p1.management', 'p1.platform', 'p1.oversight'];

describe('the parts', () => {
  it('reads the seed dump: five parts, part 一 by sub-topic, broken lines rejoined, the tables, what is missing', () => {
    const c = parts(seedDump(), true);
    expect([...c.parts]).toEqual(['p1', 'p2', 'p3', 'p5', 'p6']);
    expect([...c.general.topics.keys()]).toEqual(TOPICS);
    expect(c.general.text).toBeUndefined();
    // The line the page break cut off is part of the paragraph before it; the heading is not in the text.
    expect(c.general.topics.get('p1.summary')).toMatch(/^张营乡坚持以[^\n]*纵深发展。$/);
    expect(c.general.topics.get('p1.active')).toMatch(/^我乡积极推进政府信息公开工作/);
    expect(c.general.topics.get('p1.management')).not.toContain('\n');
    // “存在的问题：…” opens a sentence, not a sub-heading: part 五 stays one text.
    expect((c.problems as string).split('\n\n')).toEqual([expect.stringMatching(/^存在的问题：/), expect.stringMatching(/^改进情况：/)]);
    expect(c.other).toMatch(/^认真贯彻执行国务院办公厅/);
    expect(c.other).not.toContain('张营乡人民政府\n');
    expect(c.fees).toBeUndefined();
    expect([...c.tables.keys()]).toEqual(['t2', 't3']);
    expect(c.cells).toEqual({ numbers: 33, blanks: 110, text: 0 });
    expect(c.notes.mapped).toEqual([
      { key: 'import.general', args: { topics: { list: ['概述', '主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'] }, paragraphs: 8 } },
      { key: 'import.prose', args: { part: '五、存在的主要问题及改进情况', paragraphs: 2 } },
      { key: 'import.prose', args: { part: '六、其他需要报告的事项', paragraphs: 1 } },
      { key: 'import.tableRows', args: { table: '表二', rows: 6 } },
      { key: 'import.tableWithTotals', args: { table: '表三', rows: 19 } },
    ]);
    expect(c.notes.warnings).toEqual([
      { key: 'import.rowsMissing', args: {
        table: '表三',
        rows: { list: expect.arrayContaining(['5.要求行政机关确认或重新出具已获取信息', '四、结转下年度继续办理']), separator: 'list.semicolon' },
      } },
      { key: 'import.partMissing', args: { part: '四、政府信息公开行政复议、行政诉讼情况' } },
    ]);
  });

  it('reads a web page: six parts, the fee figures part 六 states, tables without printed totals', () => {
    const c = parts(countyPage().blocks, false);
    expect([...c.parts]).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(c.fees).toEqual(new Map([['fee.notices', { value: 2 }], ['fee.collected', { value: 400 }]]));
    // The page prints part 五's two sub-headings, each with its text: read back as the sample writes them.
    expect(c.problems).toEqual([
      { heading: '（一）存在的主要问题', text: expect.stringMatching(/^一是部分业务科室/) },
      { heading: '（二）改进情况', text: expect.stringMatching(/^一是建立公开属性认定会商机制/) },
    ]);
    expect(keys(c.notes.mapped)).toEqual([
      'import.general', 'import.fees', 'import.prose', 'import.prose',
      'import.tableRows', 'import.table', 'import.table',
    ]);
    expect(c.notes.mapped[1]).toEqual({ key: 'import.fees', args: { values: { list: ['收费通知件数 2', '实际收取金额 400'], separator: 'list.comma' } } });
    expect(c.cells).toEqual({ numbers: 166, blanks: 0, text: 0 });
    expect(c.notes.warnings).toEqual([]);
  });

  it('gives zero fees for a plain nil statement, saying they were inferred; passes on the reader’s guesses', () => {
    const c = parts(garbledText(), true);
    expect(c.fees).toEqual(new Map(['fee.notices', 'fee.billed', 'fee.collected'].map((id) => [id, { value: 0 }])));
    expect(c.notes.warnings).toEqual([
      { key: 'import.feesInferred', args: { quote: '未收取信息处理费' } },
      { key: 'import.row.noValues', args: { table: '表三', row: '2.重复申请' } },
    ]);
    expect(c.cells).toEqual({ numbers: 13, blanks: 187, text: 0 });
  });

  it('leaves out the parts whose headings the source lacks, and says nothing of their content', () => {
    const c = parts(editPara(editPara(seedDump(), '一、总体情况'), '五、存在的主要问题及改进情况'), true);
    expect([...c.parts]).toEqual(['p2', 'p3', 'p6']);
    expect(c.problems).toBeUndefined();
    expect(keys(c.notes.mapped)).toEqual(['import.prose', 'import.tableRows', 'import.tableWithTotals']);
    expect(c.notes.warnings.filter((w) => w.key === 'import.partMissing').map((w) => w.args!.part))
      .toEqual(['一、总体情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况']);
  });

  it('keeps part 一 as one block of prose when it has no sub-topic headings', () => {
    let blocks = countyPage().blocks;
    for (const h of ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']) blocks = editPara(blocks, h);
    const c = parts(blocks, false);
    expect(c.general.topics.size).toBe(0);
    expect(c.general.text?.split('\n\n')).toHaveLength(6);
    expect(c.notes.mapped[0]).toEqual({ key: 'import.general', args: { topics: { list: ['概述'] }, paragraphs: 6 } });
  });

  it('gives a sub-topic whose heading stands alone its place, and counts a part met only by its table', () => {
    const c = parts(editPara(countyPage().blocks, /^优化门户网站/), false, 'p4');
    expect(c.general.topics.get('p1.platform')).toBe('');
    expect(c.parts.has('p4')).toBe(true);
    expect(c.tables.has('t4')).toBe(true);
  });
});

describe('part 五 with sub-headings', () => {
  it('reads the texts under the headings a report gives part 五 (as our exports print them)', async () => {
    const { textBlocks } = await import('../../server/src/import/blocks');
    const text = ['示例局2024年政府信息公开工作年度报告', '一、总体情况', '概述。', '五、存在的主要问题及改进情况', '存在的主要问题',
      '一是公开属性认定把握不准。', '二是答复说理不足。', '改进情况', '建立会商机制。', '六、其他需要报告的事项', '无。'].join('\n');
    const c = parts(textBlocks(text), false);
    expect(c.problems).toEqual([
      { heading: '存在的主要问题', text: '一是公开属性认定把握不准。\n\n二是答复说理不足。' },
      { heading: '改进情况', text: '建立会商机制。' },
    ]);
    // The near miss: a heading with nothing under it, or text before the first, keeps part 五 one text.
    const bare = parts(textBlocks(text.replace('\n建立会商机制。', '')), false);
    expect(typeof bare.problems).toBe('string');
    expect(bare.problems).toContain('改进情况');
  });
});
