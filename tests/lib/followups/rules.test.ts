import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '@/lib/followups/events';
import { checkInMonthsFor, planForEvent, type RuleContext, type RuleOp } from '@/lib/followups/rules';
import { FOLLOWUP_DEFAULTS, type FollowupSettings } from '@/lib/followups/settings';

const iso = (instant: number) => new Date(instant).toISOString();
const at = (text: string) => Date.parse(text);

function ctx(
  now: string,
  overrides: Partial<FollowupSettings> = {},
  timeZone = 'UTC',
  tags: string[] = [],
): RuleContext {
  return { now: at(now), settings: { ...FOLLOWUP_DEFAULTS, ...overrides }, timeZone, tags };
}

function added(ops: RuleOp[]) {
  return ops.flatMap((op) => (op.op === 'add' ? [op.draft] : []));
}
function checkIn(ops: RuleOp[]) {
  return ops.find((op): op is Extract<RuleOp, { op: 'check-in' }> => op.op === 'check-in');
}

describe('thank-you after a meeting', () => {
  it.each([
    // meeting end (UTC), zone, quiet weekends, expected reminder
    ['2026-06-10T14:00:00Z', 'UTC', false, '2026-06-10T17:00:00.000Z'], // 3 h later
    ['2026-06-10T19:30:00Z', 'UTC', false, '2026-06-11T08:00:00.000Z'], // 22:30 is quiet → next morning
    ['2026-06-12T19:00:00Z', 'UTC', true, '2026-06-13T08:00:00.000Z'], // Fri evening, quiet weekends: not Monday (past 24 h)
    ['2026-06-12T12:00:00Z', 'UTC', true, '2026-06-12T15:00:00.000Z'],
    ['2026-03-07T23:00:00Z', 'America/New_York', false, '2026-03-08T12:00:00.000Z'], // 18:00 EST +3 h = 21:00 → 08:00 EDT
  ] as const)('a meeting ending %s (%s, weekends quiet: %s) is reminded at %s', (end, zone, weekends, expected) => {
    const event: WorkflowEvent = { type: 'meeting-done', contactId: 'c1', meetingId: 'm1', endedAt: at(end) };
    const [draft] = added(planForEvent(event, ctx(end, { quietWeekends: weekends }, zone)));
    expect(draft).toMatchObject({ kind: 'thank-you', contactId: 'c1', meetingId: 'm1', recurrenceMonths: null });
    expect(iso(draft!.dueAt)).toBe(expected);
    expect(draft!.deadlineAt! - at(end)).toBe(24 * 3_600_000);
    expect(draft!.dueAt).toBeLessThanOrEqual(draft!.deadlineAt!);
  });

  it('honours the reminder delay setting', () => {
    const end = '2026-06-10T10:00:00Z';
    const event: WorkflowEvent = { type: 'meeting-done', contactId: 'c1', meetingId: 'm1', endedAt: at(end) };
    const [draft] = added(planForEvent(event, ctx(end, { thankYouAfterHours: 5 })));
    expect(iso(draft!.dueAt)).toBe('2026-06-10T15:00:00.000Z');
  });

  it('a meeting also restarts an existing check-in (but never creates one)', () => {
    const event: WorkflowEvent = {
      type: 'meeting-done',
      contactId: 'c1',
      meetingId: 'm1',
      endedAt: at('2026-06-10T14:00:00Z'),
    };
    expect(checkIn(planForEvent(event, ctx('2026-06-10T14:00:00Z')))).toMatchObject({ create: false, months: 3 });
  });
});

describe('referrer update', () => {
  it('typing a referral schedules nothing yet: the person was not even contacted', () => {
    const event: WorkflowEvent = { type: 'referral-added', contactId: 'new', referredById: 'referrer' };
    expect(planForEvent(event, ctx('2026-06-10T10:00:00Z'))).toEqual([]);
  });

  it.each([
    // meeting with the referred person ended at, days setting, expected update on the referrer
    ['2026-06-10T10:00:00Z', 2, '2026-06-12T10:00:00.000Z'],
    ['2026-06-10T22:00:00Z', 2, '2026-06-13T08:00:00.000Z'], // 22:00 is quiet
    ['2026-02-27T12:00:00Z', 2, '2026-03-01T12:00:00.000Z'], // across February's end
    ['2028-02-27T12:00:00Z', 2, '2028-02-29T12:00:00.000Z'], // leap year
    ['2026-06-10T10:00:00Z', 4, '2026-06-14T10:00:00.000Z'],
  ] as const)('met the referred person at %s, %i days → %s, on the referrer', (end, days, expected) => {
    const event: WorkflowEvent = { type: 'meeting-done', contactId: 'new', meetingId: 'm1', endedAt: at(end) };
    const context = { ...ctx(end, { referrerUpdateDays: days }), referredById: 'referrer' };
    const draft = added(planForEvent(event, context)).find((d) => d.kind === 'referrer-update');
    expect(draft).toMatchObject({ kind: 'referrer-update', contactId: 'referrer', aboutContactId: 'new' });
    expect(iso(draft!.dueAt)).toBe(expected);
  });

  it('no update for a person nobody referred', () => {
    const event: WorkflowEvent = {
      type: 'meeting-done',
      contactId: 'c1',
      meetingId: 'm1',
      endedAt: at('2026-06-10T10:00:00Z'),
    };
    expect(added(planForEvent(event, ctx('2026-06-10T10:00:00Z'))).map((d) => d.kind)).toEqual(['thank-you']);
  });

  it.each([
    [true, ['nudge', 'intro-thanks']],
    [false, ['nudge']],
  ] as const)('asking a referred person (thanks for the intro on: %s) → %j', (introThanks, kinds) => {
    const event: WorkflowEvent = { type: 'request-sent', contactId: 'new' };
    const ops = planForEvent(event, { ...ctx('2026-06-10T10:00:00Z', { introThanks }), referredById: 'referrer' });
    expect(ops.map((op) => (op.op === 'nudge' ? 'nudge' : op.op === 'add' ? op.draft.kind : op.op))).toEqual(kinds);
    const thanks = added(ops)[0];
    if (introThanks) {
      expect(thanks).toMatchObject({ contactId: 'referrer', aboutContactId: 'new' });
      expect(iso(thanks!.dueAt)).toBe('2026-06-10T12:00:00.000Z');
    }
  });
});

describe('prep reminder before a meeting', () => {
  const scheduled = (startsAt: string | null): WorkflowEvent => ({
    type: 'meeting-scheduled',
    contactId: 'c1',
    meetingId: 'm1',
    startsAt: startsAt === null ? null : at(startsAt),
  });
  it.each([
    // now, meeting starts, hours before, expected op and due
    ['2026-06-10T08:00:00Z', '2026-06-12T14:00:00Z', 2, 'set', '2026-06-12T12:00:00.000Z'],
    ['2026-06-10T08:00:00Z', '2026-06-12T14:00:00Z', 24, 'set', '2026-06-11T14:00:00.000Z'],
    ['2026-06-12T13:00:00Z', '2026-06-12T14:00:00Z', 2, 'set', '2026-06-12T13:00:00.000Z'], // within the window: now
    ['2026-06-12T07:00:00Z', '2026-06-12T09:00:00Z', 3, 'set', '2026-06-12T07:00:00.000Z'], // quiet hours do not apply
    ['2026-06-10T08:00:00Z', '2026-06-12T14:00:00Z', 0, 'close', null], // setting off
    ['2026-06-12T15:00:00Z', '2026-06-12T14:00:00Z', 2, 'close', null], // already started
    ['2026-06-10T08:00:00Z', null, 2, 'close', null], // date cleared
  ] as const)('now %s, meeting %s, %i h before → %s %s', (now, starts, hours, op, due) => {
    const [result] = planForEvent(scheduled(starts), ctx(now, { prepHoursBefore: hours }));
    expect(result?.op).toBe(op);
    if (result?.op === 'set') {
      expect(iso(result.draft.dueAt)).toBe(due);
      expect(result.draft).toMatchObject({ kind: 'prep', meetingId: 'm1', deadlineAt: at(starts!) });
    } else expect(result).toMatchObject({ kinds: ['prep'], meetingId: 'm1' });
  });

  it('meeting done closes its prep reminder', () => {
    const event: WorkflowEvent = {
      type: 'meeting-done',
      contactId: 'c1',
      meetingId: 'm1',
      endedAt: at('2026-06-10T10:00:00Z'),
    };
    expect(planForEvent(event, ctx('2026-06-10T10:00:00Z'))).toContainEqual(
      expect.objectContaining({ op: 'close', kinds: ['prep'], meetingId: 'm1' }),
    );
  });
});

describe('check-ins', () => {
  it.each([
    // sent at, settings, tags, zone, expected months, expected due
    ['2026-01-15T10:00:00Z', {}, [], 'UTC', 3, '2026-04-15T10:00:00.000Z'],
    ['2026-11-30T10:00:00Z', {}, [], 'UTC', 3, '2027-02-28T10:00:00.000Z'], // month end
    ['2027-11-30T10:00:00Z', {}, [], 'UTC', 3, '2028-02-29T10:00:00.000Z'], // leap year
    ['2026-01-31T10:00:00Z', { checkInMonths: 1 }, [], 'UTC', 1, '2026-02-28T10:00:00.000Z'],
    ['2026-01-15T10:00:00Z', { checkInMonths: 40 }, [], 'UTC', 12, '2027-01-15T10:00:00.000Z'], // clamped to 12
    ['2026-01-15T10:00:00Z', { checkInMonths: 0 }, [], 'UTC', 1, '2026-02-15T10:00:00.000Z'], // clamped to 1
    [
      '2026-01-15T10:00:00Z',
      { checkInMonthsByTag: { mentor: 6, peer: 2 } },
      ['mentor', 'peer'],
      'UTC',
      2,
      '2026-03-15T10:00:00.000Z',
    ],
    [
      '2026-01-15T10:00:00Z',
      { checkInMonthsByTag: { mentor: 6 }, checkInMonthsByContact: { c1: 4 } },
      ['mentor'],
      'UTC',
      4,
      '2026-05-15T10:00:00.000Z',
    ], // per contact wins
    ['2026-01-15T15:00:00Z', {}, [], 'America/New_York', 3, '2026-04-15T14:00:00.000Z'], // 10:00 stays 10:00 over DST
    ['2026-01-15T21:30:00Z', {}, [], 'UTC', 3, '2026-04-16T08:00:00.000Z'], // quiet hours
  ] as const)('thank-you sent %s %j %j (%s) → every %i months, first %s', (now, settings, tags, zone, months, due) => {
    const event: WorkflowEvent = { type: 'thank-you-sent', contactId: 'c1' };
    const ops = planForEvent(event, ctx(now, settings as Partial<FollowupSettings>, zone, [...tags]));
    expect(ops[0]).toMatchObject({ op: 'close', kinds: ['thank-you'], status: 'done' });
    const op = checkIn(ops);
    expect(op).toMatchObject({ create: true, months });
    expect(iso(op!.dueAt)).toBe(due);
  });

  it.each([
    ['a note', { type: 'interaction', contactId: 'c1', at: at('2026-05-20T09:00:00Z') }, '2026-08-20T09:00:00.000Z'],
    ['a reply', { type: 'reply-received', contactId: 'c1' }, '2026-09-01T12:00:00.000Z'],
  ] as const)('%s restarts the clock from the latest interaction', (_label, event, due) => {
    const op = checkIn(planForEvent(event as WorkflowEvent, ctx('2026-06-01T12:00:00Z')));
    expect(op).toMatchObject({ create: false });
    expect(iso(op!.dueAt)).toBe(due);
  });

  it('picks the shortest of several tag cadences, then the contact override', () => {
    const s = { ...FOLLOWUP_DEFAULTS, checkInMonthsByTag: { a: 6, b: 5 }, checkInMonthsByContact: {} };
    expect(checkInMonthsFor(s, 'x', ['a', 'b', 'c'])).toBe(5);
    expect(checkInMonthsFor(s, 'x', ['c'])).toBe(3);
    expect(checkInMonthsFor({ ...s, checkInMonthsByContact: { x: 9 } }, 'x', ['a'])).toBe(9);
  });
});

describe('nudges after no reply', () => {
  it.each([
    ['2026-06-10T10:00:00Z', {}, 'UTC', '2026-06-17T10:00:00.000Z'],
    ['2026-06-10T10:00:00Z', { nudgeAfterDays: 3 }, 'UTC', '2026-06-13T10:00:00.000Z'],
    ['2026-06-10T10:00:00Z', { quietWeekends: true, nudgeAfterDays: 3 }, 'UTC', '2026-06-15T08:00:00.000Z'], // Sat → Mon
    ['2026-03-03T15:00:00Z', {}, 'America/New_York', '2026-03-10T14:00:00.000Z'], // 10:00 EST → 10:00 EDT
    ['2026-02-25T10:00:00Z', {}, 'UTC', '2026-03-04T10:00:00.000Z'],
  ] as const)('a request sent %s %j (%s) is nudged at %s', (now, settings, zone, due) => {
    const [op] = planForEvent({ type: 'request-sent', contactId: 'c1' }, ctx(now, settings, zone));
    expect(op).toMatchObject({ op: 'nudge', contactId: 'c1', maxNudges: 2, draft: { kind: 'nudge', attempt: 1 } });
    expect(iso((op as Extract<RuleOp, { op: 'nudge' }>).draft.dueAt)).toBe(due);
  });

  it('passes the configured maximum on (the store knows how many went out)', () => {
    const [op] = planForEvent({ type: 'request-sent', contactId: 'c1' }, ctx('2026-06-10T10:00:00Z', { maxNudges: 0 }));
    expect(op).toMatchObject({ op: 'nudge', maxNudges: 0 });
  });

  it('a reply cancels pending nudges', () => {
    const ops = planForEvent({ type: 'reply-received', contactId: 'c1' }, ctx('2026-06-10T10:00:00Z'));
    expect(ops[0]).toEqual({
      op: 'close',
      contactId: 'c1',
      kinds: ['nudge'],
      status: 'dismissed',
      action: 'reply received',
    });
  });
});

describe('custom reminders', () => {
  it('keeps the chosen instant and title (no quiet-hours shift: the user chose it)', () => {
    const dueAt = at('2026-06-10T22:15:00Z');
    const [draft] = added(
      planForEvent(
        { type: 'custom', contactId: 'c9', title: '  Send the article  ', dueAt },
        ctx('2026-06-01T10:00:00Z'),
      ),
    );
    expect(draft).toMatchObject({ kind: 'custom', contactId: 'c9', title: 'Send the article', dueAt });
  });
});
