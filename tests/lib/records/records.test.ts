import { describe, expect, it } from 'vitest';
import { emptyChangeSet, UNDO_KEEP_MS } from '@/lib/contacts/changeset';
import { saveCapture } from '@/lib/db/contacts';
import { writeImportBatch } from '@/lib/db/import-batch';
import { openRapportDB } from '@/lib/db/open';
import {
  bulkEditContacts,
  cancelMeeting,
  deleteMeeting,
  deleteTimelineEntry,
  mergeContacts,
} from '@/lib/db/record-operations';
import { deleteContacts, listUndoLog, NothingToUndoError, runOperation, undoOperation } from '@/lib/db/records';
import { profile } from '../contacts/factory';
import { dump, followup, meeting, note, person, seed } from './factory';

const NOW = 1_800_000_000_000;

/** R referred P; P referred Q; P has notes, a meeting with its thank-you and a check-in; R's update is about P. */
async function world() {
  const db = await openRapportDB();
  await seed(db, {
    contacts: [person('r'), person('p', { referredById: 'r' }), person('q', { referredById: 'p' }), person('z')],
    timeline: [
      note('n1', 'p'),
      note('n2', 'p'),
      note('met', 'p', { kind: 'meeting', data: { meetingId: 'm1' } }),
      note('nz', 'z'),
    ],
    meetings: [meeting('m1', 'p'), meeting('m2', 'p', { startsAt: null })],
    followups: [
      followup('thanks', 'p', { kind: 'thank-you', meetingId: 'm1' }),
      followup('checkin', 'p', { kind: 'check-in' }),
      followup('update', 'r', { kind: 'referrer-update', aboutContactId: 'p' }),
      followup('fz', 'z'),
    ],
  });
  return db;
}

describe('delete and undo', () => {
  it('deletes a person with their notes, meetings and follow-ups, clears links, and undo restores every record', async () => {
    const db = await world();
    const before = await dump(db);
    const done = await deleteContacts(db, ['p'], NOW);
    expect(done).toMatchObject({ kind: 'delete-contacts', names: ['Person p'] });
    expect(done?.counts).toEqual({ contacts: 2, timeline: 3, meetings: 2, followups: 3 });
    const after = await dump(db);
    expect(after.contacts.map((c) => c.id)).toEqual(['q', 'r', 'z']);
    expect(after.contacts.find((c) => c.id === 'q')?.referredById).toBeNull();
    expect(after.timeline.map((e) => e.id)).toEqual(['nz']);
    expect(after.meetings).toEqual([]);
    expect(after.followups.map((f) => [f.id, f.aboutContactId ?? null])).toEqual([
      ['fz', null],
      ['update', null],
    ]);
    expect(await listUndoLog(db, NOW + 1)).toHaveLength(1);

    await undoOperation(db, done!.id, NOW + 1);
    expect(await dump(db)).toEqual(before);
    expect(await listUndoLog(db, NOW + 2)).toEqual([]);
    await expect(undoOperation(db, done!.id, NOW + 3)).rejects.toBeInstanceOf(NothingToUndoError);
  });

  it('an undo keeps an edit made since: a link set again by the user stays', async () => {
    const db = await world();
    const done = await deleteContacts(db, ['p'], NOW);
    const q = await db.get('contacts', 'q');
    await db.put('contacts', { ...q!, referredById: 'z' });
    await undoOperation(db, done!.id, NOW + 1);
    expect((await db.get('contacts', 'q'))?.referredById).toBe('z');
    expect(await db.get('contacts', 'p')).toBeDefined();
  });

  it('a person saved again since the delete is not doubled: their notes come back onto the new record', async () => {
    const db = await world();
    const done = await deleteContacts(db, ['p'], NOW);
    const { contact } = await saveCapture(
      db,
      profile({ name: 'Person p', profileUrl: 'https://www.linkedin.com/in/p/' }),
      {
        now: NOW + 1,
      },
    );
    await undoOperation(db, done!.id, NOW + 2);
    const all = await db.getAll('contacts');
    expect(all.filter((c) => c.profileUrl === 'https://www.linkedin.com/in/p/')).toHaveLength(1);
    expect((await db.getAllFromIndex('timeline', 'contactId', contact.id)).map((e) => e.id).sort()).toEqual([
      'met',
      'n1',
      'n2',
    ]);
  });

  it('deletes one note, and brings it back', async () => {
    const db = await world();
    const done = await deleteTimelineEntry(db, 'n1', NOW);
    expect(await db.get('timeline', 'n1')).toBeUndefined();
    expect(await db.get('timeline', 'n2')).toBeDefined();
    await undoOperation(db, done!.id, NOW + 1);
    expect(await db.get('timeline', 'n1')).toEqual(note('n1', 'p'));
  });

  it('deletes a meeting with its follow-ups and its "Met" entry; undo restores them', async () => {
    const db = await world();
    const before = await dump(db);
    const done = await deleteMeeting(db, 'm1', NOW);
    expect(await db.get('meetings', 'm1')).toBeUndefined();
    expect(await db.get('followups', 'thanks')).toBeUndefined();
    expect(await db.get('timeline', 'met')).toBeUndefined();
    expect(await db.get('followups', 'checkin')).toBeDefined();
    await undoOperation(db, done!.id, NOW + 1);
    expect(await dump(db)).toEqual(before);
  });

  it('cancelling a meeting keeps it, cancelled, and clears only the follow-ups waiting on it', async () => {
    const db = await world();
    await db.put('followups', followup('old', 'p', { kind: 'thank-you', meetingId: 'm1', status: 'done' }));
    const done = await cancelMeeting(db, 'm1', NOW);
    expect((await db.get('meetings', 'm1'))?.status).toBe('cancelled');
    expect(await db.get('followups', 'thanks')).toBeUndefined();
    expect(await db.get('followups', 'old')).toBeDefined();
    await undoOperation(db, done!.id, NOW + 1);
    expect((await db.get('meetings', 'm1'))?.status).toBe('planned');
    expect(await db.get('followups', 'thanks')).toBeDefined();
  });

  it('keeps the log 30 days', async () => {
    const db = await world();
    await deleteTimelineEntry(db, 'n1', NOW);
    expect(await listUndoLog(db, NOW + UNDO_KEEP_MS - 1)).toHaveLength(1);
    expect(await listUndoLog(db, NOW + UNDO_KEEP_MS + 1)).toHaveLength(0);
    // The next operation drops it from the store too.
    await deleteTimelineEntry(db, 'n2', NOW + UNDO_KEEP_MS + 1);
    expect(await db.count('undoLog')).toBe(1);
  });

  it('leaves nothing half-done when a write fails mid-operation', async () => {
    const db = await world();
    const before = await dump(db);
    const p = await db.get('contacts', 'p');
    const broken = { ...note('x', 'p'), data: { bad: (() => 1) as unknown as string } };
    await expect(
      runOperation(db, 'delete-contacts', NOW, async () => {
        const set = emptyChangeSet();
        set.removed.contacts.push(p!);
        set.added.push({ store: 'timeline', record: broken });
        return { set, names: [] };
      }),
    ).rejects.toThrow();
    expect(await dump(db)).toEqual(before);
    expect(await db.count('undoLog')).toBe(0);
  });
});

describe('merge', () => {
  it('a typed referral and the saved profile become one record with the referral link; undo splits them again', async () => {
    const db = await openRapportDB();
    await seed(db, {
      contacts: [
        person('bo'),
        person('typed', { name: 'Marta Quintero', referredById: 'bo', status: 'asked', tags: ['referral'] }, null),
        person('saved', { name: 'Marta Quintero', tags: ['data'] }),
        person('friend', { referredById: 'typed' }),
      ],
      timeline: [note('t1', 'typed'), note('s1', 'saved')],
      followups: [
        followup('upd', 'bo', { kind: 'referrer-update', aboutContactId: 'typed' }),
        followup('nudge-typed', 'typed', { kind: 'nudge' }),
        followup('nudge-saved', 'saved', { kind: 'nudge' }),
      ],
    });
    const before = await dump(db);
    const done = await mergeContacts(
      db,
      { keepId: 'saved', dropId: 'typed', choices: {}, noteText: (n) => `Merged ${n}` },
      NOW,
    );
    expect(done?.kind).toBe('merge');
    expect(await db.get('contacts', 'typed')).toBeUndefined();
    const kept = await db.get('contacts', 'saved');
    expect(kept).toMatchObject({
      referredById: 'bo',
      status: 'asked',
      tags: ['data', 'referral'],
      profileUrl: 'https://www.linkedin.com/in/saved/',
    });
    expect((await db.getAllFromIndex('timeline', 'contactId', 'saved')).map((e) => e.text).sort()).toEqual([
      'Merged Marta Quintero',
      'note s1',
      'note t1',
    ]);
    expect((await db.get('contacts', 'friend'))?.referredById).toBe('saved');
    expect((await db.get('followups', 'upd'))?.aboutContactId).toBe('saved');
    expect(await db.get('followups', 'nudge-typed')).toBeUndefined(); // one nudge per person
    await undoOperation(db, done!.id, NOW + 1);
    expect(await dump(db)).toEqual(before);
  });
});

describe('bulk edits', () => {
  it('moves many people to a stage with a timeline entry each, tags them, and undoes as one step', async () => {
    const db = await world();
    const before = await dump(db);
    const moved = await bulkEditContacts(db, ['p', 'q', 'gone'], { kind: 'status', status: 'archived' }, NOW);
    expect(moved?.counts.contacts).toBe(2);
    expect((await db.get('contacts', 'q'))?.status).toBe('archived');
    expect((await db.getAllFromIndex('timeline', 'contactId', 'q')).map((e) => e.kind)).toEqual(['status']);
    const tagged = await bulkEditContacts(db, ['p', 'q'], { kind: 'add-tag', tag: '  spring  fair ' }, NOW + 1);
    expect((await db.get('contacts', 'p'))?.tags).toEqual(['spring fair']);
    await undoOperation(db, tagged!.id, NOW + 2);
    await undoOperation(db, moved!.id, NOW + 3);
    expect(await dump(db)).toEqual(before);
  });
});

describe('import batches', () => {
  it('tags every person of the day’s import and undoes all batches as one step, itself undoable', async () => {
    const db = await openRapportDB();
    const batch = (ids: string[]) => (existing: ReadonlySet<string>) => ({
      contacts: ids.map((id) => person(id)).filter((c) => !existing.has(c.profileUrl)),
      existing: ids.filter((id) => existing.has(`https://www.linkedin.com/in/${id}/`)).length,
    });
    const urls = (ids: string[]) => ids.map((id) => `https://www.linkedin.com/in/${id}/`);
    const opts = { now: NOW, tag: 'imported 2027-01-15' };
    await writeImportBatch(db, urls(['a', 'b']), batch(['a', 'b']), opts);
    const second = await writeImportBatch(db, urls(['b', 'c']), batch(['b', 'c']), opts);
    expect(second).toMatchObject({ added: 1, existing: 1 });
    expect(second.undo).toMatchObject({ kind: 'import', tag: 'imported 2027-01-15', counts: { contacts: 3 } });
    expect((await db.getAll('contacts')).every((c) => c.tags.includes('imported 2027-01-15'))).toBe(true);
    await db.put('timeline', note('later', 'a'));

    const undone = await undoOperation(db, second.undo!.id, NOW + 1);
    expect(await db.count('contacts')).toBe(0);
    expect(await db.count('timeline')).toBe(0);
    expect(undone).toMatchObject({ kind: 'delete-contacts', counts: { contacts: 3 } });
    await undoOperation(db, undone!.id, NOW + 2);
    expect(await db.count('contacts')).toBe(3);
    expect(await db.get('timeline', 'later')).toBeDefined();
  });
});
