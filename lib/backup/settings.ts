import { storage } from 'wxt/utils/storage';
import { defineSettings } from '../settings/define';
import type { BackupSettings } from './schedule';

export * from './schedule';

/** What the user chooses (written by the options page only). */
export type BackupPreferences = Pick<BackupSettings, 'reminderDays' | 'autoBackup'>;
/** What happened (each field in its own key, see backupState). */
export type BackupState = Pick<BackupSettings, 'lastBackupAt' | 'lastReminderAt'>;

export const backupSettings = defineSettings<BackupPreferences>(
  'backup',
  { reminderDays: 7, autoBackup: false },
  { version: 1 },
);

/*
 * The times of the last backup and the last reminder are written by the background (and the last backup
 * also by the options page): each has its own storage key, written whole, so no writer can overwrite
 * another's field with a stale copy (a read-modify-write of one shared object could). They are state,
 * not preferences: outside `settings:*`, so a restored backup does not bring back an old date.
 */
const lastBackupItem = storage.defineItem<number | null>('local:backup:lastBackupAt', { fallback: null });
const lastReminderItem = storage.defineItem<number | null>('local:backup:lastReminderAt', { fallback: null });

/** Before the split both times lived in the `settings:backup` object: still read from there until rewritten. */
async function legacyState(): Promise<Partial<Record<keyof BackupState, unknown>>> {
  return (await storage.getItem<Record<string, unknown>>(`local:${backupSettings.key}`)) ?? {};
}
const time = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export const backupState = {
  async get(): Promise<BackupState> {
    const [lastBackupAt, lastReminderAt, legacy] = await Promise.all([
      lastBackupItem.getValue(),
      lastReminderItem.getValue(),
      legacyState(),
    ]);
    return {
      lastBackupAt: lastBackupAt ?? time(legacy.lastBackupAt),
      lastReminderAt: lastReminderAt ?? time(legacy.lastReminderAt),
    };
  },
  setLastBackupAt: (at: number): Promise<void> => lastBackupItem.setValue(at),
  setLastReminderAt: (at: number): Promise<void> => lastReminderItem.setValue(at),
  watch(listener: (value: BackupState) => void): () => void {
    const changed = () => void backupState.get().then(listener);
    const stops = [lastBackupItem.watch(changed), lastReminderItem.watch(changed)];
    return () => stops.forEach((stop) => stop());
  },
};

/** Preferences and state together, as the schedule (backupAction) needs them. */
export async function readBackupSchedule(): Promise<BackupSettings> {
  const [prefs, state] = await Promise.all([backupSettings.get(), backupState.get()]);
  return { reminderDays: prefs.reminderDays, autoBackup: prefs.autoBackup, ...state };
}
