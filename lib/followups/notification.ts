import type { Followup } from '../db/schema';
import { FOLLOWUP_GROUP_NOTIFICATION_PREFIX, FOLLOWUP_NOTIFICATION_PREFIX } from '../names';
import { snoozeTarget } from './actions';
import type { RuleContext } from './rules';
import { followupText, shortWhen } from './text';

/**
 * What a follow-up notification says and what its id refers to. Pure: names, settings, clock and zone come
 * in as parameters; lib/background/followups-schedule.ts shows them.
 */

export const SAFETY_PERIOD_MINUTES = 15;
/**
 * A notification delivered this close to the last sign of life of the previous browser session was probably
 * never seen (the browser crashed or closed seconds later): it is shown again at the next start.
 */
export const RESHOW_WINDOW_MS = 2 * 60_000;

export interface NotificationOptions {
  type: 'basic' | 'list';
  iconUrl: string;
  title: string;
  message: string;
  items?: { title: string; message: string }[];
  buttons?: { title: string }[];
  requireInteraction?: boolean;
  priority?: number;
}

/** Stable 32-bit hash (FNV-1a), so the same group of items always gets the same notification id. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function singleNotificationId(f: Pick<Followup, 'id'>): string {
  return `${FOLLOWUP_NOTIFICATION_PREFIX}${f.id}`;
}

/**
 * The id of a grouped notification: the same set of items (whatever their order) gives the same id, so a
 * group shown again replaces itself. One pass over 20,000 items, no sort and no joined string.
 */
export function groupNotificationId(items: readonly Pick<Followup, 'id' | 'dueAt'>[]): string {
  let sum = 0;
  let mix = 0;
  for (const f of items) {
    const h = hash32(`${f.id}@${f.dueAt}`);
    sum = (sum + h) >>> 0;
    mix = (mix ^ Math.imul(h, 0x9e3779b1)) >>> 0;
  }
  return `${FOLLOWUP_GROUP_NOTIFICATION_PREFIX}${items.length.toString(36)}-${sum.toString(36)}${mix.toString(36)}`;
}

/** How many items a grouped notification lists. */
export const GROUP_LINES = 8;

/**
 * The items a grouped notification lists: the earliest due, in order. Picked in one pass (the list may hold
 * 20,000 items in store order), not by sorting them all.
 */
export function groupShown<T extends Pick<Followup, 'dueAt'>>(items: readonly T[], limit = GROUP_LINES): T[] {
  const shown: T[] = [];
  for (const f of items) {
    if (shown.length === limit && f.dueAt >= shown[limit - 1]!.dueAt) continue;
    let i = Math.min(shown.length, limit - 1);
    while (i > 0 && shown[i - 1]!.dueAt > f.dueAt) i--;
    shown.splice(i, 0, f);
    if (shown.length > limit) shown.pop();
  }
  return shown;
}

/** What a notification id refers to. */
export function parseNotificationId(id: string): { kind: 'single'; followupId: string } | { kind: 'group' } | null {
  if (id.startsWith(FOLLOWUP_GROUP_NOTIFICATION_PREFIX)) return { kind: 'group' };
  if (id.startsWith(FOLLOWUP_NOTIFICATION_PREFIX))
    return { kind: 'single', followupId: id.slice(FOLLOWUP_NOTIFICATION_PREFIX.length) };
  return null;
}

/** The line a follow-up shows: its title, and its deadline when it has one ("… · best by Tue 14:00"). */
export function followupLine(f: Followup, aboutName: string | null, ctx: Pick<RuleContext, 'now' | 'timeZone'>) {
  const title =
    f.kind === 'referrer-update' && aboutName
      ? followupText.referrerTitle(aboutName)
      : f.kind === 'intro-thanks' && aboutName
        ? followupText.introThanksTitle(aboutName)
        : f.title || followupText.defaultTitle[f.kind];
  if (!f.deadlineAt) return title;
  if (f.deadlineAt <= ctx.now) return `${title} · ${followupText.pastDeadline}`;
  return `${title} · ${followupText.bestBy(shortWhen(f.deadlineAt, ctx.now, ctx.timeZone))}`;
}

export interface NotificationEnv {
  iconUrl: string;
  /** Chrome: Done / Snooze buttons, list notifications, "stay until acted on". Firefox: plain notifications only. */
  withButtons: boolean;
  ctx: RuleContext;
}

/** One follow-up's notification. `names` maps contact ids to display names. */
export function singleNotification(
  f: Followup,
  names: ReadonlyMap<string, string>,
  env: NotificationEnv,
): NotificationOptions {
  const person = names.get(f.contactId) ?? followupText.someone;
  const about = f.aboutContactId ? (names.get(f.aboutContactId) ?? null) : null;
  const snooze = snoozeTarget(f, env.ctx.settings.snoozeMinutes, env.ctx);
  const snoozeLabel = snooze.capped
    ? followupText.snoozeUntil(shortWhen(snooze.until, env.ctx.now, env.ctx.timeZone))
    : followupText.snooze(env.ctx.settings.snoozeMinutes);
  return {
    type: 'basic',
    iconUrl: env.iconUrl,
    title: followupText.notificationTitle(person, f.kind),
    message: followupLine(f, about, env.ctx),
    priority: f.kind === 'thank-you' || f.kind === 'prep' ? 2 : 1,
    ...(env.withButtons
      ? {
          buttons: [{ title: followupText.doneLabel[f.kind] }, { title: snoozeLabel }],
          requireInteraction: f.kind === 'thank-you',
        }
      : {}),
  };
}

/** Several follow-ups at once: one notification listing the eight due first. */
export function groupNotification(
  items: readonly Followup[],
  names: ReadonlyMap<string, string>,
  env: NotificationEnv,
): NotificationOptions {
  const lines = groupShown(items).map((f) => ({
    title: names.get(f.contactId) ?? followupText.someone,
    message: followupLine(f, f.aboutContactId ? (names.get(f.aboutContactId) ?? null) : null, env.ctx),
  }));
  if (!env.withButtons) {
    return {
      type: 'basic',
      iconUrl: env.iconUrl,
      title: followupText.groupTitle(items.length),
      message: lines.map((line) => `${line.title}: ${line.message}`).join('\n'),
    };
  }
  return {
    type: 'list',
    iconUrl: env.iconUrl,
    title: followupText.groupTitle(items.length),
    message: followupText.groupMessage,
    items: lines,
    priority: 2,
    requireInteraction: items.some((f) => f.kind === 'thank-you'),
  };
}

/** The contacts a notification for these items names (the first eight, and whom they are about). */
export function namesNeeded(items: readonly Followup[]): string[] {
  const shown = items.length === 1 ? items : groupShown(items);
  return [...new Set(shown.flatMap((f) => (f.aboutContactId ? [f.contactId, f.aboutContactId] : [f.contactId])))];
}

/**
 * Whether a worker start (or a startup event) must sync: when no sync ran yet in this browser session
 * (`lastSyncAt` lives in session storage, emptied at browser start and on install/update), when the last
 * one is older than the safety period or in the future (clock changed), or when the safety alarm is gone.
 * Otherwise the alarms and badge are current and a wake-up (e.g. a message after 30 s idle) skips the scan.
 */
export function syncNeeded(lastSyncAt: number | null, hasSafetyAlarm: boolean, now: number): boolean {
  if (lastSyncAt === null || !hasSafetyAlarm) return true;
  return lastSyncAt > now || now - lastSyncAt >= SAFETY_PERIOD_MINUTES * 60_000;
}

/**
 * A bulk delivery (hundreds due at once, e.g. after a restore or months away), recorded once instead of on
 * every follow-up: everything due by `through` and last changed before `at` counts as delivered. Rewriting
 * 20,000 records to say so would take seconds; a follow-up changed since (snoozed, moved, new) is judged by
 * its own `notifiedAt` again.
 */
export interface BulkDelivery {
  at: number;
  through: number;
  /** When the user opened (clicked or closed) its notification; until then a crash brings it back. */
  openedAt?: number;
}
/** From this many items on, a delivery is recorded as a BulkDelivery. */
export const BULK_DELIVERY_MIN = 200;

/** Whether a follow-up's current due instant was delivered (on its own, or within a bulk delivery). */
export function isDelivered(
  f: Pick<Followup, 'notifiedAt' | 'dueAt' | 'updatedAt'>,
  bulk: BulkDelivery | null,
): boolean {
  return f.notifiedAt !== null || (bulk !== null && f.dueAt <= bulk.through && f.updatedAt < bulk.at);
}

/** Reads a stored BulkDelivery back; null for anything malformed. */
export function parseBulkDelivery(value: unknown): BulkDelivery | null {
  const v = value as Partial<BulkDelivery> | null;
  if (!v || typeof v.at !== 'number' || typeof v.through !== 'number') return null;
  return typeof v.openedAt === 'number'
    ? { at: v.at, through: v.through, openedAt: v.openedAt }
    : { at: v.at, through: v.through };
}

/**
 * At the first start of a browser session: whether the last bulk delivery went out in the last moments of
 * the previous session and was never opened (as toShowAgain, for the items it covers).
 */
export function bulkToShowAgain(bulk: BulkDelivery | null, lastAliveAt: number | null): boolean {
  if (bulk === null || lastAliveAt === null || bulk.openedAt !== undefined) return false;
  return bulk.at >= lastAliveAt - RESHOW_WINDOW_MS;
}

/** The history action that records the user opened (clicked, pressed a button on, closed) a notification. */
export const OPENED_ACTION = 'notification opened';

/** Whether the notification of a follow-up's current due instant was opened by the user. */
export function wasOpened(f: Pick<Followup, 'history'>): boolean {
  for (let i = f.history.length - 1; i >= 0; i--) {
    const action = f.history[i]!.action;
    if (action === OPENED_ACTION) return true;
    if (action === 'notified') return false;
  }
  return false;
}

/**
 * At the first start of a browser session: the due follow-ups whose notification went out in the last
 * moments of the previous session (within RESHOW_WINDOW_MS of its last sign of life, `lastAliveAt`) and was
 * never opened. They are shown again; anything delivered earlier had its time on screen.
 */
export function toShowAgain(due: readonly Followup[], lastAliveAt: number | null): Followup[] {
  if (lastAliveAt === null) return [];
  return due.filter((f) => f.notifiedAt !== null && f.notifiedAt >= lastAliveAt - RESHOW_WINDOW_MS && !wasOpened(f));
}
