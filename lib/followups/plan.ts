import type { Followup } from '../db/schema';
import { createFollowup, isActive } from './actions';
import { sameFollowup, type RuleOp } from './rules';
import { followupText } from './text';

/** The contact a rule op is about (whose follow-ups it reads and writes). */
export const opContactId = (op: RuleOp): string =>
  op.op === 'add' || op.op === 'set' ? op.draft.contactId : op.contactId;

const stamped = (f: Followup, now: number, action: string, patch: Partial<Followup>): Followup => ({
  ...f,
  ...patch,
  updatedAt: now,
  history: [...f.history, { at: now, action }],
});

/**
 * What the rules' ops mean for the stored follow-ups, given each contact's current ones: the records to
 * write (new or changed). Pure, so the repository only reads, calls this and writes, in one transaction.
 * Ops apply in order, each seeing the writes of the ones before.
 */
export function resolveRuleOps(
  current: ReadonlyMap<string, readonly Followup[]>,
  ops: readonly RuleOp[],
  now: number,
  newId?: () => string,
): Followup[] {
  const byContact = new Map<string, Followup[]>([...current].map(([id, list]) => [id, [...list]]));
  const written = new Map<string, Followup>();
  const create = (draft: Parameters<typeof createFollowup>[0], action?: string) =>
    createFollowup(draft, now, action, newId?.());
  const put = (f: Followup) => {
    written.set(f.id, f);
    const list = byContact.get(f.contactId) ?? [];
    byContact.set(f.contactId, [...list.filter((x) => x.id !== f.id), f]);
  };
  for (const op of ops) {
    const active = (byContact.get(opContactId(op)) ?? []).filter(isActive);
    switch (op.op) {
      case 'add':
        if (!active.some((f) => sameFollowup(f, op.draft))) put(create(op.draft));
        break;
      case 'set': {
        const same = active.find((f) => sameFollowup(f, op.draft));
        if (!same) put(create(op.draft));
        else if (same.dueAt !== op.draft.dueAt || (same.deadlineAt ?? null) !== (op.draft.deadlineAt ?? null))
          put(
            stamped(same, now, 'moved with the meeting', {
              dueAt: op.draft.dueAt,
              deadlineAt: op.draft.deadlineAt ?? null,
              status: 'pending',
              notifiedAt: null,
            }),
          );
        break;
      }
      case 'close':
        for (const f of active) {
          if (!op.kinds.includes(f.kind)) continue;
          if (op.meetingId !== undefined && f.meetingId !== op.meetingId) continue;
          put(stamped(f, now, op.action, { status: op.status }));
        }
        break;
      case 'nudge': {
        const waiting = active.find((f) => f.kind === 'nudge');
        let attempt = 1;
        if (waiting) {
          put(stamped(waiting, now, 'follow-up message sent', { status: 'done' }));
          attempt = (waiting.attempt ?? 1) + 1;
        }
        if (attempt <= op.maxNudges) put(create({ ...op.draft, attempt }));
        break;
      }
      case 'check-in': {
        const checkIn = active.find((f) => f.kind === 'check-in');
        if (checkIn) {
          if (op.create || op.dueAt > checkIn.dueAt)
            put(
              stamped(checkIn, now, 'restarted after an interaction', {
                dueAt: op.dueAt,
                recurrenceMonths: op.months,
                status: 'pending',
                notifiedAt: null,
              }),
            );
        } else if (op.create) {
          put(
            create({
              contactId: op.contactId,
              meetingId: null,
              kind: 'check-in',
              title: followupText.defaultTitle['check-in'],
              dueAt: op.dueAt,
              recurrenceMonths: op.months,
            }),
          );
        }
        break;
      }
    }
  }
  return [...written.values()];
}
