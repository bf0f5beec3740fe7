import { newContact } from '@/lib/contacts/merge';
import type { Contact } from '@/lib/contacts/model';
import type { RapportDatabase } from '@/lib/db/open';
import type { Followup, Meeting, TimelineEntry } from '@/lib/db/schema';
import { profile } from '../contacts/factory';

export function person(
  id: string,
  over: Partial<Contact> = {},
  url: string | null = `https://www.linkedin.com/in/${id}/`,
): Contact {
  return { ...newContact(profile({ name: `Person ${id}`, profileUrl: url }), { id, now: 1000 }), ...over };
}

export function note(id: string, contactId: string, over: Partial<TimelineEntry> = {}): TimelineEntry {
  return { id, contactId, at: 2000, kind: 'note', text: `note ${id}`, ...over };
}

export function meeting(id: string, contactId: string, over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    contactId,
    startsAt: 5000,
    durationMin: 30,
    medium: 'video',
    where: '',
    goals: '',
    checklist: {},
    questionIds: [],
    askedQuestionIds: [],
    questionNotes: {},
    notes: '',
    reflectionLearned: '',
    reflectionNext: '',
    status: 'planned',
    endedAt: null,
    createdAt: 1000,
    updatedAt: 1000,
    ...over,
  };
}

export function followup(id: string, contactId: string, over: Partial<Followup> = {}): Followup {
  return {
    id,
    contactId,
    meetingId: null,
    kind: 'custom',
    title: id,
    dueAt: 9000,
    recurrenceMonths: null,
    status: 'pending',
    notifiedAt: null,
    history: [],
    createdAt: 1000,
    updatedAt: 1000,
    ...over,
  };
}

export interface Seed {
  contacts?: Contact[];
  timeline?: TimelineEntry[];
  meetings?: Meeting[];
  followups?: Followup[];
}

export async function seed(db: RapportDatabase, data: Seed): Promise<void> {
  const tx = db.transaction(['contacts', 'timeline', 'meetings', 'followups'], 'readwrite');
  for (const c of data.contacts ?? []) void tx.objectStore('contacts').put(c);
  for (const e of data.timeline ?? []) void tx.objectStore('timeline').put(e);
  for (const m of data.meetings ?? []) void tx.objectStore('meetings').put(m);
  for (const f of data.followups ?? []) void tx.objectStore('followups').put(f);
  await tx.done;
}

/** Every record of the four stores, sorted, without the bookkeeping fields an undo moves forward. */
export async function dump(db: RapportDatabase) {
  const strip = <T extends { id: string }>(records: T[]): T[] =>
    records
      .map((r) => {
        const copy = { ...r } as T & { rev?: number; updatedAt?: number };
        delete copy.rev;
        delete copy.updatedAt;
        return copy;
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    contacts: strip(await db.getAll('contacts')),
    timeline: strip(await db.getAll('timeline')),
    meetings: strip(await db.getAll('meetings')),
    followups: strip(await db.getAll('followups')),
  };
}
