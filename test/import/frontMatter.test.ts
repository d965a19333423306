/** Phase 4 of the importer: the front matter — the page around the report, the title, the preamble. */
import { describe, expect, it } from 'vitest';
import { frontMatter } from '../../server/src/import/frontMatter';
import { countyPage, editPara, garbledText, seedDump, walked } from './sources';

const COUNTY_TITLE = '示例县自然资源和规划局2024年政府信息公开工作年度报告';
const INFO = '发布日期：2025-01-24 来源：示例县自然资源和规划局字体：[大中小]';

describe('the front matter', () => {
  it('reads the seed dump: the paragraph under the title is the preamble, nothing is the page', () => {
    const f = frontMatter(walked(seedDump()).paras, true);
    expect(f.preamble).toMatch(/^本年度报告是根据《中华人民共和国政府信息公开条例》.*电话：0319—6240117。$/);
    expect(f.published).toBeUndefined();
    expect(f.notes).toEqual({ mapped: [], unmapped: [], warnings: [] });
  });

  it('keeps a web page’s breadcrumbs and info line aside, and takes the 发布日期 from the info line', () => {
    const f = frontMatter(walked(countyPage().blocks).paras, false);
    expect(f.preamble).toMatch(/^本报告根据《中华人民共和国政府信息公开条例》/);
    expect(f.preamble).not.toMatch(/首页|发布日期|\n/);
    expect(f.published).toBe('2025-01-24');
    expect(f.notes.unmapped).toEqual([{ where: '页首', text: '首页 > 政务公开 > 政府信息公开年报' }, { where: '页首', text: INFO }]);
    expect(f.notes.mapped).toEqual([{ key: 'import.meta', args: { key: '发布日期', value: '2025-01-24' } }]);
    const garbled = frontMatter(walked(garbledText()).paras, true);
    expect(garbled.notes.unmapped).toEqual([{ where: '页首', text: '首页 > 政务公开 > 年度报告' }]);
  });

  it('takes the first 发布日期 of two, and keeps both lines aside', () => {
    const blocks = countyPage().blocks;
    const i = blocks.findIndex((b) => b.kind === 'para' && b.text.startsWith('发布日期'));
    blocks.splice(i + 1, 0, { kind: 'para', text: '发布时间：2025-02-01 10:30 浏览次数：128' });
    const f = frontMatter(walked(blocks).paras, false);
    expect(f.published).toBe('2025-01-24');
    expect(f.notes.unmapped.map((u) => u.text))
      .toEqual(['首页 > 政务公开 > 政府信息公开年报', INFO, '发布时间：2025-02-01 10:30 浏览次数：128']);
    expect(f.notes.mapped).toHaveLength(1);
  });

  it('without a title line, keeps only the info line aside: the rest may be the report', () => {
    const f = frontMatter(walked(editPara(countyPage().blocks, COUNTY_TITLE)).paras, false);
    expect(f.notes.unmapped).toEqual([{ where: '页首', text: INFO }]);
    expect(f.preamble).toMatch(/^首页 > 政务公开 > 政府信息公开年报\n\n本报告根据/);
  });

  it('rejoins a preamble broken at a page end in a text dump, and only there', () => {
    const preamble = seedDump().find((b) => b.kind === 'para' && b.text.startsWith('本年度报告'))!;
    const text = preamble.kind === 'para' ? preamble.text : '';
    const cut = text.indexOf('如对本报告');
    const broken = editPara(seedDump(), text, text.slice(0, cut - 10));
    const i = broken.findIndex((b) => b.kind === 'para' && b.text === text.slice(0, cut - 10));
    broken.splice(i + 1, 0, { kind: 'para', text: text.slice(cut - 10) });
    expect(frontMatter(walked(broken).paras, true).preamble).toBe(text);
    const apart = `${text.slice(0, cut - 10)}\n\n${text.slice(cut - 10)}`;
    expect(frontMatter(walked(broken).paras, false).preamble).toBe(apart);
  });

  it('has no preamble when nothing stands between the title and part 一', () => {
    const f = frontMatter(walked(editPara(seedDump(), /^本年度报告是根据/)).paras, true);
    expect(f.preamble).toBeUndefined();
  });
});
