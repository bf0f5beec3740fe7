import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { describeIssue, exportBackup, parseBackup } from '../backup/format';
import { SettingsSchema } from '../backup/schema';
import { mergeTotals, planMerge } from '../backup/merge';
import { readAllStores, restoreBackup, RestoreWriteError, settingsWrites } from '../backup/restore';
import {
  BACKUP_ALARM,
  BACKUP_CHECK_MINUTES,
  backupAction,
  backupFileName,
  backupState,
  readBackupSchedule,
} from '../backup/settings';
import { openRapportDB } from '../db/open';
import { STORE_NAMES, type StoreName } from '../db/schema';
import { importConnectionBatch } from '../import/write';
import { newId } from '../util/id';
import { syncFollowups } from './followups';
import { clearBulkDelivery } from './followups-schedule';
import { handle } from './handle';
import { backupNotificationText, REMINDER_NOTIFICATION } from './data-reminder';

/** Backup, restore, import and the backup reminder. Every listener is registered synchronously. */
export function registerDataHandlers(): void {
  handle('previewRestore', async ({ text }) => {
    const parsed = parseBackup(text);
    if (!parsed.ok) return parsed;
    const { stores, settings } = parsed.backup;
    const plan = planMerge(await readAllStores(await openRapportDB()), stores);
    const inFile = {} as Record<StoreName, number>;
    for (const store of STORE_NAMES) inFile[store] = stores[store].length;
    return {
      ok: true,
      exportedAt: parsed.backup.exportedAt,
      inFile,
      settingsInFile: Object.keys(settings).length,
      merge: mergeTotals(plan),
      conflictNames: plan.conflictNames,
    };
  });

  handle('restoreBackup', async ({ text, mode, resolution }) => {
    const parsed = parseBackup(text);
    if (!parsed.ok) return parsed;
    const restoreMode = mode === 'replace' ? { kind: 'replace' as const } : { kind: 'merge' as const, resolution };
    // The restored follow-ups are not those an earlier bulk delivery showed: forget it before writing, so a
    // worker stopped after the commit still delivers them (restoreSettings forgets it again, after any sync
    // that ran meanwhile).
    await forgetBulkDelivery();
    try {
      const { written } = await restoreBackup(await openRapportDB(), parsed.backup, restoreMode);
      // Committed: answer now. Settings and the follow-up schedule come next, asked by the page
      // (restoreSettings), so a worker stopped in between never leaves the page saying nothing changed.
      return { ok: true, written, settings: parsed.backup.settings };
    } catch (error) {
      return {
        ok: false,
        error: error instanceof RestoreWriteError ? error.message : `Nothing was restored: ${String(error)}`,
      };
    }
  });

  handle('restoreSettings', async ({ settings, mode }) => {
    const checked = v.safeParse(SettingsSchema, settings);
    if (!checked.success) return { ok: false, error: `Settings: ${describeIssue(checked.issues[0])}` };
    await forgetBulkDelivery();
    const { set, remove } = settingsWrites(await browser.storage.local.get(null), checked.output, { kind: mode });
    try {
      if (remove.length) await browser.storage.local.remove(remove);
      if (Object.keys(set).length) await browser.storage.local.set(set);
    } catch (error) {
      await refreshFollowupsAfterDataChange();
      return { ok: false, error: `The records are restored, but the settings could not be: ${String(error)}` };
    }
    const followupsRescheduled = await refreshFollowupsAfterDataChange();
    return { ok: true, written: Object.keys(set).length, removed: remove.length, followupsRescheduled };
  });

  handle('importConnections', async ({ rows }) => {
    const result = await importConnectionBatch(await openRapportDB(), rows, { now: Date.now(), newId });
    // Answered as soon as the batch is in; the schedule follows (it never decides what the reply says).
    void refreshFollowupsAfterDataChange();
    return result;
  });

  handle('autoBackupNow', async () => saveBackupFile(Date.now()));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM)
      checkBackup(Date.now()).catch((error: unknown) => console.warn('Rapport: backup check', error));
  });
  browser.notifications?.onClicked.addListener((notificationId) => {
    if (notificationId !== REMINDER_NOTIFICATION) return;
    void browser.notifications.clear(notificationId);
    void browser.runtime.openOptionsPage();
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The first reminder comes one period after install, not on day one.
    if (reason === 'install')
      backupState.setLastReminderAt(Date.now()).catch((error: unknown) => console.warn('Rapport: backup state', error));
  });
  ensureBackupAlarm().catch((error: unknown) => console.warn('Rapport: could not schedule the backup check', error));
}

/**
 * Restored or imported records may bring follow-ups (due, overdue, or no longer there): deliver what is due
 * and rebuild the alarms and the badge now, not at the next safety alarm. The records are already written,
 * so a failure here is logged, not reported as a failed restore.
 */
async function refreshFollowupsAfterDataChange(): Promise<boolean> {
  try {
    await syncFollowups(Date.now());
    return true;
  } catch (error) {
    console.warn('Rapport: follow-ups after restore or import', error);
    return false;
  }
}

/** See clearBulkDelivery: a failure only risks a restored follow-up being taken as delivered; logged. */
async function forgetBulkDelivery(): Promise<void> {
  await clearBulkDelivery().catch((error: unknown) => console.warn('Rapport: follow-ups before restore', error));
}

async function ensureBackupAlarm(): Promise<void> {
  if (!(await browser.alarms.get(BACKUP_ALARM))) {
    await browser.alarms.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: BACKUP_CHECK_MINUTES });
  }
}

async function canDownload(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: ['downloads'] });
  } catch {
    return false;
  }
}

/** The periodic check: remind, or save the file when automatic backup is on. */
export async function checkBackup(now: number): Promise<void> {
  const settings = await readBackupSchedule();
  const db = await openRapportDB();
  const hasData = (await db.count('contacts')) > 0;
  const action = backupAction(settings, now, { hasData, canDownload: await canDownload() });
  if (action === 'auto-backup') {
    const saved = await saveBackupFile(now);
    if (saved.ok) return;
  }
  if (action === 'none') return;
  const { title, message } = backupNotificationText(settings.lastBackupAt, now);
  await browser.notifications.create(REMINDER_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
  await backupState.setLastReminderAt(now);
}

/** Writes a backup file to the Downloads folder (no dialog); needs the optional downloads permission. */
export async function saveBackupFile(
  now: number,
): Promise<{ ok: true; filename: string } | { ok: false; error: string }> {
  if (!(await canDownload()) || !browser.downloads) {
    return { ok: false, error: 'Automatic backup needs the “downloads” permission: turn it on in the options.' };
  }
  const db = await openRapportDB();
  const all = await browser.storage.local.get(null);
  const { text } = exportBackup(await readAllStores(db), all, now);
  const filename = `rapport/${backupFileName(now)}`;
  const url = fileUrl(text);
  try {
    await browser.downloads.download({ url, filename, conflictAction: 'uniquify', saveAs: false });
  } finally {
    if (url.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  await backupState.setLastBackupAt(now);
  return { ok: true, filename };
}

/** An object URL where the context has them (Firefox's background page); a data URL in Chrome's worker. */
function fileUrl(text: string): string {
  if (typeof URL.createObjectURL === 'function') {
    return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  }
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:application/json;base64,${btoa(binary)}`;
}
