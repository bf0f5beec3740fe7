import { describe, expect, it } from 'vitest';
import { calendarIcs, icsDateTime } from '@/lib/export/ics';
import { sampleStores } from '../backup/factory';
import { parseIcs, prop, unescapeText } from './ics-parser';

const NOW = Date.UTC(2026, 10, 22, 3, 4, 5);

describe('ICS of meetings and follow-ups (RFC 5545)', () => {
  const stores = sampleStores({ contacts: 3 });
  stores.meetings[0]!.where = 'Café; room 2, floor 3 \\ back';
  stores.meetings[0]!.goals = 'A very long goal that goes on and on, with commas; semicolons and ünïcødé 😀 '.repeat(4);
  stores.followups[1]!.status = 'done';

  it('parses strictly and holds one VEVENT per timed meeting and per open follow-up, each with an alarm', () => {
    const cal = parseIcs(calendarIcs(stores, NOW));
    expect(prop(cal, 'VERSION')).toBe('2.0');
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    // Meeting 2 has no agreed time; follow-up 2 is done. No VTODO: calendars ignore them on import.
    expect(events.map((e) => prop(e, 'UID'))).toEqual([
      'meeting-c00000-m@rapport.invalid',
      'followup-c00000-f@rapport.invalid',
    ]);
    expect(cal.children.filter((c) => c.name === 'VTODO')).toEqual([]);
    const [event, followup] = events;
    expect(prop(event!, 'DTSTART')).toBe(icsDateTime(stores.meetings[0]!.startsAt!));
    expect(prop(event!, 'DTEND')).toBe(icsDateTime(stores.meetings[0]!.startsAt! + 25 * 60_000));
    expect(prop(event!, 'DTSTAMP')).toBe('20261122T030405Z');
    expect(unescapeText(prop(event!, 'LOCATION')!)).toBe('Café; room 2, floor 3 \\ back');
    expect(unescapeText(prop(event!, 'DESCRIPTION')!)).toBe(`Video call\n${stores.meetings[0]!.goals}`);
    expect(unescapeText(prop(event!, 'SUMMARY')!)).toBe(`Conversation with ${stores.contacts[0]!.name}`);
    expect(prop(followup!, 'DTSTART')).toBe(icsDateTime(stores.followups[0]!.dueAt));
    expect(followup!.children.map((c) => c.name)).toEqual(['VALARM']);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const ics = calendarIcs(stores, NOW);
    expect(ics).toContain('\r\n ');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
  });

  it('the test parser itself rejects malformed calendars', () => {
    expect(() => parseIcs('BEGIN:VCALENDAR\nEND:VCALENDAR\n')).toThrow(/bare LF|CRLF/);
    expect(() => parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toThrow(/lacks PRODID/);
    expect(() =>
      parseIcs(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T000000Z\r\nSUMMARY:a,b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    ).toThrow(/unescaped/);
    expect(() => parseIcs(`BEGIN:VCALENDAR\r\nPRODID:${'x'.repeat(80)}\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n`)).toThrow(
      /75 octets/,
    );
  });
});
