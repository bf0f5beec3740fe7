import { applyCapture, applyEdits, type FieldChange, type JobChange, newContact } from '../contacts/merge';
import type { CapturedProfile, Contact } from '../contacts/model';
import { newId } from '../util/id';
import { announceChange } from './changes';
import { deleteContacts } from './records';
import type { RapportDatabase } from './open';
import type { TimelineEntry } from './schema';

export interface SaveCaptureResult {
  contact: Contact;
  created: boolean;
  jobChange: JobChange | null;
}

export interface CaptureToSave {
  profile: CapturedProfile;
  photoThumb?: string | null;
  sources?: string[];
}

/**
 * Saves a capture: a new contact, or an update of the one with the same profile URL. One transaction,
 * so a worker killed mid-write leaves either the old record or the new one; the unique index on
 * profileUrl makes a duplicate impossible even when two saves race.
 */
export async function saveCapture(
  db: RapportDatabase,
  profile: CapturedProfile,
  opts: { now: number; photoThumb?: string | null; sources?: string[] },
): Promise<SaveCaptureResult> {
  const [result] = await saveCaptures(db, [{ profile, photoThumb: opts.photoThumb, sources: opts.sources }], opts);
  return result!;
}

/**
 * Saves many captures in one transaction (bulk writes: imports, benchmarks, tests), with the same rules as
 * one save: matched by profile URL, merged, job changes on the timeline. All or nothing.
 */
export async function saveCaptures(
  db: RapportDatabase,
  items: readonly CaptureToSave[],
  opts: { now: number },
): Promise<SaveCaptureResult[]> {
  const tx = db.transaction(['contacts', 'timeline'], 'readwrite');
  const contacts = tx.objectStore('contacts');
  const byUrl = contacts.index('profileUrl');
  // Look everything up at once (requests queue in order inside the transaction), then write without awaiting each.
  const stored = await Promise.all(
    items.map((item) => (item.profile.profileUrl ? byUrl.get(item.profile.profileUrl) : undefined)),
  );
  const inBatch = new Map<string, Contact>(); // the same person twice in one batch merges into one record
  const results: SaveCaptureResult[] = [];
  const writes: Promise<unknown>[] = [];
  try {
    items.forEach((item, i) => {
      const url = item.profile.profileUrl;
      const existing = (url && inBatch.get(url)) || stored[i];
      const save = { now: opts.now, photoThumb: item.photoThumb, sources: item.sources };
      let result: SaveCaptureResult;
      if (existing) {
        const { contact, jobChange } = applyCapture(existing, item.profile, save);
        result = { contact, created: false, jobChange };
        if (jobChange) writes.push(tx.objectStore('timeline').put(jobChangeEntry(contact.id, jobChange, opts.now)));
      } else {
        result = { contact: newContact(item.profile, { id: newId(), ...save }), created: true, jobChange: null };
      }
      if (url) inBatch.set(url, result.contact);
      writes.push(contacts.put(result.contact));
      results.push(result);
    });
  } catch (error) {
    // A record that cannot be stored (e.g. not cloneable) throws here: abort so the batch leaves nothing.
    tx.abort();
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
  if (results.length) announceChange({ store: 'contacts', ids: [...new Set(results.map((r) => r.contact.id))] });
  return results;
}

function jobChangeEntry(contactId: string, change: JobChange, now: number): TimelineEntry {
  const describe = (job: JobChange['from']) => [job.title, job.company].filter(Boolean).join(' at ') || 'unknown';
  return {
    id: newId(),
    contactId,
    at: now,
    kind: 'job-change',
    text: `Changed jobs: ${describe(change.from)} → ${describe(change.to)}`,
    data: {
      fromTitle: change.from.title,
      fromCompany: change.from.company,
      toTitle: change.to.title,
      toCompany: change.to.company,
    },
  };
}

export class ContactNotFoundError extends Error {
  constructor(id: string) {
    super(`No contact with id ${id}`);
    this.name = 'ContactNotFoundError';
  }
}

/** Hand edits; a status change is also kept on the contact's timeline with its time. */
export async function updateContact(
  db: RapportDatabase,
  id: string,
  changes: readonly FieldChange[],
  now: number,
): Promise<ReturnType<typeof applyEdits>> {
  const tx = db.transaction(['contacts', 'timeline'], 'readwrite');
  const existing = await tx.objectStore('contacts').get(id);
  if (!existing) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new ContactNotFoundError(id);
  }
  const result = applyEdits(existing, changes, now);
  if (result.applied.length) {
    await tx.objectStore('contacts').put(result.contact);
    if (result.applied.includes('status')) {
      await tx.objectStore('timeline').put({
        id: newId(),
        contactId: id,
        at: now,
        kind: 'status',
        text: `Status: ${existing.status} → ${result.contact.status}`,
        data: { from: existing.status, to: result.contact.status },
      });
    }
  }
  await tx.done;
  if (result.applied.length) announceChange({ store: 'contacts', ids: [id] });
  return result;
}

export function getContact(db: RapportDatabase, id: string): Promise<Contact | undefined> {
  return db.get('contacts', id);
}

export function findContactByProfileUrl(db: RapportDatabase, profileUrl: string): Promise<Contact | undefined> {
  return db.getFromIndex('contacts', 'profileUrl', profileUrl);
}

/** Every contact, most recently updated first. */
export async function listContacts(db: RapportDatabase): Promise<Contact[]> {
  return (await db.getAllFromIndex('contacts', 'updatedAt')).reverse();
}

/** Deletes one person (undoable, see records.ts: every delete goes through one function). */
export async function deleteContact(db: RapportDatabase, id: string, now = Date.now()): Promise<void> {
  await deleteContacts(db, [id], now);
}
