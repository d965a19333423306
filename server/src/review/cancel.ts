/**
 * Stopping a review on request (the editor's Cancel button; a caller's AbortSignal): the worker threads are
 * terminated at once and `runReview` rejects with ReviewCancelledError, so a caller can tell it from a failure.
 */
import { localize, type Locale } from '../l10n';

export class ReviewCancelledError extends Error {
  constructor(locale: Locale = 'zh-cn') {
    super(localize({ key: 'review.cancelled' }, locale));
    this.name = 'ReviewCancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined, locale: Locale | undefined): void {
  if (signal?.aborted) throw new ReviewCancelledError(locale);
}
