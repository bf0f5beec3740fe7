import { describe, expect, it } from 'vitest';
import type { Meeting } from '@/lib/db/schema';
import { newMeeting } from '@/lib/workspace/meeting';
import { CALL_GRACE_MS, panelTarget, profileKeyOf, runningCall } from '@/lib/workspace/panel-follow';

const MIN = 60_000;
const meeting = (patch: Partial<Meeting>): Meeting => ({
  ...newMeeting({ id: 'm1', contactId: 'c1', now: 0, durationMin: 20 }),
  ...patch,
});

describe('the panel follows the profile in the active tab', () => {
  it.each([
    ['https://www.linkedin.com/in/ana-ruiz/', 'https://www.linkedin.com/in/ana-ruiz/'],
    ['https://de.linkedin.com/in/Ana-Ruiz/details/experience/?x=1#top', 'https://www.linkedin.com/in/ana-ruiz/'],
    ['https://www.linkedin.com/feed/', null],
    ['https://example.com/in/ana-ruiz/', null],
    ['chrome://newtab/', null],
    ['', null],
    [undefined, null],
  ] as const)('profile key of %s is %s', (url, key) => expect(profileKeyOf(url)).toBe(key));

  it.each([
    ['no meeting', [], 0, false],
    ['planned, timer not started', [meeting({})], 5 * MIN, false],
    ['started, within its length', [meeting({ startedAt: 0 })], 10 * MIN, true],
    ['started, overrunning a little', [meeting({ startedAt: 0 })], 20 * MIN + CALL_GRACE_MS - 1, true],
    ['started, long over', [meeting({ startedAt: 0 })], 20 * MIN + CALL_GRACE_MS, false],
    ['paused a while ago', [meeting({ startedAt: 0, pausedAt: 5 * MIN })], 5 * MIN + CALL_GRACE_MS - 1, true],
    ['paused long ago', [meeting({ startedAt: 0, pausedAt: 5 * MIN })], 5 * MIN + CALL_GRACE_MS, false],
    ['done', [meeting({ startedAt: 0, status: 'done' })], 10 * MIN, false],
    ['cancelled', [meeting({ startedAt: 0, status: 'cancelled' })], 10 * MIN, false],
  ] as const)('call running: %s → %s', (_what, meetings, now, running) =>
    expect(runningCall(meetings, now) !== null).toBe(running),
  );

  it.each([
    ['a saved person, panel elsewhere', 'c2', 'c1', null, 'c2'],
    ['a saved person, panel empty', 'c2', null, null, 'c2'],
    ['the person already shown', 'c1', 'c1', null, null],
    ['nobody saved on this page', null, 'c1', null, null],
    ['a call is running', 'c2', 'c1', meeting({ startedAt: 0 }), null],
  ] as const)('%s → %s', (_what, pageContactId, selectedId, call, target) =>
    expect(panelTarget({ pageContactId, selectedId, call })).toBe(target),
  );
});
