import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Followup } from '@/lib/db/schema';
import { calendarExport, calendarIcs, icsUid } from '@/lib/export/ics';
import { buildIcs } from '@/lib/workspace/calendar';
import { sampleStores } from '../backup/factory';

const NOW = Date.UTC(2026, 10, 22, 3, 4, 5);

/** Parses with ical.js (a real calendar parser, as Thunderbird uses) and returns the VEVENTs. */
function events(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents('vevent');
}

describe('the calendar export read by ical.js', () => {
  it('holds timed events for meetings and open follow-ups, each with a display alarm', () => {
    const stores = sampleStores({ contacts: 3 });
    stores.followups[0]!.deadlineAt = stores.followups[0]!.dueAt + 3_600_000;
    const list = events(calendarIcs(stores, NOW));
    const followup = list.find((e) => String(e.getFirstPropertyValue('uid')).startsWith('followup-'))!;
    const start = followup.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect(start.isDate).toBe(false);
    expect(start.toJSDate().getTime()).toBe(stores.followups[0]!.dueAt);
    const end = followup.getFirstPropertyValue('dtend') as ICAL.Time;
    expect(end.toJSDate().getTime() - start.toJSDate().getTime()).toBe(15 * 60_000);
    const alarm = followup.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('PT0S');
    expect(String(followup.getFirstPropertyValue('description'))).toMatch(/Best done by/);
    for (const event of list) expect(event.getFirstSubcomponent('valarm')).not.toBeNull();
  });

  it('keeps every UID across two exports (a re-import updates), and SEQUENCE grows with an edit', () => {
    const stores = sampleStores({ contacts: 4 });
    const first = events(calendarIcs(stores, NOW));
    stores.followups[0] = { ...stores.followups[0]!, dueAt: stores.followups[0]!.dueAt + 86_400_000, updatedAt: NOW };
    const second = events(calendarIcs(stores, NOW + 60_000));
    const uids = (list: ICAL.Component[]) => list.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(uids(second)).toEqual(uids(first));
    expect(new Set(uids(first)).size).toBe(first.length);
    const seq = (list: ICAL.Component[]) =>
      Number(
        list
          .find((e) => e.getFirstPropertyValue('uid') === icsUid('followup', stores.followups[0]!.id))!
          .getFirstPropertyValue('sequence'),
      );
    expect(seq(second)).toBeGreaterThan(seq(first));
  });

  it('gives a meeting the same UID in the full export and in its own "Add to calendar" file', () => {
    const stores = sampleStores({ contacts: 1 });
    const meeting = stores.meetings[0]!;
    const single = events(
      buildIcs(
        { uid: meeting.id, title: 'Talk', details: '', location: '', startsAt: meeting.startsAt!, durationMin: 25 },
        NOW,
      ),
    );
    const full = events(calendarIcs(stores, NOW));
    expect(single[0]!.getFirstPropertyValue('uid')).toBe(icsUid('meeting', meeting.id));
    expect(full.map((e) => e.getFirstPropertyValue('uid'))).toContain(single[0]!.getFirstPropertyValue('uid'));
  });

  it('skips and reports a record whose time no calendar can hold, and the rest still parses', () => {
    const stores = sampleStores({ contacts: 3 });
    const bad: Followup = { ...stores.followups[0]!, id: 'far', dueAt: 1e300 };
    const early: Followup = { ...stores.followups[0]!, id: 'early', dueAt: -8.64e15 - 1 };
    stores.followups.push(bad, early);
    stores.meetings[0]!.startsAt = 8.64e15 + 1;
    const { text: ics, skipped } = calendarExport(stores, NOW);
    const who = (id: string) => stores.contacts.find((c) => c.id === id)!.name;
    expect(skipped.map((s) => `${s.label}:${s.id}`)).toEqual([
      `the conversation with ${who(stores.meetings[0]!.contactId)}:${stores.meetings[0]!.id}`,
      `the follow-up for ${who(bad.contactId)}:far`,
      `the follow-up for ${who(early.contactId)}:early`,
    ]);
    expect(skipped[0]!.reason).toMatch(/outside the years 1900–2200/);
    expect(ics).not.toMatch(/NaN|Invalid|\+275760/);
    const uids = events(ics).map((e) => String(e.getFirstPropertyValue('uid')));
    expect(uids).toContain(icsUid('followup', stores.followups[0]!.id));
    for (const s of skipped) {
      expect(uids).not.toContain(icsUid('meeting', s.id));
      expect(uids).not.toContain(icsUid('followup', s.id));
    }
    expect(uids.length).toBeGreaterThanOrEqual(2);
  });

  it('escapes and folds hostile text so it adds no property', () => {
    const stores = sampleStores({ contacts: 1 });
    stores.contacts[0]!.name = 'Eve\r\nATTENDEE:mailto:evil@example.com;x,y\\';
    stores.followups[0]!.title = 'Line one\nBEGIN:VALARM\n' + 'é'.repeat(100);
    const ics = calendarIcs(stores, NOW);
    const list = events(ics);
    for (const event of list) expect(event.getAllProperties('attendee')).toEqual([]);
    const followup = list.find((e) => String(e.getFirstPropertyValue('uid')).startsWith('followup-'))!;
    expect(String(followup.getFirstPropertyValue('summary'))).toMatch(
      /^[^:]+: Eve\nATTENDEE:mailto:evil@example\.com;x,y\\$/,
    );
    expect(followup.getAllSubcomponents('valarm')).toHaveLength(1);
  });
});
