import type { Contact } from '../contacts/model';
import type { Followup, Meeting, TimelineEntry } from '../db/schema';
import { objectKey, type Payload, syncedContact, syncedFollowup, syncedMeeting } from './payload';

/** Every local record that syncs. The question bank, settings and notification state stay local. */
export interface LocalRecords {
  contacts: Contact[];
  timeline: TimelineEntry[];
  meetings: Meeting[];
  followups: Followup[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The server objects the local records make: one card per person (with their timeline and their meetings
 * not yet given a time), one event per meeting with a time, one task per follow-up. Records naming a person
 * who is not there (half-deleted) make nothing.
 */
export function buildPayloads(records: LocalRecords): Map<string, Payload> {
  const out = new Map<string, Payload>();
  const contacts = new Set(records.contacts.map((c) => c.id));
  const timeline = groupBy(records.timeline, (e) => e.contactId);
  const drafts = groupBy(
    records.meetings.filter((m) => m.startsAt === null),
    (m) => m.contactId,
  );
  for (const contact of records.contacts) {
    const payload: Payload = {
      kind: 'card',
      contact: syncedContact(contact),
      timeline: [...(timeline.get(contact.id) ?? [])].sort(byId),
      drafts: (drafts.get(contact.id) ?? []).map(syncedMeeting).sort(byId),
    };
    out.set(objectKey(payload), payload);
  }
  for (const meeting of records.meetings) {
    if (meeting.startsAt === null || !contacts.has(meeting.contactId)) continue;
    const payload: Payload = { kind: 'event', meeting: syncedMeeting(meeting) };
    out.set(objectKey(payload), payload);
  }
  for (const followup of records.followups) {
    if (!contacts.has(followup.contactId)) continue;
    const payload: Payload = { kind: 'todo', followup: syncedFollowup(followup) };
    out.set(objectKey(payload), payload);
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The payload one object key names, from the records of that one person/meeting/follow-up. */
export function payloadFor(key: string, records: LocalRecords): Payload | null {
  return buildPayloads(records).get(key) ?? null;
}

export function parseKey(key: string): { kind: Payload['kind']; id: string } {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as Payload['kind'], id: key.slice(at + 1) };
}
