import type { Followup, FollowupKind } from '../db/schema';
import type { WorkflowEvent } from './events';
import { clampMonths, type FollowupSettings } from './settings';
import { followupText } from './text';
import { addDaysLocal, addMonthsLocal, DAY, nextAllowed, type QuietHours } from './time';

/** What the rules see besides the event: all inputs, no clock, no store. */
export interface RuleContext {
  now: number;
  settings: FollowupSettings;
  /** IANA zone of the user (quiet hours and month arithmetic are local). */
  timeZone: string;
  /** Tags of the contact the event is about (for per-tag cadences). */
  tags?: readonly string[];
  /** Who introduced the contact the event is about (their referrer), if anyone. */
  referredById?: string | null;
}

/** The fields of a new follow-up a rule decides; the repository adds id, status, history, stamps. */
export type FollowupDraft = Pick<
  Followup,
  | 'contactId'
  | 'meetingId'
  | 'kind'
  | 'title'
  | 'dueAt'
  | 'recurrenceMonths'
  | 'deadlineAt'
  | 'aboutContactId'
  | 'attempt'
>;

export type RuleOp =
  /** Add unless an active follow-up of the same kind for the same contact (and meeting/subject) exists. */
  | { op: 'add'; draft: FollowupDraft }
  /** Close the contact's active follow-ups of these kinds (only this meeting's, when `meetingId` is given). */
  | {
      op: 'close';
      contactId: string;
      kinds: FollowupKind[];
      status: 'done' | 'dismissed';
      action: string;
      meetingId?: string;
    }
  /** Create, or move to the draft's time, the active follow-up that is the same as the draft (a meeting's prep). */
  | { op: 'set'; draft: FollowupDraft }
  /**
   * Set the contact's recurring check-in to `dueAt`: created when `create`, otherwise only moved later
   * (an interaction restarts the clock, it never brings a check-in forward).
   */
  | { op: 'check-in'; contactId: string; dueAt: number; months: number; create: boolean }
  /**
   * A message asking for something went out. With no nudge waiting it is a new request: nudge #1. With one
   * waiting, this message was that nudge: it is done, and the next one is planned while fewer than
   * `maxNudges` went out. `draft` is the next nudge (its attempt number is set from the store).
   */
  | { op: 'nudge'; contactId: string; draft: FollowupDraft; maxNudges: number };

const HOUR = 3_600_000;

export function quietOf(settings: FollowupSettings): QuietHours {
  return { start: settings.quietStart, end: settings.quietEnd, weekends: settings.quietWeekends };
}

/** Months between check-ins for a contact: per contact, else the longest matching tag, else the default. */
export function checkInMonthsFor(settings: FollowupSettings, contactId: string, tags: readonly string[] = []): number {
  const own = settings.checkInMonthsByContact[contactId];
  if (typeof own === 'number') return clampMonths(own);
  const byTag = tags
    .map((tag) => settings.checkInMonthsByTag[tag.toLowerCase()] ?? settings.checkInMonthsByTag[tag])
    .filter((m): m is number => typeof m === 'number');
  if (byTag.length) return clampMonths(Math.min(...byTag));
  return clampMonths(settings.checkInMonths);
}

/** The next check-in after `from`, out of quiet hours. */
export function nextCheckIn(from: number, months: number, ctx: RuleContext): number {
  return nextAllowed(addMonthsLocal(from, months, ctx.timeZone), quietOf(ctx.settings), ctx.timeZone);
}

function thankYou(event: Extract<WorkflowEvent, { type: 'meeting-done' }>, ctx: RuleContext): FollowupDraft {
  const deadlineAt = event.endedAt + DAY;
  const remind = event.endedAt + ctx.settings.thankYouAfterHours * HOUR;
  let dueAt = nextAllowed(remind, quietOf(ctx.settings), ctx.timeZone);
  // A weekend must not push a thank-you past its 24 hours: then only the night is quiet.
  if (dueAt > deadlineAt) dueAt = nextAllowed(remind, { ...quietOf(ctx.settings), weekends: false }, ctx.timeZone);
  if (dueAt > deadlineAt) dueAt = remind;
  return {
    contactId: event.contactId,
    meetingId: event.meetingId,
    kind: 'thank-you',
    title: followupText.defaultTitle['thank-you'],
    dueAt,
    recurrenceMonths: null,
    deadlineAt,
  };
}

/** A nudge `attempt` for a request sent (or nudged) at `from`; null beyond the maximum. */
export function nudgeDraft(contactId: string, attempt: number, from: number, ctx: RuleContext): FollowupDraft | null {
  if (attempt > ctx.settings.maxNudges) return null;
  return {
    contactId,
    meetingId: null,
    kind: 'nudge',
    title: followupText.defaultTitle.nudge,
    dueAt: nextAllowed(
      addDaysLocal(from, ctx.settings.nudgeAfterDays, ctx.timeZone),
      quietOf(ctx.settings),
      ctx.timeZone,
    ),
    recurrenceMonths: null,
    attempt,
  };
}

function restartCheckIn(contactId: string, at: number, ctx: RuleContext, create: boolean): RuleOp {
  const months = checkInMonthsFor(ctx.settings, contactId, ctx.tags);
  return { op: 'check-in', contactId, dueAt: nextCheckIn(at, months, ctx), months, create };
}

function closePrep(contactId: string, meetingId: string, action: string): RuleOp {
  return { op: 'close', contactId, kinds: ['prep'], status: 'done', action, meetingId };
}

/** After meeting someone a referrer introduced: tell the referrer how it went, a few days later. */
function referrerUpdate(event: Extract<WorkflowEvent, { type: 'meeting-done' }>, ctx: RuleContext): RuleOp[] {
  if (!ctx.referredById || ctx.referredById === event.contactId) return [];
  const after = addDaysLocal(event.endedAt, ctx.settings.referrerUpdateDays, ctx.timeZone);
  return [
    {
      op: 'add',
      draft: {
        contactId: ctx.referredById,
        meetingId: null,
        kind: 'referrer-update',
        title: followupText.defaultTitle['referrer-update'],
        dueAt: nextAllowed(Math.max(after, ctx.now), quietOf(ctx.settings), ctx.timeZone),
        recurrenceMonths: null,
        aboutContactId: event.contactId,
      },
    },
  ];
}

/** Once the person a referrer named was asked: an optional "thanks for the introduction", a little later. */
function introThanks(contactId: string, ctx: RuleContext): RuleOp[] {
  if (!ctx.referredById || ctx.referredById === contactId || !ctx.settings.introThanks) return [];
  return [
    {
      op: 'add',
      draft: {
        contactId: ctx.referredById,
        meetingId: null,
        kind: 'intro-thanks',
        title: followupText.defaultTitle['intro-thanks'],
        dueAt: nextAllowed(ctx.now + 2 * HOUR, quietOf(ctx.settings), ctx.timeZone),
        recurrenceMonths: null,
        aboutContactId: contactId,
      },
    },
  ];
}

/**
 * The "get ready" reminder N hours before a planned meeting, moved with the meeting; closed when the meeting
 * has no time any more, the setting is off, or the meeting is already under way. Quiet hours do not apply:
 * the user chose the meeting's time. Its deadline is the meeting itself.
 */
function prepOp(event: Extract<WorkflowEvent, { type: 'meeting-scheduled' }>, ctx: RuleContext): RuleOp {
  const hours = ctx.settings.prepHoursBefore;
  if (event.startsAt === null || hours <= 0 || event.startsAt <= ctx.now)
    return closePrep(event.contactId, event.meetingId, 'meeting moved');
  return {
    op: 'set',
    draft: {
      contactId: event.contactId,
      meetingId: event.meetingId,
      kind: 'prep',
      title: followupText.defaultTitle.prep,
      dueAt: Math.max(ctx.now, event.startsAt - hours * HOUR),
      recurrenceMonths: null,
      deadlineAt: event.startsAt,
    },
  };
}

/** What an event means for follow-ups. Pure: same event, context → same ops. */
export function planForEvent(event: WorkflowEvent, ctx: RuleContext): RuleOp[] {
  switch (event.type) {
    case 'meeting-done':
      return [
        { op: 'add', draft: thankYou(event, ctx) },
        restartCheckIn(event.contactId, event.endedAt, ctx, false),
        closePrep(event.contactId, event.meetingId, 'met'),
        ...referrerUpdate(event, ctx),
      ];
    case 'meeting-scheduled':
      return [prepOp(event, ctx)];
    case 'thank-you-sent':
      return [
        { op: 'close', contactId: event.contactId, kinds: ['thank-you'], status: 'done', action: 'thank-you sent' },
        restartCheckIn(event.contactId, ctx.now, ctx, true),
      ];
    case 'referral-added':
      // Nothing to tell the referrer yet: the update falls due once the person they named was met.
      return [];
    case 'request-sent': {
      // The attempt number depends on what is already waiting: the repository sets it (see the op).
      const draft = nudgeDraft(event.contactId, 1, ctx.now, { ...ctx, settings: { ...ctx.settings, maxNudges: 1 } });
      return [
        ...(draft
          ? [{ op: 'nudge', contactId: event.contactId, draft, maxNudges: ctx.settings.maxNudges } as const]
          : []),
        ...introThanks(event.contactId, ctx),
      ];
    }
    case 'reply-received':
      return [
        { op: 'close', contactId: event.contactId, kinds: ['nudge'], status: 'dismissed', action: 'reply received' },
        restartCheckIn(event.contactId, ctx.now, ctx, false),
      ];
    case 'interaction':
      return [restartCheckIn(event.contactId, event.at, ctx, false)];
    case 'custom':
      return [
        {
          op: 'add',
          draft: {
            contactId: event.contactId,
            meetingId: null,
            kind: 'custom',
            title: event.title.trim() || followupText.defaultTitle.custom,
            dueAt: event.dueAt,
            recurrenceMonths: event.recurrenceMonths ?? null,
          },
        },
      ];
  }
}

/**
 * Whether an existing follow-up makes a draft redundant (the same thing already planned). `existing` is an
 * active follow-up: applyRuleOps compares with the active ones only.
 */
export function sameFollowup(existing: Followup, draft: FollowupDraft): boolean {
  if (existing.kind !== draft.kind || existing.contactId !== draft.contactId) return false;
  if (draft.kind === 'custom') return false;
  if (draft.kind === 'thank-you') return existing.meetingId === draft.meetingId;
  if (draft.kind === 'prep') return existing.meetingId === draft.meetingId;
  if (draft.kind === 'referrer-update' || draft.kind === 'intro-thanks')
    return (existing.aboutContactId ?? null) === (draft.aboutContactId ?? null);
  return true;
}
