import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteContact, updateContact } from '@/lib/db/contacts';
import { addFollowup } from '@/lib/db/followups';
import { createMeeting, updateMeeting } from '@/lib/db/meetings';
import { addTimelineEntry, listTimeline } from '@/lib/db/timeline';
import { profile } from '../contacts/factory';
import { openComputer, saveOne } from './computers';
import { radicaleAvailable, startRadicale, type RadicaleServer } from './radicale';

let server: RadicaleServer;
beforeAll(async () => {
  server = await startRadicale();
});
afterAll(async () => {
  await server?.stop();
});

describe.skipIf(!radicaleAvailable())('two computers, one real Radicale', () => {
  it('a person made on A appears on B with their note, meeting and follow-up', async () => {
    const a = await openComputer(server);
    const b = await openComputer(server);
    const { contact } = await saveOne(a.db, [{ profile: profile({ headline: 'Staff engineer; payments, risk' }) }], {
      now: a.now.value,
    });
    await addTimelineEntry(a.db, {
      contactId: contact.id,
      at: a.now.value,
      kind: 'note',
      text: 'Met at the meetup; likes, commas',
    });
    const meeting = await createMeeting(a.db, contact.id, { now: a.now.value });
    await updateMeeting(
      a.db,
      meeting.id,
      [{ field: 'startsAt', before: null, after: Date.UTC(2026, 10, 5, 15) }],
      a.now.value,
    );
    await addFollowup(
      a.db,
      {
        contactId: contact.id,
        meetingId: meeting.id,
        kind: 'thank-you',
        title: 'Thank Marta',
        dueAt: Date.UTC(2026, 10, 6, 9),
        recurrenceMonths: null,
        deadlineAt: null,
        aboutContactId: null,
      },
      a.now.value,
    );
    const pushed = await a.sync();
    expect(pushed.pushed).toBe(3);
    await b.sync();
    const got = await b.db.get('contacts', contact.id);
    expect(got?.name).toBe('Marta Quintero');
    expect(got?.headline).toBe('Staff engineer; payments, risk');
    expect((await listTimeline(b.db, contact.id)).map((e) => e.text)).toEqual(['Met at the meetup; likes, commas']);
    expect((await b.db.get('meetings', meeting.id))?.startsAt).toBe(Date.UTC(2026, 10, 5, 15));
    expect((await b.db.getAll('followups')).map((f) => f.title)).toEqual(['Thank Marta']);
    // Nothing more to do on either side.
    expect((await a.sync()).pushed).toBe(0);
    expect((await b.sync()).pushed).toBe(0);
  });
});

async function pair() {
  const a = await openComputer(server);
  const b = await openComputer(server);
  const { contact } = await saveOne(
    a.db,
    [{ profile: profile({ profileUrl: `https://www.linkedin.com/in/p-${Math.random().toString(36).slice(2)}/` }) }],
    { now: a.now.value },
  );
  await a.sync();
  await b.sync();
  return { a, b, id: contact.id };
}

describe.skipIf(!radicaleAvailable())('conflicts and deletes', () => {
  it('the same field edited on both: the later edit wins on both, the other value is in the timeline', async () => {
    const { a, b, id } = await pair();
    a.now.value += 60_000;
    await updateContact(
      a.db,
      id,
      [{ field: 'currentTitle', before: 'Data engineer', after: 'Lead engineer' }],
      a.now.value,
    );
    b.now.value += 120_000; // later
    await updateContact(
      b.db,
      id,
      [{ field: 'currentTitle', before: 'Data engineer', after: 'Principal engineer' }],
      b.now.value,
    );
    // A different field on each side merges without conflict.
    await updateContact(a.db, id, [{ field: 'targetField', before: null, after: 'Payments' }], a.now.value);
    await a.sync();
    const rb = await b.sync();
    expect(rb.conflicts).toBe(1);
    await a.sync();
    for (const computer of [a, b]) {
      const c = await computer.db.get('contacts', id);
      expect(c?.currentTitle).toBe('Principal engineer');
      expect(c?.targetField).toBe('Payments');
      const notes = (await listTimeline(computer.db, id)).map((e) => e.text);
      expect(notes.some((t) => t.includes('Lead engineer') && t.includes('Principal engineer'))).toBe(true);
    }
  });

  it('a delete on A is gone on B', async () => {
    const { a, b, id } = await pair();
    await deleteContact(a.db, id);
    expect((await a.sync()).deletedOnServer).toBe(1);
    expect((await b.sync()).deletedHere).toBe(1);
    expect(await b.db.get('contacts', id)).toBeUndefined();
    expect(await a.db.get('syncObjects', `card:${id}`)).toBeUndefined(); // the tombstone went once the server confirmed
  });

  it('an edit against a delete keeps the edit, whichever syncs first', async () => {
    for (const deleterFirst of [true, false]) {
      const { a, b, id } = await pair();
      await deleteContact(a.db, id);
      b.now.value += 60_000;
      await updateContact(
        b.db,
        id,
        [{ field: 'currentCompany', before: 'Lumen Tide', after: 'Harbor Bank' }],
        b.now.value,
      );
      if (deleterFirst) {
        await a.sync();
        await b.sync();
      } else {
        await b.sync();
        await a.sync();
      }
      await a.sync();
      await b.sync();
      for (const computer of [a, b])
        expect((await computer.db.get('contacts', id))?.currentCompany, `deleter first: ${deleterFirst}`).toBe(
          'Harbor Bank',
        );
    }
  });

  it('a forgotten sync token falls back to a full comparison and loses nothing', async () => {
    const { a, b, id } = await pair();
    const state = (await b.db.getAll('syncCollections')).find((c) => c.role === 'book')!;
    await b.db.put('syncCollections', { ...state, token: `${state.token}-pruned` });
    await updateContact(a.db, id, [{ field: 'phone', before: null, after: '+34 600 000 000' }], a.now.value + 1);
    await a.sync();
    const report = await b.sync();
    expect(report.fullCompare).toBe(true);
    expect((await b.db.get('contacts', id))?.phone).toBe('+34 600 000 000');
  });

  it('the same profile URL saved on both computers becomes one person with both sides’ notes', async () => {
    const a = await openComputer(server);
    const b = await openComputer(server);
    const url = `https://www.linkedin.com/in/twice-${Math.random().toString(36).slice(2)}/`;
    const { contact: onA } = await saveOne(a.db, [{ profile: profile({ profileUrl: url }) }], { now: a.now.value });
    const { contact: onB } = await saveOne(b.db, [{ profile: profile({ profileUrl: url }) }], {
      now: b.now.value + 5_000,
    });
    await addTimelineEntry(b.db, { contactId: onB.id, at: b.now.value, kind: 'note', text: 'noted on B' });
    await addTimelineEntry(a.db, { contactId: onA.id, at: a.now.value, kind: 'note', text: 'noted on A' });
    await a.sync();
    await b.sync();
    await a.sync();
    await b.sync();
    for (const computer of [a, b]) {
      const people = (await computer.db.getAll('contacts')).filter((c) => c.profileUrl === url);
      expect(people.map((p) => p.id)).toEqual([onA.id]);
      expect((await listTimeline(computer.db, onA.id)).map((e) => e.text).sort()).toEqual(['noted on A', 'noted on B']);
    }
  });
});
