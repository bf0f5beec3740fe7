import { describe, expect, it } from 'vitest';
import { addReferral } from '@/lib/background/workspace-referral';
import { saveCapture } from '@/lib/db/contacts';
import { createMeeting, finishMeeting, listMeetings, MeetingNotFoundError, updateMeeting } from '@/lib/db/meetings';
import { openRapportDB } from '@/lib/db/open';
import { addQuestion, listQuestionBank, setQuestionStarred } from '@/lib/db/questions';
import { addTimelineEntry, listTimeline, notesByContact } from '@/lib/db/timeline';
import { BUILTIN_QUESTION_TEXTS } from '@/lib/ui/strings/workspace';
import { profile } from '../contacts/factory';

describe('workspace repositories', () => {
  it('creates a meeting, edits it field by field and refuses a stale edit', async () => {
    const db = await openRapportDB();
    const m = await createMeeting(db, 'c1', { now: 1, durationMin: 30, questionIds: ['bq-advice-1'] });
    expect(m).toMatchObject({ durationMin: 30, questionIds: ['bq-advice-1'], status: 'planned' });
    const first = await updateMeeting(db, m.id, [{ field: 'notes', before: '', after: 'one' }], 2);
    expect(first.conflicts).toEqual([]);
    // A second view still saw '' and types something else: refused, the stored value stays.
    const stale = await updateMeeting(db, m.id, [{ field: 'notes', before: '', after: 'two' }], 3);
    expect(stale.conflicts).toHaveLength(1);
    expect((await listMeetings(db, 'c1'))[0]?.notes).toBe('one');
    await expect(updateMeeting(db, 'nope', [], 4)).rejects.toBeInstanceOf(MeetingNotFoundError);
  });

  it('finishes a meeting once, keeping the first end time', async () => {
    const db = await openRapportDB();
    const m = await createMeeting(db, 'c1', { now: 1 });
    expect((await finishMeeting(db, m.id, 10)).meeting.endedAt).toBe(10);
    expect((await finishMeeting(db, m.id, 20)).meeting.endedAt).toBe(10);
  });

  it('writes the "Met" timeline entry with the meeting, exactly once even when marked twice at once', async () => {
    const db = await openRapportDB();
    const m = await createMeeting(db, 'c1', { now: 1 });
    const results = await Promise.all([finishMeeting(db, m.id, 10), finishMeeting(db, m.id, 11)]);
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    const entries = (await listTimeline(db, 'c1')).filter((e) => e.kind === 'meeting');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.data).toEqual({ meetingId: m.id });
  });

  it('keeps own questions in the bank and stars built-in ones', async () => {
    const db = await openRapportDB();
    await addQuestion(db, { topic: 'custom', text: '  How did you pick your first team? ' }, 5);
    await setQuestionStarred(db, 'bq-salary-1', true);
    const bank = await listQuestionBank(db);
    expect(bank).toHaveLength(BUILTIN_QUESTION_TEXTS.length + 1);
    expect(bank.find((q) => q.id === 'bq-salary-1')?.starred).toBe(true);
    expect(bank.at(-1)?.text).toBe('How did you pick your first team?');
    await expect(setQuestionStarred(db, 'missing', true)).rejects.toThrow();
  });

  it('keeps notes on the timeline, newest first, and indexes them for search', async () => {
    const db = await openRapportDB();
    await addTimelineEntry(db, { contactId: 'c1', at: 1, kind: 'note', text: 'first' });
    await addTimelineEntry(db, { contactId: 'c1', at: 2, kind: 'message', text: 'Hello' });
    await addTimelineEntry(db, { contactId: 'c1', at: 3, kind: 'note', text: 'second' });
    expect((await listTimeline(db, 'c1')).map((e) => e.text)).toEqual(['second', 'Hello', 'first']);
    expect((await notesByContact(db)).get('c1')?.split(' ').filter(Boolean).sort()).toEqual(['first', 'second']);
  });

  it('saves a referral as a new contact referred by the person met, noted on both timelines', async () => {
    const db = await openRapportDB();
    const { contact: from } = await saveCapture(db, profile(), { now: 1 });
    const id = await addReferral(
      db,
      {
        fromContactId: from.id,
        name: ' Lena  Park ',
        role: 'Engineering manager',
        company: 'Harbor Labs',
        mayUseName: true,
      },
      2,
    );
    const lena = await db.get('contacts', id);
    expect(lena).toMatchObject({
      name: 'Lena Park',
      firstName: 'Lena',
      currentTitle: 'Engineering manager',
      currentCompany: 'Harbor Labs',
      referredById: from.id,
      mutualAcquaintance: 'Marta Quintero',
      status: 'to-ask',
    });
    expect(lena?.profileUrl).toBe(`manual:${id}`);
    expect((await listTimeline(db, id))[0]?.text).toContain('may mention');
    expect((await listTimeline(db, from.id))[0]?.text).toContain('Lena Park');
    await expect(
      addReferral(db, { fromContactId: from.id, name: ' ', role: '', company: '', mayUseName: false }, 3),
    ).rejects.toThrow();
    await expect(
      addReferral(db, { fromContactId: 'gone', name: 'X', role: '', company: '', mayUseName: false }, 3),
    ).rejects.toThrow();
  });
});
