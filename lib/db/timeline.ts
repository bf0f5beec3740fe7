import { newId } from '../util/id';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import type { TimelineEntry } from './schema';

/** Adds one entry (a note, a message sent, a meeting) to a contact's timeline. */
export async function addTimelineEntry(
  db: RapportDatabase,
  entry: Omit<TimelineEntry, 'id'> & { id?: string },
): Promise<TimelineEntry> {
  const record: TimelineEntry = { ...entry, id: entry.id ?? newId() };
  await db.put('timeline', record);
  announceChange({ store: 'timeline', ids: [record.id] });
  return record;
}

/** A contact's timeline, newest first. */
export async function listTimeline(db: RapportDatabase, contactId: string): Promise<TimelineEntry[]> {
  return (await db.getAllFromIndex('timeline', 'contactId', contactId)).sort((a, b) => b.at - a.at);
}

/** Every entry (funnel metrics, note search). */
export function listAllTimeline(db: RapportDatabase): Promise<TimelineEntry[]> {
  return db.getAll('timeline');
}

/** Each contact's note texts joined, for search. */
export async function notesByContact(db: RapportDatabase): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  for (const entry of await listAllTimeline(db)) {
    if (entry.kind !== 'note') continue;
    notes.set(entry.contactId, `${notes.get(entry.contactId) ?? ''} ${entry.text}`);
  }
  return notes;
}

/** One contact's note texts joined as notesByContact joins them (id order), or null without notes. */
export async function notesOfContact(db: RapportDatabase, contactId: string): Promise<string | null> {
  let notes: string | null = null;
  for (const entry of await db.getAllFromIndex('timeline', 'contactId', contactId)) {
    if (entry.kind === 'note') notes = `${notes ?? ''} ${entry.text}`;
  }
  return notes;
}
