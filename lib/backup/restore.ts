import { unwrap } from 'idb';
import { announceChange } from '../db/changes';
import type { RapportDatabase } from '../db/open';
import { STORE_NAMES, type StoreName } from '../db/schema';
import type { Backup } from './format';
import { type MergePlan, mergeWrites, planMerge, type Resolution } from './merge';
import type { JsonValue, StoreRecords } from './schema';

/** Every record of every store, read in one transaction (a consistent snapshot). */
export async function readAllStores(db: RapportDatabase): Promise<StoreRecords> {
  const tx = db.transaction([...STORE_NAMES], 'readonly');
  const [contacts, timeline, meetings, followups, questions] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('timeline').getAll(),
    tx.objectStore('meetings').getAll(),
    tx.objectStore('followups').getAll(),
    tx.objectStore('questions').getAll(),
  ]);
  await tx.done;
  return { contacts, timeline, meetings, followups, questions };
}

export type RestoreMode = { kind: 'replace' } | { kind: 'merge'; resolution: Resolution };

export interface RestoreResult {
  written: Record<StoreName, number>;
  plan: MergePlan | null;
}

/**
 * Writes a validated backup in ONE readwrite transaction over every store: a crash, a killed worker or a
 * refused record (e.g. a profile URL already taken) aborts it whole and leaves the store as it was.
 * Requests are queued without awaiting each one (the transaction keeps their order).
 */
export async function restoreBackup(
  db: RapportDatabase,
  backup: Pick<Backup, 'stores'>,
  mode: RestoreMode,
): Promise<RestoreResult> {
  let writes: StoreRecords = backup.stores;
  let plan: MergePlan | null = null;
  if (mode.kind === 'merge') {
    plan = planMerge(await readAllStores(db), backup.stores);
    writes = mergeWrites(backup.stores, plan, mode.resolution);
  }
  // Relaxed durability: atomicity is the same (all or nothing); only the disk flush is left to the OS, and
  // the backup file the user restores from still exists should the computer crash in that instant.
  const tx = db.transaction([...STORE_NAMES], 'readwrite', { durability: 'relaxed' });
  const written = {} as Record<StoreName, number>;
  try {
    for (const store of STORE_NAMES) {
      // The raw store: no promise per request (40,000 of them cost more than the writes' bookkeeping).
      const os = unwrap(tx.objectStore(store));
      if (mode.kind === 'replace') os.clear();
      const records = writes[store] as unknown[];
      for (let i = 0; i < records.length; i++) os.put(records[i]);
      written[store] = records.length;
    }
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  // A refused request aborts the whole transaction, and tx.done rejects with its error.
  try {
    await tx.done;
  } catch (error) {
    throw new RestoreWriteError(error);
  }
  for (const store of STORE_NAMES) {
    // A replace also removed records: no id list names those, so it announces the whole store (no ids).
    if (mode.kind === 'replace') announceChange({ store, ids: [] });
    else {
      const ids = (writes[store] as { id: string }[]).map((r) => r.id);
      if (ids.length) announceChange({ store, ids });
    }
  }
  return { written, plan };
}

export class RestoreWriteError extends Error {
  constructor(cause: unknown) {
    const name = (cause as { name?: string } | null)?.name;
    super(
      name === 'ConstraintError'
        ? 'Nothing was restored: two contacts would share one profile URL. Try "replace" instead of "merge".'
        : `Nothing was restored: the database refused the write (${cause instanceof Error ? cause.message : String(cause)}).`,
    );
    this.name = 'RestoreWriteError';
  }
}

/** The settings a restore writes, and the `settings:*` keys it removes (replace only). */
export function settingsWrites(
  current: Record<string, unknown>,
  backup: Record<string, JsonValue>,
  mode: Pick<RestoreMode, 'kind'>,
): { set: Record<string, JsonValue>; remove: string[] } {
  const currentKeys = Object.keys(current).filter((key) => key.startsWith('settings:'));
  if (mode.kind === 'replace') {
    return { set: { ...backup }, remove: currentKeys.filter((key) => !(key in backup)) };
  }
  // Merge keeps the settings in use and only adds those this browser lacks.
  const set: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(backup)) if (!currentKeys.includes(key)) set[key] = value;
  return { set, remove: [] };
}
