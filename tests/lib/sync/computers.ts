import { type SaveCaptureResult, saveCaptures } from '@/lib/db/contacts';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { runMigrations } from '@/lib/db/migrations';
import type { RapportDatabase } from '@/lib/db/open';
import { DB_NAME, DB_VERSION, type RapportDB } from '@/lib/db/schema';
import { DavSession } from '@/lib/sync/dav';
import type { DirtyHints } from '@/lib/sync/dirty';
import { runSync, type SyncReport } from '@/lib/sync/engine';
import { newId } from '@/lib/util/id';
import type { RadicaleServer } from './radicale';

/** One "computer": its own IndexedDB (its own fake factory) and its own sync engine, against one server. */
export interface Computer {
  db: RapportDatabase;
  /** One run; `dirty` as the background's tracker would give it (absent: compare every record). */
  sync(dirty?: DirtyHints): Promise<SyncReport>;
  now: { value: number };
  /** Every request this computer made, as `METHOD path`. */
  requests: string[];
}

export async function openComputer(
  server: RadicaleServer,
  opts: { password?: string; start?: number } = {},
): Promise<Computer> {
  const factory = new IDBFactory();
  const saved = globalThis.indexedDB;
  globalThis.indexedDB = factory;
  let db: RapportDatabase;
  try {
    db = await openDB<RapportDB>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        runMigrations(database, oldVersion, newVersion ?? DB_VERSION, tx);
      },
    });
  } finally {
    globalThis.indexedDB = saved;
  }
  const now = { value: opts.start ?? Date.UTC(2026, 10, 2, 9) };
  const requests: string[] = [];
  const dav = new DavSession(
    { serverUrl: server.url, username: server.user, password: opts.password ?? server.password },
    (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return globalThis.fetch(input, init);
    },
  );
  return { db, now, requests, sync: (dirty) => runSync({ db, dav, now: () => now.value, newId, dirty }) };
}

/** Saves one capture and returns its result (saveCaptures with a one-item batch). */
export async function saveOne(
  db: RapportDatabase,
  items: Parameters<typeof saveCaptures>[1],
  opts: { now: number },
): Promise<SaveCaptureResult> {
  const [result] = await saveCaptures(db, items, opts);
  if (!result) throw new Error('nothing saved');
  return result;
}
