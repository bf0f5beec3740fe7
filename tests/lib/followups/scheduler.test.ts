import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveCapture } from '@/lib/db/contacts';
import { addFollowup, getFollowup, listActiveFollowups, listDueActive, markNotified } from '@/lib/db/followups';
import { openRapportDB, type RapportDatabase } from '@/lib/db/open';
import type { Followup } from '@/lib/db/schema';
import { createFollowup } from '@/lib/followups/actions';
import {
  deliverDue,
  NEXT_ALARM,
  rebuildAlarms,
  SAFETY_ALARM,
  serialized,
  updateBadge,
  type AlarmsApi,
  type DeliveryEnv,
  type NotificationsApi,
} from '@/lib/background/followups-schedule';
import type { BulkDelivery, NotificationOptions } from '@/lib/followups/notification';
import { FOLLOWUP_DEFAULTS } from '@/lib/followups/settings';
import { profile } from '../contacts/factory';
import { draft } from './factory';

const NOW = Date.parse('2026-06-10T12:00:00Z');
const MIN = 60_000;
const alarms = () => fakeBrowser.alarms as unknown as AlarmsApi;
const shown = async () => (await fakeBrowser.notifications.getAll()) as unknown as Record<string, NotificationOptions>;

function env(_db: RapportDatabase, overrides: Partial<DeliveryEnv> = {}, settings = FOLLOWUP_DEFAULTS): DeliveryEnv {
  return {
    notifications: fakeBrowser.notifications as unknown as NotificationsApi,
    iconUrl: '/icon/128.png',
    withButtons: true,
    ctx: { now: NOW, settings, timeZone: 'UTC' },
    ...overrides,
  };
}

async function seed(db: RapportDatabase, followups: Followup[]) {
  const tx = db.transaction('followups', 'readwrite');
  for (const f of followups) await tx.store.put(f);
  await tx.done;
}

describe('rebuilding alarms from the store', () => {
  it('sets one alarm at the next undelivered due instant, plus the safety alarm', async () => {
    const db = await openRapportDB();
    await addFollowup(db, draft({ dueAt: NOW + 30 * MIN }), NOW);
    await addFollowup(db, draft({ dueAt: NOW + 10 * MIN }), NOW);
    const done = await addFollowup(db, draft({ dueAt: NOW + 5 * MIN }), NOW);
    await db.put('followups', { ...done, status: 'done' });
    const result = await rebuildAlarms(db, alarms(), NOW);
    expect(result).toEqual({ next: NOW + 10 * MIN, overdue: 0, due: 0 });
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(NOW + 10 * MIN);
    expect((await fakeBrowser.alarms.get(SAFETY_ALARM))?.periodInMinutes).toBe(15);
  });

  it('stays at two alarms with far more follow-ups than Chrome allows alarms', async () => {
    const db = await openRapportDB();
    await seed(
      db,
      Array.from({ length: 1_200 }, (_, i) => createFollowup(draft({ dueAt: NOW + (i + 1) * MIN }), NOW)),
    );
    await rebuildAlarms(db, alarms(), NOW);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(2);
  });

  it('is rebuilt after the alarms vanished (browser restart, update)', async () => {
    const db = await openRapportDB();
    await addFollowup(db, draft({ dueAt: NOW + 5 * MIN }), NOW);
    await rebuildAlarms(db, alarms(), NOW);
    await fakeBrowser.alarms.clearAll();
    await rebuildAlarms(db, alarms(), NOW + MIN);
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(NOW + 5 * MIN);
  });

  it('clears the next alarm when nothing waits, and skips what was already delivered', async () => {
    const db = await openRapportDB();
    const f = await addFollowup(db, draft({ dueAt: NOW - MIN }), NOW);
    await rebuildAlarms(db, alarms(), NOW);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeDefined();
    await markNotified(db, [f], NOW);
    await rebuildAlarms(db, alarms(), NOW);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();
  });

  it('never schedules in the past: overdue items fire at once', async () => {
    const db = await openRapportDB();
    await addFollowup(db, draft({ dueAt: NOW - 3 * 86_400_000 }), NOW);
    expect((await rebuildAlarms(db, alarms(), NOW)).overdue).toBe(1);
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))!.scheduledTime).toBeGreaterThan(NOW);
  });
});

describe('delivering', () => {
  it('shows one notification with the person, what is due, Done and Snooze', async () => {
    const db = await openRapportDB();
    const { contact } = await saveCapture(db, profile(), { now: NOW });
    const f = await addFollowup(db, draft({ contactId: contact.id, kind: 'thank-you', title: 'Thank them' }), NOW);
    const result = await deliverDue(db, env(db), NOW);
    expect(result.delivered).toEqual([f.id]);
    const notes = await shown();
    expect(Object.keys(notes)).toEqual([`followup:${f.id}`]);
    expect(notes[`followup:${f.id}`]).toMatchObject({
      title: 'Marta Quintero: thank-you note',
      message: 'Thank them',
      buttons: [{ title: 'Sent: mark thanked' }, { title: 'Snooze 1 day' }],
      requireInteraction: true,
    });
    expect((await getFollowup(db, f.id))?.notifiedAt).toBe(NOW);
  });

  it('has no buttons where the browser has none (Firefox), and only thank-yous stay', async () => {
    const db = await openRapportDB();
    const f = await addFollowup(db, draft({ kind: 'check-in' }), NOW);
    await deliverDue(db, env(db, { withButtons: false }), NOW);
    const note = (await shown())[`followup:${f.id}`];
    expect(note?.buttons).toBeUndefined();
    expect(note?.requireInteraction).toBeUndefined();
    expect(note?.title).toBe('Someone you saved: check in');
  });

  it('groups many due at once into one notification', async () => {
    const db = await openRapportDB();
    for (let i = 0; i < 5; i++) await addFollowup(db, draft({ dueAt: NOW - i * MIN }), NOW);
    await addFollowup(db, draft({ dueAt: NOW + MIN }), NOW); // not yet due
    const result = await deliverDue(db, env(db), NOW);
    expect(result.delivered).toHaveLength(5);
    const notes = Object.entries(await shown());
    expect(notes).toHaveLength(1);
    expect(notes[0]![0]).toMatch(/^followups:group:/);
    expect(notes[0]![1]).toMatchObject({ type: 'list', title: '5 follow-ups are due' });
    expect(notes[0]![1].items).toHaveLength(5);
  });

  it('never delivers twice: a second run, concurrent runs, a restart', async () => {
    const db = await openRapportDB();
    await addFollowup(db, draft({ dueAt: NOW - MIN }), NOW);
    let creates = 0;
    const counting = env(db, {
      notifications: {
        create: (id, options) => {
          creates++;
          return fakeBrowser.notifications.create(id, options as never);
        },
        clear: (id) => fakeBrowser.notifications.clear(id),
      },
    });
    // onStartup, onInstalled, the worker start and the alarm all at once.
    await Promise.all([1, 2, 3, 4].map(() => serialized(() => deliverDue(db, counting, NOW))));
    await deliverDue(db, counting, NOW + MIN);
    expect(creates).toBe(1);
  });

  it('a worker killed between showing and marking shows it again under the same id (one notification)', async () => {
    const db = await openRapportDB();
    const f = await addFollowup(db, draft({ dueAt: NOW - MIN }), NOW);
    const failing = env(db);
    await failing.notifications.create(`followup:${f.id}`, { type: 'basic', iconUrl: '', title: 'x', message: 'x' });
    // …the worker dies here: not marked. Next start:
    await deliverDue(db, env(db), NOW);
    expect(Object.keys(await shown())).toEqual([`followup:${f.id}`]);
    expect((await getFollowup(db, f.id))?.notifiedAt).toBe(NOW);
  });

  it('delivers what came due while the browser was closed, once, at the next start', async () => {
    const db = await openRapportDB();
    const closedAt = NOW - 10 * 3_600_000;
    await addFollowup(db, draft({ dueAt: closedAt + 3_600_000 }), closedAt);
    // The browser was closed: no alarm fired. Next start:
    expect((await deliverDue(db, env(db), NOW)).delivered).toHaveLength(1);
    expect((await deliverDue(db, env(db), NOW + 1)).delivered).toHaveLength(0);
  });

  it('marks nothing that changed meanwhile (acted on, moved)', async () => {
    const db = await openRapportDB();
    const f = await addFollowup(db, draft({ dueAt: NOW - MIN }), NOW);
    await db.put('followups', { ...f, dueAt: NOW + 86_400_000, status: 'snoozed' });
    expect(await markNotified(db, [f], NOW)).toEqual([]);
  });

  it('with notifications off shows nothing but still counts them as delivered', async () => {
    const db = await openRapportDB();
    await addFollowup(db, draft({ dueAt: NOW - MIN }), NOW);
    const result = await deliverDue(db, env(db, {}, { ...FOLLOWUP_DEFAULTS, notificationsEnabled: false }), NOW);
    expect(result).toMatchObject({ notificationId: null });
    expect(result.delivered).toHaveLength(1);
    expect(await shown()).toEqual({});
  });
});

describe('badge', () => {
  it('counts what is due and clears at zero', async () => {
    const db = await openRapportDB();
    await addFollowup(db, draft({ dueAt: NOW - MIN }), NOW);
    await addFollowup(db, draft({ dueAt: NOW }), NOW);
    await addFollowup(db, draft({ dueAt: NOW + MIN }), NOW);
    expect(await updateBadge(db, fakeBrowser.action, NOW)).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    for (const f of await listActiveFollowups(db)) await db.put('followups', { ...f, status: 'done' });
    expect(await updateBadge(db, fakeBrowser.action, NOW)).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('records written before the follow-ups feature', () => {
  it('a bare version-2 record (no deadline, subject or attempt) is scheduled, delivered and acted on', async () => {
    const db = await openRapportDB();
    const bare: Followup = {
      id: 'old-1',
      contactId: 'c1',
      meetingId: null,
      kind: 'nudge',
      title: 'Nudge',
      dueAt: NOW - MIN,
      recurrenceMonths: null,
      status: 'pending',
      notifiedAt: null,
      history: [],
      createdAt: 1,
      updatedAt: 1,
    };
    await seed(db, [bare]);
    expect((await rebuildAlarms(db, alarms(), NOW)).overdue).toBe(1);
    expect((await deliverDue(db, env(db), NOW)).delivered).toEqual(['old-1']);
    const { applyAction } = await import('@/lib/followups/actions');
    const { followup, spawned } = applyAction(
      (await getFollowup(db, 'old-1'))!,
      { type: 'done' },
      {
        now: NOW,
        settings: FOLLOWUP_DEFAULTS,
        timeZone: 'UTC',
      },
    );
    expect(followup.status).toBe('done');
    expect(spawned).toMatchObject({ kind: 'nudge', attempt: 2 });
  });
});

describe('grouped notification without rich notifications (Firefox)', () => {
  it('is a plain notification naming each person', async () => {
    const db = await openRapportDB();
    const { contact } = await saveCapture(db, profile(), { now: NOW });
    await addFollowup(db, draft({ contactId: contact.id, title: 'One' }), NOW);
    await addFollowup(db, draft({ contactId: contact.id, title: 'Two' }), NOW);
    await deliverDue(db, env(db, { withButtons: false }), NOW);
    const [note] = Object.values(await shown());
    expect(note).toMatchObject({ type: 'basic', title: '2 follow-ups are due' });
    expect(note?.message).toContain('Marta Quintero: One');
    expect(note?.items).toBeUndefined();
  });
});

describe('a bulk delivery (hundreds due at once)', () => {
  it('is one notification and one record, not a rewrite of every follow-up; a change afterwards delivers again', async () => {
    const db = await openRapportDB();
    const many = Array.from({ length: 250 }, (_, i) =>
      createFollowup(draft({ dueAt: NOW - (i + 1) * MIN }), NOW - 86_400_000, 'created', `bulk-${i}`),
    );
    await seed(db, many);
    let bulk: { at: number; through: number } | null = null;
    const saveBulk = async (b: { at: number; through: number }) => void (bulk = b);
    const result = await deliverDue(db, { ...env(db), bulk, saveBulk }, NOW);
    expect(result.delivered).toHaveLength(250);
    expect(Object.keys(await shown())).toHaveLength(1);
    expect(bulk).toEqual({ at: NOW, through: NOW });
    // No record was rewritten.
    expect((await getFollowup(db, 'bulk-0'))?.notifiedAt).toBeNull();
    // A later sync delivers nothing again …
    await fakeBrowser.notifications.clear(Object.keys(await shown())[0]!);
    expect((await deliverDue(db, { ...env(db), bulk, saveBulk }, NOW + MIN)).delivered).toEqual([]);
    expect((await rebuildAlarms(db, alarms(), NOW + MIN, bulk)).overdue).toBe(0);
    // … but one snoozed back into the past, or newly added, is due again on its own.
    await seed(db, [{ ...(await getFollowup(db, 'bulk-3'))!, dueAt: NOW + MIN, updatedAt: NOW + MIN }]);
    const again = await deliverDue(db, { ...env(db), bulk, saveBulk }, NOW + 2 * MIN);
    expect(again.delivered).toEqual(['bulk-3']);
    expect((await getFollowup(db, 'bulk-3'))?.notifiedAt).toBe(NOW + 2 * MIN);
  });
});

describe('reading what is due, whatever the mix', () => {
  const seeded = (n: number, dueAt: (i: number) => number, prefix: string, status: Followup['status'] = 'pending') =>
    Array.from({ length: n }, (_, i) => ({
      ...createFollowup(draft({ dueAt: dueAt(i) }), NOW - 86_400_000, 'created', `${prefix}-${i}`),
      status,
    }));

  it.each([
    ['few due', 5, 10],
    ['many due, few later (the store is read whole)', 300, 10],
    ['many due, many later (the dueAt index is read)', 300, 2_100],
  ])('%s: exactly the active ones due by now', async (_label, due, later) => {
    const db = await openRapportDB();
    await seed(db, [
      ...seeded(due, (i) => NOW - i * MIN, 'due'),
      ...seeded(later, (i) => NOW + (i + 1) * MIN, 'later'),
      ...seeded(7, (i) => NOW - i * MIN, 'done', 'done'),
      ...seeded(3, (i) => NOW - i * MIN, 'snoozed', 'snoozed'),
    ]);
    const ids = (await listDueActive(db, NOW)).map((f) => f.id).sort();
    const expected = [
      ...Array.from({ length: due }, (_, i) => `due-${i}`),
      ...Array.from({ length: 3 }, (_, i) => `snoozed-${i}`),
    ].sort();
    expect(ids).toEqual(expected);
  });
});

describe('a bulk delivery shown just before a crash', () => {
  async function bulkDelivered() {
    const db = await openRapportDB();
    await seed(
      db,
      Array.from({ length: 220 }, (_, i) =>
        createFollowup(draft({ dueAt: NOW - (i + 1) * MIN }), NOW - 86_400_000, 'created', `bulk-${i}`),
      ),
    );
    let bulk: BulkDelivery | null = null;
    const saveBulk = async (b: BulkDelivery) => void (bulk = b);
    await deliverDue(db, { ...env(db), bulk, saveBulk }, NOW);
    // The browser dies seconds later, taking the notification with it.
    await fakeBrowser.notifications.clear(Object.keys(await shown())[0]!);
    return { db, bulk: bulk as BulkDelivery | null, saveBulk };
  }

  it('is shown again at the next start, as one group', async () => {
    const { db, bulk, saveBulk } = await bulkDelivered();
    const again = await deliverDue(db, { ...env(db), bulk, saveBulk }, NOW + 5 * MIN, { lastAliveAt: NOW });
    expect(again.delivered).toHaveLength(220);
    const notes = Object.values(await shown());
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ title: '220 follow-ups are due' });
  });

  it('is not shown again once opened, nor when the browser lived on after it', async () => {
    const { db, bulk, saveBulk } = await bulkDelivered();
    const opened = { ...bulk!, openedAt: NOW + MIN };
    expect(
      (await deliverDue(db, { ...env(db), bulk: opened, saveBulk }, NOW + 5 * MIN, { lastAliveAt: NOW })).delivered,
    ).toEqual([]);
    const livedOn = NOW + 30 * MIN;
    expect(
      (await deliverDue(db, { ...env(db), bulk, saveBulk }, NOW + 40 * MIN, { lastAliveAt: livedOn })).delivered,
    ).toEqual([]);
    expect(await shown()).toEqual({});
  });
});
