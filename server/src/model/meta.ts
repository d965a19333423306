/**
 * A report's metadata as every consumer reads it (year, kind of body, issuer, dates), and the text of a
 * scalar field.
 */
import { isScalar } from 'yaml';
import { parseDate, type SimpleDate } from './dates';
import type { FieldValue, ReportModel } from './model';
import type { BodyKindDef } from '../template';

export interface Meta {
  year?: number;
  kind?: BodyKindDef;
  issuer?: string;
  signed?: SimpleDate;
  published?: SimpleDate;
}

/** The trimmed text of a scalar field, or undefined when it is absent, empty or not a scalar. */
export function fieldText(f: FieldValue | undefined): string | undefined {
  if (!f || !isScalar(f.node) || f.node.value === null) return undefined;
  return String(f.node.value).trim();
}

export function readMeta(model: ReportModel): Meta {
  const f = model.fields;
  const yearNode = f.get('year');
  const yearRaw = yearNode && isScalar(yearNode.node) ? yearNode.node.value : undefined;
  const year = typeof yearRaw === 'number' && Number.isInteger(yearRaw) ? yearRaw : undefined;
  const kindText = fieldText(f.get('kind'));
  const date = (id: string) => {
    const s = fieldText(f.get(id));
    return s ? parseDate(s) : undefined;
  };
  return {
    year,
    kind: kindText ? model.idx.bodyKind.get(kindText) : undefined,
    issuer: fieldText(f.get('issuer')),
    signed: date('signed'),
    published: date('published'),
  };
}
