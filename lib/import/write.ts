import * as v from 'valibot';
import { describeIssue } from '../backup/format';
import { ConnectionBatchSchema } from '../backup/schema';
import { announceChange } from '../db/changes';
import type { RapportDatabase } from '../db/open';
import { type ConnectionRow, contactsFromRows } from './connections';

export interface ImportBatchResult {
  added: number;
  existing: number;
}

/**
 * Adds one batch of connection rows in one transaction: the stored profile URLs are looked up inside the
 * same transaction, so a row is never added twice even when a batch is sent again after a worker restart.
 */
export async function importConnectionBatch(
  db: RapportDatabase,
  rows: readonly ConnectionRow[],
  opts: { now: number; newId: () => string },
): Promise<ImportBatchResult> {
  // The rows come by message: checked like any other input before a write.
  const checked = v.safeParse(ConnectionBatchSchema, rows);
  if (!checked.success) throw new Error(`Import refused: ${describeIssue(checked.issues[0])}`);
  const tx = db.transaction('contacts', 'readwrite');
  const byUrl = tx.store.index('profileUrl');
  const found = await Promise.all(rows.map((row) => byUrl.getKey(row.profileUrl)));
  const existingUrls = new Set(rows.filter((_, i) => found[i] !== undefined).map((row) => row.profileUrl));
  const { contacts, existing } = contactsFromRows(rows, existingUrls, opts);
  const puts = contacts.map((contact) => tx.store.put(contact));
  await Promise.all([...puts, tx.done]);
  if (contacts.length) announceChange({ store: 'contacts', ids: contacts.map((c) => c.id) });
  return { added: contacts.length, existing };
}
