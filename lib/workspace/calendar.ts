import { icsTime, icsUid } from '../export/ics';
import { escapeText, foldLine, icsDateTime } from '../export/text-format';

/**
 * "Add to calendar" without any network request: an .ics file built here and a Google Calendar link the
 * user opens themselves.
 */
export interface CalendarEvent {
  /** The meeting's id: the file's UID is the one the full calendar export gives it (icsUid). */
  uid: string;
  title: string;
  details: string;
  location: string;
  startsAt: number;
  durationMin: number;
}

/** Whether a meeting time can go in a calendar file or link (1900–2200); the buttons hide otherwise. */
export function hasCalendarTime(startsAt: number | null): startsAt is number {
  return icsTime(startsAt) !== null && icsTime((startsAt ?? 0) + 1_440 * 60_000) !== null;
}

export function buildIcs(event: CalendarEvent, now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport//Interview workspace//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(icsUid('meeting', event.uid))}`,
    `DTSTAMP:${icsDateTime(now)}`,
    `DTSTART:${icsDateTime(event.startsAt)}`,
    `DTEND:${icsDateTime(event.startsAt + event.durationMin * 60_000)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.details ? [`DESCRIPTION:${escapeText(event.details)}`] : []),
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT15M',
    `DESCRIPTION:${escapeText(event.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function googleCalendarUrl(event: CalendarEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${icsDateTime(event.startsAt)}/${icsDateTime(event.startsAt + event.durationMin * 60_000)}`,
    details: event.details,
    location: event.location,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** A safe file name for the download. */
export function icsFileName(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${base || 'meeting'}.ics`;
}
