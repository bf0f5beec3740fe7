import { describe, expect, it } from 'vitest';
import { outcomeAction } from '@/lib/capture-commands/outcome';
import { isFreshReview, PENDING_REVIEW_TTL_MS } from '@/lib/capture-commands/pending';
import type { SavePageResult } from '@/lib/messaging/protocol';
import { emptyCapturedProfile } from '@/lib/contacts/model';

describe('outcomeAction (saves from the shortcut or context menu)', () => {
  it.each([
    [{ status: 'saved', contactId: 'c', created: true, name: 'Ana' }, 'Saved to Rapport', 'Ana'],
    [{ status: 'saved', contactId: 'c', created: false, name: null }, 'Updated in Rapport', 'The person on this page'],
    [{ status: 'not-a-profile' }, 'No one to save here', 'Nothing was saved'],
    [{ status: 'error', message: 'Rapport cannot read this page: no access' }, 'could not save', 'no access'],
  ] as [SavePageResult, string, string][])('%o → a notification', (result, title, message) => {
    const action = outcomeAction(result);
    expect(action.kind).toBe('notify');
    if (action.kind === 'notify') {
      expect(action.title).toContain(title);
      expect(action.message).toContain(message);
    }
  });

  it('sends a capture that needs checking to the popup', () => {
    const result: SavePageResult = {
      status: 'review',
      capture: { isProfile: true, profile: emptyCapturedProfile(), sources: {}, reviewReasons: ['No name'] },
      photoThumb: null,
    };
    expect(outcomeAction(result)).toEqual({ kind: 'review', result });
  });
});

describe('isFreshReview', () => {
  const review = { status: 'review', capture: {}, photoThumb: null, at: 1_000 };
  it.each([
    [review, 1_000 + 60_000, true],
    [review, 1_000 + PENDING_REVIEW_TTL_MS + 1, false],
    [{ ...review, status: 'saved' }, 2_000, false],
    [null, 2_000, false],
    ['review', 2_000, false],
  ])('%o at %d → %s', (value, now, expected) => {
    expect(isFreshReview(value, now)).toBe(expected);
  });
});
