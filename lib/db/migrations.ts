import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { RapportDB } from './schema';

type UpgradeTx = IDBPTransaction<RapportDB, StoreNames<RapportDB>[], 'versionchange'>;
type Migration = (db: IDBPDatabase<RapportDB>, tx: UpgradeTx) => void;

/**
 * migrations[v] brings a database from version v-1 to v. Never edit a released one:
 * add the next. Each must keep every existing record (tests/lib/db/upgrade.test.ts).
 */
export const migrations: Record<number, Migration> = {
  // 0.1.0: contacts only.
  1: (db) => {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('profileUrl', 'profileUrl', { unique: true });
    contacts.createIndex('updatedAt', 'updatedAt');
    contacts.createIndex('status', 'status');
  },
  // Workflow stores: timeline, meetings, follow-ups, question bank.
  2: (db) => {
    const timeline = db.createObjectStore('timeline', { keyPath: 'id' });
    timeline.createIndex('contactId', 'contactId');
    timeline.createIndex('at', 'at');
    const meetings = db.createObjectStore('meetings', { keyPath: 'id' });
    meetings.createIndex('contactId', 'contactId');
    meetings.createIndex('startsAt', 'startsAt');
    const followups = db.createObjectStore('followups', { keyPath: 'id' });
    followups.createIndex('contactId', 'contactId');
    followups.createIndex('dueAt', 'dueAt');
    followups.createIndex('status', 'status');
    const questions = db.createObjectStore('questions', { keyPath: 'id' });
    questions.createIndex('topic', 'topic');
  },
  // Undo: the log of deletes, merges, imports and bulk edits (kept 30 days), and the referral index that
  // lets a delete or a merge find who a person referred without reading every contact.
  3: (db, tx) => {
    const undo = db.createObjectStore('undoLog', { keyPath: 'id' });
    undo.createIndex('at', 'at');
    tx.objectStore('contacts').createIndex('referredById', 'referredById');
  },
  // Sync with the user's CardDAV/CalDAV server: its own stores, nothing else changes.
  4: (db) => {
    const objects = db.createObjectStore('syncObjects', { keyPath: 'key' });
    objects.createIndex('href', 'href', { unique: true });
    db.createObjectStore('syncCollections', { keyPath: 'role' });
  },
};

export function runMigrations(
  db: IDBPDatabase<RapportDB>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
): void {
  // A database without a single store holds nothing to keep, whatever its number says: something opened the
  // name without a version before Rapport did (a test's or a developer console's `indexedDB.open('rapport')`
  // makes an empty version 1). Build it whole rather than fail every later open on a store that is not there.
  const from = db.objectStoreNames.length === 0 ? 0 : oldVersion;
  for (let v = from + 1; v <= newVersion; v++) migrations[v]?.(db, tx);
}
