import { describe, expect, it } from 'vitest';
import { applyMeetingChanges, currentMeeting, newMeeting } from '@/lib/workspace/meeting';

const base = { ...newMeeting({ id: 'm', contactId: 'c', now: 1 }), notes: 'hello', questionNotes: { q1: 'a' } };

describe('meeting edits', () => {
  it('defaults to 20 minutes by video', () => {
    expect(newMeeting({ id: 'm', contactId: 'c', now: 1 })).toMatchObject({
      durationMin: 20,
      medium: 'video',
      status: 'planned',
    });
  });

  it.each([
    ['applies an edit based on the stored value', { field: 'notes', before: 'hello', after: 'hello there' }, 'applied'],
    ['ignores an edit that changes nothing', { field: 'notes', before: 'x', after: 'hello' }, 'none'],
    ['refuses an edit based on an older value', { field: 'notes', before: 'hel', after: 'help' }, 'conflict'],
    ['edits one question note', { field: 'questionNotes', key: 'q1', before: 'a', after: 'ab' }, 'applied'],
    [
      'adds a note to a question without one',
      { field: 'questionNotes', key: 'q2', before: '', after: 'new' },
      'applied',
    ],
    ['refuses a stale question note', { field: 'questionNotes', key: 'q1', before: 'zz', after: 'ab' }, 'conflict'],
    ['ticks a checklist item', { field: 'checklist', key: 'learn', before: false, after: true }, 'applied'],
    ['starts the timer once', { field: 'startedAt', before: null, after: 5 }, 'applied'],
    ['treats null and empty text alike', { field: 'goals', before: null, after: 'learn' }, 'applied'],
  ] as const)('%s', (_name, change, outcome) => {
    const result = applyMeetingChanges(base, [change], 9);
    expect(result.applied.length > 0 ? 'applied' : result.conflicts.length ? 'conflict' : 'none').toBe(outcome);
    if (outcome === 'applied') {
      expect(result.meeting.updatedAt).toBe(9);
      expect(result.meeting.rev).toBe(2);
    } else expect(result.meeting).toEqual(base);
  });

  it('keeps other question notes when one changes, and never mutates the input', () => {
    const { meeting } = applyMeetingChanges(base, [{ field: 'questionNotes', key: 'q2', before: '', after: 'b' }], 2);
    expect(meeting.questionNotes).toEqual({ q1: 'a', q2: 'b' });
    expect(base.questionNotes).toEqual({ q1: 'a' });
  });

  it('picks the planned meeting (soonest first), else the latest', () => {
    const m = (id: string, startsAt: number | null, status: 'planned' | 'done', createdAt: number) => ({
      ...newMeeting({ id, contactId: 'c', now: createdAt }),
      startsAt,
      status,
    });
    expect(currentMeeting([])).toBeNull();
    expect(currentMeeting([m('a', 5, 'done', 1), m('b', 9, 'planned', 2), m('c', 7, 'planned', 3)])?.id).toBe('c');
    expect(currentMeeting([m('a', 5, 'done', 1), m('b', 3, 'done', 2)])?.id).toBe('b');
  });
});
