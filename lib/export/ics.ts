import type { Contact } from '../contacts/model';
import type { Followup, Meeting } from '../db/schema';
import { isActive } from '../followups/actions';
import { followupText } from '../followups/text';
import type { ExportFile, SkippedRecord } from './skipped';
import { escapeText, foldLine, icsDateTime } from './text-format';

/*
 * Meetings and open follow-ups as one iCalendar file (RFC 5545): CRLF lines folded at 75 octets, TEXT
 * escaped, times in UTC (…Z). Follow-ups are timed VEVENTs with a VALARM (Google Calendar and Outlook ignore
 * VTODOs on import). Every record has one UID for good (icsUid, shared with the single-meeting file of
 * lib/workspace/calendar.ts) and a SEQUENCE that grows with its edits, so importing again updates instead of
 * duplicating. A record whose time cannot be written (out of range) is skipped and reported, never the file.
 */
export { icsDateTime };

/** The one UID of a meeting or follow-up in every calendar file Rapport writes. */
export function icsUid(kind: 'meeting' | 'followup', id: string): string {
  return `${kind}-${id}@rapport.invalid`;
}

const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2201, 0, 1);

/** A UTC DATE-TIME, or null for a time a calendar cannot hold (not finite, outside 1900–2200). */
export function icsTime(ms: number | null | undefined): string | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < EARLIEST || ms >= LATEST) return null;
  return icsDateTime(ms);
}

/** Edits since 2020 in whole seconds: grows with every change, fits SEQUENCE's integer. */
function sequence(updatedAt: number): number {
  return Number.isFinite(updatedAt) ? Math.max(0, Math.floor((updatedAt - Date.UTC(2020, 0, 1)) / 1000)) : 0;
}

function line(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

const MEDIUM: Record<Meeting['medium'], string> = {
  video: 'Video call',
  phone: 'Phone call',
  'in-person': 'In person',
};

/** A follow-up's event lasts this long (a slot to do it in); its alarm rings at its start. */
const FOLLOWUP_MINUTES = 15;

/** The lines every event starts with: its one UID, the file's stamp, its edit count and its times. */
function eventHead(uid: string, stamp: string, updatedAt: number, start: string, end: string): string[] {
  return [
    'BEGIN:VEVENT',
    line('UID', escapeText(uid)),
    line('DTSTAMP', stamp),
    line('SEQUENCE', String(sequence(updatedAt))),
    line('DTSTART', start),
    line('DTEND', end),
  ];
}

function meetingEvent(m: Meeting, who: string, stamp: string): string[] | string {
  const start = icsTime(m.startsAt);
  const end = icsTime((m.startsAt ?? NaN) + Math.min(Math.max(1, m.durationMin || 0), 1440) * 60_000);
  if (!start || !end) return `its time (${String(m.startsAt)}) is outside the years 1900–2200`;
  return [
    ...eventHead(icsUid('meeting', m.id), stamp, m.updatedAt, start, end),
    line('SUMMARY', escapeText(`Conversation with ${who}`)),
    ...(m.where ? [line('LOCATION', escapeText(m.where))] : []),
    line('DESCRIPTION', escapeText([MEDIUM[m.medium], m.goals].filter(Boolean).join('\n'))),
    line('STATUS', m.status === 'done' ? 'CONFIRMED' : 'TENTATIVE'),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT15M',
    line('DESCRIPTION', escapeText(`Conversation with ${who}`)),
    'END:VALARM',
    'END:VEVENT',
  ];
}

function followupEvent(f: Followup, who: string, stamp: string): string[] | string {
  const start = icsTime(f.dueAt);
  const end = icsTime(f.dueAt + FOLLOWUP_MINUTES * 60_000);
  if (!start || !end) return `its due time (${String(f.dueAt)}) is outside the years 1900–2200`;
  const deadline = f.deadlineAt ? icsTime(f.deadlineAt) : null;
  const summary = `${followupText.kind[f.kind]}: ${who}`;
  const details = [f.title || followupText.defaultTitle[f.kind]];
  if (deadline && f.deadlineAt) details.push(`Best done by ${new Date(f.deadlineAt).toUTCString()}`);
  return [
    ...eventHead(icsUid('followup', f.id), stamp, f.updatedAt, start, end),
    line('SUMMARY', escapeText(summary)),
    line('DESCRIPTION', escapeText(details.join('\n'))),
    line('STATUS', 'CONFIRMED'),
    // A reminder, not a busy slot.
    line('TRANSP', 'TRANSPARENT'),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0S',
    line('DESCRIPTION', escapeText(summary)),
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** The calendar file and what had to be left out of it. */
export function calendarExport(
  data: { contacts: readonly Contact[]; meetings: readonly Meeting[]; followups: readonly Followup[] },
  now: number,
): ExportFile {
  const names = new Map(data.contacts.map((c) => [c.id, c.name ?? 'someone']));
  const stamp = icsTime(now) ?? icsDateTime(Date.now());
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Rapport extension//EN', 'CALSCALE:GREGORIAN'];
  const skipped: SkippedRecord[] = [];
  // The same record shape as the vCard and CSV writers, named by what the user knows: the person.
  const add = (id: string, label: string, event: string[] | string) => {
    if (typeof event === 'string') skipped.push({ id, label, reason: event });
    else out.push(...event);
  };
  for (const m of data.meetings) {
    if (m.startsAt === null || m.status === 'cancelled') continue;
    const who = names.get(m.contactId) ?? 'someone';
    add(m.id, `the conversation with ${who}`, meetingEvent(m, who, stamp));
  }
  for (const f of data.followups) {
    if (!isActive(f)) continue;
    const who = names.get(f.contactId) ?? 'someone';
    add(f.id, `the follow-up for ${who}`, followupEvent(f, who, stamp));
  }
  out.push('END:VCALENDAR');
  return { text: out.join('\r\n') + '\r\n', skipped };
}

/** The calendar file alone (records that cannot be written are left out; see calendarExport). */
export function calendarIcs(
  data: { contacts: readonly Contact[]; meetings: readonly Meeting[]; followups: readonly Followup[] },
  now: number,
): string {
  return calendarExport(data, now).text;
}
