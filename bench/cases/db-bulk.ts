/**
 * Row 6: writing 10,000 contacts through the repository layer (lib/db) vs the same records put with raw idb
 * in one transaction. Each variant gets its own fresh database built by the real migrations. The bulk path is
 * saveCaptures (one transaction, the same merge rules as a single save). An information row compares
 * saveCapture (one transaction per contact, as the background does for each click) with raw idb at one
 * transaction per record.
 */
import { openDB } from 'idb';
import { newContact } from '../../lib/contacts/merge';
import type { CapturedProfile } from '../../lib/contacts/model';
import { saveCapture, saveCaptures } from '../../lib/db/contacts';
import { runMigrations } from '../../lib/db/migrations';
import type { RapportDatabase } from '../../lib/db/open';
import { DB_VERSION, type RapportDB } from '../../lib/db/schema';
import { makeProfile, rng } from './data';
import { deleteDatabase, pause } from './timing';

const NAME = 'rapport-bench-bulk';
const NOW = Date.UTC(2026, 10, 1);

async function freshDB(): Promise<RapportDatabase> {
  await deleteDatabase(NAME);
  const db = await openDB<RapportDB>(NAME, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      runMigrations(database, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
  await pause();
  return db;
}

async function timed(work: (db: RapportDatabase) => Promise<unknown>): Promise<number> {
  const db = await freshDB();
  try {
    const t0 = performance.now();
    await work(db);
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

const viaRepository = (profiles: readonly CapturedProfile[]) => async (db: RapportDatabase) => {
  await saveCaptures(
    db,
    profiles.map((profile) => ({ profile })),
    { now: NOW },
  );
};
const oneByOne = (profiles: readonly CapturedProfile[]) => async (db: RapportDatabase) => {
  for (const profile of profiles) await saveCapture(db, profile, { now: NOW });
};

export interface BulkResult {
  n: number;
  repository: number[];
  rawOneTx: number[];
  repositoryFunction: string;
  perRecordN: number;
  perRecordRepository: number;
  perRecordRaw: number;
}

export default async function run({
  n,
  rawRounds,
  perRecordN,
}: {
  n: number;
  rawRounds: number;
  perRecordN: number;
}): Promise<BulkResult> {
  const rand = rng(6);
  const profiles = Array.from({ length: n }, (_, i) => makeProfile(rand, i));
  // The same records as the repository stores them (newContact is what saveCapture writes for a new person).
  const records = profiles.map((profile, i) => newContact(profile, { id: `raw-${i}`, now: NOW }));
  const rawOneTx = async (db: RapportDatabase, list = records) => {
    const tx = db.transaction('contacts', 'readwrite');
    for (const record of list) void tx.store.put(record);
    await tx.done;
  };
  const small = profiles.slice(0, perRecordN);
  const smallRecords = records.slice(0, perRecordN);

  // Warm-up: JIT and IndexedDB backing store, on a small slice of each path.
  await timed(viaRepository(profiles.slice(0, 200)));
  await timed((db) => rawOneTx(db, records.slice(0, 200)));

  const perRecordRepository = await timed(oneByOne(small));
  const perRecordRaw = await timed(async (db) => {
    for (const record of smallRecords) await db.put('contacts', record);
  });
  const repository: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < rawRounds; i++) {
    repository.push(await timed(viaRepository(profiles)));
    raw.push(await timed(rawOneTx));
  }
  await deleteDatabase(NAME);
  return {
    n,
    repository,
    rawOneTx: raw,
    repositoryFunction: 'saveCaptures, one transaction',
    perRecordN,
    perRecordRepository,
    perRecordRaw,
  };
}
