import type { IDBPTransaction } from 'idb';
import {
  type AnyRecord,
  type ChangeSet,
  countChangeSet,
  isEmptyChangeSet,
  planUndo,
  RECORD_STORES,
  type RecordStore,
  recordKey,
  touchedIds,
  UNDO_KEEP_MS,
  type UndoEntry,
  type UndoKind,
} from '../contacts/changeset';
import { type PersonRecords, planDeleteContacts } from '../contacts/delete-plan';
import type { Contact } from '../contacts/model';
import { newId } from '../util/id';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import { type RapportDB, UNDO_STORE } from './schema';

/**
 * Operations on records that can be undone: deletes, merges, bulk edits, imports. Each runs in ONE
 * transaction over the record stores and the undo log, so a worker killed mid-way leaves either nothing
 * or everything, undo entry included. Every removal of a person, note, meeting or follow-up made by these
 * operations goes through `writeChangeSet`.
 */

const TX_STORES = ['contacts', 'timeline', 'meetings', 'followups', UNDO_STORE] as const;
export type RecordsTx = IDBPTransaction<RapportDB, (typeof TX_STORES)[number][], 'readwrite'>;
type ReadTx = IDBPTransaction<RapportDB, (typeof TX_STORES)[number][], IDBTransactionMode>;

/** What the views get back: an undo entry without its records. */
export type UndoSummary = Pick<UndoEntry, 'id' | 'at' | 'kind' | 'names' | 'counts' | 'tag'>;

export function summarize(entry: UndoEntry): UndoSummary {
  const { id, at, kind, names, counts, tag } = entry;
  return tag === undefined ? { id, at, kind, names, counts } : { id, at, kind, names, counts, tag };
}

export class NothingToUndoError extends Error {
  constructor() {
    super('This was already undone, or is more than 30 days old.');
    this.name = 'NothingToUndoError';
  }
}

/** A person and everything that hangs on them, read inside the operation's transaction. */
export async function readPerson(tx: ReadTx, id: string): Promise<PersonRecords | null> {
  const contact = await tx.objectStore('contacts').get(id);
  if (!contact) return null;
  const [timeline, meetings, followups, referred] = await Promise.all([
    tx.objectStore('timeline').index('contactId').getAll(id),
    tx.objectStore('meetings').index('contactId').getAll(id),
    tx.objectStore('followups').index('contactId').getAll(id),
    tx.objectStore('contacts').index('referredById').getAll(id),
  ]);
  // A referrer update lives on whoever referred this person, and names this person.
  const about = contact.referredById
    ? (await tx.objectStore('followups').index('contactId').getAll(contact.referredById)).filter(
        (f) => f.aboutContactId === id,
      )
    : [];
  return { contact, timeline, meetings, followups, referred, about };
}

/** The one place an operation's removals, rewrites and additions reach the store. */
function writeChangeSet(tx: RecordsTx, set: ChangeSet, writes: Promise<unknown>[]): void {
  // Removals first, then rewrites, then additions: a profile URL handed from one record to another never
  // meets itself in the unique index.
  for (const store of RECORD_STORES)
    for (const r of set.removed[store]) writes.push(tx.objectStore(store).delete(r.id));
  for (const { store, after } of set.changed) writes.push(put(tx, store, after));
  for (const { store, record } of set.added) writes.push(put(tx, store, record));
}

/**
 * A record that cannot be stored (not cloneable) throws while the writes are being queued: abort, so the
 * writes queued before it are dropped too, instead of committing half an operation.
 */
async function abortOnThrow(tx: RecordsTx, queue: (writes: Promise<unknown>[]) => void): Promise<Promise<unknown>[]> {
  const writes: Promise<unknown>[] = [];
  try {
    queue(writes);
    return writes;
  } catch (error) {
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
}

function put(tx: RecordsTx, store: RecordStore, record: AnyRecord): Promise<unknown> {
  return tx.objectStore(store).put(record as never);
}

function announce(set: ChangeSet, undoIds: string[]): void {
  for (const [store, ids] of touchedIds(set)) announceChange({ store, ids });
  if (undoIds.length) announceChange({ store: UNDO_STORE, ids: undoIds });
}

export interface Planned {
  set: ChangeSet;
  names: string[];
  tag?: string;
}

/**
 * Runs one undoable operation: `plan` reads what it needs inside the transaction and returns the change
 * set; it is written with its undo entry, and entries older than 30 days are dropped on the way.
 */
export async function runOperation(
  db: RapportDatabase,
  kind: UndoKind,
  now: number,
  plan: (tx: RecordsTx) => Promise<Planned | null>,
): Promise<UndoSummary | null> {
  const tx = db.transaction([...TX_STORES], 'readwrite') as RecordsTx;
  let planned: Planned | null;
  try {
    planned = await plan(tx);
  } catch (error) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  if (!planned || isEmptyChangeSet(planned.set)) {
    await tx.done;
    return null;
  }
  const entry = undoEntry(kind, now, planned);
  const writes = await abortOnThrow(tx, (queue) => {
    writeChangeSet(tx, planned.set, queue);
    queue.push(tx.objectStore(UNDO_STORE).put(entry));
  });
  const purged = await purgeOld(tx, now);
  await Promise.all([...writes, tx.done]);
  announce(planned.set, [entry.id, ...purged]);
  return summarize(entry);
}

function undoEntry(kind: UndoKind, now: number, planned: Planned): UndoEntry {
  const entry: UndoEntry = {
    id: newId(),
    at: now,
    kind,
    names: planned.names.slice(0, 5),
    counts: countChangeSet(planned.set),
    ...planned.set,
  };
  if (planned.tag !== undefined) entry.tag = planned.tag;
  return entry;
}

async function purgeOld(tx: RecordsTx, now: number): Promise<string[]> {
  const index = tx.objectStore(UNDO_STORE).index('at');
  const old = await index.getAllKeys(IDBKeyRange.upperBound(now - UNDO_KEEP_MS, true));
  for (const id of old) void tx.objectStore(UNDO_STORE).delete(id);
  return old;
}

/** People, by id, with what hangs on them; ids no longer stored are skipped. */
export async function readPeople(tx: RecordsTx, ids: readonly string[]): Promise<PersonRecords[]> {
  const people = await Promise.all([...new Set(ids)].map((id) => readPerson(tx, id)));
  return people.filter((p): p is PersonRecords => p !== null);
}

export const namesOf = (contacts: readonly Pick<Contact, 'name'>[]) =>
  contacts.map((c) => c.name ?? '').filter(Boolean);

/** People with what hangs on them, read without writing (a merge preview). */
export async function readPeopleNow(db: RapportDatabase, ids: readonly string[]): Promise<(PersonRecords | null)[]> {
  const tx = db.transaction([...TX_STORES], 'readonly') as ReadTx;
  const people = await Promise.all(ids.map((id) => readPerson(tx, id)));
  await tx.done;
  return people;
}

/** Deletes people with their notes, meetings and follow-ups; links to them are cleared. */
export function deleteContacts(db: RapportDatabase, ids: readonly string[], now: number) {
  return runOperation(db, 'delete-contacts', now, async (tx) => {
    const people = await readPeople(tx, ids);
    return { set: planDeleteContacts(people, now), names: namesOf(people.map((p) => p.contact)) };
  });
}

/**
 * Undoes one logged operation, in one transaction. An import is undone by deleting what it added (itself
 * logged, so that can be undone in turn); anything else by putting back what it removed and reverting what
 * it changed, unless edited since.
 */
export async function undoOperation(db: RapportDatabase, id: string, now: number): Promise<UndoSummary | null> {
  const tx = db.transaction([...TX_STORES], 'readwrite') as RecordsTx;
  const entry = await tx.objectStore(UNDO_STORE).get(id);
  if (!entry) {
    await tx.done;
    throw new NothingToUndoError();
  }
  let set: ChangeSet;
  let logged: UndoEntry | null = null;
  if (entry.kind === 'import') {
    const people = await readPeople(tx, entry.importedIds ?? []);
    set = planDeleteContacts(people, now);
    logged = { ...undoEntry('delete-contacts', now, { set, names: namesOf(people.map((p) => p.contact)) }) };
    if (entry.tag !== undefined) logged.tag = entry.tag;
  } else {
    set = planUndo(entry, await readUndoState(tx, entry), now);
  }
  const writes = await abortOnThrow(tx, (queue) => {
    writeChangeSet(tx, set, queue);
    queue.push(tx.objectStore(UNDO_STORE).delete(id));
    if (logged && !isEmptyChangeSet(set)) queue.push(tx.objectStore(UNDO_STORE).put(logged));
  });
  await Promise.all([...writes, tx.done]);
  announce(set, logged ? [id, logged.id] : [id]);
  return logged ? summarize(logged) : null;
}

async function readUndoState(tx: RecordsTx, done: ChangeSet) {
  const wanted: [RecordStore, string][] = [
    ...done.added.map((a): [RecordStore, string] => [a.store, a.record.id]),
    ...done.changed.map((c): [RecordStore, string] => [c.store, c.after.id]),
    ...RECORD_STORES.flatMap((store) => done.removed[store].map((r): [RecordStore, string] => [store, r.id])),
  ];
  const found = await Promise.all(wanted.map(([store, id]) => tx.objectStore(store).get(id)));
  const current = new Map<string, AnyRecord>();
  wanted.forEach(([store, id], i) => {
    const record = found[i];
    if (record) current.set(recordKey(store, id), record);
  });
  const urls = done.removed.contacts.map((c) => c.profileUrl);
  const owners = await Promise.all(urls.map((url) => tx.objectStore('contacts').index('profileUrl').getKey(url)));
  const urlOwners = new Map<string, string>();
  urls.forEach((url, i) => owners[i] && urlOwners.set(url, owners[i]));
  return { current, urlOwners };
}

/** The undo log, newest first, without entries older than 30 days. */
export async function listUndoLog(db: RapportDatabase, now: number): Promise<UndoSummary[]> {
  const entries = await db.getAllFromIndex(UNDO_STORE, 'at', IDBKeyRange.lowerBound(now - UNDO_KEEP_MS));
  return entries.reverse().map(summarize);
}

/** Drops entries older than 30 days (the background calls it now and then). */
export async function purgeUndoLog(db: RapportDatabase, now: number): Promise<number> {
  const tx = db.transaction([...TX_STORES], 'readwrite') as RecordsTx;
  const purged = await purgeOld(tx, now);
  await tx.done;
  if (purged.length) announceChange({ store: UNDO_STORE, ids: purged });
  return purged.length;
}
