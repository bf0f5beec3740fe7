import { describe, expect, it } from 'vitest';
import type { Followup, FollowupKind } from '@/lib/db/schema';
import { applyAction, createFollowup, snoozeTarget } from '@/lib/followups/actions';
import { doneEffects } from '@/lib/followups/done';
import {
  bulkToShowAgain,
  followupLine,
  groupNotificationId,
  groupShown,
  parseBulkDelivery,
  singleNotification,
  toShowAgain,
  wasOpened,
} from '@/lib/followups/notification';
import type { RuleContext } from '@/lib/followups/rules';
import { FOLLOWUP_DEFAULTS } from '@/lib/followups/settings';
import { nextStepDue, nextStepLines } from '@/lib/followups/next-steps';
import { panelTargetFor, panelTargetPath, parsePanelTarget } from '@/lib/followups/write-it';
import { draft } from './factory';

const at = (text: string) => Date.parse(text);
const iso = (instant: number) => new Date(instant).toISOString();
const HOUR = 3_600_000;

function ctx(now: string, overrides: Partial<RuleContext['settings']> = {}): RuleContext {
  return { now: at(now), settings: { ...FOLLOWUP_DEFAULTS, ...overrides }, timeZone: 'UTC' };
}

function followup(kind: FollowupKind, overrides: Partial<Followup> = {}): Followup {
  return { ...createFollowup(draft({ kind }), at('2026-06-09T12:00:00Z'), 'created', `f-${kind}`), ...overrides };
}

describe('what Done means, per kind', () => {
  it.each([
    // kind, the person's stage, → stage, timeline note, event
    ['thank-you', 'met', 'thanked', 'Thank-you sent.', 'thank-you-sent'],
    ['thank-you', 'in-touch', null, 'Thank-you sent.', 'thank-you-sent'], // never moves anyone back
    ['referrer-update', 'thanked', null, 'Told them how it went with Ada Lim.', null],
    ['intro-thanks', 'met', null, 'Thanked them for the introduction to Ada Lim.', null],
    ['check-in', 'thanked', 'in-touch', 'Checked in.', null],
    ['nudge', 'no-reply', 'asked', 'Sent a friendly follow-up (nudge 1).', null],
    ['nudge', 'asked', null, 'Sent a friendly follow-up (nudge 1).', null],
    ['prep', 'scheduled', null, null, null],
    ['custom', 'met', null, null, null],
  ] as const)('%s done, person %s → stage %s, note %j, event %s', (kind, stage, next, note, event) => {
    const effects = doneEffects(followup(kind), stage, 'Ada Lim');
    expect(effects.status).toBe(next);
    expect(effects.note?.text ?? null).toBe(note);
    expect(effects.event?.type ?? null).toBe(event);
  });
});

describe('a snooze never passes a deadline silently', () => {
  const deadline = at('2026-06-10T14:00:00Z');
  it.each([
    // now, snooze minutes, → until, capped
    ['2026-06-09T18:00:00Z', 24 * 60, '2026-06-10T13:00:00.000Z', true], // a day would pass 14:00: an hour before
    ['2026-06-10T08:00:00Z', 60, '2026-06-10T09:00:00.000Z', false], // well before: as asked
    ['2026-06-10T13:30:00Z', 60, '2026-06-10T14:00:00.000Z', true], // inside the last hour: at the deadline
    ['2026-06-10T15:00:00Z', 60, '2026-06-10T16:00:00.000Z', false], // past the deadline: an ordinary snooze
  ] as const)('at %s, snoozing %i min → %s (capped: %s)', (now, minutes, until, capped) => {
    const result = snoozeTarget({ deadlineAt: deadline }, minutes, ctx(now));
    expect([iso(result.until), result.capped]).toEqual([until, capped]);
  });

  it('applyAction records and reports the cap', () => {
    const f = followup('thank-you', { deadlineAt: deadline, dueAt: at('2026-06-09T17:00:00Z') });
    const result = applyAction(f, { type: 'snooze' }, ctx('2026-06-09T18:00:00Z'));
    expect(result.snoozeCapped).toBe(true);
    expect(result.followup.dueAt).toBe(deadline - HOUR);
    expect(result.followup.history.at(-1)?.action).toMatch(/before its deadline/);
  });

  it('the notification says the deadline and where its snooze lands', () => {
    const f = followup('thank-you', { deadlineAt: deadline, title: 'Thank Ada', contactId: 'c1' });
    const note = singleNotification(f, new Map([['c1', 'Ada Lim']]), {
      iconUrl: '',
      withButtons: true,
      ctx: ctx('2026-06-09T18:00:00Z'),
    });
    expect(note.message).toBe('Thank Ada · best by Wed 14:00');
    expect(note.buttons).toEqual([{ title: 'Sent: mark thanked' }, { title: 'Snooze until Wed 13:00' }]);
    expect(followupLine(f, null, ctx('2026-06-10T15:00:00Z'))).toBe('Thank Ada · Its deadline has passed.');
  });
});

describe('"Write it" opens the right place', () => {
  it.each([
    ['thank-you', null, 'ask', 'thank-you'],
    ['referrer-update', null, 'ask', 'referrer-update'],
    ['intro-thanks', null, 'ask', 'referrer-update'],
    ['check-in', null, 'ask', 'check-in'],
    ['nudge', 'ada@example.com', 'ask', 'request-email'],
    ['nudge', null, 'ask', 'request-linkedin'],
    ['prep', null, 'prepare', null],
    ['custom', null, 'details', null],
  ] as const)('%s (email %s) → tab %s, template %s', (kind, email, tab, template) => {
    const target = panelTargetFor(followup(kind), { email }, 5);
    expect(target).toEqual({ contactId: 'c1', followupId: `f-${kind}`, tab, template, at: 5 });
    expect(parsePanelTarget(JSON.parse(JSON.stringify(target)))).toEqual(target);
  });

  it('a tab URL carries the same target; a malformed stored value is ignored', () => {
    const path = panelTargetPath(panelTargetFor(followup('thank-you'), null, 1));
    expect(path).toBe('/sidepanel.html?contact=c1&tab=ask&template=thank-you&followup=f-thank-you');
    for (const bad of [null, 'x', { contactId: 1, tab: 'ask', at: 1 }, { contactId: 'c', tab: 'nope', at: 1 }])
      expect(parsePanelTarget(bad)).toBeNull();
  });
});

describe('a notification shown just before a crash comes back at the next start', () => {
  const alive = at('2026-06-10T12:00:00Z');
  const notified = (at_: number, history: Followup['history'] = []) =>
    followup('custom', { notifiedAt: at_, history: [{ at: at_, action: 'notified' }, ...history] });
  it.each([
    ['delivered in the last sync before the browser stopped', notified(alive), true],
    ['delivered a minute before the last sign of life', notified(alive - 60_000), true],
    ['delivered an hour before: it had its time on screen', notified(alive - HOUR), false],
    ['opened by the user', notified(alive, [{ at: alive + 1, action: 'notification opened' }]), false],
    ['never delivered (delivery handles it)', followup('custom'), false],
  ] as const)('%s → shown again: %s', (_label, f, expected) => {
    expect(toShowAgain([f], alive).length === 1).toBe(expected);
  });

  it('no previous session known → nothing shown again', () => {
    expect(toShowAgain([notified(alive)], null)).toEqual([]);
  });

  it('a new delivery after an opening counts as unopened again', () => {
    const f = notified(alive, [
      { at: alive + 1, action: 'notification opened' },
      { at: alive + 2, action: 'notified' },
    ]);
    expect(wasOpened(f)).toBe(false);
  });
});

describe('"What I will do next" becomes follow-ups', () => {
  it.each([
    ['Send Ada my portfolio\n\n- read the onboarding post\n', ['Send Ada my portfolio', 'read the onboarding post']],
    [
      '1. Apply to the March cohort\n2) Ask Bo for an intro\n* ask bo for an intro',
      ['Apply to the March cohort', 'Ask Bo for an intro'],
    ],
    ['[ ] Update CV\n[x] Update CV   \n  ', ['Update CV']],
    ['', []],
  ] as const)('%j → %j', (text, steps) => {
    expect(nextStepLines(text)).toEqual(steps);
  });

  it('is due a week later, outside quiet hours', () => {
    expect(iso(nextStepDue(at('2026-06-10T22:30:00Z'), FOLLOWUP_DEFAULTS, 'UTC'))).toBe('2026-06-18T08:00:00.000Z');
  });
});

describe('a grouped notification of thousands', () => {
  const item = (id: string, dueAt: number) => ({ id, dueAt });

  it('has one id for the same items in any order, another for other items', () => {
    const items = [item('a', 1), item('b', 2), item('c', 3)];
    expect(groupNotificationId(items)).toBe(groupNotificationId([...items].reverse()));
    expect(groupNotificationId(items)).not.toBe(groupNotificationId([item('a', 1), item('b', 2)]));
    expect(groupNotificationId(items)).not.toBe(groupNotificationId([item('a', 1), item('b', 2), item('c', 4)]));
    expect(groupNotificationId(items)).toMatch(/^followups:group:/);
  });

  it.each([
    ['fewer than the limit, in due order', [5, 1, 3], 8, [1, 3, 5]],
    ['the earliest of many, in due order', [9, 2, 7, 1, 8, 3, 6, 4, 5], 3, [1, 2, 3]],
    ['ties keep their order', [2, 1, 1, 3], 2, [1, 1]],
    ['nothing', [], 8, []],
  ] as const)('lists %s', (_label, dues, limit, expected) => {
    const shown = groupShown(
      dues.map((d, i) => item(`f${i}`, d)),
      limit,
    );
    expect(shown.map((f) => f.dueAt)).toEqual(expected);
  });

  it('parses a stored bulk delivery, with or without its opening, and refuses anything else', () => {
    expect(parseBulkDelivery({ at: 1, through: 2 })).toEqual({ at: 1, through: 2 });
    expect(parseBulkDelivery({ at: 1, through: 2, openedAt: 3 })).toEqual({ at: 1, through: 2, openedAt: 3 });
    for (const bad of [null, 'x', { at: 1 }, { at: '1', through: 2 }]) expect(parseBulkDelivery(bad)).toBeNull();
  });

  it.each([
    ['delivered at the last sign of life, never opened', { at: 1_000_000, through: 1_000_000 }, 1_000_000, true],
    ['opened', { at: 1_000_000, through: 1_000_000, openedAt: 1_000_001 }, 1_000_000, false],
    ['an hour before the last sign of life', { at: 1_000_000, through: 1_000_000 }, 1_000_000 + HOUR, false],
    ['no previous session known', { at: 1_000_000, through: 1_000_000 }, null, false],
    ['no bulk delivery', null, 1_000_000, false],
  ] as const)('a bulk delivery %s → shown again: %s', (_label, bulk, alive, expected) => {
    expect(bulkToShowAgain(bulk, alive)).toBe(expected);
  });
});
