/**
 * The dashboard's charts as inline SVG: no script, no external resource, drawn the same on screen and paper.
 * Every text is escaped; sizes are in the viewBox, so a chart scales with the page.
 */
import { escapeHtml } from '../render/html';

export const COLORS = {
  error: '#c62828',
  warning: '#e69500',
  info: '#78909c',
  ok: '#2e7d32',
  bar: '#1565c0',
  grid: '#ccc',
};

const FONT = 'font-family="Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif"';

function svg(width: number, height: number, label: string, body: string[]): string {
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" ` +
    `aria-label="${escapeHtml(label)}" ${FONT} font-size="12">` +
    `<title>${escapeHtml(label)}</title>${body.join('')}</svg>`
  );
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x}" y="${y}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(s)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return w > 0 && h > 0
    ? `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"/>`
    : '';
}

export interface StackedBar {
  label: string;
  parts: { value: number; color: string }[];
}

/** Horizontal bars, each a stack of parts, with the total at the end of the bar. */
export function horizontalBars(label: string, bars: StackedBar[], legend: { label: string; color: string }[]): string {
  const labelWidth = 190,
    width = 680,
    row = 22,
    top = legend.length ? 26 : 6;
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  const scale = (width - labelWidth - 60) / max;
  const body: string[] = [];
  legend.forEach((l, i) =>
    body.push(rect(labelWidth + i * 90, 6, 12, 12, l.color), text(labelWidth + i * 90 + 16, 17, l.label)),
  );
  bars.forEach((b, i) => {
    const y = top + i * row;
    body.push(text(labelWidth - 6, y + 15, b.label, 'text-anchor="end"'));
    let x = labelWidth;
    for (const p of b.parts) {
      body.push(rect(x, y + 3, p.value * scale, row - 7, p.color));
      x += p.value * scale;
    }
    body.push(text(x + 4, y + 15, String(b.parts.reduce((s, p) => s + p.value, 0))));
  });
  return svg(width, top + bars.length * row + 4, label, body);
}

/** A histogram of days before (≤ 0) and after (> 0) the deadline, by week, with the deadline marked. */
export function deadlineHistogram(
  label: string,
  days: number[],
  axis: { deadline: string; early: string; late: string; unit: string },
): string {
  const from = -8,
    to = 8; // weeks; farther ones are counted in the end bins
  const bins = new Array(to - from).fill(0);
  for (const d of days) bins[Math.min(to - from - 1, Math.max(0, Math.floor((d - 1) / 7) - from))]++;
  const width = 640,
    height = 200,
    left = 40,
    bottom = 160,
    top = 20;
  const binWidth = (width - left - 10) / bins.length;
  const max = Math.max(1, ...bins);
  const body: string[] = [`<line x1="${left}" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#333"/>`];
  bins.forEach((n, i) => {
    const h = (n / max) * (bottom - top);
    const week = i + from;
    body.push(rect(left + i * binWidth + 2, bottom - h, binWidth - 4, h, week >= 0 ? COLORS.error : COLORS.ok));
    if (n) body.push(text(left + (i + 0.5) * binWidth, bottom - h - 3, String(n), 'text-anchor="middle"'));
    const edge = binLabel(week, from, to);
    body.push(text(left + (i + 0.5) * binWidth, bottom + 14, edge, 'text-anchor="middle" font-size="10"'));
  });
  const zero = left + (0 - from) * binWidth;
  body.push(
    `<line x1="${zero}" y1="${top - 10}" x2="${zero}" y2="${bottom + 4}" stroke="#000" stroke-dasharray="4 3"/>`,
    text(zero + 4, top - 2, axis.deadline),
    text(left, bottom + 32, axis.early),
    text(width - 10, bottom + 32, axis.late, 'text-anchor="end"'),
    text(width / 2, bottom + 32, axis.unit, 'text-anchor="middle" font-size="10"'),
  );
  return svg(width, height + 10, label, body);
}

/** A week bin's label: the first and last bins hold everything before and after them. */
function binLabel(week: number, from: number, to: number): string {
  if (week === from) return `≤${week}`;
  if (week === to - 1) return `≥${week + 1}`;
  return String(week < 0 ? week : week + 1);
}
