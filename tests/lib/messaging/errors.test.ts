import { describe, expect, it, vi } from 'vitest';
import {
  mayHaveHappened,
  MessagingError,
  messagingFailure,
  plainError,
  toMessagingError,
} from '@/lib/messaging/errors';

/** The browsers' own texts, as Chromium 14x and Firefox ESR 1xx word them, and @webext-core's. */
const CASES: [string, unknown, string, RegExp][] = [
  [
    'Chrome: worker stopped after the listener returned true',
    new Error(
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    ),
    'no-answer',
    /^Rapport restarted before it could answer, so it may or may not have done what you asked\. Check, then try again\.$/,
  ],
  [
    'Chrome: port closed',
    new Error('The message port closed before a response was received.'),
    'no-answer',
    /restarted/,
  ],
  [
    'Firefox: background went away',
    new Error('Promised response from onMessage listener went out of scope'),
    'no-answer',
    /restarted/,
  ],
  ['Firefox: message manager', new Error('Message manager disconnected'), 'no-answer', /restarted/],
  ['@webext-core: no reply at all', new Error('No response'), 'no-answer', /restarted/],
  [
    'no receiver',
    new Error('Could not establish connection. Receiving end does not exist.'),
    'not-delivered',
    /^Rapport’s background was not ready to answer, and nothing was done\. Try again\.$/,
  ],
  ['a stale page', new Error('Extension context invalidated.'), 'reload-page', /Reload this page, then try again/],
  [
    'a plain object with a message',
    { message: 'Could not establish connection. Receiving end does not exist.' },
    'not-delivered',
    /not ready/,
  ],
  [
    'the background’s own words',
    new Error('Import refused: field 0.profileUrl: …'),
    'refused',
    /^Import refused: field 0\.profileUrl: …$/,
  ],
];

describe('browser messaging errors in plain words', () => {
  it.each(CASES)('%s', (_what, error, failure, words) => {
    expect(messagingFailure(error)).toBe(failure);
    const mapped = toMessagingError(error);
    expect(mapped).toBeInstanceOf(MessagingError);
    expect(mapped.message).toMatch(words);
    // Views show String(error): the words alone, and never the browser's text.
    expect(String(mapped)).toBe(mapped.message);
    if (failure !== 'refused') expect(String(mapped)).not.toMatch(/listener|channel|Receiving end|scope|context/);
    expect(plainError(error)).toBe(mapped.message);
    expect(mayHaveHappened(error)).toBe(failure === 'no-answer');
  });

  it('maps once: a mapped error passes through unchanged', () => {
    const mapped = toMessagingError(new Error('No response'));
    expect(toMessagingError(mapped)).toBe(mapped);
    expect(mapped.raw).toBe('No response');
  });
});

describe('the send every view uses (lib/messaging/protocol.ts)', () => {
  it('rejects with the plain words when the browser loses the answer', async () => {
    // @webext-core/messaging calls chrome.runtime.sendMessage with a callback and reads lastError.
    const runtime = {
      lastError: undefined as { message: string } | undefined,
      sendMessage(_message: unknown, callback: (response: unknown) => void) {
        runtime.lastError = {
          message:
            'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
        };
        callback(undefined);
        runtime.lastError = undefined;
      },
    };
    vi.stubGlobal('chrome', { runtime });
    const { sendMessage } = await import('@/lib/messaging/protocol');
    const failed = await sendMessage('lookupProfile', { profileUrl: 'https://www.linkedin.com/in/x/' }).catch(
      (error: unknown) => error,
    );
    vi.unstubAllGlobals();
    expect(failed).toBeInstanceOf(MessagingError);
    expect(String(failed)).toMatch(/^Rapport restarted before it could answer/);
  });
});
