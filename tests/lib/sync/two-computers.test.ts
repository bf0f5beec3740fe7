import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import { saveCaptures, updateContact } from '@/lib/db/contacts';
import { addFollowup } from '@/lib/db/followups';
import { createMeeting, updateMeeting } from '@/lib/db/meetings';
import { addTimelineEntry, listTimeline } from '@/lib/db/timeline';
import { profile } from '../contacts/factory';
import { openComputer } from './computers';
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
    const [{ contact }] = await saveCaptures(a.db, [{ profile: profile({ headline: 'Staff engineer; payments, risk' }) }], { now: a.now.value });
    await addTimelineEntry(a.db, { contactId: contact.id, at: a.now.value, kind: 'note', text: 'Met at the meetup; likes, commas' });
    const meeting = await createMeeting(a.db, contact.id, { now: a.now.value });
    await updateMeeting(a.db, meeting.id, [{ field: 'startsAt', before: null, after: Date.UTC(2026, 10, 5, 15) }], a.now.value);
    await addFollowup(a.db, { contactId: contact.id, meetingId: meeting.id, kind: 'thank-you', title: 'Thank Marta', dueAt: Date.UTC(2026, 10, 6, 9), recurrenceMonths: null, deadlineAt: null, aboutContactId: null }, a.now.value);
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
