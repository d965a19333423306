/**
 * Figures a reviewer doubts although no identity fails:
 * - TBL-UNCHANGED (spec 52, warning): a table whose figures are exactly last year's — every number equal, several
 *   of them non-zero counts of the year (documents in force carry over by nature and are not counted). Reviewers
 *   deduct for 内容雷同; one statistics bureau published identical numbers three years running.
 * - TBL-IMPLAUSIBLE (spec 53, info, a question): tables all zero while the prose reports activity (an all-zero
 *   report was withdrawn after exactly that), or table 四 with cases while table 三 has no application this
 *   year and none carried over.
 */
import { finding, type Related } from '../model/findings';
import type { ReportModel } from '../model/model';
import { locateInProse, proseMatches } from '../model/prose';
import type { Evaluation } from '../model/tableValues';
import { cellRef, tableRows, type TableDef } from '../template';
import type { RuleContext } from './context';

/** Stocks, not flows: they stay the same from year to year when nothing happens. */
const STOCK_COLUMNS = new Set(['valid', 'publicTotal', 'previous']);
/** Fewer equal non-zero counts than this can be a coincidence (one application a year, answered each time). */
const MIN_SAME_COUNTS = 3;

export function checkSameFigures(ctx: RuleContext, prev: ReportModel, lastValues: Evaluation, name: string): void {
  const { model, values } = ctx;
  if (prev.template.version !== model.template.version) return;
  for (const table of model.template.tables) {
    const here = model.tables.get(table.id), there = prev.tables.get(table.id);
    if (!here?.map || !there?.map) continue;
    let compared = 0, flows = 0, same = true;
    for (const row of tableRows(table)) {
      for (const col of row.columns) {
        const ref = cellRef(row, col);
        const a = values.get(ref), b = lastValues.get(ref);
        if (!a || !b) continue;
        compared++;
        if (a.value !== b.value) { same = false; break; }
        const writtenCount = a.value !== 0 && !a.computed && !col.optionalTotal && !row.optionalTotal;
        if (writtenCount && !STOCK_COLUMNS.has(col.id)) flows++;
      }
      if (!same) break;
    }
    if (!same || !compared || flows < MIN_SAME_COUNTS) continue;
    ctx.report(finding('TBL-UNCHANGED', here.keySpan, 'cross.sameFigures', {
      table: table.name, count: flows, name, line: prev.lines.positionAt(there.keySpan.start).line + 1,
    }));
  }
}

/** Prose that reports activity the tables count: a positive number of applications, cases, decisions, documents. */
const ACTIVITY = new RegExp([
  '(?:收到|受理|新收)[^。；;\\n0-9０-９]{0,16}?申请[^。；;\\n0-9０-９]{0,6}?([1-9１-９][0-9０-９]*)\\s*件',
  '(?:收到|受理|新收)(?:了)?([1-9１-９][0-9０-９]*)\\s*件[^。；;\\n0-9０-９]{0,10}?申请',
  '(?:行政复议|行政诉讼)(?:案件)?([1-9１-９][0-9０-９]*)\\s*[件起]',
  '(?:行政处罚|行政许可|行政强制)[^。；;\\n0-9０-９]{0,10}?([1-9１-９][0-9０-９]*)\\s*[件项次]',
  '(?:制发|印发|出台)[^。；;\\n0-9０-９]{0,8}?规范性文件([1-9１-９][0-9０-９]*)\\s*件',
].join('|'), 'g');

export function checkImplausibleEmptiness(ctx: RuleContext): void {
  const { model, values } = ctx;
  const t3 = model.tables.get('t3');
  if (!t3?.map) return;
  const tables = model.template.tables.filter((t) => model.tables.get(t.id)?.map);
  if (allZero(tables, values)) {
    for (const prose of model.prose) {
      const m = proseMatches(prose, ACTIVITY)[0];
      if (!m) continue;
      const related: Related[] = [{ span: locateInProse(model.text, prose, m.index!, m[0].length), message: { key: 'related.activity', args: { quote: m[0] } } }];
      ctx.report(finding('TBL-IMPLAUSIBLE', t3.keySpan, 'content.allZero', { quote: m[0], tables: { list: tables.map((t) => t.name) } }, { related }));
      break;
    }
  }
  const t4 = model.tables.get('t4');
  const cases = ['t4.AR:T', 't4.LD:T', 't4.LR:T'].map((r) => values.get(r));
  const received = values.get('t3.r1:TOT'), carried = values.get('t3.r2:TOT');
  if (!t4?.map || cases.some((c) => !c) || !received || !carried) return;
  const total = cases.reduce((s, c) => s + c!.value, 0);
  if (total > 0 && received.value === 0 && carried.value === 0) {
    ctx.report(finding('TBL-IMPLAUSIBLE', t4.keySpan, 'content.casesWithoutRequests', { cases: total }, {
      related: [received, carried].flatMap((v) => (v.cell
        ? [{ span: v.cell.span, message: { key: 'related.term', args: { label: v.cell.row.key, value: v.value } } }] : [])),
    }));
  }
}

/** Some value in the tables, and every value 0 (stops at the first other number: most reports have one early). */
function allZero(tables: TableDef[], values: Evaluation): boolean {
  let valued = false;
  for (const table of tables) {
    for (const row of tableRows(table)) {
      for (const col of row.columns) {
        const v = values.get(cellRef(row, col))?.value;
        if (v === undefined) continue;
        if (v !== 0) return false;
        valued = true;
      }
    }
  }
  return valued;
}
