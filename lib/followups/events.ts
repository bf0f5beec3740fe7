import { getContact } from '../db/contacts';
import { applyRuleOps } from '../db/followups';
import type { RapportDatabase } from '../db/open';
import { refreshSchedule } from './refresh';
import { planForEvent } from './rules';
import { followupSettings } from './settings';
import { localTimeZone } from './time';

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
  | { type: 'interaction'; contactId: string; at: number }
  | { type: 'custom'; contactId: string; title: string; dueAt: number; recurrenceMonths?: number | null };

/**
 * Schedules (or cancels) follow-ups for an event: the rules (lib/followups/rules.ts) decide, the
 * repository applies in one transaction, then the alarms and badge are rebuilt from the store.
 * Background only (it touches alarms).
 */
export async function recordWorkflowEvent(db: RapportDatabase, event: WorkflowEvent, now: number): Promise<void> {
  const [settings, contact] = await Promise.all([followupSettings.get(), getContact(db, event.contactId)]);
  const ops = planForEvent(event, { now, settings, timeZone: localTimeZone(), tags: contact?.tags ?? [] });
  const ids = await applyRuleOps(db, ops, now);
  // The store is written; alarms are only a cache of it (the safety alarm and the next worker start rebuild
  // them), so a failure here must not fail the caller's action.
  if (ids.length) await refreshSchedule(db, now).catch((error: unknown) => console.warn('Rapport: alarms', error));
}
