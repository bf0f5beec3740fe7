import type { IDBPTransaction } from 'idb';
import type { Contact } from '../contacts/model';
import type { DirtyHints } from '../sync/dirty';
import { buildPayloads, type LocalRecords, parseKey, payloadFor } from '../sync/local';
import { type Payload, samePayload } from '../sync/payload';
import type { SyncCollectionState, SyncObject } from '../sync/state';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import type { Followup, Meeting, RapportDB, StoreName, TimelineEntry } from './schema';

/**
 * Every IndexedDB read and write of sync. Pulled changes and the sync state move together in one
 * transaction, so a worker killed mid-sync leaves either the old record and old state or both new ones: the
 * next run redoes what was lost, and nothing is applied twice.
 */

export async function readLocalRecords(db: RapportDatabase): Promise<LocalRecords> {
  const tx = db.transaction(['contacts', 'timeline', 'meetings', 'followups']);
  const [contacts, timeline, meetings, followups] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('timeline').getAll(),
    tx.objectStore('meetings').getAll(),
    tx.objectStore('followups').getAll(),
  ]);
  await tx.done;
  return { contacts, timeline, meetings, followups };
}

export async function readSyncObjects(db: RapportDatabase): Promise<Map<string, SyncObject>> {
  return new Map((await db.getAll('syncObjects')).map((o) => [o.key, o]));
}

/** The sync state of some objects, by key and by href: an incremental run touches a few, never reads them all. */
export async function readSyncObjectsFor(
  db: RapportDatabase,
  keys: Iterable<string>,
  hrefs: Iterable<string>,
): Promise<Map<string, SyncObject>> {
  const tx = db.transaction('syncObjects');
  const found = await Promise.all([
    ...[...new Set(keys)].map((key) => tx.store.get(key)),
    ...[...new Set(hrefs)].map((href) => tx.store.index('href').get(href)),
  ]);
  await tx.done;
  return new Map(found.filter((o): o is SyncObject => !!o).map((o) => [o.key, o]));
}

/** What a run needs of the local records: the payloads it looks at, and the people they name. */
export interface LocalView {
  payloads: Map<string, Payload>;
  /** People by id (names for calendar titles, createdAt for the same-person rule). */
  contacts: Map<string, Contact>;
  /** People by profile URL, for the URLs asked. */
  byUrl: Map<string, Contact>;
}

/**
 * The local view for `keys` (or every record: a first pull, a full comparison) and the people holding `urls`.
 * One read transaction; per key it reads only that person's or that record's rows.
 */
export async function readLocalView(
  db: RapportDatabase,
  keys: Iterable<string> | 'all',
  urls: Iterable<string> = [],
): Promise<LocalView> {
  if (keys === 'all') {
    const records = await readLocalRecords(db);
    const contacts = new Map(records.contacts.map((c) => [c.id, c]));
    return {
      payloads: buildPayloads(records),
      contacts,
      byUrl: new Map(records.contacts.map((c) => [c.profileUrl, c])),
    };
  }
  const tx = db.transaction([...STORES]);
  const view: LocalView = { payloads: new Map(), contacts: new Map(), byUrl: new Map() };
  await Promise.all([
    ...[...new Set(keys)].map(async (key) => {
      const records = await recordsOf(tx, key);
      const payload = payloadFor(key, records);
      if (payload) view.payloads.set(key, payload);
      for (const c of records.contacts) view.contacts.set(c.id, c);
    }),
    ...[...new Set(urls)].map(async (url) => {
      const contact = await tx.objectStore('contacts').index('profileUrl').get(url);
      if (contact) view.byUrl.set(url, contact);
    }),
  ]);
  await tx.done;
  return view;
}

/**
 * The object keys the hints name, or 'all' where they cannot say: a person, note or unscheduled meeting that
 * is gone leaves no trace of whose card it was in (a deleted person also takes their events and tasks).
 */
export async function keysOfHints(db: RapportDatabase, hints: DirtyHints): Promise<Set<string> | 'all'> {
  if (hints.all) return 'all';
  const tx = db.transaction(['contacts', 'timeline', 'meetings']);
  const keys = new Set<string>();
  let unknown = false;
  await Promise.all([
    ...[...hints.ids.contacts].map(async (id) => {
      if (await tx.objectStore('contacts').getKey(id)) keys.add(`card:${id}`);
      else unknown = true;
    }),
    ...[...hints.ids.timeline].map(async (id) => {
      const entry = await tx.objectStore('timeline').get(id);
      if (entry) keys.add(`card:${entry.contactId}`);
      else unknown = true;
    }),
    ...[...hints.ids.meetings].map(async (id) => {
      const meeting = await tx.objectStore('meetings').get(id);
      // Scheduled or not, it may have just moved between its person's card and an event: look at both.
      if (meeting) keys.add(`card:${meeting.contactId}`).add(`event:${id}`);
      else unknown = true;
    }),
  ]);
  await tx.done;
  // Follow-ups are objects of their own: a deleted one is simply its key's tombstone.
  for (const id of hints.ids.followups) keys.add(`todo:${id}`);
  return unknown ? 'all' : keys;
}

export async function readCollections(db: RapportDatabase): Promise<SyncCollectionState[]> {
  return db.getAll('syncCollections');
}

export async function saveCollection(db: RapportDatabase, state: SyncCollectionState): Promise<void> {
  await db.put('syncCollections', state);
}

export async function saveSyncObject(db: RapportDatabase, object: SyncObject): Promise<void> {
  await db.put('syncObjects', object);
}

export async function dropSyncObject(db: RapportDatabase, key: string): Promise<void> {
  await db.delete('syncObjects', key);
}

/** "Forget this server": the sync bookkeeping goes, every record stays. */
export async function clearSyncState(db: RapportDatabase): Promise<void> {
  const tx = db.transaction(['syncObjects', 'syncCollections'], 'readwrite');
  await Promise.all([tx.objectStore('syncObjects').clear(), tx.objectStore('syncCollections').clear(), tx.done]);
}

/** One pulled object's outcome. */
export interface PulledChange {
  key: string;
  /** The local payload the merge started from: if the record changed since, this change waits for the next run. */
  expected: Payload | null;
  /** What the records become; null deletes them here. */
  result: Payload | null;
  /** The new sync state; null forgets it. */
  object: SyncObject | null;
  /** Conflict notes for the person's timeline. */
  notes: TimelineEntry[];
}

const STORES = ['contacts', 'timeline', 'meetings', 'followups', 'syncObjects'] as const;
type Tx = ReturnType<typeof openTx>;
type ReadTx = IDBPTransaction<RapportDB, (typeof STORES)[number][], IDBTransactionMode>;
const openTx = (db: RapportDatabase) => db.transaction([...STORES], 'readwrite');

async function recordsOf(tx: ReadTx, key: string): Promise<LocalRecords> {
  const { kind, id } = parseKey(key);
  const empty: LocalRecords = { contacts: [], timeline: [], meetings: [], followups: [] };
  if (kind === 'card') {
    const contact = await tx.objectStore('contacts').get(id);
    if (!contact) return empty;
    const [timeline, meetings] = await Promise.all([
      tx.objectStore('timeline').index('contactId').getAll(id),
      tx.objectStore('meetings').index('contactId').getAll(id),
    ]);
    return { ...empty, contacts: [contact], timeline, meetings };
  }
  const record =
    kind === 'event' ? await tx.objectStore('meetings').get(id) : await tx.objectStore('followups').get(id);
  if (!record) return empty;
  const contact = await tx.objectStore('contacts').get(record.contactId);
  const contacts = contact ? [contact] : [];
  return kind === 'event'
    ? { ...empty, contacts, meetings: [record as Meeting] }
    : { ...empty, contacts, followups: [record as Followup] };
}

/** Writes pulled changes; returns the keys it applied (the rest changed locally meanwhile). */
export async function applyPulled(db: RapportDatabase, changes: readonly PulledChange[]): Promise<string[]> {
  if (!changes.length) return [];
  const tx = openTx(db);
  const applied: string[] = [];
  const touched = new Map<StoreName, Set<string>>();
  const touch = (store: StoreName, id: string) =>
    (touched.get(store) ?? touched.set(store, new Set()).get(store)!).add(id);
  // Cards first: a meeting that got a time leaves its person's card and arrives as an event in the same pull.
  const ordered = [...changes].sort((a, b) => rank(a.key) - rank(b.key));
  for (const change of ordered) {
    const records = await recordsOf(tx, change.key);
    if (!samePayload(payloadFor(change.key, records), change.expected)) continue;
    if (change.result) {
      if (!samePayload(change.result, change.expected)) await writePayload(tx, change.result, records, touch);
    } else if (change.expected) await deletePayload(tx, change.expected, touch);
    for (const note of change.notes) {
      await tx.objectStore('timeline').put(note);
      touch('timeline', note.id);
    }
    if (change.object) await tx.objectStore('syncObjects').put(change.object);
    else await tx.objectStore('syncObjects').delete(change.key);
    applied.push(change.key);
  }
  await tx.done;
  for (const [store, ids] of touched) announceChange({ store, ids: [...ids], origin: 'sync' });
  return applied;
}

const rank = (key: string) => (key.startsWith('card:') ? 0 : key.startsWith('event:') ? 1 : 2);

async function writePayload(
  tx: Tx,
  payload: Payload,
  current: LocalRecords,
  touch: (store: StoreName, id: string) => void,
): Promise<void> {
  if (payload.kind === 'card') {
    const existing = current.contacts[0];
    const contact: Contact = { ...payload.contact, rev: (existing?.rev ?? 0) + 1 };
    await tx.objectStore('contacts').put(contact);
    touch('contacts', contact.id);
    const keepTimeline = new Set(payload.timeline.map((e) => e.id));
    for (const entry of current.timeline) {
      if (keepTimeline.has(entry.id)) continue;
      await tx.objectStore('timeline').delete(entry.id);
      touch('timeline', entry.id);
    }
    for (const entry of payload.timeline) {
      await tx.objectStore('timeline').put(entry);
      touch('timeline', entry.id);
    }
    const keepDrafts = new Set(payload.drafts.map((m) => m.id));
    for (const meeting of current.meetings) {
      if (meeting.startsAt !== null || keepDrafts.has(meeting.id)) continue;
      await tx.objectStore('meetings').delete(meeting.id);
      touch('meetings', meeting.id);
    }
    for (const draft of payload.drafts) await putMeeting(tx, draft, touch);
  } else if (payload.kind === 'event') {
    await putMeeting(tx, payload.meeting, touch);
  } else {
    const existing = await tx.objectStore('followups').get(payload.followup.id);
    // Each computer notifies on its own: keep ours unless the follow-up moved to another time.
    const notifiedAt = existing && existing.dueAt === payload.followup.dueAt ? existing.notifiedAt : null;
    await tx.objectStore('followups').put({ ...payload.followup, notifiedAt });
    touch('followups', payload.followup.id);
  }
}

async function putMeeting(
  tx: Tx,
  meeting: Omit<Meeting, 'rev'>,
  touch: (store: StoreName, id: string) => void,
): Promise<void> {
  const existing = await tx.objectStore('meetings').get(meeting.id);
  await tx.objectStore('meetings').put({ ...meeting, rev: (existing?.rev ?? 0) + 1 });
  touch('meetings', meeting.id);
}

/** A delete from the other computer; a person takes their timeline, meetings and follow-ups along. */
async function deletePayload(tx: Tx, payload: Payload, touch: (store: StoreName, id: string) => void): Promise<void> {
  if (payload.kind === 'card') {
    const id = payload.contact.id;
    await tx.objectStore('contacts').delete(id);
    touch('contacts', id);
    for (const store of ['timeline', 'meetings', 'followups'] as const) {
      const index = tx.objectStore(store).index('contactId');
      for (let cursor = await index.openCursor(id); cursor; cursor = await cursor.continue()) {
        touch(store, cursor.primaryKey);
        await cursor.delete();
      }
    }
  } else if (payload.kind === 'event') {
    await tx.objectStore('meetings').delete(payload.meeting.id);
    touch('meetings', payload.meeting.id);
  } else {
    await tx.objectStore('followups').delete(payload.followup.id);
    touch('followups', payload.followup.id);
  }
}

/** The payload of one object key as the records stand now. */
export async function readPayload(db: RapportDatabase, key: string): Promise<Payload | null> {
  const tx = db.transaction([...STORES]);
  const records = await recordsOf(tx, key);
  await tx.done;
  return payloadFor(key, records);
}

/**
 * The same person saved on both computers (same profile URL, two ids): the older id stays. Moves the local
 * person `fromId` to `toId` with everything that names them; the card of `fromId`, if it was synced, is then
 * deleted from the server by the next push like any local delete.
 */
export async function remapContact(db: RapportDatabase, fromId: string, toId: string): Promise<void> {
  const tx = openTx(db);
  const contact = await tx.objectStore('contacts').get(fromId);
  if (!contact || (await tx.objectStore('contacts').get(toId))) {
    await tx.done;
    return;
  }
  await tx.objectStore('contacts').delete(fromId);
  await tx.objectStore('contacts').put({ ...contact, id: toId });
  for (const store of ['timeline', 'meetings', 'followups'] as const) {
    const index = tx.objectStore(store).index('contactId');
    for (let cursor = await index.openCursor(fromId); cursor; cursor = await cursor.continue()) {
      await cursor.update({ ...cursor.value, contactId: toId });
    }
  }
  for (let cursor = await tx.objectStore('contacts').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.referredById === fromId) await cursor.update({ ...cursor.value, referredById: toId });
  }
  for (let cursor = await tx.objectStore('followups').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.aboutContactId === fromId) await cursor.update({ ...cursor.value, aboutContactId: toId });
  }
  await tx.done;
  announceChange({ store: 'contacts', ids: [fromId, toId], origin: 'sync' });
}
