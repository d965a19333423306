/** Phase 1 of the importer: the year and the format, read before anything is mapped. */
import { describe, expect, it } from 'vitest';
import { sourceFormat } from '../../server/src/import/format';
import { editPara, gbkPage, seedDump, trialPage } from './sources';

const SEED_TITLE = '张营乡 2023 年度政府信息公开工作报告';

describe('the year and the format', () => {
  it('reads the seed dump: the 2021 format, the year and the title from the title line, nothing to say', () => {
    const f = sourceFormat(seedDump());
    expect(f).toMatchObject({ year: 2023, title: SEED_TITLE });
    expect(f.template.version).toBe(2021);
    expect(f.notes).toEqual({ mapped: [], unmapped: [], warnings: [] });
  });

  it('takes the year from the period statement when the title line is lost, and only before part 一', () => {
    const noTitle = editPara(seedDump(), SEED_TITLE);
    expect(sourceFormat(noTitle)).toMatchObject({ year: 2023, title: undefined });
    // A period named in part 一 (last year's, for comparison) is not the report's.
    const noPeriod = editPara(noTitle, '起止时间为 2023 年 1 月 1 日至 2023 年 12 月 31 日', '');
    const laterPeriod = editPara(noPeriod, '信息公开工作的普及延伸和纵深发展。', '与 2022 年 1 月 1 日至 2022 年 12 月 31 日相比有所增加。');
    expect(sourceFormat(noPeriod).year).toBeUndefined();
    expect(sourceFormat(laterPeriod).year).toBeUndefined();
  });

  it('falls back to the page’s <title> only when it reads as a report title', () => {
    const noTitle = editPara(seedDump(), SEED_TITLE);
    expect(sourceFormat(noTitle, '张营乡2023年政府信息公开工作年度报告').title).toBe('张营乡2023年政府信息公开工作年度报告');
    expect(sourceFormat(noTitle, '首页_张营乡人民政府').title).toBeUndefined();
    const page = gbkPage();
    expect(sourceFormat(page.blocks, page.title)).toMatchObject({ year: 2024, title: '示例县自然资源和规划局2024年政府信息公开工作年度报告' });
  });

  it('recognises the 2019 trial format by table 二’s old columns, and says which label gave it away', () => {
    const f = sourceFormat(trialPage().blocks);
    expect(f.template.version).toBe(2019);
    expect(f.year).toBe(2020);
    expect(f.notes.mapped).toHaveLength(1);
    expect(f.notes.mapped[0]).toMatchObject({ key: 'import.format2019', args: { version: 2019 } });
    expect(String(f.notes.mapped[0].args!.reason)).not.toBe('');
    expect(String(f.notes.mapped[0].args!.reason)).not.toContain('年度');
  });

  it('takes a 2019 or 2020 report without old columns as the trial format, by its year; 2021 on, the current', () => {
    for (const year of [2019, 2020]) {
      const f = sourceFormat(editPara(seedDump(), SEED_TITLE, `张营乡 ${year} 年度政府信息公开工作报告`));
      expect(f.template.version).toBe(2019);
      const args = expect.objectContaining({ reason: { key: 'import.reasonYear', args: { year } } });
      expect(f.notes.mapped).toEqual([expect.objectContaining({ key: 'import.format2019', args })]);
    }
    const f2021 = sourceFormat(editPara(seedDump(), SEED_TITLE, '张营乡 2021 年度政府信息公开工作报告'));
    expect(f2021.template.version).toBe(2021);
    expect(f2021.notes.mapped).toEqual([]);
  });
});
