import type { FollowupStatus } from '../db/schema';
import {
  type Component,
  newSubcomponent,
  newVCalendar,
  parseComponent,
  registerTimezones,
  serialize,
  setText,
  setUtcTime,
  setXData,
  setXText,
  text,
  utcTime,
  xData,
} from './ical';
import type { EventPayload, SyncedFollowup, SyncedMeeting, TodoPayload } from './payload';

/**
 * Meetings with a time as VEVENTs, follow-ups as VTODOs with DUE, in the "Rapport" calendar. Like cards, the
 * whole record rides in X-RAPPORT-DATA, and the standard properties another app may change (a meeting moved in
 * a calendar app, a task completed on a phone) win on read.
 */

export const meetingUid = (id: string) => `meeting-${id}@rapport.invalid`;
export const followupUid = (id: string) => `followup-${id}@rapport.invalid`;

interface EventFields {
  startsAt: number | null;
  durationMin: number;
  where: string;
  cancelled: boolean;
}
interface TodoFields {
  dueAt: number | null;
  title: string | null;
  status: 'open' | 'done' | 'cancelled';
}

function readEventFields(vevent: Component): EventFields {
  const start = utcTime(vevent, 'dtstart');
  const end = utcTime(vevent, 'dtend');
  return {
    startsAt: start,
    durationMin: start !== null && end !== null ? Math.max(0, Math.round((end - start) / 60_000)) : 0,
    where: text(vevent, 'location') ?? '',
    cancelled: text(vevent, 'status') === 'CANCELLED',
  };
}

function readTodoFields(vtodo: Component): TodoFields {
  const status = text(vtodo, 'status');
  return {
    dueAt: utcTime(vtodo, 'due'),
    title: text(vtodo, 'summary'),
    status: status === 'COMPLETED' ? 'done' : status === 'CANCELLED' ? 'cancelled' : 'open',
  };
}

/** The calendar and its one VEVENT/VTODO: the server's copy when there is one, else a new one. */
function container(previous: string | null, name: 'vevent' | 'vtodo', uid: string): [Component, Component] {
  const calendar = (previous && parseComponent(previous)) || newVCalendar();
  let item = calendar.getFirstSubcomponent(name);
  if (!item) {
    item = newSubcomponent(name);
    setText(item, 'uid', uid);
    calendar.addSubcomponent(item);
  }
  return [calendar, item];
}

export function writeEvent(
  payload: EventPayload,
  contactName: string | null,
  previous: string | null,
  now: number,
): string {
  const m = payload.meeting;
  const [calendar, vevent] = container(previous, 'vevent', meetingUid(m.id));
  setUtcTime(vevent, 'dtstamp', now);
  setUtcTime(vevent, 'dtstart', m.startsAt);
  setUtcTime(vevent, 'dtend', m.startsAt === null ? null : m.startsAt + m.durationMin * 60_000);
  // Another app's title is kept; ours names the person.
  if (!previous) setText(vevent, 'summary', `Conversation with ${contactName ?? 'a contact'}`);
  setText(vevent, 'location', m.where || null);
  setText(vevent, 'description', [m.goals, m.notes].filter(Boolean).join('\n\n') || null);
  setText(vevent, 'status', m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
  setXText(vevent, 'x-rapport-contact', `urn:uuid:${m.contactId}`);
  setXData(vevent, 'x-rapport-data', m);
  return serialize(calendar);
}

export function writeTodo(payload: TodoPayload, previous: string | null, now: number): string {
  const f = payload.followup;
  const [calendar, vtodo] = container(previous, 'vtodo', followupUid(f.id));
  setUtcTime(vtodo, 'dtstamp', now);
  setUtcTime(vtodo, 'due', f.dueAt);
  setText(vtodo, 'summary', f.title);
  const done = f.status === 'done';
  setText(vtodo, 'status', done ? 'COMPLETED' : f.status === 'dismissed' ? 'CANCELLED' : 'NEEDS-ACTION');
  if (done) {
    const completedAt = [...f.history].reverse().find((h) => /done/i.test(h.action))?.at ?? f.updatedAt;
    setUtcTime(vtodo, 'completed', completedAt);
  } else vtodo.removeAllProperties('completed');
  vtodo.removeAllProperties('rrule');
  if (f.recurrenceMonths) vtodo.addPropertyWithValue('rrule', { freq: 'MONTHLY', interval: f.recurrenceMonths });
  setText(vtodo, 'related-to', f.meetingId ? meetingUid(f.meetingId) : null);
  setXText(vtodo, 'x-rapport-contact', `urn:uuid:${f.contactId}`);
  setXData(vtodo, 'x-rapport-data', f);
  return serialize(calendar);
}

const isMeetingData = (v: unknown): v is SyncedMeeting =>
  !!v && typeof v === 'object' && typeof (v as SyncedMeeting).id === 'string' && 'durationMin' in v;
const isFollowupData = (v: unknown): v is SyncedFollowup =>
  !!v && typeof v === 'object' && typeof (v as SyncedFollowup).id === 'string' && 'dueAt' in v;

function changed<T extends object>(actual: T, written: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(actual) as (keyof T)[]) {
    if (JSON.stringify(actual[key]) !== JSON.stringify(written[key])) out[key] = actual[key];
  }
  return out;
}

/**
 * Reads one calendar object. Only objects Rapport wrote (X-RAPPORT-DATA) become records: a stranger's event in
 * the Rapport calendar names no person, so it is left alone. Null for anything else.
 */
export function readCalendarObject(icsText: string): EventPayload | TodoPayload | null {
  const calendar = parseComponent(icsText);
  if (!calendar || calendar.name !== 'vcalendar') return null;
  registerTimezones(calendar);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent) {
    const data = xData(vevent, 'x-rapport-data');
    if (!isMeetingData(data)) return null;
    const written = readEventFields(
      container(writeEvent({ kind: 'event', meeting: data }, null, null, 0), 'vevent', '')[1],
    );
    const edits = changed(readEventFields(vevent), written);
    const meeting: SyncedMeeting = { ...data };
    if (edits.startsAt !== undefined) meeting.startsAt = edits.startsAt;
    if (edits.durationMin !== undefined && edits.durationMin > 0) meeting.durationMin = edits.durationMin;
    if (edits.where !== undefined) meeting.where = edits.where;
    if (edits.cancelled !== undefined) meeting.status = edits.cancelled ? 'cancelled' : 'planned';
    return { kind: 'event', meeting };
  }
  const vtodo = calendar.getFirstSubcomponent('vtodo');
  if (vtodo) {
    const data = xData(vtodo, 'x-rapport-data');
    if (!isFollowupData(data)) return null;
    const written = readTodoFields(container(writeTodo({ kind: 'todo', followup: data }, null, 0), 'vtodo', '')[1]);
    const edits = changed(readTodoFields(vtodo), written);
    const followup: SyncedFollowup = { ...data };
    if (edits.dueAt !== undefined && edits.dueAt !== null) followup.dueAt = edits.dueAt;
    if (edits.title) followup.title = edits.title;
    if (edits.status !== undefined) {
      const status: FollowupStatus =
        edits.status === 'done' ? 'done' : edits.status === 'cancelled' ? 'dismissed' : 'pending';
      followup.status = status;
    }
    return { kind: 'todo', followup };
  }
  return null;
}
