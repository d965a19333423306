/**
 * An error the user is meant to read (a file that cannot be imported, a report that cannot be carried into a
 * new year). It carries a message key, so each front end shows it in the user's language (l10n.ts): the CLI
 * with --lang, the server in the client's locale. `message` is the Chinese text, for logs and for callers
 * that only print it; the core does not localise (model/ and write/ do not import l10n).
 */
import zh from '../../l10n/messages.zh-cn.json';
import type { Message } from './findings';

export class MessageError extends Error {
  constructor(readonly reason: Message) {
    super(zh[reason.key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const arg = reason.args?.[name];
      return typeof arg === 'string' || typeof arg === 'number' ? String(arg) : placeholder;
    }));
  }
}
