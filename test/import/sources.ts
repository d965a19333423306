/**
 * The sources the phase tests read, as the importer sees them (blocks): the seed dump (张营乡 2023, a text copy
 * with tables flattened and part 四 missing), the committed garbled text (张营乡 2024) and GBK web page, and the
 * samples published as a web page by test/helpers/published.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../server/src/import';
import { textBlocks, type Block } from '../../server/src/import/blocks';
import { classifyTables } from '../../server/src/import/classify';
import { sourceFormat } from '../../server/src/import/format';
import { htmlBlocks } from '../../server/src/import/html';
import { walkSource } from '../../server/src/import/walk';
import { publishedHtml, publishedText, type Style, type TextLayout } from '../helpers/published';
import { COUNTY, ROOT, fixture, sample } from '../helpers/samples';

export const seedDump = (): Block[] => textBlocks(fixture('seed-zhangying-2023.txt'));
export const garbledText = (): Block[] => textBlocks(fixture('import/garbled-zhangying-2024.txt'));
export const gbkPage = () =>
  htmlBlocks(decodeText(readFileSync(join(ROOT, 'test/fixtures/import/published-county-2024.gbk.html'))));
export const countyPage = (style: Style = {}) => htmlBlocks(publishedHtml(sample(COUNTY), style));
export const countyText = (style: Style = {}, layout: TextLayout = 'clean'): Block[] =>
  textBlocks(publishedText(sample(COUNTY), style, layout));
export const trialPage = () => htmlBlocks(publishedHtml(fixture('trial-2020.xxgk.yaml'), { totals: true }));

/** The blocks with one paragraph replaced (or removed, with `to` undefined); fails when it is not there. */
export function editPara(blocks: Block[], from: string | RegExp, to?: string): Block[] {
  const hit = (b: Block) => b.kind === 'para' && (typeof from === 'string' ? b.text.includes(from) : from.test(b.text));
  const i = blocks.findIndex(hit);
  if (i < 0) throw new Error(`test edit: no paragraph with “${from}”`);
  const b = blocks[i] as Extract<Block, { kind: 'para' }>;
  const edited = to === undefined ? [] : [{ ...b, text: typeof from === 'string' ? b.text.replace(from, to) : to }];
  return [...blocks.slice(0, i), ...edited, ...blocks.slice(i + 1)];
}

/** The source through phases 1–3 (format, classification, walk), as the later phases receive it. */
export function walked(blocks: Block[], pageTitle?: string) {
  const { template } = sourceFormat(blocks, pageTitle);
  return { template, ...walkSource(blocks, template, classifyTables(blocks, template)) };
}
