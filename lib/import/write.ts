import * as v from 'valibot';
import { describeIssue } from '../backup/format';
import { ConnectionBatchSchema } from '../backup/schema';
import { importTag } from '../contacts/bulk';
import type { RapportDatabase } from '../db/open';
import { writeImportBatch } from '../db/import-batch';
import type { UndoSummary } from '../db/records';
import { type ConnectionRow, contactsFromRows } from './connections';

export interface ImportBatchResult {
  added: number;
  existing: number;
  /** The import's undo entry (every batch of the day joins it) and its tag, e.g. "imported 2026-12-02". */
  undo?: UndoSummary;
}

/**
 * Adds one batch of connection rows in one transaction (lib/db/import-batch.ts): stored profile URLs are
 * looked up inside it, so a row is never added twice even when a batch is sent again after a worker restart.
 */
export async function importConnectionBatch(
  db: RapportDatabase,
  rows: readonly ConnectionRow[],
  opts: { now: number; newId: () => string },
): Promise<ImportBatchResult> {
  // The rows come by message: checked like any other input before a write.
  const checked = v.safeParse(ConnectionBatchSchema, rows);
  if (!checked.success) throw new Error(`Import refused: ${describeIssue(checked.issues[0])}`);
  const { added, existing, undo } = await writeImportBatch(
    db,
    rows.map((row) => row.profileUrl),
    (existingUrls) => contactsFromRows(rows, existingUrls, opts),
    { now: opts.now, tag: importTag(opts.now) },
  );
  return undo ? { added, existing, undo } : { added, existing };
}
