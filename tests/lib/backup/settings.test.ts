import { describe, expect, it } from 'vitest';
import { backupAction, backupFileName, DAY_MS } from '@/lib/backup/settings';

const NOW = Date.UTC(2026, 10, 22, 12);
const base = { reminderDays: 7, autoBackup: false, lastBackupAt: null, lastReminderAt: null };

describe('backup reminder', () => {
  it.each([
    ['no data yet', base, { hasData: false, canDownload: false }, 'none'],
    ['never backed up', base, { hasData: true, canDownload: false }, 'remind'],
    [
      'backed up 6 days ago',
      { ...base, lastBackupAt: NOW - 6 * DAY_MS },
      { hasData: true, canDownload: false },
      'none',
    ],
    [
      'backed up 8 days ago',
      { ...base, lastBackupAt: NOW - 8 * DAY_MS },
      { hasData: true, canDownload: false },
      'remind',
    ],
    [
      'reminded 2 days ago',
      { ...base, lastBackupAt: NOW - 9 * DAY_MS, lastReminderAt: NOW - 2 * DAY_MS },
      { hasData: true, canDownload: false },
      'none',
    ],
    ['reminder off', { ...base, reminderDays: 0 }, { hasData: true, canDownload: true }, 'none'],
    ['automatic, permitted', { ...base, autoBackup: true }, { hasData: true, canDownload: true }, 'auto-backup'],
    [
      'automatic, permitted, even right after a reminder',
      { ...base, autoBackup: true, lastReminderAt: NOW },
      { hasData: true, canDownload: true },
      'auto-backup',
    ],
    [
      'automatic but permission withdrawn: remind',
      { ...base, autoBackup: true },
      { hasData: true, canDownload: false },
      'remind',
    ],
    [
      'monthly, 20 days',
      { ...base, reminderDays: 30, lastBackupAt: NOW - 20 * DAY_MS },
      { hasData: true, canDownload: false },
      'none',
    ],
  ] as const)('%s → %s', (_what, settings, opts, expected) => {
    expect(backupAction(settings, NOW, opts)).toBe(expected);
  });

  it('names files by local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe('rapport-backup-2026-01-05.json');
  });
});
