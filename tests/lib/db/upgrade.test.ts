import { openDB } from 'idb';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS, type StoreRecords } from '@/lib/backup/schema';
import { migrations } from '@/lib/db/migrations';
import { openRapportDB } from '@/lib/db/open';
import { ALL_STORE_NAMES, DB_NAME, DB_VERSION, STORE_NAMES, SYNC_STORE_NAMES, type StoreName } from '@/lib/db/schema';
import { sampleStores } from '../backup/factory';

/**
 * Opens a database written by every earlier version (built with that version's migrations only, and
 * filled with records in EVERY store that version had) and checks the current code upgrades it keeping
 * every record, each still a valid record of today's schema (the backup validators).
 *
 * When a migration changes the shape of records, give `recordsFor` that version's shapes and add to
 * `expectedAfter` how a record of that version looks once upgraded.
 */
const recordsFor: Record<number, () => StoreRecords> = {};
const expectedAfter: Record<number, (store: StoreName, record: unknown) => unknown> = {};

function records(version: number): StoreRecords {
  const stores = (recordsFor[version] ?? (() => sampleStores({ contacts: 25, notesPer: 3, prefix: `v${version}-` })))();
  // Some people referred by others, so the version 3 referral index has something to cover.
  stores.contacts = stores.contacts.map((c, i, all) => (i % 3 === 1 ? { ...c, referredById: all[i - 1]!.id } : c));
  return stores;
}

async function writeOldDatabase(version: number): Promise<{ stores: StoreName[]; written: StoreRecords }> {
  const old = await openDB(DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let n = oldVersion + 1; n <= version; n++) migrations[n]?.(db as never, tx as never);
    },
  });
  const stores = STORE_NAMES.filter((store) => old.objectStoreNames.contains(store));
  const written = records(version);
  const tx = old.transaction(stores, 'readwrite');
  for (const store of stores) for (const record of written[store]) void tx.objectStore(store).put(record);
  await tx.done;
  old.close();
  return { stores, written };
}

describe('schema upgrades', () => {
  it('has a migration for every version', () => {
    for (let n = 1; n <= DB_VERSION; n++) expect(migrations[n], `migration ${n}`).toBeTypeOf('function');
  });

  it('the fixture fills every store of the current version', () => {
    const all = records(DB_VERSION);
    for (const store of STORE_NAMES) expect(all[store].length, store).toBeGreaterThan(0);
  });

  it('builds the whole schema on an empty database that something opened without a version', async () => {
    (await openDB(DB_NAME)).close();
    const db = await openRapportDB();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...ALL_STORE_NAMES, ...SYNC_STORE_NAMES].sort());
    expect(await db.getAllFromIndex('contacts', 'referredById', 'nobody')).toEqual([]);
  });

  for (let version = 1; version < DB_VERSION; version++) {
    it(`upgrades a version ${version} database keeping every record of every store`, async () => {
      const { stores, written } = await writeOldDatabase(version);
      expect(stores.length).toBeGreaterThan(0);
      const db = await openRapportDB();
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual([...ALL_STORE_NAMES, ...SYNC_STORE_NAMES].sort());
      // Version 4: sync starts with no server state, so the first sync compares everything.
      for (const store of SYNC_STORE_NAMES) expect(await db.count(store), store).toBe(0);
      for (const store of stores) {
        const after = await db.getAll(store);
        expect(after, store).toHaveLength(written[store].length);
        const byId = new Map(after.map((r) => [r.id, r]));
        for (const record of written[store]) {
          const upgraded = byId.get(record.id);
          expect(upgraded, `${store} ${record.id}`).toEqual(expectedAfter[version]?.(store, record) ?? record);
          const valid = v.safeParse(RECORD_SCHEMAS[store] as v.GenericSchema, upgraded);
          expect(valid.success, `${store} ${record.id} is a valid record today`).toBe(true);
        }
      }
      const first = written.contacts[3]!;
      expect(await db.getFromIndex('contacts', 'profileUrl', first.profileUrl)).toEqual(first);
      // Version 3: the undo log starts empty and the referral index covers records written before it.
      expect(await db.count('undoLog')).toBe(0);
      const referred = written.contacts.filter((c) => c.referredById !== null);
      expect(referred.length).toBeGreaterThan(0);
      for (const c of referred)
        expect((await db.getAllFromIndex('contacts', 'referredById', c.referredById!)).map((r) => r.id)).toContain(
          c.id,
        );
    });
  }
});
