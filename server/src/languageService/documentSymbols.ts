/** Outline: metadata, the six parts, and inside them the topics, tables, groups and rows. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { isMap } from 'yaml';
import type { Analysis } from './analysis';
import type { Span } from '../model/findings';
import { toRange } from './lsp';
import type { KeyedValue } from '../model/model';

export function provideDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { model } = analysis;
  const full = (kv: KeyedValue): Span => ({ start: kv.keySpan.start, end: Math.max(kv.valueSpan.end, kv.keySpan.end) });
  const symbol = (
    name: string, kind: SymbolKind, kv: KeyedValue, detail?: string, children?: DocumentSymbol[],
  ): DocumentSymbol => ({
    name, kind, detail, range: toRange(model, full(kv)), selectionRange: toRange(model, kv.keySpan), children,
  });
  const out: DocumentSymbol[] = [];
  for (const f of model.template.metadata) {
    const v = model.fields.get(f.id);
    if (v) out.push(symbol(f.key, SymbolKind.Property, v, f.type === 'prose' ? undefined : model.text.slice(v.valueSpan.start, v.valueSpan.end).trim()));
  }
  for (const part of model.parts) {
    const children: DocumentSymbol[] = [];
    const inPart = (kv: KeyedValue) => kv.keySpan.start > part.keySpan.start && kv.keySpan.end <= part.valueSpan.end;
    if (part.def.table) {
      for (const [id, g] of model.groups) {
        const def = model.idx.groupById.get(id);
        if (!def || !inPart(g)) continue;
        const rows = [...model.rows.values()]
          .filter((r) => r.keySpan.start > g.keySpan.start && r.keySpan.end <= g.valueSpan.end)
          .map((r) => symbol(r.def.key, SymbolKind.Field, r, r.def.label));
        children.push(symbol(def.key ?? def.label, SymbolKind.Struct, g, def.label, rows));
      }
      for (const r of model.rows.values()) {
        if (!inPart(r)) continue;
        // Rows of a group are listed under it.
        if (children.some((c) => c.children?.some((x) => x.name === r.def.key && x.detail === r.def.label))) continue;
        children.push(symbol(r.def.key, SymbolKind.Field, r, r.def.label));
      }
      children.sort((a, b) => a.range.start.line - b.range.start.line);
    } else if (isMap(part.node)) {
      const fields = [...model.fields.values()].filter(inPart).sort((a, b) => a.keySpan.start - b.keySpan.start);
      const symbols = new Map(fields.map((f) => [f, symbol(f.def.key, SymbolKind.String, f, f.def.label)]));
      for (const f of fields) {
        // 信息处理费's figures are written inside it: nested as in the file.
        const inside = (g: KeyedValue) => f.keySpan.start > g.keySpan.start && f.keySpan.end <= g.valueSpan.end;
        const parent = fields.find((g) => g !== f && inside(g));
        if (parent) (symbols.get(parent)!.children ??= []).push(symbols.get(f)!);
        else children.push(symbols.get(f)!);
      }
    }
    out.push(symbol(part.def.key, part.def.table ? SymbolKind.Class : SymbolKind.Module, part,
      part.def.table ? model.idx.tableById.get(part.def.table)!.name : undefined, children));
  }
  // In document order, as the parts' children are (metadata such as 未识别内容 may come after the parts).
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
