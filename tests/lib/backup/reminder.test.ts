import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkBackup } from '@/lib/background/data';
import { REMINDER_NOTIFICATION } from '@/lib/background/data-reminder';
import { parseBackup } from '@/lib/backup/format';
import { backupSettings, backupState, DAY_MS } from '@/lib/backup/settings';
import { saveCapture } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { profile } from '../contacts/factory';

const NOW = Date.UTC(2026, 10, 22, 9);

afterEach(() => vi.restoreAllMocks());
beforeEach(() => {
  // The optional downloads permission is not granted.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
});

describe('the periodic backup check (background)', () => {
  it('reminds once per period when there is data and no recent backup, and not again the next day', async () => {
    await saveCapture(await openRapportDB(), profile(), { now: NOW });
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(REMINDER_NOTIFICATION);
    await checkBackup(NOW);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0]).toBe(REMINDER_NOTIFICATION);
    expect(JSON.stringify((create.mock.calls[0] as unknown[])[1])).toMatch(/never saved a copy/);
    expect((await backupState.get()).lastReminderAt).toBe(NOW);
    await checkBackup(NOW + DAY_MS);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('stays quiet with no data, and after a recent backup', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(REMINDER_NOTIFICATION);
    await checkBackup(NOW);
    await saveCapture(await openRapportDB(), profile(), { now: NOW });
    await backupState.setLastBackupAt(NOW - 2 * DAY_MS);
    await checkBackup(NOW);
    expect(create).not.toHaveBeenCalled();
  });

  it('falls back to a reminder when automatic backup is on but the permission is gone', async () => {
    await saveCapture(await openRapportDB(), profile(), { now: NOW });
    await backupSettings.set({ autoBackup: true });
    await backupState.setLastBackupAt(NOW - 10 * DAY_MS);
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(REMINDER_NOTIFICATION);
    await checkBackup(NOW);
    expect(JSON.stringify((create.mock.calls[0] as unknown[])[1])).toMatch(/last backup is 10 days old/);
  });
});

describe('automatic backup (background)', () => {
  it('with the permission, saves the whole backup to Downloads/rapport and records the time', async () => {
    await saveCapture(await openRapportDB(), profile(), { now: NOW });
    await backupSettings.set({ autoBackup: true });
    await backupState.setLastBackupAt(NOW - 8 * DAY_MS);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const download = vi.spyOn(fakeBrowser.downloads, 'download').mockResolvedValue(1);
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue(REMINDER_NOTIFICATION);
    await checkBackup(NOW);
    expect(create).not.toHaveBeenCalled();
    const options = download.mock.calls[0]![0];
    expect(options).toMatchObject({ conflictAction: 'uniquify', saveAs: false });
    expect(options.filename).toMatch(/^rapport\/rapport-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const url = options.url;
    const text = url.startsWith('data:')
      ? new TextDecoder().decode(Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0)))
      : await (await fetch(url)).text();
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.backup.stores.contacts).toHaveLength(1);
    expect((await backupState.get()).lastBackupAt).toBe(NOW);
  });
});

describe('backup settings and state have one writer per key', () => {
  it('the options page changing the schedule while the background records a reminder loses neither', async () => {
    await Promise.all([
      backupSettings.set({ reminderDays: 14 }),
      backupState.setLastReminderAt(NOW),
      backupState.setLastBackupAt(NOW - DAY_MS),
      backupSettings.set({ autoBackup: true }).then(() => backupSettings.set({ reminderDays: 30 })),
    ]);
    expect(await backupSettings.get()).toEqual({ reminderDays: 30, autoBackup: true });
    expect(await backupState.get()).toEqual({ lastBackupAt: NOW - DAY_MS, lastReminderAt: NOW });
  });

  it('still reads the times saved inside the settings object by an earlier version', async () => {
    await fakeBrowser.storage.local.set({
      'settings:backup': { reminderDays: 7, autoBackup: false, lastBackupAt: NOW - DAY_MS, lastReminderAt: null },
    });
    expect(await backupState.get()).toEqual({ lastBackupAt: NOW - DAY_MS, lastReminderAt: null });
    await backupState.setLastReminderAt(NOW);
    expect((await backupState.get()).lastReminderAt).toBe(NOW);
  });
});
