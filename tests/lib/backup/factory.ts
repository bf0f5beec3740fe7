import type { StoreRecords } from '@/lib/backup/schema';
import { newContact } from '@/lib/contacts/merge';
import type { Followup, Meeting, Question, TimelineEntry } from '@/lib/db/schema';
import { profile } from '../contacts/factory';

/** A small but complete data set: every store, every optional shape (nulls, records, nested lists). */
export function sampleStores(opts: { contacts?: number; notesPer?: number; prefix?: string } = {}): StoreRecords {
  const n = opts.contacts ?? 3;
  const notesPer = opts.notesPer ?? 2;
  const p = opts.prefix ?? 'c';
  const contacts = Array.from({ length: n }, (_, i) => ({
    ...newContact(
      profile({
        name: `Person ${i} “Ünïcode” 😀`,
        profileUrl: `https://www.linkedin.com/in/${p}-person-${i}/`,
        experience: [
          { title: 'Analyst', company: 'Tide, Inc.', dates: '2020 - Present', location: null, current: true },
        ],
        education: i % 2 ? null : [{ school: 'Escuela', degree: null, dates: '2012' }],
        websites: ['https://example.org/x'],
      }),
      { id: `${p}${String(i).padStart(5, '0')}`, now: 1_700_000_000_000 + i },
    ),
    tags: i % 2 ? ['data', 'hiring; soon'] : [],
    status: 'asked' as const,
  }));
  const timeline: TimelineEntry[] = [];
  for (const c of contacts) {
    for (let k = 0; k < notesPer; k++) {
      timeline.push({
        id: `${c.id}-n${k}`,
        contactId: c.id,
        at: 1_700_000_100_000 + k,
        kind: 'note',
        text: `Note ${k}: said "hi", line\nbreak`,
        ...(k === 0 ? { data: { from: 'to-ask', n: 3, ok: true, none: null } } : {}),
      });
    }
  }
  const meetings: Meeting[] = contacts.slice(0, 2).map((c, i) => ({
    id: `${c.id}-m`,
    contactId: c.id,
    startsAt: i ? null : 1_700_000_200_000,
    durationMin: 25,
    medium: 'video',
    where: 'https://meet.example/abc',
    goals: 'Learn how they moved; into data',
    checklist: { agenda: true, thanks: false },
    questionIds: ['q1'],
    askedQuestionIds: [],
    questionNotes: { q1: 'They liked it' },
    notes: '',
    reflectionLearned: '',
    reflectionNext: '',
    status: 'planned',
    endedAt: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  }));
  const followups: Followup[] = contacts.slice(0, 2).map((c, i) => ({
    id: `${c.id}-f`,
    contactId: c.id,
    meetingId: i ? null : `${c.id}-m`,
    kind: 'thank-you',
    title: 'Send a thank-you',
    dueAt: 1_700_000_300_000 + i,
    recurrenceMonths: null,
    status: 'pending',
    notifiedAt: null,
    history: [{ at: 1, action: 'created' }],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  }));
  const questions: Question[] = [
    {
      id: 'q1',
      topic: 'path',
      text: 'What surprised you?',
      searchable: false,
      builtin: true,
      starred: false,
      createdAt: 1,
    },
  ];
  return { contacts, timeline, meetings, followups, questions };
}

export const sampleSettings = {
  'settings:followups': { reminderHour: 9, quiet: [22, 7] },
  'settings:followups$': { v: 1 },
  'ui:selectedContactId': 'not a setting: left out',
};
