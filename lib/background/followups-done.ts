import { getContact, updateContact } from '../db/contacts';
import { actOnFollowup, FollowupNotFoundError, getFollowup } from '../db/followups';
import type { RapportDatabase } from '../db/open';
import { addTimelineEntry } from '../db/timeline';
import { isActive, type ActionResult } from '../followups/actions';
import { doneEffects } from '../followups/done';
import type { RuleContext } from '../followups/rules';
import { recordWorkflowEvent } from './followups-events';

/**
 * "Done" on a follow-up does what it says (lib/followups/done.ts decides what that is). Order matters for a
 * worker killed half-way: the stage first, then the follow-up, then the note; a Done pressed again after a
 * restart finds the stage already moved and completes the rest.
 */
export async function completeFollowup(db: RapportDatabase, id: string, ctx: RuleContext): Promise<ActionResult> {
  const { now } = ctx;
  const followup = await getFollowup(db, id);
  if (!followup) throw new FollowupNotFoundError(id);
  if (!isActive(followup)) return actOnFollowup(db, id, { type: 'done' }, ctx);
  const [contact, about] = await Promise.all([
    getContact(db, followup.contactId),
    followup.aboutContactId ? getContact(db, followup.aboutContactId) : undefined,
  ]);
  const effects = doneEffects(followup, contact?.status ?? null, about?.name ?? null);
  if (contact && effects.status && effects.status !== contact.status)
    await updateContact(db, contact.id, [{ field: 'status', before: contact.status, after: effects.status }], now);
  let result: ActionResult;
  if (effects.event) {
    await recordWorkflowEvent(db, effects.event, now);
    const after = await getFollowup(db, id);
    // The event closes every active follow-up of that kind; this one too, unless it changed meanwhile.
    result =
      after && !isActive(after)
        ? { followup: after, spawned: null }
        : await actOnFollowup(db, id, { type: 'done' }, ctx);
  } else {
    result = await actOnFollowup(db, id, { type: 'done' }, ctx);
  }
  if (contact && effects.note)
    await addTimelineEntry(db, {
      contactId: contact.id,
      at: now,
      kind: 'message',
      text: effects.note.text,
      data: { template: effects.note.template, followupId: id },
    });
  return result;
}
