/**
 * The dashboard's own styles (the reports inside use the renderer's REPORT_CSS). The body list's views are
 * switched without script: each view is a :target; the default view comes last, hidden when another is targeted.
 */
export const DASHBOARD_CSS = `
body { margin: 0 auto; max-width: 1180px; padding: 16px 24px 48px; color: #1a1a1a; background: #fff;
  font-family: "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  font-size: 14px; line-height: 1.55; }
h1.d { font-size: 24px; margin: 8px 0 4px; }
h2.d { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #1565c0; }
h3.d { font-size: 16px; margin: 18px 0 6px; }
h4.d { font-size: 15px; margin: 14px 0 4px; }
a { color: #0d47a1; }
.meta, .note, .file { color: #555; font-size: 12px; }
.toc a, .tabs a { margin: 0 2px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { border: 1px solid #ccc; border-radius: 6px; padding: 8px 14px; min-width: 110px;
  border-top: 4px solid #90a4ae; }
.card .value { font-size: 22px; font-weight: bold; }
.card .label { font-size: 12px; color: #444; }
.card.good { border-top-color: #2e7d32; }
.card.bad { border-top-color: #c62828; }
.card.warn { border-top-color: #e69500; }
table.list { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
table.list th, table.list td { border: 1px solid #bbb; padding: 3px 6px; vertical-align: top; text-align: left; }
table.list th { background: #eef3f8; font-weight: bold; }
table.list td.n { text-align: right; white-space: nowrap; }
table.list td.name { min-width: 10em; }
table.list td.name .file { word-break: break-all; }
table.list td.nowrap, table.list th { white-space: nowrap; }
table.list td.main { min-width: 14em; }
table.list tr.error td:first-child { border-left: 4px solid #c62828; }
table.list tr.warning td:first-child { border-left: 4px solid #e69500; }
td.error, span.error, li.error { color: #b71c1c; } td.warning, span.warning, li.warning { color: #8a5a00; }
td.ok, p.ok { color: #1b5e20; }
.view { display: none; }
.view:target, .view-default { display: block; }
.view:target ~ .view-default { display: none; }
figure { margin: 10px 0 18px; max-width: 760px; }
figcaption { font-weight: bold; margin-bottom: 4px; }
p.caption { font-weight: bold; margin: 10px 0 0; text-indent: 0; font-family: inherit; font-size: 14px; }
ul.findings { margin: 4px 0; padding-left: 20px; }
.totals-tables, .body-report .xxgk-report { max-width: none; font-size: 12pt; }
.body-report { border: 1px solid #ddd; padding: 12px 18px; margin-top: 8px; }
.body-report .xxgk-title { font-size: 17pt; }
.body { border-top: 1px solid #999; margin-top: 22px; }
.xxgk-report [data-severity="error"] { background: #fde0e0; outline: 2px solid #c62828; }
.xxgk-report [data-severity="warning"] { background: #fff1cc; }
.xxgk-report tr.missing th { color: #b71c1c; }
code { font-family: Consolas, "Courier New", monospace; font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .toc, .tabs { display: none; }
  .view { display: none !important; }
  .view-default { display: block !important; }
  .body { break-before: page; }
  h2.d, h3.d { break-after: avoid; }
  table.list tr, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
