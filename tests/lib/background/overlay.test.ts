import { describe, expect, it } from 'vitest';
import { OverlaySenderError, pageTab } from '@/lib/background/overlay';
import type { Contact } from '@/lib/contacts/model';
import type { Followup, TimelineEntry } from '@/lib/db/schema';
import { cleanQuickNote, NOTE_PREVIEW_CHARS, overlaySummary } from '@/lib/overlay/summary';

const contact = { id: 'c1', name: ' Ana Example ', status: 'asked' } as Contact;
const followup = (over: Partial<Followup>): Followup =>
  ({ id: 'f', contactId: 'c1', title: 'Nudge', dueAt: 10, status: 'pending', ...over }) as Followup;
const entry = (over: Partial<TimelineEntry>): TimelineEntry =>
  ({ id: 't', contactId: 'c1', at: 1, kind: 'note', text: 'hi', ...over }) as TimelineEntry;

describe('the card’s summary', () => {
  it('shows the soonest open follow-up and the newest note written by the user', () => {
    const summary = overlaySummary(
      contact,
      [
        followup({ id: 'done', dueAt: 1, status: 'done' }),
        followup({ id: 'later', title: 'Check in', dueAt: 50 }),
        followup({ id: 'soon', title: 'Thank-you note', dueAt: 20, status: 'snoozed' }),
      ],
      [
        entry({ at: 5, text: 'older' }),
        entry({ at: 9, kind: 'message', text: 'a request sent' }),
        entry({ at: 7, text: 'newest note' }),
        entry({ at: 8, text: '   ' }),
      ],
    );
    expect(summary).toEqual({
      contactId: 'c1',
      name: 'Ana Example',
      status: 'asked',
      nextFollowup: { title: 'Thank-you note', dueAt: 20 },
      lastNote: { text: 'newest note', at: 7 },
    });
  });

  it('is empty-handed without follow-ups or notes, and cuts a long note', () => {
    expect(overlaySummary(contact, [], [])).toMatchObject({ nextFollowup: null, lastNote: null });
    const long = overlaySummary(contact, [], [entry({ text: 'x'.repeat(5000) })]);
    expect(long.lastNote?.text).toHaveLength(NOTE_PREVIEW_CHARS);
  });

  it.each([
    ['  a note ', 'a note'],
    ['   ', null],
    [42, null],
    ['y'.repeat(6000), 'y'.repeat(5000)],
  ])('takes quick note %j as %j', (input, expected) => {
    expect(cleanQuickNote(input)).toBe(expected);
  });
});

describe('who may talk to the overlay handlers', () => {
  const tab = { id: 3, url: 'https://www.linkedin.com/in/ana/', windowId: 9 };
  it.each([
    ['our content script on LinkedIn', 'content-script', { tab }, true],
    ['an extension page (not the overlay’s business)', 'extension-page', { tab }, false],
    ['a content script without a tab', 'content-script', {}, false],
  ] as const)('%s: %s', (_name, kind, sender, allowed) => {
    if (allowed) expect(pageTab(kind, sender)).toEqual(tab);
    else expect(() => pageTab(kind, sender)).toThrow(OverlaySenderError);
  });
});
