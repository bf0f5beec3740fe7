import { defineSettings } from '../settings/define';
import type { BackupSettings } from './schedule';

export * from './schedule';

export const backupSettings = defineSettings<BackupSettings>(
  'backup',
  { reminderDays: 7, autoBackup: false, lastBackupAt: null, lastReminderAt: null },
  { version: 1 },
);
