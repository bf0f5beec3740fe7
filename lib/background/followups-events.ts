import { getContact } from '../db/contacts';
import { applyRuleOps } from '../db/followups';
import type { RapportDatabase } from '../db/open';
import type { WorkflowEvent } from '../followups/events';
import { planForEvent } from '../followups/rules';
import { localTimeZone } from '../followups/time';
import { followupSettings } from '../settings/followups';
import { refreshSchedule } from './followups-schedule';

export type { WorkflowEvent };

/**
 * Schedules (or cancels) follow-ups for what happened in the workflow: the rules (lib/followups/rules.ts)
 * decide from the event, the settings and the contact (tags, referrer); the repository applies them in one
 * transaction; then the alarms and badge are rebuilt from the store.
 */
export async function recordWorkflowEvent(db: RapportDatabase, event: WorkflowEvent, now: number): Promise<void> {
  const [settings, contact] = await Promise.all([followupSettings.get(), getContact(db, event.contactId)]);
  const ops = planForEvent(event, {
    now,
    settings,
    timeZone: localTimeZone(),
    tags: contact?.tags ?? [],
    referredById: contact?.referredById ?? null,
  });
  const ids = await applyRuleOps(db, ops, now);
  // The store is written; alarms are only a cache of it (the safety alarm and the next worker start rebuild
  // them), so a failure here must not fail the caller's action.
  if (ids.length) await refreshSchedule(db, now).catch((error: unknown) => console.warn('Rapport: alarms', error));
}
