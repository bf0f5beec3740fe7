import { unwrap } from 'idb';
import type { Contact } from '../contacts/model';
import { listDueActive } from './followups';
import type { RapportDatabase } from './open';

interface RecordsIndex {
  getAllRecords?: (options: { direction: 'prev'; count: number }) => IDBRequest<{ value: Contact }[]>;
}

/**
 * The `limit` most recently updated contacts, newest first: one request where the browser has
 * `getAllRecords`, else a cursor on the updatedAt index. Never a full scan, so its cost does not grow
 * with the number of people saved (the first screen of the popup and the side panel).
 */
export async function listRecentContacts(db: RapportDatabase, limit: number): Promise<Contact[]> {
  const raw = unwrap(db.transaction('contacts').store.index('updatedAt')) as unknown as RecordsIndex;
  if (typeof raw.getAllRecords === 'function') {
    const request = raw.getAllRecords({ direction: 'prev', count: limit });
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result.map((record) => record.value));
      request.onerror = () => reject(request.error);
    });
  }
  const out: Contact[] = [];
  let cursor = await db.transaction('contacts').store.index('updatedAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** How many people are saved, counted by the database (no record is read). */
export function countContacts(db: RapportDatabase): Promise<number> {
  return db.count('contacts');
}

/** Contacts with an active follow-up due by `now`: the same read the badge and the notifications use. */
export async function followupDueContactIds(db: RapportDatabase, now: number): Promise<Set<string>> {
  return new Set((await listDueActive(db, now)).map((f) => f.contactId));
}
