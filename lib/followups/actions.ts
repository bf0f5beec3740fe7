import type { Followup } from '../db/schema';
import { newId } from '../util/id';
import { nextCheckIn, nudgeDraft, quietOf, type FollowupDraft, type RuleContext } from './rules';
import { addDaysLocal, fromLocal, nextAllowed, toLocal } from './time';

/** What the user (or a notification button) can do to a follow-up. */
export type FollowupAction =
  | { type: 'done' }
  | { type: 'snooze'; minutes?: number }
  | { type: 'dismiss' }
  | { type: 'reschedule'; dueAt: number }
  | { type: 'edit'; title?: string; dueAt?: number; recurrenceMonths?: number | null };

export const isActive = (f: Pick<Followup, 'status'>): boolean => f.status === 'pending' || f.status === 'snoozed';

/** A stored follow-up from a draft. */
export function createFollowup(draft: FollowupDraft, now: number, action = 'created', id = newId()): Followup {
  return {
    id,
    contactId: draft.contactId,
    meetingId: draft.meetingId,
    kind: draft.kind,
    title: draft.title,
    dueAt: draft.dueAt,
    recurrenceMonths: draft.recurrenceMonths,
    status: 'pending',
    notifiedAt: null,
    history: [{ at: now, action }],
    createdAt: now,
    updatedAt: now,
    deadlineAt: draft.deadlineAt ?? null,
    aboutContactId: draft.aboutContactId ?? null,
    ...(draft.attempt !== undefined ? { attempt: draft.attempt } : {}),
  };
}

export interface ActionResult {
  /** The follow-up after the action. */
  followup: Followup;
  /** A follow-up the action brings about (the next nudge). */
  spawned: Followup | null;
  /** A snooze stopped short of the follow-up's deadline (so the UI can say so). */
  snoozeCapped?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Where a snooze moves a follow-up. A snooze never passes a deadline silently: one that would lands an hour
 * before the deadline instead (or at the deadline, inside that last hour), and says so. Past its deadline,
 * a snooze is an ordinary one.
 */
export function snoozeTarget(
  f: Pick<Followup, 'deadlineAt'>,
  minutes: number,
  ctx: RuleContext,
): { until: number; capped: boolean } {
  const until = nextAllowed(ctx.now + minutes * MINUTE, quietOf(ctx.settings), ctx.timeZone);
  const deadline = f.deadlineAt ?? null;
  if (deadline === null || deadline <= ctx.now || until <= deadline) return { until, capped: false };
  const hourBefore = deadline - HOUR;
  return { until: hourBefore > ctx.now + 5 * MINUTE ? hourBefore : deadline, capped: true };
}

function moved(f: Followup, dueAt: number, status: Followup['status'], action: string, now: number): Followup {
  return { ...f, dueAt, status, notifiedAt: null, updatedAt: now, history: [...f.history, { at: now, action }] };
}

/**
 * Applies an action. Done on a recurring check-in schedules the next occurrence (counted from now, the
 * latest interaction); done on a nudge brings the next nudge while fewer than the maximum were sent.
 */
export function applyAction(f: Followup, action: FollowupAction, ctx: RuleContext): ActionResult {
  const { now } = ctx;
  switch (action.type) {
    case 'done': {
      if (f.recurrenceMonths && isActive(f)) {
        const next = nextCheckIn(now, f.recurrenceMonths, ctx);
        return { followup: moved(f, next, 'pending', 'done; next occurrence scheduled', now), spawned: null };
      }
      const done: Followup = {
        ...f,
        status: 'done',
        updatedAt: now,
        history: [...f.history, { at: now, action: 'done' }],
      };
      let spawned: Followup | null = null;
      if (f.kind === 'nudge' && isActive(f)) {
        const draft = nudgeDraft(f.contactId, (f.attempt ?? 1) + 1, now, ctx);
        if (draft) spawned = createFollowup(draft, now, 'previous nudge sent');
      }
      return { followup: done, spawned };
    }
    case 'snooze': {
      const minutes = action.minutes ?? ctx.settings.snoozeMinutes;
      const { until, capped } = snoozeTarget(f, minutes, ctx);
      const note = capped ? `snoozed to before its deadline (asked for ${minutes} min)` : `snoozed ${minutes} min`;
      return { followup: moved(f, until, 'snoozed', note, now), spawned: null, snoozeCapped: capped };
    }
    case 'dismiss':
      return {
        followup: {
          ...f,
          status: 'dismissed',
          updatedAt: now,
          history: [...f.history, { at: now, action: 'dismissed' }],
        },
        spawned: null,
      };
    case 'reschedule':
      return { followup: moved(f, action.dueAt, 'pending', 'date changed', now), spawned: null };
    case 'edit': {
      const dueAt = action.dueAt ?? f.dueAt;
      const edited: Followup = {
        ...f,
        title: action.title?.trim() || f.title,
        recurrenceMonths: action.recurrenceMonths === undefined ? f.recurrenceMonths : action.recurrenceMonths,
        dueAt,
        notifiedAt: dueAt === f.dueAt ? f.notifiedAt : null,
        status: dueAt === f.dueAt || !isActive(f) ? f.status : 'pending',
        updatedAt: now,
        history: [...f.history, { at: now, action: 'edited' }],
      };
      return { followup: edited, spawned: null };
    }
  }
}

/** Due-list buckets for the popup: overdue, today, the next 7 days, later (all local to `timeZone`). */
export type DueBucket = 'overdue' | 'today' | 'week' | 'later';

export function bucketOf(dueAt: number, now: number, timeZone: string): DueBucket {
  if (dueAt < now) return 'overdue';
  const today = toLocal(now, timeZone);
  const midnight = fromLocal({ year: today.year, month: today.month, day: today.day, hour: 0, minute: 0 }, timeZone);
  if (dueAt < addDaysLocal(midnight, 1, timeZone)) return 'today';
  if (dueAt < addDaysLocal(midnight, 8, timeZone)) return 'week';
  return 'later';
}
