import { describe, expect, it } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import type { Followup, Meeting } from '@/lib/db/schema';
import { readCalendarObject, writeEvent, writeTodo } from '@/lib/sync/icalendar';
import { syncedContact, syncedFollowup, syncedMeeting, type CardPayload } from '@/lib/sync/payload';
import { readCard, writeCard } from '@/lib/sync/vcard';
import { newMeeting } from '@/lib/workspace/meeting';
import { profile } from '../contacts/factory';

const card = (over: Parameters<typeof profile>[0] = {}): CardPayload => ({
  kind: 'card',
  contact: syncedContact(newContact(profile(over), { id: 'c1', now: 1_700_000_000_000 })),
  timeline: [],
  drafts: [],
});

describe('vCard: round trip of hard values', () => {
  const table: [string, Parameters<typeof profile>[0]][] = [
    ['commas and semicolons', { headline: 'Staff engineer; payments, risk', currentCompany: 'Acme; Corp, Inc.' }],
    ['backslashes and newlines', { about: 'a\\b\nc; d, e' }],
    ['unicode and emoji', { name: 'Zoë Ñúñez 😀', location: 'Québec, QC' }],
    ['right-to-left', { name: 'ليلى حداد', headline: 'مهندسة بيانات' }],
    [
      'nothing known',
      {
        name: null,
        firstName: null,
        lastName: null,
        currentTitle: null,
        currentCompany: null,
        headline: null,
        location: null,
      },
    ],
    ['very long value', { about: 'x'.repeat(20_000) }],
  ];
  for (const [name, over] of table) {
    it(name, () => {
      const payload = card(over);
      const text = writeCard(payload, null);
      expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
      expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 76)).toBe(true);
      expect(readCard(text, 0)).toEqual(payload);
    });
  }
});

describe('vCard: reading what other apps wrote', () => {
  it('reads a vCard 4.0 from another app as a new person with standard fields', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'UID:urn:uuid:0b6e7c3a-1111-4222-8333-944455556666',
      'FN:Ana Lima',
      'N:Lima;Ana;;;',
      'ORG:Harbor Bank',
      'TITLE:Analyst',
      'EMAIL;TYPE=work:ana@example.org',
      'TEL;VALUE=uri:tel:+351-900-000-000',
      'NOTE:comma\\, semicolon\\; done',
      'URL:https://www.linkedin.com/in/ana-lima-demo/',
      'END:VCARD',
      '',
    ].join('\r\n');
    const read = readCard(text, 5)!;
    expect(read.partial).toBe(true);
    expect(read.contact).toMatchObject({
      id: '0b6e7c3a-1111-4222-8333-944455556666',
      name: 'Ana Lima',
      firstName: 'Ana',
      lastName: 'Lima',
      currentCompany: 'Harbor Bank',
      currentTitle: 'Analyst',
      email: 'ana@example.org',
      about: 'comma, semicolon; done',
      profileUrl: 'https://www.linkedin.com/in/ana-lima-demo/',
      status: 'to-ask',
    });
  });

  it('an edit of a standard field by another app wins; the rest comes from X-RAPPORT-DATA', () => {
    const payload = card();
    const edited = writeCard(payload, null).replace('TITLE:Data engineer', 'TITLE:Head of data');
    expect(readCard(edited, 0)?.contact).toEqual({ ...payload.contact, currentTitle: 'Head of data' });
  });

  it('writing on top of the server copy keeps properties we do not own', () => {
    const server = writeCard(card(), null).replace('END:VCARD', 'X-ABLABEL:kept\r\nBDAY:1990-01-01\r\nEND:VCARD');
    const again = writeCard(card({ currentTitle: 'Lead' }), server);
    expect(again).toContain('X-ABLABEL:kept');
    expect(again).toMatch(/BDAY[^:]*:1990-?01-?01/);
    expect(again).toContain('TITLE:Lead');
  });

  it('broken input reads as nothing, never as a wrong person', () => {
    for (const bad of ['', 'hello', 'BEGIN:VCARD\r\nFN:x', 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'])
      expect(readCard(bad, 0)).toBeNull();
  });
});

describe('iCalendar: meetings and follow-ups', () => {
  const meeting: Meeting = {
    ...newMeeting({ id: 'm1', contactId: 'c1', now: 1 }),
    startsAt: Date.UTC(2026, 11, 1, 15),
    where: 'Café; room 2, floor 3',
  };
  const followup: Followup = {
    id: 'f1',
    contactId: 'c1',
    meetingId: 'm1',
    kind: 'check-in',
    title: 'Check in, quarterly',
    dueAt: Date.UTC(2027, 2, 1, 9),
    recurrenceMonths: 3,
    status: 'pending',
    notifiedAt: null,
    history: [{ at: 1, action: 'created' }],
    createdAt: 1,
    updatedAt: 1,
  };

  it('a meeting round-trips; moved by a calendar app (TZID), the new time wins', () => {
    const text = writeEvent({ kind: 'event', meeting: syncedMeeting(meeting) }, 'Ana', null, 0);
    expect(readCalendarObject(text)).toEqual({ kind: 'event', meeting: syncedMeeting(meeting) });
    const moved = text
      .replace(/DTSTART:\d+T\d+Z/, 'DTSTART;TZID=Europe/Paris:20261201T170000')
      .replace(/DTEND:\d+T\d+Z/, 'DTEND;TZID=Europe/Paris:20261201T173000')
      .replace(
        'BEGIN:VEVENT',
        'BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\nBEGIN:STANDARD\r\nDTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT',
      );
    const read = readCalendarObject(moved);
    expect(read?.kind === 'event' && read.meeting.startsAt).toBe(Date.UTC(2026, 11, 1, 16));
    expect(read?.kind === 'event' && read.meeting.durationMin).toBe(30);
  });

  const todoTable: [string, (t: string) => string, Partial<Followup>][] = [
    ['unchanged', (t) => t, {}],
    ['completed in a tasks app', (t) => t.replace('STATUS:NEEDS-ACTION', 'STATUS:COMPLETED'), { status: 'done' }],
    ['cancelled in a tasks app', (t) => t.replace('STATUS:NEEDS-ACTION', 'STATUS:CANCELLED'), { status: 'dismissed' }],
    [
      'moved in a tasks app',
      (t) => t.replace(/DUE:\d+T\d+Z/, 'DUE:20270305T090000Z'),
      { dueAt: Date.UTC(2027, 2, 5, 9) },
    ],
  ];
  for (const [name, change, expected] of todoTable) {
    it(`a follow-up: ${name}`, () => {
      const text = writeTodo({ kind: 'todo', followup: syncedFollowup(followup) }, null, 0);
      expect(text).toContain('RRULE:FREQ=MONTHLY;INTERVAL=3');
      expect(text).toContain('RELATED-TO:meeting-m1@rapport.invalid');
      expect(readCalendarObject(change(text))).toEqual({
        kind: 'todo',
        followup: { ...syncedFollowup(followup), ...expected },
      });
    });
  }

  it('an event another app put in the Rapport calendar is left alone', () => {
    expect(
      readCalendarObject(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    ).toBeNull();
  });
});
