import type { RapportDatabase } from '../db/open';

/**
 * The seam between the workflow (contacts, meetings, messages) and follow-ups: the background reports
 * what happened; follow-up rules decide what to schedule. Owned by the follow-ups feature.
 */
export type WorkflowEvent =
  | { type: 'request-sent'; contactId: string }
  | { type: 'reply-received'; contactId: string }
  | { type: 'meeting-done'; contactId: string; meetingId: string; endedAt: number }
  | { type: 'thank-you-sent'; contactId: string }
  | { type: 'referral-added'; contactId: string; referredById: string }
  | { type: 'interaction'; contactId: string; at: number };

/** Schedules (or cancels) follow-ups for an event. */
export async function recordWorkflowEvent(_db: RapportDatabase, _event: WorkflowEvent, _now: number): Promise<void> {
  // Filled in by the follow-ups feature (lib/followups/).
}
