import type { MergeCounts, Resolution } from '../backup/merge';
import type { JsonValue } from '../backup/schema';
import type { StoreName } from '../db/schema';
import type { ConnectionRow } from '../import/connections';
import type { ImportBatchResult } from '../import/write';

export type RestoreModeName = 'replace' | 'merge';

export type RestorePreview =
  | {
      ok: true;
      exportedAt: string;
      /** Records per store in the file. */
      inFile: Record<StoreName, number>;
      settingsInFile: number;
      /** What a merge would do (new, updated, conflicting, unchanged), over every store. */
      merge: MergeCounts;
      /** A few of the conflicting contacts, by name. */
      conflictNames: string[];
    }
  | { ok: false; error: string };

/**
 * The answer to a restore, sent as soon as the records are committed. The file's settings come back with
 * it: the page then asks for them (and the follow-up schedule) with `restoreSettings`, which answers on
 * its own, so a slow or interrupted second step can never make the first look failed.
 */
export type RestoreOutcome =
  { ok: true; written: Record<StoreName, number>; settings: Record<string, JsonValue> } | { ok: false; error: string };

export type SettingsOutcome =
  { ok: true; written: number; removed: number; followupsRescheduled: boolean } | { ok: false; error: string };

/** Backup, restore and import (options page → background). The file travels as text. */
export interface DataProtocol {
  /** Validates a backup file and says what a merge would change. Writes nothing. */
  previewRestore(data: { text: string }): RestorePreview;
  /** Validates again, then writes the whole file in one transaction (all or nothing). */
  restoreBackup(data: { text: string; mode: RestoreModeName; resolution: Resolution }): RestoreOutcome;
  /** After a restore: writes the backup's settings (checked again), then rebuilds the follow-up schedule. */
  restoreSettings(data: { settings: Record<string, unknown>; mode: RestoreModeName }): SettingsOutcome;
  /**
   * One batch of parsed Connections.csv rows; rows already saved (by profile URL) are left alone. Answers
   * once the batch is committed; the follow-up schedule is refreshed after.
   */
  importConnections(data: { rows: ConnectionRow[] }): ImportBatchResult;
  /** Saves a backup file now through the downloads API (needs the optional permission). */
  autoBackupNow(): { ok: true; filename: string } | { ok: false; error: string };
}
