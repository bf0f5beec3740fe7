import { openDB, type IDBPDatabase } from 'idb';
import { runMigrations } from './migrations';
import { DB_NAME, DB_VERSION, type RapportDB } from './schema';

export type RapportDatabase = IDBPDatabase<RapportDB>;

let pending: Promise<RapportDatabase> | null = null;

/**
 * One connection per context, opened lazily. The cached promise is only a cache: after the MV3 worker
 * restarts it is simply opened again.
 */
export function openRapportDB(): Promise<RapportDatabase> {
  pending ??= openDB<RapportDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, oldVersion, newVersion ?? DB_VERSION, tx);
    },
    blocking(_current, _next, event) {
      // A newer schema wants in (the extension was updated): step aside; the next call reopens.
      (event.target as IDBDatabase).close();
      pending = null;
    },
    terminated() {
      pending = null;
    },
  }).catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

/** Tests: close and forget the cached connection (each test gets a fresh IndexedDB). */
export async function resetDBConnection(): Promise<void> {
  const db = pending ? await pending.catch(() => null) : null;
  db?.close();
  pending = null;
}
