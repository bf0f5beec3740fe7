import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { migrations } from '@/lib/db/migrations';
import { openRapportDB } from '@/lib/db/open';
import { DB_NAME, DB_VERSION, STORE_NAMES } from '@/lib/db/schema';
import { newContact } from '@/lib/contacts/merge';
import { profile } from '../contacts/factory';

/**
 * Opens a database written by every earlier version (built with that version's migrations only, and
 * filled with that version's records) and checks the current code upgrades it keeping every record.
 */
const recordsWrittenBy: Record<number, (db: IDBPDatabase) => Promise<void>> = {
  1: async (db) => {
    const tx = db.transaction('contacts', 'readwrite');
    for (let i = 0; i < 25; i++) {
      const p = profile({ profileUrl: `https://www.linkedin.com/in/person-${i}/`, name: `Person ${i}` });
      void tx.store.put(newContact(p, { id: `c${i}`, now: i }));
    }
    await tx.done;
  },
};

async function writeOldDatabase(version: number): Promise<void> {
  const old = await openDB(DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion + 1; v <= version; v++) migrations[v]?.(db as never, tx as never);
    },
  });
  for (let v = 1; v <= version; v++) await recordsWrittenBy[v]?.(old);
  old.close();
}

describe('schema upgrades', () => {
  it('has a migration for every version', () => {
    for (let v = 1; v <= DB_VERSION; v++) expect(migrations[v], `migration ${v}`).toBeTypeOf('function');
  });

  for (let version = 1; version < DB_VERSION; version++) {
    it(`upgrades a version ${version} database keeping every record`, async () => {
      await writeOldDatabase(version);
      const db = await openRapportDB();
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
      const contacts = await db.getAll('contacts');
      expect(contacts).toHaveLength(25);
      expect(contacts.find((c) => c.id === 'c7')?.name).toBe('Person 7');
      expect(await db.getFromIndex('contacts', 'profileUrl', 'https://www.linkedin.com/in/person-3/')).toBeDefined();
    });
  }
});
