/**
 * What the core reports: findings located by UTF-16 offsets into the document text. The server turns them
 * into LSP diagnostics and code actions, the CLI into `file:line:col` lines, the preview into marked cells.
 */
import zhCn from '../../l10n/messages.zh-cn.json';
import { RULE_CATALOG, type RuleId, type Severity } from '../template/ruleCatalog';

export type { Severity };

export interface Span {
  start: number;
  end: number;
}

/** A message id: a key of the Chinese bundle (server/l10n/messages.zh-cn.json), so a typo does not compile. */
export type MessageKey = keyof typeof zhCn;

/** Whether a key computed at run time (a YAML error code) has a message of its own. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCn, key);
}

/** A localisable message: a key into the l10n bundles and its arguments. */
export interface Message {
  key: MessageKey;
  args?: Record<string, MessageArg>;
}

/**
 * An argument: text from the report or the template (a label, a quote) and numbers as they are; words the
 * code supplies (“空白”, “（计算）”) as a message of their own, so they are translated with the rest.
 */
export type MessageArg = string | number | Message | MessageList;

/** Items joined by a separator that is itself a message (default list.separator: 、 in Chinese, “, ” in English). */
export interface MessageList {
  list: MessageArg[];
  separator?: MessageKey;
}

export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  title: Message;
  edits: TextEdit[];
  /** The fix VS Code applies with “Fix all”/auto-fix. */
  preferred?: boolean;
}

export interface Related {
  span: Span;
  message: Message;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  span: Span;
  message: Message;
  related?: Related[];
  fixes?: Fix[];
  /** Cell this finding is about, so the preview can mark it. */
  cell?: string;
  /** Every cell a finding about several is about (the blank cells of a row): the preview marks each. */
  cells?: string[];
}

export function finding(
  rule: RuleId, span: Span, key: MessageKey, args?: Message['args'],
  extra?: Pick<Finding, 'related' | 'fixes' | 'cell' | 'cells'>,
): Finding {
  // Optional fields are set one by one: a spread here was a visible cost of every check.
  const f: Finding = { rule, severity: RULE_CATALOG[rule].severity, span, message: { key, args } };
  if (extra?.related) f.related = extra.related;
  if (extra?.fixes) f.fixes = extra.fixes;
  if (extra?.cell !== undefined) f.cell = extra.cell;
  if (extra?.cells) f.cells = extra.cells;
  return f;
}
