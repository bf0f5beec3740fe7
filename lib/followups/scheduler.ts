import {
  FOLLOWUP_GROUP_NOTIFICATION_PREFIX,
  FOLLOWUP_NEXT_ALARM,
  FOLLOWUP_NOTIFICATION_PREFIX,
  FOLLOWUP_SAFETY_ALARM,
} from '../names';
import type { RapportDatabase } from '../db/open';
import { listUndelivered, markNotified } from '../db/followups';
import type { Followup } from '../db/schema';
import { isActive } from './actions';
import type { FollowupSettings } from './settings';
import { followupText } from './text';

/**
 * The scheduler. The store is the truth and alarms only a cache of it: one alarm for the next due instant
 * plus one periodic safety alarm (far below Chrome's 500-alarm limit, whatever the number of follow-ups).
 * Delivery is idempotent: a notification's id is derived from what it shows, and an item is marked
 * delivered only after its notification exists, so a worker killed in between shows it again (replacing,
 * not duplicating) at its next start.
 */

export const NEXT_ALARM = FOLLOWUP_NEXT_ALARM;
export const SAFETY_ALARM = FOLLOWUP_SAFETY_ALARM;
export const SAFETY_PERIOD_MINUTES = 15;
export const SINGLE_PREFIX = FOLLOWUP_NOTIFICATION_PREFIX;
export const GROUP_PREFIX = FOLLOWUP_GROUP_NOTIFICATION_PREFIX;

export interface AlarmsApi {
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined>;
}

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

export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { color: string }): Promise<void> | void;
}

/** Everything delivery needs from the browser and the rest of the store, passed in. */
export interface DeliveryEnv {
  notifications: NotificationsApi;
  settings: FollowupSettings;
  iconUrl: string;
  /** Chrome: Done / Snooze buttons, list notifications, "stay until acted on". Firefox: plain notifications only. */
  withButtons: boolean;
  /** Display name of a contact. */
  nameOf(contactId: string): Promise<string | null>;
}

export interface RebuildResult {
  /** Earliest undelivered due instant, or null when nothing is waiting. */
  next: number | null;
  /** Active follow-ups already due and not yet delivered. */
  overdue: number;
}

/**
 * The earliest undelivered due instant and how many are overdue, reading only what it must: everything due
 * up to `now` in one batch, then the dueAt index onwards until the first active undelivered follow-up.
 */
export async function nextDue(db: RapportDatabase, now: number): Promise<RebuildResult> {
  const tx = db.transaction('followups');
  const index = tx.store.index('dueAt');
  let next: number | null = null;
  let overdue = 0;
  for (const f of await index.getAll(IDBKeyRange.upperBound(now))) {
    if (!isActive(f) || f.notifiedAt !== null) continue;
    overdue++;
    if (next === null || f.dueAt < next) next = f.dueAt;
  }
  if (next === null) {
    for (
      let cursor = await index.openCursor(IDBKeyRange.lowerBound(now, true));
      cursor;
      cursor = await cursor.continue()
    ) {
      if (isActive(cursor.value) && cursor.value.notifiedAt === null) {
        next = cursor.value.dueAt;
        break;
      }
    }
  }
  await tx.done;
  return { next, overdue };
}

/** Rebuilds the alarms from the store: the next undelivered due instant, plus the periodic safety alarm. */
export async function rebuildAlarms(db: RapportDatabase, alarms: AlarmsApi, now: number): Promise<RebuildResult> {
  const result = await nextDue(db, now);
  if (result.next === null) await alarms.clear(NEXT_ALARM);
  else await alarms.create(NEXT_ALARM, { when: Math.max(result.next, now + 1_000) });
  const safety = await alarms.get(SAFETY_ALARM);
  if (!safety || safety.periodInMinutes !== SAFETY_PERIOD_MINUTES) {
    await alarms.create(SAFETY_ALARM, {
      delayInMinutes: SAFETY_PERIOD_MINUTES,
      periodInMinutes: SAFETY_PERIOD_MINUTES,
    });
  }
  return result;
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

/** The badge count: active follow-ups due by `now` (the dueAt index has already limited to those). */
export async function updateBadge(db: RapportDatabase, badge: BadgeApi, now: number): Promise<number> {
  const count = (await db.getAllFromIndex('followups', 'dueAt', IDBKeyRange.upperBound(now))).filter(isActive).length;
  await badge.setBadgeText({ text: count ? String(count) : '' });
  if (count) await badge.setBadgeBackgroundColor?.({ color: '#b3261e' });
  return count;
}

/** Stable short hash, so the same group of items always gets the same notification id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function singleNotificationId(f: Pick<Followup, 'id'>): string {
  return `${SINGLE_PREFIX}${f.id}`;
}

export function groupNotificationId(items: readonly Pick<Followup, 'id' | 'dueAt'>[]): string {
  return `${GROUP_PREFIX}${hash(
    items
      .map((f) => `${f.id}@${f.dueAt}`)
      .sort()
      .join(','),
  )}`;
}

/** What a notification id refers to. */
export function parseNotificationId(id: string): { kind: 'single'; followupId: string } | { kind: 'group' } | null {
  if (id.startsWith(GROUP_PREFIX)) return { kind: 'group' };
  if (id.startsWith(SINGLE_PREFIX)) return { kind: 'single', followupId: id.slice(SINGLE_PREFIX.length) };
  return null;
}

async function notificationFor(f: Followup, env: DeliveryEnv): Promise<NotificationOptions> {
  const person = (await env.nameOf(f.contactId)) ?? followupText.someone;
  const about = f.aboutContactId ? await env.nameOf(f.aboutContactId) : null;
  const title = f.kind === 'referrer-update' && about ? followupText.referrerTitle(about) : f.title;
  return {
    type: 'basic',
    iconUrl: env.iconUrl,
    title: followupText.notificationTitle(person, f.kind),
    message: title || followupText.defaultTitle[f.kind],
    priority: f.kind === 'thank-you' ? 2 : 1,
    ...(env.withButtons
      ? {
          buttons: [{ title: followupText.done }, { title: followupText.snooze(env.settings.snoozeMinutes) }],
          requireInteraction: f.kind === 'thank-you',
        }
      : {}),
  };
}

async function groupNotification(items: readonly Followup[], env: DeliveryEnv): Promise<NotificationOptions> {
  const lines = await Promise.all(
    items.slice(0, 8).map(async (f) => ({
      title: (await env.nameOf(f.contactId)) ?? followupText.someone,
      message: f.title || followupText.defaultTitle[f.kind],
    })),
  );
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

export interface DeliveryResult {
  delivered: string[];
  notificationId: string | null;
}

/**
 * Delivers every follow-up due at `now` that was not delivered yet: one notification, or one grouped
 * notification for several. Runs at every alarm and every worker start, so items that came due while the
 * browser was closed or asleep arrive once, at the next start.
 */
export async function deliverDue(db: RapportDatabase, env: DeliveryEnv, now: number): Promise<DeliveryResult> {
  const due = await listUndelivered(db, now);
  if (!due.length) return { delivered: [], notificationId: null };
  let notificationId: string | null = null;
  if (env.settings.notificationsEnabled) {
    const [only] = due;
    if (due.length === 1 && only) {
      notificationId = singleNotificationId(only);
      await env.notifications.create(notificationId, await notificationFor(only, env));
    } else {
      notificationId = groupNotificationId(due);
      await env.notifications.create(notificationId, await groupNotification(due, env));
    }
  }
  const delivered = await markNotified(db, due, now);
  return { delivered, notificationId };
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs scheduler work one at a time within this worker (start, onStartup, onInstalled and an alarm can all
 * fire together). Only the in-flight promise is kept; nothing survives the worker, nor needs to.
 */
export function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = chain.then(work, work);
  chain = run.catch(() => undefined);
  return run;
}
