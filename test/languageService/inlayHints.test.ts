/** Inlay hints, in process: column names before compact row values, computed totals where they were left out. */
import { describe, expect, it } from 'vitest';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { crlf, lineContaining, open, wholeRange } from '../helpers/languageService';
import { CLEAN, MISTAKES, edit, fixture, sample } from '../helpers/samples';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';

function hintsOf(text: string, range?: Range, inlayHints = DEFAULT_SETTINGS.inlayHints): InlayHint[] {
  const custom = inlayHints !== DEFAULT_SETTINGS.inlayHints;
  const { service, doc } = open(text, custom ? { settings: () => ({ ...DEFAULT_SETTINGS, inlayHints }) } : {});
  return service.getInlayHints(doc, range ?? wholeRange(doc));
}

/** The line holding `marker` as an editor shows it: each hint's label in ‹›, at its position. */
function shown(text: string, hints: InlayHint[], marker: string): string {
  const line = lineContaining(text, marker);
  let out = text.split(/\r\n|\r|\n/)[line];
  // Inserted from the end; hints at the same place show in the order given, so the later goes in first.
  const here = hints.map((h, i) => ({ h, i })).filter(({ h }) => h.position.line === line)
    .sort((a, b) => b.h.position.character - a.h.position.character || b.i - a.i);
  for (const { h } of here) {
    out = `${out.slice(0, h.position.character)}‹${String(h.label)}›${out.slice(h.position.character)}`;
  }
  return out;
}

const clean = sample(CLEAN);

describe('inlay hints inside each table', () => {
  const hints = hintsOf(clean);

  it('table 二: the columns of a three-value row, nothing on one-value rows', () => {
    expect(shown(clean, hints, '  规章:')).toBe('  规章:            [‹本年制发:›0, ‹本年废止:›0, ‹现行有效:›0]');
    expect(shown(clean, hints, '  行政许可:')).toBe('  行政许可: 0      # 本年处理决定数量');
  });

  it('table 三: the six columns, and the computed 总计 after the row', () => {
    expect(shown(clean, hints, '  本年新收:')).toBe(
      '  本年新收:          [‹自然人:›3, ‹商业企业:›1, ‹科研机构:›0, ‹社会公益组织:›0, ‹法律服务机构:›0, ‹其他:›0]‹总计 4›');
    const total = hints.find((h) => h.label === '总计 4')!;
    expect(total.paddingLeft).toBe(true);
  });

  it('table 三: the left-out （七）总计 row after the last row that adds up to it', () => {
    expect(shown(clean, hints, '    其他:                     [0')).toBe(
      '    其他:                     [‹自然人:›0, ‹商业企业:›0, ‹科研机构:›0, ‹社会公益组织:›0, ‹法律服务机构:›0, ‹其他:›0]'
      + '‹总计 0›‹（七）总计 [3, 1, 0, 0, 0, 0, 4]›');
  });

  it('table 四: the four columns and the computed 总计', () => {
    expect(shown(clean, hints, '  复议后起诉:')).toBe('  复议后起诉:       [‹维持:›0, ‹纠正:›0, ‹其他:›0, ‹尚未审结:›0]‹总计 0›');
  });

  it('no computed total where the total is written', () => {
    const text = sample(MISTAKES);
    expect(shown(text, hintsOf(text), '  行政复议:')).toBe(
      '  行政复议:         [‹维持:›2, ‹纠正:›1, ‹其他:›0, ‹尚未审结:›1, ‹总计:›5]  # 错误：总计应为 4');
  });

  it('only rows inside the requested range', () => {
    const line = lineContaining(clean, '  行政复议:');
    const some = hintsOf(clean, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    expect(some.map((h) => h.label)).toEqual(['维持:', '纠正:', '其他:', '尚未审结:', '总计 0']);
  });
});

describe('inlay hints on a blank cell', () => {
  it('names the blank cell’s column and counts it as 0 in the computed total', () => {
    const text = edit(clean, '本年新收:          [3, 1, 0, 0, 0, 0]', '本年新收:          [3, ~, 0, 0, 0, 0]');
    expect(shown(text, hintsOf(text), '  本年新收:')).toBe(
      '  本年新收:          [‹自然人:›3, ‹商业企业:›~, ‹科研机构:›0, ‹社会公益组织:›0, ‹法律服务机构:›0, ‹其他:›0]‹总计 3›');
  });
});

describe('inlay hint settings', () => {
  it('column names and computed totals can each be turned off', () => {
    const noNames = hintsOf(clean, undefined, { columnNames: false, computedTotals: true });
    expect(shown(clean, noNames, '  本年新收:')).toBe('  本年新收:          [3, 1, 0, 0, 0, 0]‹总计 4›');
    const noTotals = hintsOf(clean, undefined, { columnNames: true, computedTotals: false });
    expect(noTotals.some((h) => String(h.label).startsWith('总计') || String(h.label).startsWith('（七）'))).toBe(false);
    expect(hintsOf(clean, undefined, { columnNames: false, computedTotals: false })).toEqual([]);
  });
});

describe('inlay hints in documents that are not clean', () => {
  it('an empty file: none', () => {
    expect(hintsOf('')).toEqual([]);
  });

  it('after a YAML syntax error: the rows the error swallowed have none, the others keep theirs', () => {
    const text = edit(clean, '  行政处罚: 3\n', '  行政处罚: [3\n');
    const hints = hintsOf(text);
    expect(shown(text, hints, '  行政规范性文件:')).toBe('  行政规范性文件:   [‹本年制发:›0, ‹本年废止:›0, ‹现行有效:›0]');
    const [from, to] = [lineContaining(text, '  行政处罚: [3'), lineContaining(text, '三、')];
    expect(hints.filter((h) => h.position.line >= from && h.position.line < to)).toEqual([]);
    expect(shown(text, hints, '  复议后起诉:')).toBe('  复议后起诉:       [‹维持:›0, ‹纠正:›0, ‹其他:›0, ‹尚未审结:›0]‹总计 0›');
  });

  it('garbage: none, no exception', () => {
    expect(hintsOf('{[}]:::\n\t- 机关: "')).toEqual([]);
  });

  it('CRLF line endings: the same positions as with LF; a hint at a line’s end stays before the \\r', () => {
    expect(hintsOf(crlf(clean))).toEqual(hintsOf(clean));
    const windows = crlf(clean);
    const seventh = hintsOf(windows).find((h) => String(h.label).startsWith('（七）总计'))!;
    const line = windows.split('\r\n')[seventh.position.line];
    expect(seventh.position.character).toBe(line.length);
  });
});

describe('inlay hints in a 2019-format report (格式: 2019)', () => {
  const trial = fixture('trial-2020.xxgk.yaml');
  const hints = hintsOf(trial);

  it('names the trial format’s columns', () => {
    expect(shown(trial, hints, '  规范性文件:')).toBe('  规范性文件:         [‹新制作:›2, ‹新公开:›2, ‹公开总数:›17]');
    expect(shown(trial, hints, '  行政许可:')).toBe('  行政许可:          [‹上年项目数:›38, ‹本年增减:›-3, ‹处理决定:›1562]');
    expect(shown(trial, hints, '  政府集中采购:')).toBe('  政府集中采购:       [‹采购项目数:›6, ‹采购总金额:›85.6]');
  });

  it('（六）其他处理 is one row; totals written there are not computed again', () => {
    expect(shown(trial, hints, '  其他处理:')).toBe(
      '  其他处理:                   [‹自然人:›0, ‹商业企业:›0, ‹科研机构:›0, ‹社会公益组织:›0, ‹法律服务机构:›0, ‹其他:›0, ‹总计:›0]');
    expect(hints.some((h) => /^总计 |^（七）/.test(String(h.label)))).toBe(false);
  });
});

describe('inlay hints and 未识别内容 (kept by the importer)', () => {
  it('none inside the kept text, even where it looks like a table row', () => {
    const text = `${clean.trimEnd()}\n\n未识别内容: |\n  本年新收: [1, 2, 3]\n`;
    const hints = hintsOf(text);
    expect(hints.filter((h) => h.position.line >= lineContaining(text, '未识别内容'))).toEqual([]);
    expect(hints).toEqual(hintsOf(clean));
  });
});
