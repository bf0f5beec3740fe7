import { describe, expect, it } from 'vitest';
import { buildIcs, googleCalendarUrl, icsFileName } from '@/lib/workspace/calendar';
import { escapeText, icsDateTime } from '@/lib/export/text-format';

const event = {
  uid: 'm1',
  title: 'Informational interview with Tomás Eberhardt',
  details: 'Goals: learn about hiring; ask, for advice\nand next steps',
  location: 'https://meet.example/abc',
  startsAt: Date.UTC(2026, 2, 5, 14, 0),
  durationMin: 30,
};

describe('calendar', () => {
  it('formats UTC dates', () => expect(icsDateTime(Date.UTC(2026, 2, 5, 14, 0, 7))).toBe('20260305T140007Z'));

  it.each([
    ['a;b,c', 'a\\;b\\,c'],
    ['line\nnext', 'line\\nnext'],
    ['back\\slash', 'back\\\\slash'],
  ])('escapes %j', (text, expected) => expect(escapeText(text)).toBe(expected));

  it('builds a valid single-event calendar with CRLF lines of at most 75 octets', () => {
    const ics = buildIcs(event, Date.UTC(2026, 2, 1));
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART:20260305T140000Z');
    expect(ics).toContain('DTEND:20260305T143000Z');
    expect(ics).toContain('UID:meeting-m1@rapport.invalid');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Unfolded, the description is intact.
    expect(ics.replace(/\r\n /g, '')).toContain(
      'DESCRIPTION:Goals: learn about hiring\\; ask\\, for advice\\nand next steps',
    );
  });

  it('links to Google Calendar with the same times, without fetching anything', () => {
    const url = new URL(googleCalendarUrl(event));
    expect(url.origin).toBe('https://calendar.google.com');
    expect(url.searchParams.get('dates')).toBe('20260305T140000Z/20260305T143000Z');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('location')).toBe(event.location);
  });

  it.each([
    ['Informational interview with Tomás Eberhardt', 'informational-interview-with-tomas-eberhardt.ics'],
    ['***', 'meeting.ics'],
  ])('file name for %j', (title, name) => expect(icsFileName(title)).toBe(name));
});
