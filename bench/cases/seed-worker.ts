/**
 * Row 4 seeding: evaluated inside the extension's service worker (its IndexedDB is the extension's), it
 * replaces every contact with `n` generated ones in one transaction. Opens the database the way the
 * extension does (same name, version and migrations) and closes it again, so it never blocks an upgrade.
 */
import { openDB } from 'idb';
import { runMigrations } from '../../lib/db/migrations';
import { DB_NAME, DB_VERSION, type RapportDB } from '../../lib/db/schema';
import { makeContacts } from './data';

async function seed(n: number): Promise<number> {
  const db = await openDB<RapportDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      runMigrations(database, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
  try {
    const tx = db.transaction('contacts', 'readwrite');
    await tx.store.clear();
    for (const contact of makeContacts(n, 4)) void tx.store.put(contact);
    await tx.done;
    return await db.count('contacts');
  } finally {
    db.close();
  }
}

(globalThis as unknown as { __rapportBenchSeed: typeof seed }).__rapportBenchSeed = seed;
