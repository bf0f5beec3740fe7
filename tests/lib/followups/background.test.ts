import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerFollowupListeners } from '@/lib/background/followups';
import { saveCapture } from '@/lib/db/contacts';
import { addFollowup, getFollowup } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import { NEXT_ALARM, SAFETY_ALARM, serialized } from '@/lib/background/followups-schedule';
import { profile } from '../contacts/factory';
import { draft } from './factory';

// Background work a listener started must finish before the next test closes this test's database.
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await serialized(async () => undefined);
});

const notes = async () => Object.keys(await fakeBrowser.notifications.getAll());

async function seedDue(offsetMs = -60_000) {
  const db = await openRapportDB();
  const { contact } = await saveCapture(db, profile(), { now: Date.now() });
  return addFollowup(db, draft({ contactId: contact.id, dueAt: Date.now() + offsetMs }), Date.now());
}

describe('background scheduler wiring', () => {
  it('delivers at worker start and rebuilds the alarms and the badge', async () => {
    const f = await seedDue();
    await addFollowup(await openRapportDB(), draft({ dueAt: Date.now() + 3_600_000 }), Date.now());
    registerFollowupListeners();
    await vi.waitFor(async () => expect(await notes()).toEqual([`followup:${f.id}`]));
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeDefined());
    expect(await fakeBrowser.alarms.get(SAFETY_ALARM)).toBeDefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('delivers when the alarm fires, once, even when startup events arrive together', async () => {
    registerFollowupListeners();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SAFETY_ALARM)).toBeDefined());
    const f = await seedDue();
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([
      fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: Date.now() }),
      fakeBrowser.runtime.onStartup.trigger(),
      fakeBrowser.alarms.onAlarm.trigger({ name: SAFETY_ALARM, scheduledTime: Date.now(), periodInMinutes: 15 }),
    ]);
    await vi.waitFor(async () => expect((await getFollowup(await openRapportDB(), f.id))?.notifiedAt).not.toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('Done and Snooze buttons act on the follow-up and clear the notification', async () => {
    const f = await seedDue();
    const g = await seedDue(-120_000);
    registerFollowupListeners();
    await vi.waitFor(async () => expect((await notes()).length).toBe(1));
    // Two were due: one grouped notification. Act as from two single ones.
    await fakeBrowser.notifications.onButtonClicked.trigger(`followup:${f.id}`, 0);
    await fakeBrowser.notifications.onButtonClicked.trigger(`followup:${g.id}`, 1);
    const db = await openRapportDB();
    await vi.waitFor(async () => expect((await getFollowup(db, f.id))?.status).toBe('done'));
    await vi.waitFor(async () => expect((await getFollowup(db, g.id))?.status).toBe('snoozed'));
    const snoozed = await getFollowup(db, g.id);
    expect(snoozed!.dueAt).toBeGreaterThanOrEqual(Date.now() + 23 * 3_600_000);
    expect(snoozed!.notifiedAt).toBeNull();
  });

  it('a click opens the contact (in a tab where no panel or popup can open)', async () => {
    const f = await seedDue();
    registerFollowupListeners();
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(`followup:${f.id}`);
    await vi.waitFor(() => expect(opened).toHaveBeenCalled());
    expect(opened.mock.calls[0]![0].url).toContain(`sidepanel.html?contact=${f.contactId}`);
    expect((await fakeBrowser.storage.local.get('ui:selectedContactId'))['ui:selectedContactId']).toBe(f.contactId);
  });
});

describe('catch-up runs at worker start', () => {
  it('a worker woken again within the safety period does not rescan; a new browser session does', async () => {
    registerFollowupListeners();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SAFETY_ALARM)).toBeDefined());
    await serialized(async () => undefined);
    const f = await seedDue();
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    badge.mockClear();
    // The worker died after 30 s idle and a message wakes it: alarms and badge are current, no scan.
    registerFollowupListeners();
    await serialized(async () => undefined);
    expect(badge).not.toHaveBeenCalled();
    expect(await notes()).toEqual([]);
    // The browser restarted (session storage is empty): onStartup and the worker start sync once together.
    await fakeBrowser.storage.session.clear();
    registerFollowupListeners();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await notes()).toEqual([`followup:${f.id}`]));
    await serialized(async () => undefined);
    expect(badge).toHaveBeenCalledTimes(1);
  });

  it('syncs at worker start when the safety alarm is gone or the last sync is older than its period', async () => {
    registerFollowupListeners();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SAFETY_ALARM)).toBeDefined());
    await serialized(async () => undefined);
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    badge.mockClear();
    await fakeBrowser.alarms.clear(SAFETY_ALARM);
    registerFollowupListeners();
    await vi.waitFor(() => expect(badge).toHaveBeenCalledTimes(1));
    await fakeBrowser.storage.session.set({ 'followups:lastSyncAt': Date.now() - 16 * 60_000 });
    registerFollowupListeners();
    await vi.waitFor(() => expect(badge).toHaveBeenCalledTimes(2));
  });

  it('a Done clicked on a notification of a follow-up deleted meanwhile is handled, not thrown', async () => {
    const warn = vi.spyOn(console, 'warn');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    registerFollowupListeners();
    const f = await seedDue(3_600_000);
    vi.spyOn(await import('@/lib/db/followups'), 'getFollowup').mockResolvedValueOnce(f);
    await (await openRapportDB()).delete('followups', f.id);
    await fakeBrowser.notifications.onButtonClicked.trigger(`followup:${f.id}`, 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('after the last due follow-up is handled', () => {
  it('clears a stale grouped notification and the badge', async () => {
    const f = await seedDue();
    const g = await seedDue(-120_000);
    registerFollowupListeners();
    await vi.waitFor(async () => expect((await notes())[0]).toMatch(/^followups:group:/));
    await fakeBrowser.notifications.onButtonClicked.trigger(`followup:${f.id}`, 0);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect((await notes())[0]).toMatch(/^followups:group:/);
    await fakeBrowser.notifications.onButtonClicked.trigger(`followup:${g.id}`, 0);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
    expect(await notes()).toEqual([]);
  });
});

describe('when the notification cannot be shown', () => {
  it('keeps the follow-up undelivered and retries a minute later instead of in a loop', async () => {
    const f = await seedDue();
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValueOnce(new Error('no icon'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const before = Date.now();
    registerFollowupListeners();
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBeGreaterThanOrEqual(before + 60_000),
    );
    expect((await getFollowup(await openRapportDB(), f.id))?.notifiedAt).toBeNull();
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () => expect(await notes()).toEqual([`followup:${f.id}`]));
  });
});
