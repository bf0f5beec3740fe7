/**
 * Browser messaging failures in plain words. `chrome.runtime.sendMessage` rejects with raw browser text
 * ("A listener indicated an asynchronous response…", "Could not establish connection. Receiving end does
 * not exist.") when the background worker was stopped, restarted or replaced while a view was asking it
 * something. Every view sends through `sendMessage` (lib/messaging/protocol.ts), which turns those into a
 * MessagingError that says what happened, whether the request may have been carried out, and what to do.
 */
export type MessagingFailure =
  /** The request reached the background, which stopped before answering: it may have been done. */
  | 'no-answer'
  /** The request never reached the background: nothing was done. */
  | 'not-delivered'
  /** Rapport was updated, reloaded or removed: this page is stale until it is reloaded. */
  | 'reload-page'
  /** The background answered with an error of its own (already in words). */
  | 'refused';

const PATTERNS: [RegExp, MessagingFailure][] = [
  // Chrome: the worker stopped (or crashed) after the listener said it would answer.
  [/message channel (was )?closed before a response/i, 'no-answer'],
  [/message port closed before a response/i, 'no-answer'],
  // Firefox: the background page went away while the listener's promise was pending.
  [/Promised response from onMessage listener went out of scope/i, 'no-answer'],
  [/Message manager disconnected/i, 'no-answer'],
  // @webext-core/messaging, when the browser hands back no reply at all.
  [/^No response$/i, 'no-answer'],
  [/Could not establish connection\. Receiving end does not exist/i, 'not-delivered'],
  [/Extension context invalidated/i, 'reload-page'],
  [/(Extension|runtime) (has been |was )?(reloaded|disabled|uninstalled)/i, 'reload-page'],
];

const WORDS: Record<Exclude<MessagingFailure, 'refused'>, string> = {
  'no-answer':
    'Rapport restarted before it could answer, so it may or may not have done what you asked. Check, then try again.',
  'not-delivered': 'Rapport’s background was not ready to answer, and nothing was done. Try again.',
  'reload-page': 'Rapport was updated or reloaded since this page opened. Reload this page, then try again.',
};

export class MessagingError extends Error {
  readonly failure: MessagingFailure;
  /** The browser's own text, for the console and bug reports (never shown as the message). */
  readonly raw: string;

  constructor(failure: MessagingFailure, message: string, raw: string) {
    super(message);
    this.name = 'MessagingError';
    this.failure = failure;
    this.raw = raw;
  }

  /** Views show `String(error)`: the plain words alone, without "MessagingError:". */
  override toString(): string {
    return this.message;
  }
}

function rawText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** Which messaging failure an error is; 'refused' for anything that is not the browser's messaging. */
export function messagingFailure(error: unknown): MessagingFailure {
  if (error instanceof MessagingError) return error.failure;
  const raw = rawText(error);
  return PATTERNS.find(([pattern]) => pattern.test(raw))?.[1] ?? 'refused';
}

/** Any error of a send as a MessagingError in plain words (the background's own words kept as they are). */
export function toMessagingError(error: unknown): MessagingError {
  if (error instanceof MessagingError) return error;
  const raw = rawText(error);
  const failure = messagingFailure(error);
  return new MessagingError(failure, failure === 'refused' ? raw : WORDS[failure], raw);
}

/** True when the request may have been carried out although no answer came back: read the truth back. */
export function mayHaveHappened(error: unknown): boolean {
  return messagingFailure(error) === 'no-answer';
}

/** The text to show for a failed send. */
export function plainError(error: unknown): string {
  return toMessagingError(error).message;
}
