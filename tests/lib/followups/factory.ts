import type { FollowupDraft } from '@/lib/followups/rules';

export function draft(overrides: Partial<FollowupDraft> = {}): FollowupDraft {
  return {
    contactId: 'c1',
    meetingId: null,
    kind: 'custom',
    title: 'Send the article we discussed',
    dueAt: Date.parse('2026-06-10T12:00:00Z'),
    recurrenceMonths: null,
    ...overrides,
  };
}
