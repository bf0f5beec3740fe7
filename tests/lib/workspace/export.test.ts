import { describe, expect, it } from 'vitest';
import { mdEscape, meetingMarkdown } from '@/lib/workspace/export';
import { newMeeting } from '@/lib/workspace/meeting';

describe('Markdown export of meeting notes', () => {
  it.each([
    ['plain', 'plain'],
    ['*bold* _it_ [x](y) <b> # | `c`', '\\*bold\\* \\_it\\_ \\[x\\](y) \\<b\\> \\# \\| \\`c\\`'],
  ])('escapes %j', (text, expected) => expect(mdEscape(text)).toBe(expected));

  it('writes facts, goals, questions with their notes, general notes and reflection', () => {
    const meeting = {
      ...newMeeting({ id: 'm', contactId: 'c', now: 0 }),
      startsAt: 1_000,
      goals: 'Understand hiring',
      questionIds: ['q1', 'q2'],
      askedQuestionIds: ['q1'],
      questionNotes: { q1: 'Referrals first\nthen job boards' },
      notes: 'Very kind',
      reflectionLearned: 'Network matters',
      reflectionNext: 'Email Lena',
    };
    const md = meetingMarkdown(
      meeting,
      { name: 'Priya *N*', currentTitle: 'Lead', currentCompany: 'Lumen' },
      new Map([
        ['q1', { text: 'How do you hire?' }],
        ['q2', { text: 'What to read?' }],
      ]),
      { formatDate: () => 'March 5', medium: 'Video call' },
    );
    expect(md).toBe(
      [
        '# Meeting with Priya \\*N\\*',
        '',
        '_Lead, Lumen_',
        '',
        '- **When:** March 5',
        '- **Length:** 20 min',
        '- **How:** Video call',
        '',
        '## Goals',
        '',
        'Understand hiring',
        '',
        '## Questions',
        '',
        '1. **How do you hire?**',
        '',
        '   Referrals first',
        '   then job boards',
        '',
        '2. (not asked) **What to read?**',
        '',
        '## Notes',
        '',
        'Very kind',
        '',
        '## What I learned',
        '',
        'Network matters',
        '',
        '## Next steps',
        '',
        'Email Lena',
        '',
      ].join('\n'),
    );
  });
});
