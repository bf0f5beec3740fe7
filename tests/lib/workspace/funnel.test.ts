import { describe, expect, it } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import type { Contact, ContactStatus } from '@/lib/contacts/model';
import type { TimelineEntry } from '@/lib/db/schema';
import { funnelMetrics, median } from '@/lib/workspace/funnel';
import { newMeeting } from '@/lib/workspace/meeting';
import { profile } from '../contacts/factory';

const DAY = 86_400_000;
const person = (id: string, status: ContactStatus): Contact => ({
  ...newContact(profile({ profileUrl: `https://www.linkedin.com/in/${id}/` }), { id, now: 0 }),
  status,
});
let n = 0;
const move = (contactId: string, from: string, to: string, day: number): TimelineEntry => ({
  id: String(n++),
  contactId,
  at: day * DAY,
  kind: 'status',
  text: '',
  data: { from, to },
});

describe('funnel', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[1, 2, 3, 10], 2.5],
  ])('median(%j) = %s', (values, expected) => expect(median(values)).toBe(expected));

  it('counts every stage reached, reply rate and median days to reply', () => {
    const contacts = [
      person('a', 'thanked'),
      person('b', 'archived'),
      person('c', 'asked'),
      person('d', 'to-ask'),
      person('e', 'declined'),
    ];
    const timeline = [
      move('a', 'to-ask', 'asked', 0),
      move('a', 'asked', 'scheduled', 2),
      move('a', 'scheduled', 'met', 5),
      move('a', 'met', 'thanked', 6),
      move('b', 'to-ask', 'asked', 1),
      move('b', 'asked', 'met', 5),
      move('b', 'met', 'archived', 9),
      move('c', 'to-ask', 'asked', 3),
      move('e', 'to-ask', 'asked', 0),
      move('e', 'asked', 'declined', 8),
    ];
    const f = funnelMetrics(contacts, timeline, [], 10 * DAY);
    expect(f).toMatchObject({ asked: 4, replied: 3, met: 2, thanked: 1, medianDaysToReply: 4 });
    expect(f.replyRate).toBeCloseTo(0.75);
  });

  it('has no rate before anyone is asked, and lists upcoming planned meetings soonest first', () => {
    const m = (id: string, startsAt: number | null, status: 'planned' | 'done' = 'planned') => ({
      ...newMeeting({ id, contactId: 'a', now: 0 }),
      startsAt,
      status,
    });
    const f = funnelMetrics(
      [person('a', 'to-ask')],
      [],
      [m('later', 9 * DAY), m('soon', 2 * DAY), m('past', 0), m('undated', null), m('done', 3 * DAY, 'done')],
      1 * DAY,
    );
    expect(f.replyRate).toBeNull();
    expect(f.medianDaysToReply).toBeNull();
    expect(f.upcoming.map((x) => x.id)).toEqual(['soon', 'later']);
  });
});
