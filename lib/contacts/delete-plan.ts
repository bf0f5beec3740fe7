import type { Followup, Meeting, TimelineEntry } from '../db/schema';
import { type AnyRecord, type ChangeSet, emptyChangeSet, type RecordStore } from './changeset';
import type { Contact } from './model';

/** A person with everything that hangs on them, as read from the store in the delete's transaction. */
export interface PersonRecords {
  contact: Contact;
  timeline: TimelineEntry[];
  meetings: Meeting[];
  followups: Followup[];
  /** People this one referred (their `referredById` names this person). */
  referred: Contact[];
  /** Follow-ups on other people that are about this one (a referrer update names the person referred). */
  about: Followup[];
}

/** Collects edits of records that are kept, so two links cleared on one record make one change. */
class Changes {
  private readonly byKey = new Map<string, { store: RecordStore; before: AnyRecord; after: AnyRecord }>();
  edit<R extends AnyRecord>(store: RecordStore, record: R, patch: (r: R) => R): void {
    const key = `${store}:${record.id}`;
    const known = this.byKey.get(key);
    const after = patch((known?.after ?? record) as R);
    this.byKey.set(key, { store, before: known?.before ?? record, after });
  }
  list(): ChangeSet['changed'] {
    return [...this.byKey.values()];
  }
}

/**
 * Deleting people: each goes with their notes, meetings and follow-ups; people they referred keep their
 * record but lose the link, and so do follow-ups elsewhere that were about them.
 */
export function planDeleteContacts(people: readonly PersonRecords[], now: number): ChangeSet {
  const set = emptyChangeSet();
  const gone = new Set(people.map((p) => p.contact.id));
  const goneFollowups = new Set(people.flatMap((p) => p.followups.map((f) => f.id)));
  const changes = new Changes();
  for (const person of people) {
    set.removed.contacts.push(person.contact);
    set.removed.timeline.push(...person.timeline);
    set.removed.meetings.push(...person.meetings);
    set.removed.followups.push(...person.followups);
    for (const other of person.referred) {
      if (gone.has(other.id)) continue;
      changes.edit('contacts', other, (c) => ({ ...c, referredById: null, updatedAt: now, rev: c.rev + 1 }));
    }
    for (const followup of person.about) {
      if (goneFollowups.has(followup.id) || gone.has(followup.contactId)) continue;
      changes.edit('followups', followup, (f) => ({ ...f, aboutContactId: null, updatedAt: now }));
    }
  }
  set.changed = changes.list();
  return set;
}

/** Deleting a meeting: its follow-ups and its "Met" entry go with it. */
export function planDeleteMeeting(
  meeting: Meeting,
  contactFollowups: readonly Followup[],
  contactTimeline: readonly TimelineEntry[],
): ChangeSet {
  const set = emptyChangeSet();
  set.removed.meetings.push(meeting);
  set.removed.followups.push(...contactFollowups.filter((f) => f.meetingId === meeting.id));
  set.removed.timeline.push(...contactTimeline.filter((e) => e.data?.meetingId === meeting.id));
  return set;
}

/**
 * Cancelling a meeting keeps it (as cancelled) but clears the follow-ups still waiting on it: nobody
 * thanks for a call that did not happen. Done or dismissed ones stay as history.
 */
export function planCancelMeeting(meeting: Meeting, contactFollowups: readonly Followup[], now: number): ChangeSet {
  const set = emptyChangeSet();
  if (meeting.status !== 'cancelled') {
    const after: Meeting = { ...meeting, status: 'cancelled', updatedAt: now, rev: (meeting.rev ?? 1) + 1 };
    set.changed.push({ store: 'meetings', before: meeting, after });
  }
  set.removed.followups.push(
    ...contactFollowups.filter((f) => f.meetingId === meeting.id && (f.status === 'pending' || f.status === 'snoozed')),
  );
  return set;
}

/** Deleting one timeline entry (a note, a message kept, a stage move). */
export function planDeleteEntry(entry: TimelineEntry): ChangeSet {
  const set = emptyChangeSet();
  set.removed.timeline.push(entry);
  return set;
}
