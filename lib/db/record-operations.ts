import type { BulkEdit } from '../contacts/bulk';
import { planBulkEdit } from '../contacts/bulk';
import { planCancelMeeting, planDeleteEntry, planDeleteMeeting } from '../contacts/delete-plan';
import { type MergeChoices, planMerge } from '../contacts/merge-plan';
import type { Contact } from '../contacts/model';
import type { RuleOp } from '../followups/rules';
import type { StageMove } from '../followups/stage-moves';
import { newId } from '../util/id';
import { planRuleOps } from './followups';
import { MeetingNotFoundError } from './meetings';
import type { RapportDatabase } from './open';
import { namesOf, readPerson, runOperation, type UndoSummary } from './records';

/** Undoable operations on one note, one meeting, a merge and bulk edits (see records.ts). */

export class RecordGoneError extends Error {
  constructor(what: string) {
    super(`${what} is no longer in Rapport.`);
    this.name = 'RecordGoneError';
  }
}

export function deleteTimelineEntry(db: RapportDatabase, id: string, now: number): Promise<UndoSummary | null> {
  return runOperation(db, 'delete-entry', now, async (tx) => {
    const entry = await tx.objectStore('timeline').get(id);
    if (!entry) throw new RecordGoneError('This note');
    const contact = await tx.objectStore('contacts').get(entry.contactId);
    return { set: planDeleteEntry(entry), names: namesOf(contact ? [contact] : []) };
  });
}

async function meetingWithContext(tx: Parameters<Parameters<typeof runOperation>[3]>[0], id: string) {
  const meeting = await tx.objectStore('meetings').get(id);
  if (!meeting) throw new MeetingNotFoundError(id);
  const [followups, timeline, contact] = await Promise.all([
    tx.objectStore('followups').index('contactId').getAll(meeting.contactId),
    tx.objectStore('timeline').index('contactId').getAll(meeting.contactId),
    tx.objectStore('contacts').get(meeting.contactId),
  ]);
  return { meeting, followups, timeline, names: namesOf(contact ? [contact] : []) };
}

/** Deletes a meeting with its follow-ups and its "Met" entry. */
export function deleteMeeting(db: RapportDatabase, id: string, now: number): Promise<UndoSummary | null> {
  return runOperation(db, 'delete-meeting', now, async (tx) => {
    const { meeting, followups, timeline, names } = await meetingWithContext(tx, id);
    return { set: planDeleteMeeting(meeting, followups, timeline), names };
  });
}

/** Cancels a meeting: kept as cancelled, its waiting follow-ups cleared. */
export function cancelMeeting(db: RapportDatabase, id: string, now: number): Promise<UndoSummary | null> {
  return runOperation(db, 'cancel-meeting', now, async (tx) => {
    const { meeting, followups, names } = await meetingWithContext(tx, id);
    return { set: planCancelMeeting(meeting, followups, now), names };
  });
}

/** Merges `dropId` into `keepId` (fields by `choices`), moving everything that hangs on it. */
export function mergeContacts(
  db: RapportDatabase,
  input: { keepId: string; dropId: string; choices: MergeChoices; noteText: (dropName: string) => string },
  now: number,
): Promise<UndoSummary | null> {
  if (input.keepId === input.dropId) throw new Error('A record cannot be merged with itself.');
  return runOperation(db, 'merge', now, async (tx) => {
    const [keep, drop] = await Promise.all([readPerson(tx, input.keepId), readPerson(tx, input.dropId)]);
    if (!keep || !drop) throw new RecordGoneError('One of these two people');
    const note = { id: newId(), text: input.noteText(drop.contact.name ?? '') };
    const set = planMerge({ keep, drop, choices: input.choices, note }, now);
    return { set, names: namesOf([keep.contact]) };
  });
}

/**
 * One stage, tag or archive edit over many people. A stage move also writes what it means for follow-ups
 * (`stageOps`: the nudge after "asked", the check-in after "thanked", …, as a single move does), in the same
 * transaction and the same undo entry, so Undo takes those back too.
 */
export function bulkEditContacts(
  db: RapportDatabase,
  ids: readonly string[],
  edit: BulkEdit,
  now: number,
  stageOps?: (moves: StageMove[]) => RuleOp[],
): Promise<UndoSummary | null> {
  return runOperation(db, 'bulk-edit', now, async (tx) => {
    const found = await Promise.all([...new Set(ids)].map((id) => tx.objectStore('contacts').get(id)));
    const contacts = found.filter((c): c is Contact => c !== undefined);
    const set = planBulkEdit(contacts, edit, now, newId);
    if (edit.kind === 'status' && stageOps) {
      const moves = contacts.filter((c) => c.status !== edit.status).map((contact) => ({ contact, to: edit.status }));
      for (const { before, after } of await planRuleOps(tx.objectStore('followups'), stageOps(moves), now)) {
        if (before) set.changed.push({ store: 'followups', before, after });
        else set.added.push({ store: 'followups', record: after });
      }
    }
    return { set, names: namesOf(contacts) };
  });
}
