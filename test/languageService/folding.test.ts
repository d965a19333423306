/** Folding, in process: each part, each row group of table 三, each prose block — from its key to its last line. */
import { describe, expect, it } from 'vitest';
import { crlf, open } from '../helpers/languageService';
import { CLEAN, MISTAKES, SEED, edit, fixture, sample } from '../helpers/samples';

/** Each fold as [its first line, its last line] (text, not numbers: a failure reads like the file). */
function folds(text: string): [string, string][] {
  const { service, doc } = open(text);
  const lines = text.split(/\r\n|\r|\n/);
  return service.getFoldingRanges(doc).map((f) => [lines[f.startLine], lines[f.endLine]]);
}

const fold = (list: [string, string][], first: string) => list.find(([start]) => start.startsWith(first));

describe('folding a complete report', () => {
  const clean = sample(CLEAN);
  const list = folds(clean);

  it('folds the parts, the row groups and the prose blocks, in document order', () => {
    expect(list.map(([start]) => start.trim().replace(/:.*$/, ''))).toEqual([
      '导语', '一、总体情况', '概述', '主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障',
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '不予公开', '无法提供', '不予处理', '其他处理',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '信息处理费', '其他',
    ]);
  });

  it('each table part from its heading to its last row (not the blank line after it)', () => {
    expect(fold(list, '二、')).toEqual(['二、主动公开政府信息情况:', '  行政事业性收费: 0 # 本年收费金额（万元）']);
    expect(fold(list, '三、')).toEqual(['三、收到和处理政府信息公开申请情况:', '  结转下年度继续办理:         [0, 0, 0, 0, 0, 0]']);
    expect(fold(list, '四、')).toEqual(['四、政府信息公开行政复议、行政诉讼情况:', '  复议后起诉:       [0, 0, 0, 0]']);
  });

  it('table 三’s row groups to their last row', () => {
    expect(fold(list, '  不予公开:')).toEqual(['  不予公开:', '    属于行政查询事项:         [0, 0, 0, 0, 0, 0]']);
    expect(fold(list, '  其他处理:')).toEqual(['  其他处理:', '    其他:                     [0, 0, 0, 0, 0, 0]']);
  });

  it('a prose block from its key to its last line, blank lines inside it included', () => {
    expect(fold(list, '五、')).toEqual(['五、存在的主要问题及改进情况: |', '  改进情况：一是建立信息发布台账，按月检查更新情况；二是采用图解、短视频等形式开展政策解读，增强公开效果。']);
    expect(fold(list, '导语')).toEqual(['导语: |', expect.stringMatching(/^ {2}本年度报告是根据/)]);
  });

  it('nothing for a one-line key', () => {
    expect(list.some(([start]) => /^(格式|机关|年度|落款日期):/.test(start))).toBe(false);
  });
});

describe('folding reports that are not clean', () => {
  it('an empty file: nothing', () => {
    expect(folds('')).toEqual([]);
  });

  it('a row with a blank cell and comments: the group still ends at its last row', () => {
    const list = folds(sample(MISTAKES));
    expect(fold(list, '  不予处理:')).toEqual(['  不予处理:', '    要求行政机关确认或重新出具已获取信息: [1, 0, 0, 0, 0, 0, 1]']);
    expect(fold(list, '四、')).toEqual(['四、政府信息公开行政复议、行政诉讼情况:', '  复议后起诉:       [0, 0, 0, 1, 1]']);
  });

  it('a table that stops early (the seed’s table 三): to its last written row', () => {
    expect(fold(folds(sample(SEED)), '三、')).toEqual(['三、收到和处理政府信息公开申请情况:', '    无正当理由大量反复申请:   [~, ~, ~, ~, ~, ~, 0]']);
  });

  it('after a YAML syntax error: every other part still folds', () => {
    const text = edit(sample(CLEAN), '  行政处罚: 3\n', '  行政处罚: [3\n');
    const list = folds(text);
    expect(list.filter(([start]) => /^[一二三四五六]、/.test(start))).toHaveLength(6);
    expect(fold(list, '三、')).toEqual(['三、收到和处理政府信息公开申请情况:', '  结转下年度继续办理:         [0, 0, 0, 0, 0, 0]']);
  });

  it('garbage: nothing, no exception', () => {
    expect(folds('{[}]:::\n\t- 机关: "')).toEqual([]);
  });

  it('CRLF line endings: the same lines as with LF', () => {
    const text = sample(CLEAN);
    const { service, doc } = open(crlf(text));
    const lf = open(text);
    expect(service.getFoldingRanges(doc)).toEqual(lf.service.getFoldingRanges(lf.doc));
    expect(folds(crlf(text))).toEqual(folds(text));
  });
});

describe('folding a 2019-format report (格式: 2019)', () => {
  const list = folds(fixture('trial-2020.xxgk.yaml'));

  it('（六）其他处理 is a row (no fold); part 六 is one prose block', () => {
    expect(fold(list, '  其他处理:')).toBeUndefined();
    expect(fold(list, '  不予处理:')).toEqual(['  不予处理:', '    要求行政机关确认或重新出具已获取信息: [0, 0, 0, 0, 0, 0, 0]']);
    expect(fold(list, '六、')).toEqual(['六、其他需要报告的事项: |', '  无。']);
    expect(fold(list, '二、')).toEqual(['二、主动公开政府信息情况:', '  政府集中采购:       [6, 85.6]']);
  });
});

describe('folding 未识别内容 (kept by the importer)', () => {
  it('folds the kept text as a block', () => {
    const text = `${sample(CLEAN).trimEnd()}\n\n未识别内容: |\n  第七部分 其他事项 12 件\n\n  附件：统计表\n`;
    expect(fold(folds(text), '未识别内容')).toEqual(['未识别内容: |', '  附件：统计表']);
  });
});
