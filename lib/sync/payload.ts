import type { Contact } from '../contacts/model';
import type { Followup, Meeting, TimelineEntry } from '../db/schema';

/**
 * What travels to the server, per server object. Local-only state never does: a contact's `rev` and a
 * meeting's `rev` (each computer counts its own writes), a follow-up's `notifiedAt` (each computer notifies on
 * its own).
 */
export type SyncedContact = Omit<Contact, 'rev'>;
export type SyncedMeeting = Omit<Meeting, 'rev'>;
export type SyncedFollowup = Omit<Followup, 'notifiedAt'>;

/** One vCard: the person, their timeline, and their meetings not yet given a time. */
export interface CardPayload {
  kind: 'card';
  contact: SyncedContact;
  timeline: TimelineEntry[];
  /** Meetings without a time ride in the card; once scheduled they become calendar events. */
  drafts: SyncedMeeting[];
  /** Read from a card without X-RAPPORT-DATA (another app's, or one that dropped ours): Rapport-only fields unknown. */
  partial?: true;
}
export interface EventPayload {
  kind: 'event';
  meeting: SyncedMeeting;
}
export interface TodoPayload {
  kind: 'todo';
  followup: SyncedFollowup;
}
export type Payload = CardPayload | EventPayload | TodoPayload;
export type PayloadKind = Payload['kind'];

/** The server object's key: kind + the local record's id (hrefs are derived from it for objects we create). */
export function objectKey(payload: Payload): string {
  return `${payload.kind}:${payloadId(payload)}`;
}

export function payloadId(payload: Payload): string {
  if (payload.kind === 'card') return payload.contact.id;
  if (payload.kind === 'event') return payload.meeting.id;
  return payload.followup.id;
}

export function syncedContact(contact: Contact): SyncedContact {
  const { rev: _rev, ...rest } = contact;
  return rest;
}

export function syncedMeeting(meeting: Meeting): SyncedMeeting {
  const { rev: _rev, ...rest } = meeting;
  return rest;
}

export function syncedFollowup(followup: Followup): SyncedFollowup {
  const { notifiedAt: _n, ...rest } = followup;
  return rest;
}

/** Stable JSON (keys sorted, undefined dropped): equality of parsed records, never of server bytes. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

export function samePayload(a: Payload | null, b: Payload | null): boolean {
  return canonical(normalize(a)) === canonical(normalize(b));
}

/** Set members in id order, so order alone never counts as a change. */
function normalize(p: Payload | null): Payload | null {
  if (!p || p.kind !== 'card') return p;
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...p, timeline: byId(p.timeline), drafts: byId(p.drafts) };
}
