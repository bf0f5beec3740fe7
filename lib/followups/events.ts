/**
 * The seam between the workflow (contacts, meetings, messages) and follow-ups: the background reports
 * what happened (lib/background/followups-events.ts); the rules (lib/followups/rules.ts) decide what to
 * schedule. A type only: this folder holds no browser or database code.
 */
export type WorkflowEvent =
  | { type: 'request-sent'; contactId: string }
  | { type: 'reply-received'; contactId: string }
  | { type: 'meeting-done'; contactId: string; meetingId: string; endedAt: number }
  /** A meeting's time was set, changed or cleared (null). */
  | { type: 'meeting-scheduled'; contactId: string; meetingId: string; startsAt: number | null }
  | { type: 'thank-you-sent'; contactId: string }
  | { type: 'referral-added'; contactId: string; referredById: string }
  | { type: 'interaction'; contactId: string; at: number }
  | { type: 'custom'; contactId: string; title: string; dueAt: number; recurrenceMonths?: number | null };
