/**
 * The dashboard (`xxgk review -o review.html`): one self-contained HTML file, readable with no script and no
 * network (the same CSP as the HTML export), printable on A4, Chinese first. It draws only the ReviewResult:
 * summary, one row per body in pre-sorted views (switched by links and CSS :target, no script), charts as inline
 * SVG, 汇总, 雷同, unreadable files, and per body its findings and its report in the official layout, drawn by
 * the report renderer with the failing cells marked.
 */
import { localize, type Locale } from '../l10n';
import type { MessageKey } from '../model/findings';
import { escapeHtml, REPORT_CSS, standalonePage } from '../render/html';
import { RULE_CATALOG, type RuleId } from '../template/ruleCatalog';
import { CATEGORIES, categoryOf } from './categories';
import { COLORS, deadlineHistogram, horizontalBars } from './charts';
import { DASHBOARD_CSS } from './dashboardCss';
import type { ReportReview, ReviewFinding, ReviewResult, YearTotals } from './types';

/** Reports drawn in full; beyond this (a province) only findings are listed, so that a browser opens the file. */
export const MAX_RENDERED = 500;

type T = (key: string, args?: Record<string, string | number>) => string;

const esc = escapeHtml;

/** An element around HTML that is already safe (escaped text or other elements). */
function el(tag: string, attrs: string, html: string): string {
  return `<${tag}${attrs ? ` ${attrs}` : ''}>${html}</${tag}>`;
}

/** A table with escaped header texts and rows of ready cells. */
function listTable(head: string[], rows: string[], cls = 'list'): string {
  const th = head.map((h) => el('th', '', esc(h))).join('');
  return `<table class="${cls}"><thead><tr>${th}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

interface Row {
  id: string;
  /** The report's index in result.reports. */
  index: number;
  report: ReportReview;
  copies: ReportReview[];
}

export function renderDashboard(result: ReviewResult): string {
  const locale: Locale = result.options.locale;
  const t: T = (key, args) => localize({ key: `review.ui.${key}` as MessageKey, args }, locale);
  const rows = bodyRows(result);
  const title = t('title', { years: result.summary.years.join('、') || '—', bodies: result.summary.bodies });
  const sections = [
    header(result, t, title),
    summary(result, t),
    bodiesSection(rows, t, locale),
    charts(result, rows, t),
    totalsSection(result.totals, t),
    similarSection(result, rows, t),
    unreadableSection(result, t),
    reportsSection(rows, t, locale),
  ];
  return standalonePage({
    lang: locale === 'en' ? 'en' : 'zh-CN',
    generator: 'xxgk-report review',
    title,
    css: REPORT_CSS + DASHBOARD_CSS,
    body: sections.join('\n'),
  });
}

/** One row per body and year: the counted report, with the other files of the same report (copies). */
function bodyRows(result: ReviewResult): Row[] {
  const rows: Row[] = [];
  const byFile = new Map<string, Row>();
  result.reports.forEach((report, i) => {
    if (report.duplicateOf) return;
    const row = { id: `r${i + 1}`, index: i, report, copies: [] };
    rows.push(row);
    byFile.set(report.file, row);
  });
  for (const r of result.reports) if (r.duplicateOf) byFile.get(r.duplicateOf)?.copies.push(r);
  return rows;
}

function header(result: ReviewResult, t: T, title: string): string {
  const links = ['summary', 'bodies', 'charts', 'totals', 'similar', 'unreadable', 'reports']
    .map((id) => el('a', `href="#${id}"`, esc(t(`nav.${id}`))))
    .join(' · ');
  const o = result.options;
  const meta = t('generated', { date: o.today, version: result.tool.version, deadline: o.localDeadline });
  return el(
    'header',
    '',
    `${el('h1', 'class="d"', esc(title))}
${el('p', 'class="meta"', esc(meta))}
${el('nav', 'class="toc"', links)}`,
  );
}

function summary(result: ReviewResult, t: T): string {
  const s = result.summary;
  const card = (label: string, value: string | number, cls = '') =>
    el(
      'div',
      `class="card${cls ? ` ${cls}` : ''}"`,
      el('div', 'class="value"', esc(String(value))) + el('div', 'class="label"', esc(label)),
    );
  const dated = s.onTime + s.late;
  const cards = [
    card(t('card.bodies'), s.bodies),
    card(t('card.reports'), s.reports),
    card(t('card.years'), s.years.join('、') || '—'),
    card(t('card.withErrors'), `${s.withErrors} / ${s.reports}`, s.withErrors ? 'bad' : 'good'),
    card(t('card.onTime'), dated ? `${s.onTime} / ${dated}` : '—', s.late ? 'bad' : 'good'),
    card(t('card.similar'), s.similarPairs, s.similarPairs ? 'warn' : 'good'),
    card(t('card.unreadable'), s.unreadable, s.unreadable ? 'bad' : 'good'),
  ];
  const line = t('summaryLine', {
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    clean: s.clean,
    warningsOnly: s.withWarningsOnly,
    late: s.late,
    undated: s.undated,
  });
  return el(
    'section',
    'id="summary"',
    `${el('h2', 'class="d"', esc(t('nav.summary')))}
${el('div', 'class="cards"', cards.join('\n'))}
${el('p', '', esc(line))}`,
  );
}

const RANK = { error: 0, warning: 1, info: 2 };

function bodiesSection(rows: Row[], t: T, locale: Locale): string {
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN');
  const name = (r: Row) => r.report.issuer ?? r.report.file;
  const byName = [...rows].sort(
    (a, b) => collator.compare(name(a), name(b)) || (a.report.year ?? 0) - (b.report.year ?? 0),
  );
  const bySeverity = [...byName].sort(
    (a, b) => b.report.counts.error - a.report.counts.error || b.report.counts.warning - a.report.counts.warning,
  );
  const late = (r: Row) => r.report.daysLate ?? Number.POSITIVE_INFINITY;
  const byDate = [...byName].sort((a, b) => late(b) - late(a));
  // The default view comes last: CSS hides it when another view is the :target.
  const views = [
    ['by-name', byName],
    ['by-date', byDate],
    ['by-severity', bySeverity],
  ] as const;
  const tabs = ['by-severity', 'by-name', 'by-date']
    .map((id) => el('a', `href="#${id}"`, esc(t(`view.${id}`))))
    .join(' ');
  const tables = views.map(([id, list]) =>
    el(
      'section',
      `id="${id}" class="view${id === 'by-severity' ? ' view-default' : ''}"`,
      `\n${el('h3', 'class="d"', esc(t(`view.${id}`)))}${bodiesTable(list, t)}`,
    ),
  );
  return el(
    'section',
    'id="bodies"',
    `${el('h2', 'class="d"', esc(t('nav.bodies')))}
${el('p', 'class="tabs"', `${esc(t('view.order'))} ${tabs}`)}
${el('div', 'class="views"', tables.join('\n'))}`,
  );
}

const BODY_COLUMNS = [
  'body',
  'kind',
  'year',
  'signed',
  'published',
  'deadline',
  'errors',
  'warnings',
  'infos',
  'main',
  'import',
];

function bodiesTable(rows: Row[], t: T): string {
  const body = rows.map((row) => {
    const r = row.report;
    const copies = row.copies.length ? t('copies', { files: row.copies.map((c) => c.file).join('、') }) : '';
    const cells = [
      el(
        'td',
        'class="name"',
        el('a', `href="#${row.id}"`, esc(r.issuer ?? t('noIssuer'))) + el('div', 'class="file"', esc(r.file + copies)),
      ),
      el('td', 'class="nowrap"', esc(r.kind ?? '—')),
      el('td', '', String(r.year ?? '—')),
      el('td', 'class="nowrap"', esc(r.signed ?? '—')),
      el('td', 'class="nowrap"', esc(r.published ?? '—')),
      deadlineCell(r, t),
      el('td', `class="n${r.counts.error ? ' error' : ''}"`, String(r.counts.error)),
      el('td', `class="n${r.counts.warning ? ' warning' : ''}"`, String(r.counts.warning)),
      el('td', 'class="n"', String(r.counts.info)),
      el('td', 'class="main"', esc(mainFindings(r, t))),
      el('td', '', esc(importQuality(r, t))),
    ];
    return el('tr', `data-body="${esc(row.id)}"`, cells.join(''));
  });
  return listTable(
    BODY_COLUMNS.map((c) => t(`col.${c}`)),
    body,
  );
}

function deadlineCell(r: ReportReview, t: T): string {
  if (!r.deadline) return el('td', '', '—');
  if (r.daysLate === undefined) return el('td', '', esc(r.deadline) + el('div', 'class="file"', esc(t('noDate'))));
  const status = r.daysLate > 0 ? t('late', { days: r.daysLate }) : t('onTime');
  return el('td', `class="nowrap ${r.daysLate > 0 ? 'error' : 'ok'}"`, esc(r.deadline) + el('div', '', esc(status)));
}

/** The most serious problems in words: rule titles of the errors, then warnings, with how often each occurs. */
export function mainFindings(r: ReportReview, t: T): string {
  const counts = new Map<RuleId, { n: number; severity: ReviewFinding['severity'] }>();
  for (const f of r.findings) {
    if (f.severity === 'info') continue;
    const c = counts.get(f.rule) ?? { n: 0, severity: f.severity };
    c.n++;
    counts.set(f.rule, c);
  }
  const top = [...counts].sort((a, b) => RANK[a[1].severity] - RANK[b[1].severity] || b[1].n - a[1].n).slice(0, 3);
  if (!top.length) return t('noProblems');
  const words = top.map(([rule, c]) =>
    c.n > 1 ? t('timesShort', { title: RULE_CATALOG[rule].title, n: c.n }) : RULE_CATALOG[rule].title,
  );
  const rest = counts.size - top.length;
  return words.join('；') + (rest > 0 ? t('moreKinds', { n: rest }) : '');
}

function importQuality(r: ReportReview, t: T): string {
  const source = t(`source.${r.source}`);
  if (!r.import) return source;
  const q = r.import;
  return t('importQuality', { source, cells: q.cellsRecognised, expected: q.cellsExpected, unmapped: q.unmapped });
}

function charts(result: ReviewResult, rows: Row[], t: T): string {
  const byCategory = CATEGORIES.map((c) => {
    const n = { error: 0, warning: 0, info: 0 };
    for (const r of result.reports) for (const f of r.findings) if (categoryOf(f.rule) === c) n[f.severity]++;
    return {
      label: t(`category.${c}`),
      parts: [
        { value: n.error, color: COLORS.error },
        { value: n.warning, color: COLORS.warning },
        { value: n.info, color: COLORS.info },
      ],
    };
  });
  const legend = (['error', 'warning', 'info'] as const).map((k) => ({ label: t(`severity.${k}`), color: COLORS[k] }));
  const days = rows.map((r) => r.report.daysLate).filter((d): d is number => d !== undefined);
  const apps = rows
    .filter((r) => r.report.applications !== undefined)
    .sort((a, b) => b.report.applications! - a.report.applications!);
  const years = result.summary.years.length > 1;
  const name = (r: ReportReview) => short(r.issuer ?? r.file) + (years && r.year !== undefined ? ` ${r.year}` : '');
  const shown = apps
    .slice(0, 30)
    .map((r) => ({ label: name(r.report), parts: [{ value: r.report.applications!, color: COLORS.bar }] }));
  const rest = apps.slice(30);
  const restNote = rest.length
    ? t('chart.others', { n: rest.length, sum: rest.reduce((s, r) => s + r.report.applications!, 0) })
    : undefined;
  const figure = (id: string, svg: string, note?: string) =>
    el(
      'figure',
      `id="${id}"`,
      el('figcaption', '', esc(t(`chart.${id}`))) + svg + (note ? el('p', 'class="note"', esc(note)) : ''),
    );
  const axis = {
    deadline: t('chart.deadline'),
    early: t('chart.early'),
    late: t('chart.lateAxis'),
    unit: t('chart.weeks'),
  };
  const datesNote = t('chart.datesNote', { dated: days.length, undated: rows.length - days.length });
  return el(
    'section',
    'id="charts"',
    `${el('h2', 'class="d"', esc(t('nav.charts')))}
${figure('findings', horizontalBars(t('chart.findings'), byCategory, legend))}
${figure('dates', deadlineHistogram(t('chart.dates'), days, axis), datesNote)}
${figure('applications', horizontalBars(t('chart.applications'), shown, []), restNote)}
`,
  );
}

function short(s: string): string {
  const chars = [...s];
  return chars.length > 12 ? `${chars.slice(0, 11).join('')}…` : s;
}

function totalsSection(totals: YearTotals[], t: T): string {
  const parts = totals.map((y) => {
    const items = y.findings.map((f) =>
      el('li', `class="${f.severity}"`, `${el('code', '', esc(f.rule))} ${esc(f.message)}`),
    );
    const findings = y.findings.length
      ? el('ul', 'class="findings"', items.join('')) + el('p', 'class="note"', esc(t('totals.identitiesFail')))
      : el('p', 'class="ok"', esc(t('totals.identitiesHold')));
    const files = y.incomplete.map((i) => `${i.file}（${i.missing}）`).join('、');
    const incomplete = y.incomplete.length ? el('p', 'class="note"', esc(t('totals.incomplete', { files }))) : '';
    const heading = el('h3', 'class="d"', esc(t('totals.heading', { year: y.year, reports: y.reports })));
    return el(
      'section',
      `class="year" id="totals-${y.year}"`,
      `${heading}
${findings}${incomplete}${el('div', 'class="xxgk-report totals-tables"', y.rendered ?? '')}${governmentSection(y, t)}`,
    );
  });
  const intro = el('p', '', esc(t('totals.intro')));
  return el(
    'section',
    'id="totals"',
    el('h2', 'class="d"', esc(t('nav.totals'))) + intro + (parts.join('\n') || el('p', '', esc(t('none')))),
  );
}

/** The government's own figures beside the sum of the others: the totals of each row, as information. */
function governmentSection(y: YearTotals, t: T): string {
  const g = y.government;
  if (!g) return '';
  const main = g.differences.filter((d) => /:(TOT|T|decisions|amount|valid)$/.test(d.cell));
  const rows = main.map((d) =>
    el(
      'tr',
      '',
      el('td', '', esc(d.where)) +
        el('td', 'class="n"', String(d.own)) +
        el('td', 'class="n"', String(d.others)) +
        el('td', 'class="n"', fmtDiff(d.own - d.others)),
    ),
  );
  const table = rows.length
    ? listTable([t('gov.item'), t('gov.own'), t('gov.others', { n: g.others }), t('gov.diff')], rows)
    : el('p', '', esc(t('gov.same')));
  return (
    el('h4', 'class="d"', esc(t('gov.heading', { issuer: g.issuer ?? g.file }))) +
    el('p', 'class="note"', esc(t('gov.intro', { cells: g.differences.length }))) +
    table
  );
}

function fmtDiff(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${r}` : String(r);
}

function similarSection(result: ReviewResult, rows: Row[], t: T): string {
  const anchor = new Map(rows.map((r) => [r.report.file, r.id]));
  const side = (s: { file: string; issuer?: string; where: string }) => {
    const id = anchor.get(s.file);
    const name = esc(s.issuer ?? s.file);
    return (id ? el('a', `href="#${id}"`, name) : name) + el('div', 'class="file"', esc(s.where));
  };
  const list = result.similar.map((p) =>
    el(
      'tr',
      '',
      el('td', '', String(p.year)) +
        el('td', '', side(p.a)) +
        el('td', '', side(p.b)) +
        el('td', 'class="n"', `${p.percent}%`) +
        el('td', '', el('code', '', esc(p.rule))),
    ),
  );
  const head = [t('col.year'), t('similar.a'), t('similar.b'), t('similar.percent'), t('col.rule')];
  const body = list.length ? listTable(head, list) : el('p', '', esc(t('none')));
  return el(
    'section',
    'id="similar"',
    el('h2', 'class="d"', esc(t('nav.similar'))) + el('p', '', esc(t('similar.intro'))) + body,
  );
}

function unreadableSection(result: ReviewResult, t: T): string {
  const row = (file: string, message: string) =>
    el('tr', '', el('td', 'class="file"', esc(file)) + el('td', '', esc(message)));
  const rows = result.unreadable.map((u) => row(u.file, u.message));
  const skipped = result.skipped.map((s) => row(s.file, s.message));
  const table = (list: string[]) => el('table', 'class="list"', el('tbody', '', list.join('')));
  return el(
    'section',
    'id="unreadable"',
    el('h2', 'class="d"', esc(t('nav.unreadable'))) +
      (rows.length ? table(rows) : el('p', '', esc(t('none')))) +
      (skipped.length ? `\n${el('h3', 'class="d"', esc(t('skipped')))}${table(skipped)}` : ''),
  );
}

function reportsSection(unsorted: Row[], t: T, locale: Locale): string {
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN');
  const rows = [...unsorted].sort(
    (a, b) =>
      collator.compare(a.report.issuer ?? a.report.file, b.report.issuer ?? b.report.file) ||
      (a.report.year ?? 0) - (b.report.year ?? 0),
  );
  const many = rows.length > MAX_RENDERED;
  const sections = rows.map((row) => reportSection(row, t, locale, many));
  const note = many ? el('p', 'class="note"', esc(t('notRendered', { max: MAX_RENDERED }))) : '';
  return el(
    'section',
    'id="reports"',
    `${el('h2', 'class="d"', esc(t('nav.reports')))}${note}
${sections.join('\n')}`,
  );
}

function reportSection(row: Row, t: T, locale: Locale, listOnly: boolean): string {
  const r = row.report;
  const title = (rule: RuleId) => (locale === 'en' ? RULE_CATALOG[rule].titleEn : RULE_CATALOG[rule].title);
  // data-report / data-finding: indexes into the ReviewResult, so that a viewer (the editor's webview) can open
  // a finding's place without reading positions out of the page.
  const findings = r.findings.map((f, k) =>
    el(
      'tr',
      `class="${f.severity}" data-finding="${k}"`,
      [
        el('td', '', esc(t(`severity.${f.severity}`))),
        el('td', '', el('code', '', esc(f.rule)) + el('div', 'class="file"', esc(title(f.rule)))),
        el(
          'td',
          '',
          esc(f.where ?? '') + el('div', 'class="file"', esc(t('lineCol', { line: f.line, column: f.column }))),
        ),
        el('td', '', esc(f.message)),
      ].join(''),
    ),
  );
  const head = [t('col.severity'), t('col.rule'), t('col.where'), t('col.message')];
  const table = findings.length
    ? listTable(head, findings, 'list findings')
    : el('p', 'class="ok"', esc(t('noProblems')));
  const previous = r.previous ? t('previous', { file: r.previous }) : undefined;
  const facts = [
    r.kind,
    r.year !== undefined ? t('yearOf', { year: r.year }) : undefined,
    t(`source.${r.source}`),
    previous,
  ]
    .filter(Boolean)
    .join(' · ');
  const rendered = !listOnly && r.rendered ? el('div', 'class="body-report"', r.rendered) : '';
  const heading =
    r.year !== undefined ? t('bodyHeading', { body: r.issuer ?? r.file, year: r.year }) : (r.issuer ?? r.file);
  const files = [esc(facts), esc(r.file), ...row.copies.map((c) => esc(t('copyOf', { file: c.file })))].join('<br>');
  const counts = [
    el('span', 'class="error"', esc(t('count.error', { n: r.counts.error }))),
    el('span', 'class="warning"', esc(t('count.warning', { n: r.counts.warning }))),
    el('span', '', esc(t('count.info', { n: r.counts.info }))),
    el('a', 'href="#bodies"', esc(t('backToList'))),
  ].join(' ');
  return `<section class="body" id="${row.id}" data-report="${row.index}" data-source="${r.source}">${el('h3', 'class="d"', esc(heading))}
${el('p', 'class="meta"', files)}
${el('p', 'class="counts"', counts)}
${table}${rendered}</section>`;
}
