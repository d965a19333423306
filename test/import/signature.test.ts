/** Phase 5 of the importer: the 落款 — date and signature after the last part, and what follows them. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../server/src/import/blocks';
import { readSignature } from '../../server/src/import/signature';
import { countyPage, editPara, seedDump, walked } from './sources';

const sign = (blocks: Block[]) => {
  const w = walked(blocks);
  return { ...readSignature(w.paras, w.partOrder), before: w.paras };
};
const section = (paras: { text: string; section: string }[], text: string) =>
  paras.find((p) => p.text === text)?.section;

describe('the 落款', () => {
  it('reads the seed dump: the date, then the body under it; both leave part 六’s text', () => {
    const s = sign(seedDump());
    expect(s).toMatchObject({ signed: '2023年1月22日', signature: '张营乡人民政府' });
    expect(s.paras.filter((p) => p.section === 'end').map((p) => p.text)).toEqual(['2023年1月22日', '张营乡人民政府']);
    expect(s.paras.filter((p) => p.section === 'p6')).toHaveLength(1);
    expect(s.notes).toEqual({ mapped: [], unmapped: [], warnings: [] });
    // The walk's paragraphs are left as they were.
    expect(section(s.before, '2023年1月22日')).toBe('p6');
  });

  it('reads a web page: the body above the date, and the page’s footer after them kept aside', () => {
    const s = sign(countyPage().blocks);
    expect(s).toMatchObject({ signed: '2025年1月20日', signature: '示例县自然资源和规划局' });
    expect(s.notes.unmapped).toEqual([{ where: '落款之后', text: '【打印本页】【关闭窗口】' }]);
    expect(section(s.paras, '【打印本页】【关闭窗口】')).toBe('end');
  });

  it('prefers the body above the date to a name below it, and the last date line of the part', () => {
    const blocks = countyPage().blocks;
    const footer = blocks.findIndex((b) => b.kind === 'para' && b.text === '【打印本页】【关闭窗口】');
    blocks.splice(footer, 0, { kind: 'para', text: '示例县人民政府办公室' });
    const part6 = blocks.findIndex((b) => b.kind === 'para' && b.text === '六、其他需要报告的事项');
    blocks.splice(part6 + 1, 0, { kind: 'para', text: '2024年6月1日' });
    const s = sign(blocks);
    expect(s).toMatchObject({ signed: '2025年1月20日', signature: '示例县自然资源和规划局' });
    expect(s.notes.unmapped.map((u) => u.text)).toEqual(['示例县人民政府办公室', '【打印本页】【关闭窗口】']);
    expect(section(s.paras, '2024年6月1日')).toBe('p6');
  });

  it('writes the date and the body without the spaces of a spaced-out 落款', () => {
    const spaced = editPara(editPara(seedDump(), '2023年1月22日', '2023 年 1 月 22 日'), /^张营乡人民政府$/, '张 营 乡 人 民 政 府');
    expect(sign(spaced)).toMatchObject({ signed: '2023年1月22日', signature: '张营乡人民政府' });
  });

  it('finds the body two lines from the date, past a line that is not a name', () => {
    const blocks = seedDump();
    const date = blocks.findIndex((b) => b.kind === 'para' && b.text === '2023年1月22日');
    const body = blocks.splice(date + 1, 1)[0];
    blocks.splice(date, 0, body, { kind: 'para', text: '（此件主动公开）' });
    const s = sign(blocks);
    expect(s).toMatchObject({ signed: '2023年1月22日', signature: '张营乡人民政府' });
    expect(section(s.paras, '（此件主动公开）')).toBe('p6');
  });

  it('takes a body closing the text as the signature when there is no date', () => {
    const s = sign(editPara(seedDump(), '2023年1月22日'));
    expect(s).toMatchObject({ signed: undefined, signature: '张营乡人民政府' });
    expect(section(s.paras, '张营乡人民政府')).toBe('end');
  });

  it('finds nothing when the last part ends in prose, nor in a part before the last', () => {
    const noClosing = editPara(editPara(seedDump(), '2023年1月22日'), /^张营乡人民政府$/);
    const dateInPart5 = editPara(noClosing, /^改进情况：/, '2023年1月22日');
    for (const blocks of [noClosing, dateInPart5]) {
      const s = sign(blocks);
      expect(s).toMatchObject({ signed: undefined, signature: undefined });
      expect(s.paras).toEqual(s.before);
    }
  });
});
