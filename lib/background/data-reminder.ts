import { DAY_MS } from '../backup/settings';

export const REMINDER_NOTIFICATION = 'rapport:backup-reminder';

/** The reminder's words (the background may not import lib/ui; the options page says the same at length). */
export function backupNotificationText(lastBackupAt: number | null, now: number): { title: string; message: string } {
  const days = lastBackupAt === null ? null : Math.floor((now - lastBackupAt) / DAY_MS);
  return {
    title: 'Time to back up Rapport',
    message:
      days === null
        ? 'Your people and notes live only in this browser and you have never saved a copy. Click to open Rapport’s options and save one.'
        : `Your last backup is ${days} days old. Click to save a fresh copy from Rapport’s options.`,
  };
}
