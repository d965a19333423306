/** Phase 7 of the importer: the metadata — title, body and kind, year, dates, contact, and what is missing. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../server/src/import/blocks';
import { sourceFormat } from '../../server/src/import/format';
import { frontMatter } from '../../server/src/import/frontMatter';
import { readMetadata } from '../../server/src/import/metadata';
import { readSignature } from '../../server/src/import/signature';
import { countyPage, editPara, seedDump, walked } from './sources';

function metadata(blocks: Block[], pageTitle?: string) {
  const { title, year } = sourceFormat(blocks, pageTitle);
  const w = walked(blocks, pageTitle);
  const { published, preamble } = frontMatter(w.paras, true);
  const { signed, signature, paras } = readSignature(w.paras, w.partOrder);
  const m = readMetadata({ title, year, published, preamble, signed, signature, texts: paras.map((p) => p.text) });
  return { ...m, values: Object.fromEntries([...m.meta].map(([id, v]) => [id, v.value])) };
}
const SEED_TITLE = '张营乡 2023 年度政府信息公开工作报告';

describe('the metadata', () => {
  it('reads the seed dump: the body from the signature, its kind for sure, year, 落款日期, contact', () => {
    const m = metadata(seedDump());
    expect(m.values).toEqual({
      title: SEED_TITLE, issuer: '张营乡人民政府', kind: '乡镇人民政府', year: 2023, signed: '2023年1月22日',
      contact: '张营乡党政办公室，电话：0319—6240117',
    });
    expect([...m.meta.values()].every((v) => v.comment === undefined)).toBe(true);
    expect(m.notes.mapped).toEqual([
      { key: 'import.meta', args: { key: '标题', value: SEED_TITLE } },
      { key: 'import.metaFrom', args: { key: '机关', value: '张营乡人民政府', from: { key: 'import.from.signature' } } },
      { key: 'import.meta', args: { key: '机关类型', value: '乡镇人民政府' } },
      { key: 'import.meta', args: { key: '年度', value: 2023 } },
      { key: 'import.meta', args: { key: '落款日期', value: '2023年1月22日' } },
      { key: 'import.meta', args: { key: '联系方式', value: '张营乡党政办公室，电话：0319—6240117' } },
    ]);
    expect(m.notes.warnings).toEqual([]);
  });

  it('reads a web page: the 发布日期, and a department’s level as a guess it says is one', () => {
    const page = countyPage();
    const m = metadata(page.blocks, page.title);
    expect(m.values).toMatchObject({ published: '2025-01-24', issuer: '示例县自然资源和规划局', kind: '县级政府部门', year: 2024 });
    expect(m.meta.get('kind')?.comment).toBe('据机关名称推断，请核对');
    expect(m.notes.warnings).toEqual([{ key: 'import.kindGuessed', args: { kind: '县级政府部门', issuer: '示例县自然资源和规划局' } }]);
    expect(m.notes.mapped.map((n) => n.args?.key)).toEqual(['标题', '机关', '年度', '落款日期', '联系方式']);
  });

  it('prefers the signature to the office the preamble says compiled the report', () => {
    const m = metadata(editPara(seedDump(), '由张营乡人民政府编制', '由张营乡党政办公室编制'));
    expect(m.meta.get('issuer')).toEqual({ value: '张营乡人民政府' });
  });

  it('without a signature, takes the body from the preamble, else from the title, and says so', () => {
    const unsigned = editPara(seedDump(), /^张营乡人民政府$/);
    const fromPreamble = metadata(unsigned);
    expect(fromPreamble.meta.get('issuer')).toEqual({ value: '张营乡人民政府', comment: '据导语推断，请核对' });
    expect(fromPreamble.notes.mapped[1])
      .toEqual({ key: 'import.metaFrom', args: { key: '机关', value: '张营乡人民政府', from: { key: 'import.from.preamble' } } });
    const fromTitle = metadata(editPara(unsigned, '由张营乡人民政府编制', '编制'));
    expect(fromTitle.meta.get('issuer')).toEqual({ value: '张营乡', comment: '据标题推断，请核对' });
    // “张营乡” alone names no kind of body: 其他, to be corrected.
    expect(fromTitle.meta.get('kind')).toEqual({ value: '其他', comment: '未能从机关名称推断，请改为实际类型' });
    expect(fromTitle.notes.warnings).toEqual([{ key: 'import.kindUnknown', args: { issuer: '张营乡' } }]);
  });

  it('finds the contact in the report’s text when the preamble has none', () => {
    const contact = '如对本报告有任何疑问，请与张营乡党政办公室联系，电话：0319—6240117。';
    const moved = editPara(editPara(seedDump(), contact, ''), /^认真贯彻执行/, `本年度未收取信息处理费。${contact}`);
    expect(metadata(moved).values.contact).toBe('张营乡党政办公室，电话：0319—6240117');
  });

  it('says what is missing: the body, the year, the 落款日期', () => {
    let blocks = editPara(editPara(seedDump(), SEED_TITLE), /^本年度报告是根据/);
    blocks = editPara(editPara(blocks, '2023年1月22日'), /^张营乡人民政府$/);
    const m = metadata(blocks);
    expect(m.meta.size).toBe(0);
    expect(m.notes.mapped).toEqual([]);
    expect(m.notes.warnings).toEqual(['机关', '年度', '落款日期'].map((key) => ({ key: 'import.metaMissing', args: { key } })));
  });
});
