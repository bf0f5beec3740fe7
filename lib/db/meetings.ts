import { applyMeetingChanges, type MeetingChange, newMeeting } from '../workspace/meeting';
import { newId } from '../util/id';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import type { Meeting } from './schema';

export class MeetingNotFoundError extends Error {
  constructor(id: string) {
    super(`No meeting with id ${id}`);
    this.name = 'MeetingNotFoundError';
  }
}

export async function createMeeting(
  db: RapportDatabase,
  contactId: string,
  opts: { now: number; durationMin?: number; questionIds?: string[] },
): Promise<Meeting> {
  const meeting = newMeeting({ id: newId(), contactId, now: opts.now, durationMin: opts.durationMin });
  if (opts.questionIds) meeting.questionIds = [...opts.questionIds];
  await db.put('meetings', meeting);
  announceChange({ store: 'meetings', ids: [meeting.id] });
  return meeting;
}

export function getMeeting(db: RapportDatabase, id: string): Promise<Meeting | undefined> {
  return db.get('meetings', id);
}

/** A contact's meetings, newest first. */
export async function listMeetings(db: RapportDatabase, contactId: string): Promise<Meeting[]> {
  return (await db.getAllFromIndex('meetings', 'contactId', contactId)).sort((a, b) => b.createdAt - a.createdAt);
}

export function listAllMeetings(db: RapportDatabase): Promise<Meeting[]> {
  return db.getAll('meetings');
}

/** Field edits in one transaction; edits made elsewhere meanwhile are reported as conflicts, never overwritten. */
export async function updateMeeting(
  db: RapportDatabase,
  id: string,
  changes: readonly MeetingChange[],
  now: number,
): Promise<{ meeting: Meeting; conflicts: MeetingChange[] }> {
  const tx = db.transaction('meetings', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new MeetingNotFoundError(id);
  }
  const result = applyMeetingChanges(existing, changes, now);
  if (result.applied.length) await tx.store.put(result.meeting);
  await tx.done;
  if (result.applied.length) announceChange({ store: 'meetings', ids: [id] });
  return { meeting: result.meeting, conflicts: result.conflicts };
}

/** Marks a meeting done at `now` (idempotent: a second call keeps the first end time). */
export async function finishMeeting(db: RapportDatabase, id: string, now: number): Promise<Meeting> {
  const tx = db.transaction('meetings', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new MeetingNotFoundError(id);
  }
  const meeting: Meeting =
    existing.status === 'done'
      ? existing
      : { ...existing, status: 'done', endedAt: now, updatedAt: now, rev: (existing.rev ?? 1) + 1 };
  if (meeting !== existing) await tx.store.put(meeting);
  await tx.done;
  if (meeting !== existing) announceChange({ store: 'meetings', ids: [id] });
  return meeting;
}
