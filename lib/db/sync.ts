import type { Contact } from '../contacts/model';
import { type LocalRecords, parseKey, payloadFor } from '../sync/local';
import { type Payload, samePayload } from '../sync/payload';
import type { SyncCollectionState, SyncObject } from '../sync/state';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import type { Followup, Meeting, StoreName, TimelineEntry } from './schema';

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
const openTx = (db: RapportDatabase) => db.transaction([...STORES], 'readwrite');

async function recordsOf(tx: Tx, key: string): Promise<LocalRecords> {
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
  const tx = db.transaction(['contacts', 'timeline', 'meetings', 'followups', 'syncObjects'], 'readwrite');
  const records = await recordsOf(tx as unknown as Tx, key);
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
