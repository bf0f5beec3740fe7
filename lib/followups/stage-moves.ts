import type { Contact, ContactStatus } from '../contacts/model';
import { isReply } from '../workspace/pipeline';
import type { WorkflowEvent } from './events';
import { planForEvent, type RuleContext, type RuleOp } from './rules';

/**
 * What moving a person from one stage to another means for follow-ups, whether the move is made on its own
 * (the stage menu) or for many at once (the list's multi-select): asked → the nudge; a reply (asked or no
 * reply → scheduled, met, …) → the nudges end and the check-in clock restarts; thanked → the check-in.
 * A move to the same stage is nothing.
 */
export function statusMoveEvents(contactId: string, from: ContactStatus, to: ContactStatus): WorkflowEvent[] {
  if (from === to) return [];
  if (to === 'asked') return [{ type: 'request-sent', contactId }];
  if (isReply(from, to)) return [{ type: 'reply-received', contactId }];
  if (to === 'thanked') return [{ type: 'thank-you-sent', contactId }];
  return [];
}

/** One person's stage move: the person as they were, and where they go. */
export interface StageMove {
  contact: Pick<Contact, 'id' | 'status' | 'tags' | 'referredById'>;
  to: ContactStatus;
}

/**
 * The rule ops of many stage moves at once (a bulk move), each planned with its own person's tags and
 * referrer, in the order of the moves. The repository applies them all in the move's one transaction.
 */
export function stageMoveOps(moves: readonly StageMove[], ctx: Pick<RuleContext, 'now' | 'settings' | 'timeZone'>) {
  return moves.flatMap(({ contact, to }): RuleOp[] =>
    statusMoveEvents(contact.id, contact.status, to).flatMap((event) =>
      planForEvent(event, { ...ctx, tags: contact.tags, referredById: contact.referredById ?? null }),
    ),
  );
}
