/**
 * The dashboard (`xxgk review -o review.html`): one self-contained HTML file, readable with no script and no
 * network (the same CSP as the HTML export), printable on A4, Chinese first. It draws only the ReviewResult:
 * summary, one row per body in pre-sorted views (switched by links and CSS :target, no script), charts as inline
 * SVG, 汇总, 雷同, unreadable files, and per body its findings and its report in the official layout, drawn by
 * the report renderer with the failing cells marked.
 */
import { localize, type Locale } from '../l10n';
import { escapeHtml, REPORT_CSS } from '../render/html';
import { RULE_CATALOG, type RuleId } from '../template/ruleCatalog';
import { CATEGORIES, categoryOf } from './categories';
import { COLORS, deadlineHistogram, horizontalBars } from './charts';
import { DASHBOARD_CSS } from './dashboardCss';
import type { ReportReview, ReviewFinding, ReviewResult, YearTotals } from './types';

/** Reports drawn in full; beyond this (a province) the dashboard lists findings only, to stay a file a browser opens. */
export const MAX_RENDERED = 500;

type T = (key: string, args?: Record<string, string | number>) => string;

interface Row {
  id: string;
  report: ReportReview;
  copies: ReportReview[];
}

export function renderDashboard(result: ReviewResult): string {
  const locale: Locale = result.options.locale;
  const t: T = (key, args) => localize({ key: `review.ui.${key}`, args }, locale);
  const rows = bodyRows(result);
  const title = t('title', { years: result.summary.years.join('、') || '—', bodies: result.summary.bodies });
  const sections = [
    header(result, t, title), summary(result, t), bodiesSection(rows, t, locale), charts(result, rows, t),
    totalsSection(result.totals, t), similarSection(result, rows, t), unreadableSection(result, t),
    reportsSection(rows, t, locale),
  ];
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xxgk-report review">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}${DASHBOARD_CSS}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}

/** One row per body and year: the counted report, with the other files of the same report (copies). */
function bodyRows(result: ReviewResult): Row[] {
  const rows: Row[] = [];
  const byFile = new Map<string, Row>();
  result.reports.forEach((report, i) => {
    if (report.duplicateOf) return;
    const row = { id: `r${i + 1}`, report, copies: [] };
    rows.push(row);
    byFile.set(report.file, row);
  });
  for (const r of result.reports) if (r.duplicateOf) byFile.get(r.duplicateOf)?.copies.push(r);
  return rows;
}

function header(result: ReviewResult, t: T, title: string): string {
  const links = ['summary', 'bodies', 'charts', 'totals', 'similar', 'unreadable', 'reports']
    .map((id) => `<a href="#${id}">${escapeHtml(t(`nav.${id}`))}</a>`).join(' · ');
  return `<header><h1 class="d">${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t('generated', { date: result.options.today, version: result.tool.version, deadline: result.options.localDeadline }))}</p>
<nav class="toc">${links}</nav></header>`;
}

function summary(result: ReviewResult, t: T): string {
  const s = result.summary;
  const card = (label: string, value: string | number, cls = '') => `<div class="card${cls ? ` ${cls}` : ''}"><div class="value">${escapeHtml(String(value))}</div><div class="label">${escapeHtml(label)}</div></div>`;
  const dated = s.onTime + s.late;
  return `<section id="summary"><h2 class="d">${escapeHtml(t('nav.summary'))}</h2><div class="cards">
${card(t('card.bodies'), s.bodies)}${card(t('card.reports'), s.reports)}${card(t('card.years'), s.years.join('、') || '—')}
${card(t('card.withErrors'), `${s.withErrors} / ${s.reports}`, s.withErrors ? 'bad' : 'good')}
${card(t('card.onTime'), dated ? `${s.onTime} / ${dated}` : '—', s.late ? 'bad' : 'good')}
${card(t('card.similar'), s.similarPairs, s.similarPairs ? 'warn' : 'good')}
${card(t('card.unreadable'), s.unreadable, s.unreadable ? 'bad' : 'good')}
</div>
<p>${escapeHtml(t('summaryLine', { errors: s.errors, warnings: s.warnings, infos: s.infos, clean: s.clean, warningsOnly: s.withWarningsOnly, late: s.late, undated: s.undated }))}</p></section>`;
}

const RANK = { error: 0, warning: 1, info: 2 };

function bodiesSection(rows: Row[], t: T, locale: Locale): string {
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN');
  const name = (r: Row) => r.report.issuer ?? r.report.file;
  const byName = [...rows].sort((a, b) => collator.compare(name(a), name(b)) || (a.report.year ?? 0) - (b.report.year ?? 0));
  const bySeverity = [...byName].sort((a, b) => b.report.counts.error - a.report.counts.error || b.report.counts.warning - a.report.counts.warning);
  const late = (r: Row) => r.report.daysLate ?? Number.POSITIVE_INFINITY;
  const byDate = [...byName].sort((a, b) => late(b) - late(a));
  const views = [['by-name', byName], ['by-date', byDate], ['by-severity', bySeverity]] as const;
  const tabs = ['by-severity', 'by-name', 'by-date'].map((id) => `<a href="#${id}">${escapeHtml(t(`view.${id}`))}</a>`).join(' ');
  const tables = views.map(([id, list]) => `<section id="${id}" class="view${id === 'by-severity' ? ' view-default' : ''}">
<h3 class="d">${escapeHtml(t(`view.${id}`))}</h3>${bodiesTable(list, t)}</section>`);
  return `<section id="bodies"><h2 class="d">${escapeHtml(t('nav.bodies'))}</h2><p class="tabs">${escapeHtml(t('view.order'))} ${tabs}</p>
<div class="views">${tables.join('\n')}</div></section>`;
}

function bodiesTable(rows: Row[], t: T): string {
  const head = ['col.body', 'col.kind', 'col.year', 'col.signed', 'col.published', 'col.deadline', 'col.errors', 'col.warnings', 'col.infos', 'col.main', 'col.import']
    .map((k) => `<th>${escapeHtml(t(k))}</th>`).join('');
  const body = rows.map((row) => {
    const r = row.report;
    const cells = [
      `<td class="name"><a href="#${row.id}">${escapeHtml(r.issuer ?? t('noIssuer'))}</a><div class="file">${escapeHtml(r.file)}${row.copies.length ? escapeHtml(t('copies', { files: row.copies.map((c) => c.file).join('、') })) : ''}</div></td>`,
      `<td class="nowrap">${escapeHtml(r.kind ?? '—')}</td>`, `<td>${r.year ?? '—'}</td>`,
      `<td class="nowrap">${escapeHtml(r.signed ?? '—')}</td>`, `<td class="nowrap">${escapeHtml(r.published ?? '—')}</td>`,
      deadlineCell(r, t),
      `<td class="n${r.counts.error ? ' error' : ''}">${r.counts.error}</td>`, `<td class="n${r.counts.warning ? ' warning' : ''}">${r.counts.warning}</td>`,
      `<td class="n">${r.counts.info}</td>`, `<td class="main">${escapeHtml(mainFindings(r, t))}</td>`, `<td>${escapeHtml(importQuality(r, t))}</td>`,
    ];
    return `<tr data-body="${escapeHtml(row.id)}">${cells.join('')}</tr>`;
  });
  return `<table class="list"><thead><tr>${head}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}

function deadlineCell(r: ReportReview, t: T): string {
  if (!r.deadline) return `<td>—</td>`;
  if (r.daysLate === undefined) return `<td>${escapeHtml(r.deadline)}<div class="file">${escapeHtml(t('noDate'))}</div></td>`;
  const status = r.daysLate > 0 ? t('late', { days: r.daysLate }) : t('onTime');
  return `<td class="nowrap ${r.daysLate > 0 ? 'error' : 'ok'}">${escapeHtml(r.deadline)}<div>${escapeHtml(status)}</div></td>`;
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
  const words = top.map(([rule, c]) => (c.n > 1 ? t('timesShort', { title: RULE_CATALOG[rule].title, n: c.n }) : RULE_CATALOG[rule].title));
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
    return { label: t(`category.${c}`), parts: [{ value: n.error, color: COLORS.error }, { value: n.warning, color: COLORS.warning }, { value: n.info, color: COLORS.info }] };
  });
  const legend = [{ label: t('severity.error'), color: COLORS.error }, { label: t('severity.warning'), color: COLORS.warning }, { label: t('severity.info'), color: COLORS.info }];
  const days = rows.map((r) => r.report.daysLate).filter((d): d is number => d !== undefined);
  const apps = rows.filter((r) => r.report.applications !== undefined).sort((a, b) => b.report.applications! - a.report.applications!);
  const years = result.summary.years.length > 1;
  const name = (r: ReportReview) => short(r.issuer ?? r.file) + (years && r.year !== undefined ? ` ${r.year}` : '');
  const shown = apps.slice(0, 30).map((r) => ({ label: name(r.report), parts: [{ value: r.report.applications!, color: COLORS.bar }] }));
  const rest = apps.slice(30);
  const restNote = rest.length ? t('chart.others', { n: rest.length, sum: rest.reduce((s, r) => s + r.report.applications!, 0) }) : undefined;
  const figure = (id: string, svg: string, note?: string) => `<figure id="${id}"><figcaption>${escapeHtml(t(`chart.${id}`))}</figcaption>${svg}${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}</figure>`;
  return `<section id="charts"><h2 class="d">${escapeHtml(t('nav.charts'))}</h2>
${figure('findings', horizontalBars(t('chart.findings'), byCategory, legend))}
${figure('dates', deadlineHistogram(t('chart.dates'), days, { deadline: t('chart.deadline'), early: t('chart.early'), late: t('chart.lateAxis'), unit: t('chart.weeks') }), t('chart.datesNote', { dated: days.length, undated: rows.length - days.length }))}
${figure('applications', horizontalBars(t('chart.applications'), shown, []), restNote)}
</section>`;
}

function short(s: string): string {
  const chars = [...s];
  return chars.length > 12 ? `${chars.slice(0, 11).join('')}…` : s;
}

function totalsSection(totals: YearTotals[], t: T): string {
  const parts = totals.map((y) => {
    const findings = y.findings.length
      ? `<ul class="findings">${y.findings.map((f) => `<li class="${f.severity}"><code>${escapeHtml(f.rule)}</code> ${escapeHtml(f.message)}</li>`).join('')}</ul>`
      : `<p class="ok">${escapeHtml(t('totals.identitiesHold'))}</p>`;
    const why = y.findings.length ? `<p class="note">${escapeHtml(t('totals.identitiesFail'))}</p>` : '';
    const incomplete = y.incomplete.length ? `<p class="note">${escapeHtml(t('totals.incomplete', { files: y.incomplete.map((i) => `${i.file}（${i.missing}）`).join('、') }))}</p>` : '';
    return `<section class="year" id="totals-${y.year}"><h3 class="d">${escapeHtml(t('totals.heading', { year: y.year, reports: y.reports }))}</h3>
${findings}${why}${incomplete}<div class="xxgk-report totals-tables">${y.rendered ?? ''}</div>${governmentSection(y, t)}</section>`;
  });
  return `<section id="totals"><h2 class="d">${escapeHtml(t('nav.totals'))}</h2><p>${escapeHtml(t('totals.intro'))}</p>${parts.join('\n') || `<p>${escapeHtml(t('none'))}</p>`}</section>`;
}

/** The government's own figures beside the sum of the others: the totals of each row, as information. */
function governmentSection(y: YearTotals, t: T): string {
  const g = y.government;
  if (!g) return '';
  const main = g.differences.filter((d) => /:(TOT|T|decisions|amount|valid)$/.test(d.cell));
  const rows = main.map((d) => `<tr><td>${escapeHtml(d.where)}</td><td class="n">${d.own}</td><td class="n">${d.others}</td><td class="n">${fmtDiff(d.own - d.others)}</td></tr>`);
  const table = rows.length
    ? `<table class="list"><thead><tr><th>${escapeHtml(t('gov.item'))}</th><th>${escapeHtml(t('gov.own'))}</th><th>${escapeHtml(t('gov.others', { n: g.others }))}</th><th>${escapeHtml(t('gov.diff'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p>${escapeHtml(t('gov.same'))}</p>`;
  return `<h4 class="d">${escapeHtml(t('gov.heading', { issuer: g.issuer ?? g.file }))}</h4><p class="note">${escapeHtml(t('gov.intro', { cells: g.differences.length }))}</p>${table}`;
}

function fmtDiff(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${r}` : String(r);
}

function similarSection(result: ReviewResult, rows: Row[], t: T): string {
  const anchor = new Map(rows.map((r) => [r.report.file, r.id]));
  const side = (s: { file: string; issuer?: string; where: string }) => {
    const id = anchor.get(s.file);
    const name = escapeHtml(s.issuer ?? s.file);
    return `${id ? `<a href="#${id}">${name}</a>` : name}<div class="file">${escapeHtml(s.where)}</div>`;
  };
  const list = result.similar.map((p) => `<tr><td>${p.year}</td><td>${side(p.a)}</td><td>${side(p.b)}</td><td class="n">${p.percent}%</td><td><code>${escapeHtml(p.rule)}</code></td></tr>`);
  const body = list.length
    ? `<table class="list"><thead><tr><th>${escapeHtml(t('col.year'))}</th><th>${escapeHtml(t('similar.a'))}</th><th>${escapeHtml(t('similar.b'))}</th><th>${escapeHtml(t('similar.percent'))}</th><th>${escapeHtml(t('col.rule'))}</th></tr></thead><tbody>${list.join('')}</tbody></table>`
    : `<p>${escapeHtml(t('none'))}</p>`;
  return `<section id="similar"><h2 class="d">${escapeHtml(t('nav.similar'))}</h2><p>${escapeHtml(t('similar.intro'))}</p>${body}</section>`;
}

function unreadableSection(result: ReviewResult, t: T): string {
  const rows = result.unreadable.map((u) => `<tr><td class="file">${escapeHtml(u.file)}</td><td>${escapeHtml(u.message)}</td></tr>`);
  const skipped = result.skipped.map((s) => `<tr><td class="file">${escapeHtml(s.file)}</td><td>${escapeHtml(s.message)}</td></tr>`);
  return `<section id="unreadable"><h2 class="d">${escapeHtml(t('nav.unreadable'))}</h2>${rows.length ? `<table class="list"><tbody>${rows.join('')}</tbody></table>` : `<p>${escapeHtml(t('none'))}</p>`}
${skipped.length ? `<h3 class="d">${escapeHtml(t('skipped'))}</h3><table class="list"><tbody>${skipped.join('')}</tbody></table>` : ''}</section>`;
}

function reportsSection(unsorted: Row[], t: T, locale: Locale): string {
  const collator = new Intl.Collator(locale === 'en' ? 'en' : 'zh-CN');
  const rows = [...unsorted].sort((a, b) => collator.compare(a.report.issuer ?? a.report.file, b.report.issuer ?? b.report.file)
    || (a.report.year ?? 0) - (b.report.year ?? 0));
  const many = rows.length > MAX_RENDERED;
  const sections = rows.map((row) => reportSection(row, t, locale, many));
  return `<section id="reports"><h2 class="d">${escapeHtml(t('nav.reports'))}</h2>${many ? `<p class="note">${escapeHtml(t('notRendered', { max: MAX_RENDERED }))}</p>` : ''}
${sections.join('\n')}</section>`;
}

function reportSection(row: Row, t: T, locale: Locale, listOnly: boolean): string {
  const r = row.report;
  const en = locale === 'en';
  const findings = r.findings.map((f) => `<tr class="${f.severity}"><td>${escapeHtml(t(`severity.${f.severity}`))}</td><td><code>${escapeHtml(f.rule)}</code><div class="file">${escapeHtml(en ? RULE_CATALOG[f.rule].titleEn : RULE_CATALOG[f.rule].title)}</div></td>`
    + `<td>${escapeHtml(f.where ?? '')}<div class="file">${escapeHtml(t('lineCol', { line: f.line, column: f.column }))}</div></td><td>${escapeHtml(f.message)}</td></tr>`);
  const table = findings.length
    ? `<table class="list findings"><thead><tr><th>${escapeHtml(t('col.severity'))}</th><th>${escapeHtml(t('col.rule'))}</th><th>${escapeHtml(t('col.where'))}</th><th>${escapeHtml(t('col.message'))}</th></tr></thead><tbody>${findings.join('')}</tbody></table>`
    : `<p class="ok">${escapeHtml(t('noProblems'))}</p>`;
  const facts = [r.kind, r.year !== undefined ? t('yearOf', { year: r.year }) : undefined, t(`source.${r.source}`), r.previous ? t('previous', { file: r.previous }) : undefined]
    .filter(Boolean).join(' · ');
  const rendered = !listOnly && r.rendered ? `<div class="body-report">${r.rendered}</div>` : '';
  const heading = r.year !== undefined ? t('bodyHeading', { body: r.issuer ?? r.file, year: r.year }) : r.issuer ?? r.file;
  return `<section class="body" id="${row.id}"><h3 class="d">${escapeHtml(heading)}</h3>
<p class="meta">${escapeHtml(facts)}<br>${escapeHtml(r.file)}${row.copies.map((c) => `<br>${escapeHtml(t('copyOf', { file: c.file }))}`).join('')}</p>
<p class="counts"><span class="error">${escapeHtml(t('count.error', { n: r.counts.error }))}</span> <span class="warning">${escapeHtml(t('count.warning', { n: r.counts.warning }))}</span> <span>${escapeHtml(t('count.info', { n: r.counts.info }))}</span> <a href="#bodies">${escapeHtml(t('backToList'))}</a></p>
${table}${rendered}</section>`;
}
