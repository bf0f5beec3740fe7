import { applyAction, createFollowup, isActive, type ActionResult, type FollowupAction } from '../followups/actions';
import { sameFollowup, type FollowupDraft, type RuleContext, type RuleOp } from '../followups/rules';
import { followupText } from '../followups/text';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import type { Followup } from './schema';

/**
 * The follow-ups repository. The store is the truth: alarms and notifications are derived from it.
 * Every write runs in one transaction and announces itself.
 */

export class FollowupNotFoundError extends Error {
  constructor(id: string) {
    super(`No follow-up with id ${id}`);
    this.name = 'FollowupNotFoundError';
  }
}

export function getFollowup(db: RapportDatabase, id: string): Promise<Followup | undefined> {
  return db.get('followups', id);
}

/** A contact's follow-ups, soonest first. */
export async function listFollowupsForContact(db: RapportDatabase, contactId: string): Promise<Followup[]> {
  return (await db.getAllFromIndex('followups', 'contactId', contactId)).sort((a, b) => a.dueAt - b.dueAt);
}

/** Every pending or snoozed follow-up, soonest first. */
export async function listActiveFollowups(db: RapportDatabase): Promise<Followup[]> {
  const tx = db.transaction('followups');
  const index = tx.store.index('status');
  const [pending, snoozed] = await Promise.all([index.getAll('pending'), index.getAll('snoozed')]);
  await tx.done;
  return [...pending, ...snoozed].sort((a, b) => a.dueAt - b.dueAt);
}

export async function addFollowup(db: RapportDatabase, draft: FollowupDraft, now: number): Promise<Followup> {
  const followup = createFollowup(draft, now);
  await db.put('followups', followup);
  announceChange({ store: 'followups', ids: [followup.id] });
  return followup;
}

/** Applies what the rules decided for an event, in one transaction. Returns the ids written. */
export async function applyRuleOps(db: RapportDatabase, ops: readonly RuleOp[], now: number): Promise<string[]> {
  if (!ops.length) return [];
  const contactIds = [...new Set(ops.map((op) => (op.op === 'add' ? op.draft.contactId : op.contactId)))];
  const tx = db.transaction('followups', 'readwrite');
  const index = tx.store.index('contactId');
  const byContact = new Map<string, Followup[]>();
  for (const id of contactIds) byContact.set(id, await index.getAll(id));
  const written = new Map<string, Followup>();
  const put = (f: Followup) => {
    written.set(f.id, f);
    const list = byContact.get(f.contactId) ?? [];
    byContact.set(f.contactId, [...list.filter((x) => x.id !== f.id), f]);
  };
  for (const op of ops) {
    const existing = (byContact.get(op.op === 'add' ? op.draft.contactId : op.contactId) ?? []).filter(isActive);
    if (op.op === 'add') {
      if (!existing.some((f) => sameFollowup(f, op.draft))) put(createFollowup(op.draft, now));
    } else if (op.op === 'close') {
      for (const f of existing.filter((x) => op.kinds.includes(x.kind))) {
        put({ ...f, status: op.status, updatedAt: now, history: [...f.history, { at: now, action: op.action }] });
      }
    } else if (op.op === 'nudge') {
      const waiting = existing.find((f) => f.kind === 'nudge');
      let attempt = 1;
      if (waiting) {
        put({
          ...waiting,
          status: 'done',
          updatedAt: now,
          history: [...waiting.history, { at: now, action: 'follow-up message sent' }],
        });
        attempt = (waiting.attempt ?? 1) + 1;
      }
      if (attempt <= op.maxNudges) put(createFollowup({ ...op.draft, attempt }, now));
    } else {
      const checkIn = existing.find((f) => f.kind === 'check-in');
      if (checkIn) {
        if (op.create || op.dueAt > checkIn.dueAt) {
          put({
            ...checkIn,
            dueAt: op.dueAt,
            recurrenceMonths: op.months,
            status: 'pending',
            notifiedAt: null,
            updatedAt: now,
            history: [...checkIn.history, { at: now, action: 'restarted after an interaction' }],
          });
        }
      } else if (op.create) {
        put(
          createFollowup(
            {
              contactId: op.contactId,
              meetingId: null,
              kind: 'check-in',
              title: followupText.defaultTitle['check-in'],
              dueAt: op.dueAt,
              recurrenceMonths: op.months,
            },
            now,
          ),
        );
      }
    }
  }
  for (const f of written.values()) await tx.store.put(f);
  await tx.done;
  const ids = [...written.keys()];
  if (ids.length) announceChange({ store: 'followups', ids });
  return ids;
}

/** Applies a user action. Throws FollowupNotFoundError when the follow-up is gone. */
export async function actOnFollowup(
  db: RapportDatabase,
  id: string,
  action: FollowupAction,
  ctx: RuleContext,
): Promise<ActionResult> {
  const tx = db.transaction('followups', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new FollowupNotFoundError(id);
  }
  const result = applyAction(existing, action, ctx);
  await tx.store.put(result.followup);
  if (result.spawned) await tx.store.put(result.spawned);
  await tx.done;
  announceChange({ store: 'followups', ids: [id, ...(result.spawned ? [result.spawned.id] : [])] });
  return result;
}

export async function deleteFollowup(db: RapportDatabase, id: string): Promise<void> {
  await db.delete('followups', id);
  announceChange({ store: 'followups', ids: [id] });
}

/** Active follow-ups due at `now` whose notification has not been shown yet. */
export async function listUndelivered(db: RapportDatabase, now: number): Promise<Followup[]> {
  const due = await db.getAllFromIndex('followups', 'dueAt', IDBKeyRange.upperBound(now));
  return due.filter((f) => isActive(f) && f.notifiedAt === null);
}

/**
 * Records that these follow-ups were delivered. Skips any that changed meanwhile (acted on, moved), so a
 * delivery never marks a newer due instant as shown.
 */
export async function markNotified(
  db: RapportDatabase,
  delivered: readonly Pick<Followup, 'id' | 'dueAt'>[],
  now: number,
): Promise<string[]> {
  const tx = db.transaction('followups', 'readwrite');
  const marked: string[] = [];
  for (const { id, dueAt } of delivered) {
    const current = await tx.store.get(id);
    if (!current || !isActive(current) || current.dueAt !== dueAt || current.notifiedAt !== null) continue;
    await tx.store.put({
      ...current,
      notifiedAt: now,
      updatedAt: now,
      history: [...current.history, { at: now, action: 'notified' }],
    });
    marked.push(id);
  }
  await tx.done;
  if (marked.length) announceChange({ store: 'followups', ids: marked });
  return marked;
}
