/** Backup, restore, exports and import (options page). */
export const dataStrings = {
  title: 'Your data',
  localOnly:
    'Everything Rapport knows lives only in this browser: there is no account and no copy anywhere else. Uninstalling Rapport, or clearing this browser’s site data, deletes all of it for good. Save a backup now and then.',
  storageUsed: (used: string, quota: string) => `Storage used: ${used} of the ${quota} this browser allows.`,
  storageUnknown: 'Storage used: unknown in this browser.',
  counts: (contacts: number, notes: number) => `${contacts} people, ${notes} notes and events.`,

  backupTitle: 'Backup',
  saveBackup: 'Save a backup file',
  saving: 'Preparing the file…',
  lastBackup: (when: string) => `Last backup: ${when}.`,
  neverBackedUp: 'Last backup: never.',
  backupSaved: (file: string) => `Saved ${file}. Keep it somewhere safe, outside this computer if you can.`,
  backupProblems: (n: number) =>
    `${n} record(s) have unexpected values; they are in the file, but restoring it will name them and stop. Please report this.`,
  reminderLabel: 'Remind me to back up',
  reminderOff: 'Never',
  reminderEvery: (days: number) => (days === 7 ? 'Every week' : days === 14 ? 'Every two weeks' : `Every ${days} days`),
  autoLabel: 'Save a backup file automatically on that schedule (into Downloads/rapport)',
  autoHint: 'Needs permission to use your downloads; Rapport asks for it only when you turn this on.',
  autoDenied: 'Permission was not given, so automatic backup stays off.',
  autoNeedsSchedule: 'Choose a schedule above first.',
  autoNow: 'Save one there now',
  autoSaved: (file: string) => `Saved ${file} in your Downloads folder.`,

  restoreTitle: 'Restore',
  restoreHint:
    'Choose a Rapport backup file. It is checked completely before anything is written, then written all at once, or not at all.',
  chooseBackup: 'Backup file',
  checking: 'Checking the file…',
  fileTooLarge: (mb: number) => `This file is ${mb} MB: larger than any Rapport backup. Nothing was changed.`,
  inFile: (exportedAt: string, contacts: number, notes: number, others: number) =>
    `Backup of ${exportedAt}: ${contacts} people, ${notes} notes and events, ${others} meetings, follow-ups and questions.`,
  mergePreview: (added: number, updated: number, conflicting: number, unchanged: number) =>
    `Merging would add ${added}, update ${updated} (newer in the backup), leave ${unchanged} identical, and find ${conflicting} conflicting (changed here as recently as in the backup).`,
  conflictExamples: (names: string) => `Conflicts include: ${names}.`,
  keepMine: 'For conflicts, keep what is in this browser',
  takeBackup: 'For conflicts, take the backup’s version',
  merge: 'Merge into my data',
  replace: 'Replace all my data with this backup',
  replaceConfirm: 'Replace everything? Every person, note, meeting and follow-up here is swapped for the backup’s.',
  replaceYes: 'Yes, replace',
  cancel: 'Cancel',
  restoring: 'Restoring…',
  restored: (n: number) => `Restored: ${n} records written.`,
  failed: (error: string) => `Nothing was changed. ${error}`,
  restartedDuringRestore: 'Rapport restarted before it could answer; check your people list.',
  storedNow: (c: { contacts: number; timeline: number; meetings: number; followups: number }) =>
    `Stored now: ${c.contacts} people, ${c.timeline} notes and events, ${c.meetings} meetings, ${c.followups} follow-ups.`,
  restoringSettings: 'Restoring settings and the follow-up schedule…',
  settingsRestored: (rescheduled: boolean) =>
    rescheduled
      ? 'Settings restored, follow-ups rescheduled.'
      : 'Settings restored. Follow-ups will be rescheduled within a few minutes.',
  settingsFailed: (error: string) => `Settings not restored (your records are): ${error}`,
  retry: 'Try again',

  exportTitle: 'Export',
  exportHint: 'Files to use elsewhere. They are not backups: only a backup file can be restored.',
  exportCsv: 'People as a spreadsheet (CSV)',
  exportVcard: 'People as contact cards (vCard)',
  exportIcs: 'Meetings and follow-ups for your calendar (ICS)',
  exported: (file: string) => `Saved ${file}.`,
  exportSkipped: (skipped: readonly { label: string; reason: string }[]) =>
    `Left out ${skipped.length} that could not be written safely: ${skipped
      .slice(0, 3)
      .map((s) => `${s.label} (${s.reason})`)
      .join('; ')}${skipped.length > 3 ? '; …' : ''}.`,

  importTitle: 'Import LinkedIn connections',
  importHint:
    'In LinkedIn, ask for a copy of your data (Settings, Data privacy) and pick Connections. Choose the Connections.csv from the archive: each person becomes someone to ask, and people already here are left as they are.',
  chooseCsv: 'Connections.csv',
  importReady: (rows: number, skipped: number, withoutLink: number) =>
    `${rows} people found${withoutLink ? ` (${withoutLink} without a profile link)` : ''}${skipped ? `, ${skipped} rows skipped (a repeat, or a link that is not a LinkedIn profile)` : ''}.`,
  importStart: (rows: number) => `Import ${rows} people`,
  importing: 'Importing…',
  importProgress: 'Import progress',
  imported: (added: number, existing: number) =>
    `Done: ${added} people added${existing ? `, ${existing} already in Rapport` : ''}.`,
  importFailed: (added: number, error: string) =>
    `Stopped. ${added} people of this file were added so far (they are saved; continuing skips them). ${error}`,
  importContinue: 'Continue the import',
} as const;
