/**
 * An error the user is meant to read (a file that cannot be imported, a report that cannot be carried into a
 * new year). It carries a message key, so each front end shows it in the user's language: the CLI with
 * --lang, the server in the client's locale. `message` is the Chinese text, for logs.
 */
import { localize } from '../l10n';
import type { Message } from './findings';

export class MessageError extends Error {
  constructor(readonly userMessage: Message) {
    super(localize(userMessage));
  }
}
