/**
 * Row 7: backup export and restore of 10,000 contacts with 30,000 notes, the way the background does it
 * (lib/background/data.ts): export = readAllStores + exportBackup → text; restore = parseBackup(text) +
 * restoreBackup(db, backup, replace). Settings come from browser.storage in the extension; here there are
 * none (they are a few small items).
 */
import { openDB } from 'idb';
import { exportBackup, parseBackup } from '../../lib/backup/format';
import { readAllStores, restoreBackup } from '../../lib/backup/restore';
import { runMigrations } from '../../lib/db/migrations';
import type { RapportDatabase } from '../../lib/db/open';
import { DB_VERSION, type RapportDB } from '../../lib/db/schema';
import { makeContacts, makeNotes } from './data';
import { deleteDatabase, pause } from './timing';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export interface BackupBench {
  contacts: number;
  notes: number;
  bytes: number;
  mode: string;
  exportMs: number[];
  restoreMs: number[];
  /** The parts: reading the stores, building the file; validating the file, writing it. */
  readMs: number[];
  parseMs: number[];
  /** The same records put with raw idb in one transaction into an empty database. */
  rawWriteMs: number;
  /** restoreBackup alone (no parse) into an empty database. */
  restoreEmptyMs: number;
}

async function freshDB(name: string): Promise<RapportDatabase> {
  await deleteDatabase(name);
  return openDB<RapportDB>(name, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      runMigrations(database, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
}

export default async function run(arg: { contacts: number; notesPer: number; rounds: number }): Promise<BackupBench> {
  const name = 'rapport-bench-backup';
  const db = await freshDB(name);
  try {
    const contacts = makeContacts(arg.contacts, 7);
    const notes = makeNotes(contacts, arg.notesPer, 7);
    // Seeding doubles as a yardstick: the same records put with raw idb in one transaction, empty database.
    gc();
    const seedStart = performance.now();
    const tx = db.transaction(['contacts', 'timeline'], 'readwrite');
    for (const c of contacts) void tx.objectStore('contacts').put(c);
    for (const n of notes) void tx.objectStore('timeline').put(n);
    await tx.done;
    const rawWriteMs = performance.now() - seedStart;

    const now = Date.UTC(2026, 10, 1);
    const exportMs: number[] = [];
    const restoreMs: number[] = [];
    const readMs: number[] = [];
    const parseMs: number[] = [];
    let bytes = 0;
    let restoreEmptyMs = NaN;
    // Seconds-long operations: no warm-up round (it would double the row's time for little).
    for (let round = 0; round < arg.rounds; round++) {
      gc();
      await pause(100);
      let t0 = performance.now();
      const stores = await readAllStores(db);
      const read = performance.now() - t0;
      const { text, problems } = exportBackup(stores, {}, now);
      const exported = performance.now() - t0;
      if (problems.length)
        throw new Error(`export reported ${problems.length} invalid records: ${problems[0]?.message}`);
      bytes = new TextEncoder().encode(text).length;

      exportMs.push(exported);
      readMs.push(read);
      // Restore takes seconds per round: the last round only.
      if (round < arg.rounds - 1) continue;

      gc();
      await pause(100);
      t0 = performance.now();
      const parsed = parseBackup(text);
      const parsedAt = performance.now() - t0;
      if (!parsed.ok) throw new Error(`the exported file does not parse: ${parsed.error}`);
      const { written } = await restoreBackup(db, parsed.backup, { kind: 'replace' });
      const restored = performance.now() - t0;
      if (written.contacts !== contacts.length || written.timeline !== notes.length) {
        throw new Error(`restore wrote ${written.contacts} contacts and ${written.timeline} notes`);
      }
      restoreMs.push(restored);
      parseMs.push(parsedAt);

      // The same restore into an empty database (no records to clear), for comparison with rawWriteMs.
      const empty = await freshDB(`${name}-empty`);
      try {
        gc();
        await pause(100);
        t0 = performance.now();
        await restoreBackup(empty, parsed.backup, { kind: 'replace' });
        restoreEmptyMs = performance.now() - t0;
      } finally {
        empty.close();
        await deleteDatabase(`${name}-empty`);
      }
    }
    return {
      contacts: contacts.length,
      notes: notes.length,
      bytes,
      mode: 'replace',
      exportMs,
      restoreMs,
      rawWriteMs,
      restoreEmptyMs,
      readMs,
      parseMs,
    };
  } finally {
    db.close();
    await deleteDatabase(name);
  }
}
