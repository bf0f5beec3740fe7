import { applyAction, createFollowup, isActive, type ActionResult, type FollowupAction } from '../followups/actions';
import { OPENED_ACTION } from '../followups/notification';
import { opContactId, resolveRuleOps } from '../followups/plan';
import type { FollowupDraft, RuleContext, RuleOp } from '../followups/rules';
import { emptyChangeSet } from '../contacts/changeset';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import { runOperation, type UndoSummary } from './records';
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

/** The follow-ups store inside any transaction that includes it (a rule op reads it by contact). */
export interface FollowupsByContact {
  index(name: 'contactId'): { getAll(query: string): Promise<Followup[]> };
}

/**
 * What the rules' ops write, read and resolved inside the caller's transaction: each record to write with
 * the version it replaces (undefined for a new one). One read per contact concerned, issued together.
 */
export async function planRuleOps(
  store: FollowupsByContact,
  ops: readonly RuleOp[],
  now: number,
): Promise<{ before: Followup | undefined; after: Followup }[]> {
  if (!ops.length) return [];
  const contactIds = [...new Set(ops.map(opContactId))];
  const index = store.index('contactId');
  const lists = await Promise.all(contactIds.map((id) => index.getAll(id)));
  const before = new Map(lists.flat().map((f) => [f.id, f] as const));
  return resolveRuleOps(new Map(contactIds.map((id, i) => [id, lists[i]!])), ops, now).map((after) => ({
    before: before.get(after.id),
    after,
  }));
}

/** Applies what the rules decided for an event, in one transaction. Returns the ids written. */
export async function applyRuleOps(db: RapportDatabase, ops: readonly RuleOp[], now: number): Promise<string[]> {
  if (!ops.length) return [];
  const tx = db.transaction('followups', 'readwrite');
  const written = await planRuleOps(tx.store, ops, now);
  for (const { after } of written) void tx.store.put(after);
  await tx.done;
  const ids = written.map(({ after }) => after.id);
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

/**
 * Deletes one follow-up, kept in the undo log as a person's or a meeting's delete is (Undo puts it back as
 * it was). Throws FollowupNotFoundError when it is already gone.
 */
export function deleteFollowup(db: RapportDatabase, id: string, now: number): Promise<UndoSummary | null> {
  return runOperation(db, 'delete-followup', now, async (tx) => {
    const followup = await tx.objectStore('followups').get(id);
    if (!followup) throw new FollowupNotFoundError(id);
    const contact = await tx.objectStore('contacts').get(followup.contactId);
    const set = emptyChangeSet();
    set.removed.followups.push(followup);
    return { set, names: contact?.name ? [contact.name] : [] };
  });
}

/** A first, bounded read of the due range: below this many, it is the whole answer. */
const DUE_PROBE = 256;
/** Follow-ups due later than this many make a read of the whole store too wasteful. */
const LATER_CAP = 2_048;

/**
 * Every active follow-up due by `now`, in one read-only transaction and at most three requests, none per
 * item. Chromium serves a read through an index by looking each entry up in the store again (twice the cost
 * of reading the store itself: 20,000 records ≈ 1.3 s against 0.6 s on a busy 2-core machine). So when many
 * are due (a restore, months away) and few are due later, the store is read whole and filtered here;
 * otherwise, and always when few are due, the dueAt index is read. Done and dismissed records stay in the
 * range (their dueAt is past) and are filtered out in both cases.
 */
export async function listDueActive(db: RapportDatabase, now: number): Promise<Followup[]> {
  const tx = db.transaction('followups');
  const index = tx.store.index('dueAt');
  const range = IDBKeyRange.upperBound(now);
  let due = await index.getAll(range, DUE_PROBE);
  if (due.length === DUE_PROBE) {
    const later = await index.getAllKeys(IDBKeyRange.lowerBound(now, true), LATER_CAP);
    due =
      later.length < LATER_CAP ? (await tx.store.getAll()).filter((f) => f.dueAt <= now) : await index.getAll(range);
  }
  await tx.done;
  return due.filter(isActive);
}

/** The earliest active, undelivered follow-up due after `now` (walks the dueAt index until it finds one). */
export async function nextUndeliveredAfter(db: RapportDatabase, now: number): Promise<number | null> {
  const tx = db.transaction('followups');
  let next: number | null = null;
  for (
    let cursor = await tx.store.index('dueAt').openCursor(IDBKeyRange.lowerBound(now, true));
    cursor;
    cursor = await cursor.continue()
  ) {
    if (isActive(cursor.value) && cursor.value.notifiedAt === null) {
      next = cursor.value.dueAt;
      break;
    }
  }
  await tx.done;
  return next;
}

const BULK = 200;

/**
 * Rewrites the given follow-ups in one transaction, each through `change` (null: leave it). Reads are issued
 * together and writes without waiting for each, so 20,000 records take one round of the transaction, not
 * 40,000. Returns the ids written.
 */
async function rewrite(
  db: RapportDatabase,
  ids: readonly string[],
  change: (current: Followup, index: number) => Followup | null,
  dueBy?: number,
): Promise<string[]> {
  if (!ids.length) return [];
  const tx = db.transaction('followups', 'readwrite');
  let current: (Followup | undefined)[];
  if (dueBy !== undefined && ids.length > BULK) {
    // Many records, all due by `dueBy`: one range read beats thousands of lookups by key.
    const byId = new Map(
      (await tx.store.index('dueAt').getAll(IDBKeyRange.upperBound(dueBy))).map((f) => [f.id, f] as const),
    );
    current = ids.map((id) => byId.get(id));
  } else current = await Promise.all(ids.map((id) => tx.store.get(id)));
  const written: string[] = [];
  current.forEach((f, i) => {
    const next = f ? change(f, i) : null;
    if (!next) return;
    void tx.store.put(next);
    written.push(next.id);
  });
  await tx.done;
  if (written.length) announceChange({ store: 'followups', ids: written });
  return written;
}

/**
 * Records that these follow-ups were delivered (or shown again). Skips any that changed meanwhile (acted on,
 * moved), so a delivery never marks a newer due instant as shown. A follow-up shown again gets `notifiedAt`
 * anew (if the browser dies seconds later once more, it comes back once more).
 */
export function markNotified(
  db: RapportDatabase,
  delivered: readonly Pick<Followup, 'id' | 'dueAt' | 'notifiedAt'>[],
  now: number,
): Promise<string[]> {
  return rewrite(
    db,
    delivered.map((f) => f.id),
    (current, i) => {
      const seen = delivered[i]!;
      if (!isActive(current) || current.dueAt !== seen.dueAt || current.notifiedAt !== seen.notifiedAt) return null;
      return {
        ...current,
        notifiedAt: now,
        updatedAt: now,
        history: [...current.history, { at: now, action: seen.notifiedAt === null ? 'notified' : 'shown again' }],
      };
    },
    delivered.reduce((latest, f) => Math.max(latest, f.dueAt), -Infinity),
  );
}

/** Records that the user opened these follow-ups' notification (so a restart does not show it again). */
export function markOpened(db: RapportDatabase, ids: readonly string[], now: number): Promise<string[]> {
  return rewrite(db, ids, (current) =>
    current.notifiedAt === null || !isActive(current)
      ? null
      : { ...current, history: [...current.history, { at: now, action: OPENED_ACTION }] },
  );
}

/** A contact's follow-ups with the names they mention and the contact's tags (the contact view). */
export async function loadContactFollowups(db: RapportDatabase, contactId: string, unnamed: string) {
  const followups = await listFollowupsForContact(db, contactId);
  // Only the people these follow-ups name: reading every contact would be slow with 10,000 of them.
  const ids = [...new Set([contactId, ...followups.flatMap((f) => (f.aboutContactId ? [f.aboutContactId] : []))])];
  const names = await namesOf(db, ids, unnamed);
  const contact = await db.get('contacts', contactId);
  return { followups, names, tags: contact?.tags ?? [], email: contact?.email ?? null };
}

/** Display names of these contacts (in one transaction); `unnamed` for anyone without one or gone. */
export async function namesOf(db: RapportDatabase, ids: readonly string[], unnamed: string) {
  const tx = db.transaction('contacts');
  const contacts = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(ids.map((id, i) => [id, contacts[i]?.name ?? unnamed]));
}

/** The popup's Due list: every active follow-up, and the names of those due before `horizon`. */
export async function loadDueFollowups(db: RapportDatabase, horizon: number, unnamed: string) {
  const followups = await listActiveFollowups(db);
  const shown = followups.filter((f) => f.dueAt <= horizon);
  const ids = [...new Set(shown.flatMap((f) => (f.aboutContactId ? [f.contactId, f.aboutContactId] : [f.contactId])))];
  const tx = db.transaction('contacts');
  const contacts = await Promise.all(ids.map((id) => tx.store.get(id)));
  return {
    followups,
    names: new Map(ids.map((id, i) => [id, contacts[i]?.name ?? unnamed])),
    emails: new Map(ids.map((id, i) => [id, contacts[i]?.email ?? null])),
  };
}
