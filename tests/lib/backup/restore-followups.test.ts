import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SenderInfo } from '@/lib/messaging/sender';
import { exportBackup } from '@/lib/backup/format';
import { readAllStores } from '@/lib/backup/restore';
import { saveCapture } from '@/lib/db/contacts';
import { addFollowup } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import { FOLLOWUP_BULK_DELIVERY_KEY } from '@/lib/names';
import { NEXT_ALARM, serialized } from '@/lib/background/followups-schedule';
import { profile } from '../contacts/factory';
import { draft } from '../followups/factory';

const handlers = new Map<string, (data: unknown, sender: SenderInfo) => Promise<unknown>>();
vi.mock('@/lib/background/handle', () => ({
  handle: (type: string, fn: (data: unknown, sender: SenderInfo) => Promise<unknown>) => handlers.set(type, fn),
}));
const { registerDataHandlers } = await import('@/lib/background/data');

afterEach(async () => {
  await serialized(async () => undefined);
  vi.restoreAllMocks();
});

describe('after a restore, its second step (restoreSettings)', () => {
  it('delivers what is due and rebuilds the follow-up alarm and the badge at once', async () => {
    // A backup made elsewhere: one follow-up overdue, one due tomorrow.
    const db = await openRapportDB();
    const { contact } = await saveCapture(db, profile(), { now: Date.now() });
    const overdue = await addFollowup(db, draft({ contactId: contact.id, dueAt: Date.now() - 60_000 }), Date.now());
    const later = Date.now() + 86_400_000;
    await addFollowup(db, draft({ contactId: contact.id, dueAt: later }), Date.now());
    const { text } = exportBackup(await readAllStores(db), {}, Date.now());
    await db.clear('followups');

    registerDataHandlers();
    const result = await handlers.get('restoreBackup')!(
      { text, mode: 'merge', resolution: 'keep-mine' },
      {} as SenderInfo,
    );
    // The restore answers once the records are in; the schedule is the second step's work.
    expect(result).toMatchObject({ ok: true, settings: {} });
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeFalsy();
    const followThrough = await handlers.get('restoreSettings')!({ settings: {}, mode: 'merge' }, {} as SenderInfo);
    expect(followThrough).toEqual({ ok: true, written: 0, removed: 0, followupsRescheduled: true });
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(later);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`followup:${overdue.id}`]);
  });

  it('delivers the restored follow-ups even inside an earlier bulk delivery (Replace)', async () => {
    // Yesterday's backup holds a follow-up overdue since before the last bulk delivery here.
    const db = await openRapportDB();
    const yesterday = Date.now() - 86_400_000;
    const { contact } = await saveCapture(db, profile(), { now: yesterday });
    const overdue = await addFollowup(db, draft({ contactId: contact.id, dueAt: yesterday + 60_000 }), yesterday);
    const { text } = exportBackup(await readAllStores(db), {}, yesterday);
    await db.clear('followups');
    // Hundreds were delivered here in bulk an hour ago: one record covers everything due until then.
    const hourAgo = Date.now() - 3_600_000;
    await fakeBrowser.storage.local.set({ [FOLLOWUP_BULK_DELIVERY_KEY]: { at: hourAgo, through: hourAgo } });

    registerDataHandlers();
    const call = (type: string, data: unknown) => handlers.get(type)!(data, {} as SenderInfo);
    expect(await call('restoreBackup', { text, mode: 'replace', resolution: 'keep-mine' })).toMatchObject({ ok: true });
    await call('restoreSettings', { settings: {}, mode: 'replace' });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`followup:${overdue.id}`]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
