import { describe, expect, it } from 'vitest';
import { applyAction, bucketOf, createFollowup } from '@/lib/followups/actions';
import type { RuleContext } from '@/lib/followups/rules';
import { FOLLOWUP_DEFAULTS } from '@/lib/followups/settings';
import { draft } from './factory';

const at = (text: string) => Date.parse(text);
const iso = (instant: number) => new Date(instant).toISOString();
const ctx = (now: string, settings = {}): RuleContext => ({
  now: at(now),
  settings: { ...FOLLOWUP_DEFAULTS, ...settings },
  timeZone: 'UTC',
});

describe('follow-up actions', () => {
  it('done closes a one-off and keeps the history', () => {
    const f = { ...createFollowup(draft(), 1), notifiedAt: 5 };
    const { followup, spawned } = applyAction(f, { type: 'done' }, ctx('2026-06-10T13:00:00Z'));
    expect(followup.status).toBe('done');
    expect(followup.history.map((h) => h.action)).toEqual(['created', 'done']);
    expect(spawned).toBeNull();
  });

  it('done on a recurring check-in schedules the next one from now and re-arms delivery', () => {
    const f = { ...createFollowup(draft({ kind: 'check-in', recurrenceMonths: 3 }), 1), notifiedAt: 5 };
    const { followup } = applyAction(f, { type: 'done' }, ctx('2026-11-30T10:00:00Z'));
    expect(followup).toMatchObject({ status: 'pending', notifiedAt: null });
    expect(iso(followup.dueAt)).toBe('2027-02-28T10:00:00.000Z');
  });

  it.each([
    [1, 2, true],
    [2, 2, false],
    [1, 1, false],
    [2, 3, true],
  ])('done on nudge %i of max %i brings another: %s', (attempt, maxNudges, expected) => {
    const f = createFollowup(draft({ kind: 'nudge', attempt }), 1);
    const { spawned } = applyAction(f, { type: 'done' }, ctx('2026-06-10T10:00:00Z', { maxNudges }));
    expect(spawned !== null).toBe(expected);
    if (spawned) {
      expect(spawned).toMatchObject({ kind: 'nudge', attempt: attempt + 1, status: 'pending' });
      expect(iso(spawned.dueAt)).toBe('2026-06-17T10:00:00.000Z');
    }
  });

  it.each([
    ['2026-06-10T10:00:00Z', undefined, {}, '2026-06-11T10:00:00.000Z'], // default one day
    ['2026-06-10T10:00:00Z', 60, {}, '2026-06-10T11:00:00.000Z'],
    ['2026-06-10T20:30:00Z', 60, {}, '2026-06-11T08:00:00.000Z'], // lands in quiet hours
    ['2026-06-10T10:00:00Z', undefined, { snoozeMinutes: 3 * 24 * 60 }, '2026-06-13T10:00:00.000Z'],
  ] as const)('snooze at %s for %s min → %s', (now, minutes, settings, expected) => {
    const f = { ...createFollowup(draft(), 1), notifiedAt: 5 };
    const { followup } = applyAction(f, { type: 'snooze', minutes }, ctx(now, settings));
    expect(followup).toMatchObject({ status: 'snoozed', notifiedAt: null });
    expect(iso(followup.dueAt)).toBe(expected);
  });

  it('changing the date re-arms delivery; editing only the title does not', () => {
    const f = { ...createFollowup(draft(), 1), notifiedAt: 5 };
    const moved = applyAction(f, { type: 'reschedule', dueAt: 99 }, ctx('2026-06-10T10:00:00Z')).followup;
    expect(moved).toMatchObject({ dueAt: 99, notifiedAt: null, status: 'pending' });
    const renamed = applyAction(f, { type: 'edit', title: 'New' }, ctx('2026-06-10T10:00:00Z')).followup;
    expect(renamed).toMatchObject({ title: 'New', notifiedAt: 5 });
  });

  it('dismiss closes it', () => {
    const f = createFollowup(draft(), 1);
    expect(applyAction(f, { type: 'dismiss' }, ctx('2026-06-10T10:00:00Z')).followup.status).toBe('dismissed');
  });
});

describe('due buckets', () => {
  const now = at('2026-06-10T10:00:00Z');
  it.each([
    ['2026-06-10T09:59:00Z', 'overdue'],
    ['2026-06-10T23:59:00Z', 'today'],
    ['2026-06-11T00:00:00Z', 'week'],
    ['2026-06-17T23:59:00Z', 'week'],
    ['2026-06-18T00:00:00Z', 'later'],
  ] as const)('%s is %s', (due, bucket) => {
    expect(bucketOf(at(due), now, 'UTC')).toBe(bucket);
  });
});
