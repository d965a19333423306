/**
 * Phase 1 — the year and the format, before anything is mapped. The year comes from the title (or the page's
 * <title>) or from the period statement (“2023年1月1日至12月31日”) in the text before part 一; the format from
 * 2019 markers anywhere in the source (old table 二 columns, 第（九）项, one （六）其他处理 row), or from a
 * 2019–2020 year.
 */
import type { MessageArg } from '../model/findings';
import { legacyLabels, templateFor, templateForYear, type Template } from '../template';
import { normalizeLabel, stripNumbering } from '../template/labels';
import type { Block } from './blocks';
import { partHeading } from './headings';
import { isTitle, yearOfPeriod, yearOfTitle } from './meta';
import { emptyNotes, type ImportNotes } from './summary';

export interface SourceFormat {
  template: Template;
  /** The report's year, when the title or the period statement gives it. */
  year?: number;
  /** The title line (as printed), or the page's <title> when the body has none. */
  title?: string;
  notes: ImportNotes;
}

export function sourceFormat(blocks: Block[], pageTitle?: string): SourceFormat {
  const front = frontParagraphs(blocks);
  const titleLine = front.find((text) => isTitle(text));
  const title = titleLine ?? (pageTitle && isTitle(pageTitle) ? pageTitle : undefined);
  const year = (title ? yearOfTitle(title) : undefined) ?? yearOfPeriod(front.join('\n'));
  const { template, reason } = detectFormat(blocks, year);
  const notes = emptyNotes();
  if (template.version !== 2021) {
    const args = { version: template.version, source: template.source, reason: reason ?? '' };
    notes.mapped.push({ key: 'import.format2019', args });
  }
  return { template, year, title, notes };
}

/** The paragraphs before part 一's heading (all of them when there is none). */
function frontParagraphs(blocks: Block[]): string[] {
  const probe = templateForYear(2021);
  const firstPart = blocks.findIndex((b) => b.kind === 'para' && partHeading(probe, b.text)?.id === 'p1');
  return (firstPart >= 0 ? blocks.slice(0, firstPart) : blocks).flatMap((b) => (b.kind === 'para' ? [b.text] : []));
}

/** The format the source is in: 2019 markers (old table 二 columns, 第（九）项, one （六）其他处理 row for 2019–2020). */
export function detectFormat(blocks: Block[], year: number | undefined): { template: Template; reason?: MessageArg } {
  const current = templateForYear(Math.max(year ?? 2021, 2021));
  const legacy = legacyLabels(current);
  for (const b of blocks) {
    const cells = b.kind === 'row' ? b.cells : [b.text];
    for (const c of cells) {
      const hit = legacy.get(normalizeLabel(c)) ?? legacy.get(stripNumbering(c));
      if (hit) return { template: hit.template, reason: hit.label };
    }
  }
  // A 2019 or 2020 report without old table 二 columns (e.g. only table 三 survived) is still in the trial format.
  const trial = templateFor(2019)!;
  if (year !== undefined && year >= trial.years.from && year <= trial.years.to!) {
    return { template: trial, reason: { key: 'import.reasonYear', args: { year } } };
  }
  return { template: current };
}
