import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveCapture, updateContact } from '@/lib/db/contacts';
import { addFollowup, getFollowup, listFollowupsForContact, markNotified } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import type { SenderInfo } from '@/lib/messaging/sender';
import { serialized } from '@/lib/background/followups-schedule';
import { FOLLOWUP_BULK_DELIVERY_KEY, LAST_ALIVE_KEY, PANEL_TARGET_KEY, SELECTED_CONTACT_KEY } from '@/lib/names';
import { profile } from '../contacts/factory';
import { draft } from './factory';

const handlers = new Map<string, (data: unknown, sender: SenderInfo) => Promise<unknown>>();
vi.mock('@/lib/background/handle', () => ({
  handle: (type: string, fn: (data: unknown, sender: SenderInfo) => Promise<unknown>) => handlers.set(type, fn),
}));
const { registerFollowupHandlers, syncFollowupsIfStale } = await import('@/lib/background/followups');
const { onNotificationClicked } = await import('@/lib/background/followups-notify');
const call = (type: string, data: unknown) => handlers.get(type)!(data, {} as SenderInfo);

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  await serialized(async () => undefined);
  delete (globalThis as { chrome?: unknown }).chrome;
  vi.restoreAllMocks();
});

async function person(status: 'met' | 'asked' | 'thanked' = 'met') {
  const db = await openRapportDB();
  const { contact } = await saveCapture(db, profile(), { now: Date.now() });
  if (status !== contact.status)
    await updateContact(db, contact.id, [{ field: 'status', before: contact.status, after: status }], Date.now());
  return { db, contactId: contact.id };
}

describe('Done does what the follow-up means', () => {
  it('Done on a thank-you: the person is Thanked, a check-in is planned, the timeline says so', async () => {
    registerFollowupHandlers();
    const { db, contactId } = await person('met');
    const thanks = await addFollowup(db, draft({ contactId, kind: 'thank-you', dueAt: Date.now() - 1 }), Date.now());
    await call('actOnFollowup', { id: thanks.id, action: { type: 'done' } });
    expect((await db.get('contacts', contactId))?.status).toBe('thanked');
    const list = await listFollowupsForContact(db, contactId);
    expect(list.find((f) => f.id === thanks.id)?.status).toBe('done');
    const checkIn = list.find((f) => f.kind === 'check-in');
    expect(checkIn).toMatchObject({ status: 'pending', recurrenceMonths: 3 });
    expect(checkIn!.dueAt).toBeGreaterThan(Date.now() + 85 * 86_400_000);
    const notes = await db.getAllFromIndex('timeline', 'contactId', contactId);
    expect(notes.map((n) => n.text)).toContain('Thank-you sent.');
  });

  it('Done on a check-in plans the next one and moves the person to In touch; on a nudge, asks again', async () => {
    registerFollowupHandlers();
    const { db, contactId } = await person('thanked');
    const checkIn = await addFollowup(db, draft({ contactId, kind: 'check-in', recurrenceMonths: 3 }), Date.now());
    await call('actOnFollowup', { id: checkIn.id, action: { type: 'done' } });
    const after = await getFollowup(db, checkIn.id);
    expect(after).toMatchObject({ status: 'pending' });
    expect(after!.dueAt).toBeGreaterThan(Date.now() + 85 * 86_400_000);
    expect((await db.get('contacts', contactId))?.status).toBe('in-touch');

    const nudge = await addFollowup(db, draft({ contactId, kind: 'nudge', attempt: 1 }), Date.now());
    const result = (await call('actOnFollowup', { id: nudge.id, action: { type: 'done' } })) as {
      spawned: { kind: string; attempt: number } | null;
    };
    expect(result.spawned).toMatchObject({ kind: 'nudge', attempt: 2 });
    const notes = await db.getAllFromIndex('timeline', 'contactId', contactId);
    expect(notes.map((n) => n.text)).toEqual(
      expect.arrayContaining(['Checked in.', 'Sent a friendly follow-up (nudge 1).']),
    );
  });
});

describe('a notification click', () => {
  it('opens the side panel first, synchronously, before reading anything; then points it at the follow-up', async () => {
    const { db, contactId } = await person('met');
    const f = await addFollowup(db, draft({ contactId, kind: 'thank-you' }), Date.now());
    await markNotified(db, [f], Date.now());
    // A recording fake of Chrome's side panel and of everything the click may touch afterwards.
    const calls: string[] = [];
    (globalThis as { chrome?: unknown }).chrome = {
      sidePanel: {
        open: (options: { windowId?: number }) => {
          calls.push(`sidePanel.open(${JSON.stringify(options)})`);
          return Promise.resolve();
        },
      },
    };
    const record = (name: string) => calls.push(name);
    const storageSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(
      (items) => (record('storage.set'), storageSet(items)),
    );
    const dbOpen = indexedDB.open.bind(indexedDB);
    vi.spyOn(indexedDB, 'open').mockImplementation((...args) => (record('indexedDB.open'), dbOpen(...args)));
    const get = db.get.bind(db);
    vi.spyOn(db, 'get').mockImplementation(
      ((...args: Parameters<typeof db.get>) => (record('db.get'), get(...args))) as typeof db.get,
    );
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');

    onNotificationClicked(`followup:${f.id}`);
    // Synchronously inside the handler: the panel, and nothing else yet.
    expect(calls).toEqual(['sidePanel.open({"windowId":-2})']);

    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(PANEL_TARGET_KEY))[PANEL_TARGET_KEY]).toMatchObject({
        contactId,
        followupId: f.id,
        tab: 'ask',
        template: 'thank-you',
      }),
    );
    expect(calls[0]).toMatch(/^sidePanel\.open/);
    expect(calls.slice(1)).toContain('storage.set');
    expect((await fakeBrowser.storage.local.get(SELECTED_CONTACT_KEY))[SELECTED_CONTACT_KEY]).toBe(contactId);
    await vi.waitFor(async () =>
      expect((await getFollowup(db, f.id))?.history.at(-1)?.action).toBe('notification opened'),
    );
    // The panel opened: no tab.
    expect(tabs).not.toHaveBeenCalled();
  });

  it('opens the person in a tab on that template where no panel opens', async () => {
    const { db, contactId } = await person('met');
    const f = await addFollowup(db, draft({ contactId, kind: 'check-in' }), Date.now());
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    onNotificationClicked(`followup:${f.id}`);
    await vi.waitFor(() => expect(tabs).toHaveBeenCalled());
    expect(tabs.mock.calls[0]![0].url).toContain(
      `sidepanel.html?contact=${contactId}&tab=ask&template=check-in&followup=${f.id}`,
    );
  });
});

describe('a notification delivered just before a crash', () => {
  async function deliveredThenCrashed() {
    registerFollowupHandlers();
    const { db, contactId } = await person('met');
    const { id } = (await call('addFollowup', {
      contactId,
      title: 'Send the article',
      dueAt: Date.now() - 1_000,
      recurrenceMonths: null,
    })) as { id: string };
    const f = (await getFollowup(db, id))!;
    await vi.waitFor(async () => expect((await getFollowup(db, f.id))?.notifiedAt).not.toBeNull());
    await serialized(async () => undefined);
    // The browser dies seconds later: its notifications vanish, session storage is emptied.
    await fakeBrowser.notifications.clear(`followup:${f.id}`);
    await fakeBrowser.storage.session.clear();
    return { db, f };
  }

  it('is shown again at the next start, once', async () => {
    const { db, f } = await deliveredThenCrashed();
    await syncFollowupsIfStale(Date.now() + 30_000);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`followup:${f.id}`]);
    expect((await getFollowup(db, f.id))?.history.map((h) => h.action)).toEqual(['created', 'notified', 'shown again']);
  });

  it('is not shown again when the user opened it, or when the browser lived on after it', async () => {
    const { db, f } = await deliveredThenCrashed();
    onNotificationClicked(`followup:${f.id}`);
    await vi.waitFor(async () =>
      expect((await getFollowup(db, f.id))?.history.at(-1)?.action).toBe('notification opened'),
    );
    await fakeBrowser.notifications.clear(`followup:${f.id}`);
    await syncFollowupsIfStale(Date.now() + 30_000);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    const other = await deliveredThenCrashed();
    await fakeBrowser.storage.local.set({ [LAST_ALIVE_KEY]: Date.now() + 15 * 60_000 });
    await syncFollowupsIfStale(Date.now() + 30 * 60_000);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).not.toContain(`followup:${other.f.id}`);
  });
});

describe('a bulk delivery opened by the user', () => {
  it('is remembered as opened, so a restart does not show it again', async () => {
    registerFollowupHandlers();
    const at = Date.now() - 60_000;
    await fakeBrowser.storage.local.set({ [FOLLOWUP_BULK_DELIVERY_KEY]: { at, through: at } });
    onNotificationClicked('followups:group:abc');
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(FOLLOWUP_BULK_DELIVERY_KEY))[FOLLOWUP_BULK_DELIVERY_KEY]).toEqual({
        at,
        through: at,
        openedAt: expect.any(Number),
      }),
    );
  });
});
