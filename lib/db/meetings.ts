import { applyMeetingChanges, type MeetingChange, newMeeting } from '../workspace/meeting';
import { newId } from '../util/id';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import type { Meeting, TimelineEntry } from './schema';

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

/**
 * Marks a meeting done at `now` (idempotent: a second call keeps the first end time). The "Met" timeline
 * entry is written in the same transaction, so it exists exactly once whenever the meeting is done, even if
 * the worker dies right after or two views mark the meeting at once. `changed` is false when it was
 * already done.
 */
export async function finishMeeting(
  db: RapportDatabase,
  id: string,
  now: number,
): Promise<{ meeting: Meeting; changed: boolean; entry: TimelineEntry | null }> {
  const tx = db.transaction(['meetings', 'timeline'], 'readwrite');
  const meetings = tx.objectStore('meetings');
  const existing = await meetings.get(id);
  if (!existing) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new MeetingNotFoundError(id);
  }
  if (existing.status === 'done') {
    await tx.done;
    return { meeting: existing, changed: false, entry: null };
  }
  const meeting: Meeting = { ...existing, status: 'done', endedAt: now, updatedAt: now, rev: (existing.rev ?? 1) + 1 };
  const entry: TimelineEntry = {
    id: newId(),
    contactId: meeting.contactId,
    at: now,
    kind: 'meeting',
    text: `Met (${meeting.durationMin} min, ${meeting.medium})`,
    data: { meetingId: id },
  };
  await meetings.put(meeting);
  await tx.objectStore('timeline').put(entry);
  await tx.done;
  announceChange({ store: 'meetings', ids: [id] });
  announceChange({ store: 'timeline', ids: [entry.id] });
  return { meeting, changed: true, entry };
}
