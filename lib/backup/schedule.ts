/** The backup schedule: pure functions and names, free of browser APIs (Node tests import them). */
export interface BackupSettings extends Record<string, unknown> {
  /** Days between backup reminders; 0 turns the reminder off. */
  reminderDays: number;
  /** Save a backup file through the downloads API on the reminder's schedule (optional permission). */
  autoBackup: boolean;
  /** When the user last saved a backup (by hand or automatically); null = never. Kept in its own key (backupState). */
  lastBackupAt: number | null;
  /** When we last reminded, so one reminder is shown per period. */
  lastReminderAt: number | null;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export { BACKUP_ALARM } from '../names';
/** How often the background looks whether a reminder or an automatic backup is due. */
export const BACKUP_CHECK_MINUTES = 6 * 60;

export type BackupAction = 'none' | 'remind' | 'auto-backup';

/**
 * What the periodic check should do now. A reminder is due when the last backup (or, for a new user,
 * the first reminder period since install) is older than the period, and no reminder was shown within
 * the period. With automatic backup on, the file is saved instead of reminding.
 */
export function backupAction(
  settings: Pick<BackupSettings, 'reminderDays' | 'autoBackup' | 'lastBackupAt' | 'lastReminderAt'>,
  now: number,
  opts: { hasData: boolean; canDownload: boolean },
): BackupAction {
  if (!opts.hasData || settings.reminderDays <= 0) return 'none';
  const period = settings.reminderDays * DAY_MS;
  const backedUpRecently = settings.lastBackupAt !== null && now - settings.lastBackupAt < period;
  if (backedUpRecently) return 'none';
  if (settings.autoBackup && opts.canDownload) return 'auto-backup';
  const remindedRecently = settings.lastReminderAt !== null && now - settings.lastReminderAt < period;
  return remindedRecently ? 'none' : 'remind';
}

/** `2026-11-22`: the user's local date, for file names. */
export function localDateStamp(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `rapport-backup-2026-11-22.json` (local date of the user). */
export function backupFileName(now: number): string {
  return `rapport-backup-${localDateStamp(now)}.json`;
}
