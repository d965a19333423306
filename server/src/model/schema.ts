/**
 * The `.xxgk.yaml` format, defined once in zod and built from the statutory template (so keys, row shapes
 * and labels cannot drift from what the checker knows). `schemas/xxgk-report.schema.json` is generated
 * from it by the build (`z.toJSONSchema`) for other editors and tools; `npm test` fails when it is stale.
 */
import { z } from 'zod';
import { fieldDef, template2021, type FieldDef, type RowDef, type TableDef, type TableNode, type Template } from '../template';

const blank = z.null().meta({ description: '空白单元格（~）。应填 0。' });

function described<T extends z.ZodType>(schema: T, title: string, description: string): T {
  return schema.meta({ title, description }) as T;
}

function fieldSchema(f: FieldDef, kinds: string[], version: number): z.ZodType {
  const date = z.union([
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    z.string().regex(/^\d{4}年\d{1,2}月\d{1,2}日$/),
  ]);
  const base: Record<FieldDef['type'], z.ZodType> = {
    text: z.string().min(1),
    prose: z.string(),
    date,
    year: z.int().min(2008),
    kind: z.enum(kinds as [string, ...string[]]),
    version: z.literal(version),
    count: z.int().min(0),
    amount: z.number().min(0),
  };
  const s = described(base[f.type], f.label, f.help);
  return f.required ? s : s.optional();
}

function rowSchema(row: RowDef): z.ZodType {
  const cell = row.cellType === 'count' ? z.union([z.int().min(0), blank]) : z.union([z.number().min(0), blank]);
  const base = row.columns.filter((c) => !c.optionalTotal);
  const title = row.label;
  const columns = row.columns.map((c) => c.label).join('、');
  if (row.scalar) return described(z.union([cell, z.array(cell).length(1)]), title, `${row.help}（${columns}${row.unit ? `，单位：${row.unit}` : ''}）`);
  const arr = z.array(cell).min(base.length).max(row.columns.length);
  const s = described(arr, title, `${row.help} 按列填写：${columns}${row.columns.length > base.length ? '（总计可不填，不填时自动计算）' : ''}。`);
  return row.optionalTotal ? s.optional() : s;
}

function levelSchema(nodes: TableNode[], note?: FieldDef): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  const add = (ns: TableNode[]) => {
    for (const n of ns) {
      if (n.kind === 'row') shape[n.key] = rowSchema(n);
      else if (n.nested) shape[n.key!] = described(levelSchema(n.children), n.label, n.help);
      else add(n.children);
    }
  };
  add(nodes);
  if (note) shape[note.key] = fieldSchema(note, [], 0);
  return z.strictObject(shape);
}

function tableSchema(t: TableDef, note: FieldDef): z.ZodType {
  return levelSchema(t.nodes, note);
}

export function reportSchema(template: Template = template2021): z.ZodType {
  const kinds = template.bodyKinds.map((k) => k.id);
  const shape: Record<string, z.ZodType> = {};
  for (const f of template.metadata) shape[f.key] = fieldSchema(f, kinds, template.version);
  const prose = z.string();
  for (const p of template.parts) {
    let s: z.ZodType;
    switch (p.content) {
      case 'general': {
        const topics: Record<string, z.ZodType> = {};
        for (const f of template.generalTopics) topics[f.key] = fieldSchema(f, kinds, template.version);
        s = z.union([z.strictObject(topics), prose]);
        break;
      }
      case 'table':
        s = tableSchema(template.tables.find((t) => t.id === p.table)!, template.tableNoteKey);
        break;
      case 'prose':
        s = z.union([prose, z.record(z.string(), prose)]);
        break;
      case 'other': {
        const fees: Record<string, z.ZodType> = {};
        for (const f of template.feeFields) fees[f.key] = fieldSchema(f, kinds, template.version);
        const other = fieldDef(template, 'p6.text');
        const fee = fieldDef(template, 'p6.fee');
        s = z.strictObject({
          [fee.key]: described(z.strictObject(fees), fee.key, fee.help),
          [other.key]: fieldSchema(other, kinds, template.version),
        });
        break;
      }
    }
    shape[p.key] = described(s, p.key, `${p.help}（${p.basis}）`);
  }
  return z.strictObject(shape).meta({
    title: '政府信息公开工作年度报告（xxgk-report 格式）',
    description: `《中华人民共和国政府信息公开工作年度报告格式》（${template.source}）的 YAML 写法，文件名为 *.xxgk.yaml。`,
  });
}

/** The JSON Schema written to schemas/ (draft-07: what yaml-language-server and most editors read). */
export function jsonSchema(): object {
  const schema = z.toJSONSchema(reportSchema(), { target: 'draft-7' }) as Record<string, unknown>;
  return { $id: 'https://xxgk-report.invalid/schemas/xxgk-report.schema.json', ...schema };
}
