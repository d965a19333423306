/**
 * In-process language service tests: open a text as a document, find positions by marker, apply edits the
 * way an editor would. No server, no stdio: `createLanguageService` is called directly.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CompletionItem, CompletionList, Hover, MarkupContent, Position, Range, TextEdit,
} from 'vscode-languageserver-types';
import {
  createLanguageService, type LanguageService, type LanguageServiceOptions,
} from '../../server/src/languageService/languageService';
import { TODAY } from './samples';

/** The cursor in a test text; `|` is YAML's block scalar indicator, so it cannot be the marker. */
export const CURSOR = '‸';

export interface Opened {
  service: LanguageService;
  doc: TextDocument;
  text: string;
}

let n = 0;
const services = new Map<string, LanguageService>();
const documents = new Map<string, TextDocument>();

/**
 * The text as a document of a service with a fixed “today”. With no options but the locale, the service and
 * the document are shared by every test that opens the same text, so each text is analysed once per file
 * (the analysis is cached per document version); with other options (settings, last year's report), fresh ones.
 */
export function open(text: string, options: LanguageServiceOptions = {}): Opened {
  const shared = Object.keys(options).every((k) => k === 'locale');
  if (!shared) return { service: createLanguageService({ today: TODAY, ...options }), doc: newDocument(text), text };
  const locale = options.locale ?? 'zh-cn';
  let service = services.get(locale);
  if (!service) services.set(locale, service = createLanguageService({ today: TODAY, locale }));
  let doc = documents.get(text);
  if (!doc) documents.set(text, doc = newDocument(text));
  return { service, doc, text };
}

function newDocument(text: string): TextDocument {
  return TextDocument.create(`file:///work/test-${++n}/report.xxgk.yaml`, 'xxgk', 1, text);
}

/** A text with one CURSOR marker: the text without it, and the position where it was. */
export function withCursor(marked: string): { text: string; position: Position } {
  const i = marked.indexOf(CURSOR);
  if (i < 0 || marked.indexOf(CURSOR, i + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in the text`);
  const text = marked.slice(0, i) + marked.slice(i + CURSOR.length);
  return { text, position: positionOf(text, i) };
}

/** Opens a text with one CURSOR marker. */
export function openAt(marked: string, options?: LanguageServiceOptions): Opened & { position: Position } {
  const { text, position } = withCursor(marked);
  return { ...open(text, options), position };
}

export function positionOf(text: string, offset: number): Position {
  return TextDocument.create('file:///p', 'xxgk', 1, text).positionAt(offset);
}

/** Where `marker` (unique in the text) starts, plus `delta` characters; fails loudly if it is not there once. */
export function at(text: string, marker: string, delta = 0): Position {
  const i = text.indexOf(marker);
  if (i < 0) throw new Error(`marker “${marker}” not found`);
  if (text.indexOf(marker, i + 1) >= 0) throw new Error(`marker “${marker}” is not unique`);
  return positionOf(text, i + delta);
}

/** Just after `marker` (unique in the text). */
export function after(text: string, marker: string): Position {
  return at(text, marker, marker.length);
}

/** 0-based number of the one line containing `marker`. */
export function lineContaining(text: string, marker: string): number {
  return at(text, marker).line;
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const doc = TextDocument.create('file:///t', 'xxgk', 1, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

export function wholeRange(doc: TextDocument): Range {
  return { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///t', 'xxgk', 1, text), edits);
}

/** The markdown of a hover (the service always answers markdown). */
export function hoverText(hover: Hover | null): string {
  if (!hover) throw new Error('no hover');
  return (hover.contents as MarkupContent).value;
}

/** A snippet as inserted with every placeholder left at its default (`${1:x}` → x, `${1|a,b|}` → a, `$0` → ''). */
export function expandSnippet(snippet: string): string {
  let s = snippet;
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  }
  return s.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

/**
 * Accepts a completion as VS Code does: snippet placeholders at their defaults, and (insertTextMode
 * adjustIndentation) every further line indented like the line the completion is inserted on.
 */
export function acceptCompletion(text: string, item: CompletionItem): string {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) throw new Error(`completion “${item.label}” has no range edit`);
  const doc = TextDocument.create('file:///t', 'xxgk', 1, text);
  const line = text.slice(doc.offsetAt({ line: edit.range.start.line, character: 0 }), doc.offsetAt(edit.range.start));
  const indent = /^\s*/.exec(line)![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inserted = (item.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText).split('\n')
    .map((l, i) => (i && item.insertTextMode === 2 && l ? indent + l : l)).join(eol);
  return TextDocument.applyEdits(doc, [{ range: edit.range, newText: inserted }]);
}

export function labels(list: CompletionList): string[] {
  return list.items.map((i) => i.label);
}

export function item(list: CompletionList, label: string): CompletionItem {
  const found = list.items.find((i) => i.label === label);
  if (!found) throw new Error(`no completion “${label}” among: ${labels(list).join(' | ')}`);
  return found;
}

/** \n → \r\n. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
