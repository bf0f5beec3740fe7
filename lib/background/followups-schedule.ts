import { browser } from 'wxt/browser';
import { listDueActive, listUndelivered, markNotified, namesOf, nextUndeliveredAfter } from '../db/followups';
import type { RapportDatabase } from '../db/open';
import type { Followup } from '../db/schema';
import {
  groupNotification,
  groupNotificationId,
  namesNeeded,
  SAFETY_PERIOD_MINUTES,
  singleNotification,
  singleNotificationId,
  toShowAgain,
  type NotificationEnv,
  type NotificationOptions,
} from '../followups/notification';
import { FOLLOWUP_GROUP_NOTIFICATION_PREFIX, FOLLOWUP_NEXT_ALARM, FOLLOWUP_SAFETY_ALARM } from '../names';
import { toolbarAction } from '../platform';

/**
 * The scheduler. The store is the truth and alarms only a cache of it: one alarm for the next due instant
 * plus one periodic safety alarm (far below Chrome's 500-alarm limit, whatever the number of follow-ups).
 * Delivery is idempotent: a notification's id is derived from what it shows, and an item is marked
 * delivered only after its notification exists, so a worker killed in between shows it again (replacing,
 * not duplicating) at its next start. Browser APIs come in as parameters, so tests and the bench pass fakes.
 */

export const NEXT_ALARM = FOLLOWUP_NEXT_ALARM;
export const SAFETY_ALARM = FOLLOWUP_SAFETY_ALARM;

export interface AlarmsApi {
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined>;
}

export interface NotificationsApi {
  create(id: string, options: NotificationOptions): Promise<string>;
  clear(id: string): Promise<boolean>;
}

export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { color: string }): Promise<void> | void;
}

/** Everything delivery needs from the browser, passed in. */
export interface DeliveryEnv extends NotificationEnv {
  notifications: NotificationsApi;
}

/** The toolbar action's badge (see lib/platform). */
export function badgeApi(): BadgeApi | null {
  return toolbarAction();
}

async function setAlarms(alarms: AlarmsApi, next: number | null, now: number): Promise<void> {
  if (next === null) await alarms.clear(NEXT_ALARM);
  else await alarms.create(NEXT_ALARM, { when: Math.max(next, now + 1_000) });
  const safety = await alarms.get(SAFETY_ALARM);
  if (!safety || safety.periodInMinutes !== SAFETY_PERIOD_MINUTES) {
    await alarms.create(SAFETY_ALARM, {
      delayInMinutes: SAFETY_PERIOD_MINUTES,
      periodInMinutes: SAFETY_PERIOD_MINUTES,
    });
  }
}

export interface RebuildResult {
  /** Earliest undelivered due instant, or null when nothing is waiting. */
  next: number | null;
  /** Active follow-ups already due and not yet delivered. */
  overdue: number;
}

/** Rebuilds the alarms from the store: the next undelivered due instant, plus the periodic safety alarm. */
export async function rebuildAlarms(db: RapportDatabase, alarms: AlarmsApi, now: number): Promise<RebuildResult> {
  const undelivered = await listUndelivered(db, now);
  const next = undelivered.length ? Math.min(...undelivered.map((f) => f.dueAt)) : await nextUndeliveredAfter(db, now);
  await setAlarms(alarms, next, now);
  return { next, overdue: undelivered.length };
}

async function showBadge(badge: BadgeApi, count: number): Promise<void> {
  await badge.setBadgeText({ text: count ? String(count) : '' });
  if (count) await badge.setBadgeBackgroundColor?.({ color: '#b3261e' });
}

/** The badge count: active follow-ups due by `now`. */
export async function updateBadge(db: RapportDatabase, badge: BadgeApi, now: number): Promise<number> {
  const count = (await listDueActive(db, now)).length;
  await showBadge(badge, count);
  return count;
}

export interface DeliveryResult {
  delivered: string[];
  notificationId: string | null;
}

async function show(db: RapportDatabase, items: readonly Followup[], env: DeliveryEnv): Promise<string | null> {
  if (!env.ctx.settings.notificationsEnabled || !items.length) return null;
  const names = await namesOf(db, namesNeeded(items), '');
  for (const [id, name] of names) if (!name) names.delete(id);
  const [only] = items;
  if (items.length === 1 && only) {
    const id = singleNotificationId(only);
    await env.notifications.create(id, singleNotification(only, names, env));
    return id;
  }
  const id = groupNotificationId(items);
  await env.notifications.create(id, groupNotification(items, names, env));
  return id;
}

/**
 * Delivers every follow-up due at `now` that was not delivered yet (plus, at a browser start, those shown in
 * the last moments before the previous session ended and never opened: `lastAliveAt`): one notification, or
 * one grouped notification for several. Runs at every alarm and every worker start, so items that came due
 * while the browser was closed or asleep arrive once, at the next start.
 */
export async function deliverDue(
  db: RapportDatabase,
  env: DeliveryEnv,
  now: number,
  opts: { due?: readonly Followup[]; lastAliveAt?: number | null } = {},
): Promise<DeliveryResult> {
  const due = opts.due ?? (await listDueActive(db, now));
  const items = [...due.filter((f) => f.notifiedAt === null), ...toShowAgain(due, opts.lastAliveAt ?? null)];
  if (!items.length) return { delivered: [], notificationId: null };
  const notificationId = await show(db, items, env);
  const delivered = await markNotified(db, items, now);
  return { delivered, notificationId };
}

export interface SyncApis {
  env: DeliveryEnv;
  alarms: AlarmsApi;
  badge: BadgeApi | null;
}

/**
 * One full sync: deliver what is due, then set the alarms and the badge, reading the due follow-ups once.
 * 20,000 overdue follow-ups cost two reads of the dueAt index and one write transaction. Returns whether
 * delivery failed (then nothing was marked, and the caller retries later).
 */
export async function syncDue(
  db: RapportDatabase,
  apis: SyncApis,
  now: number,
  lastAliveAt: number | null = null,
): Promise<{ failed: boolean; due: number }> {
  const due = await listDueActive(db, now);
  let failed = false;
  try {
    await deliverDue(db, apis.env, now, { due, lastAliveAt });
  } catch (error) {
    failed = true;
    console.warn('Rapport: could not show a follow-up notification', error);
  }
  // What stays undelivered (the delivery failed, or an item changed meanwhile) keeps the alarm at once.
  const waiting = failed ? due.filter((f) => f.notifiedAt === null) : [];
  const next = waiting.length ? Math.min(...waiting.map((f) => f.dueAt)) : await nextUndeliveredAfter(db, now);
  await setAlarms(apis.alarms, next, now);
  if (apis.badge) await showBadge(apis.badge, due.length);
  return { failed, due: due.length };
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

/** After any follow-up write in the background: the alarms and the badge follow the store. */
export function refreshSchedule(db: RapportDatabase, now: number): Promise<void> {
  return serialized(async () => {
    await rebuildAlarms(db, browser.alarms as unknown as AlarmsApi, now);
    const badge = badgeApi();
    const due = badge ? await updateBadge(db, badge, now) : null;
    // Nothing due any more: a grouped notification still on screen is stale.
    if (due === 0) await clearGroupNotifications();
  });
}

export async function clearGroupNotifications(): Promise<void> {
  const shown = await browser.notifications.getAll();
  for (const id of Object.keys(shown))
    if (id.startsWith(FOLLOWUP_GROUP_NOTIFICATION_PREFIX)) await browser.notifications.clear(id);
}
