import { browser } from 'wxt/browser';
import { listDueActive, markNotified, namesOf, nextUndeliveredAfter } from '../db/followups';
import type { RapportDatabase } from '../db/open';
import type { Followup } from '../db/schema';
import {
  BULK_DELIVERY_MIN,
  bulkToShowAgain,
  groupNotification,
  isDelivered,
  parseBulkDelivery,
  groupNotificationId,
  namesNeeded,
  SAFETY_PERIOD_MINUTES,
  singleNotification,
  singleNotificationId,
  toShowAgain,
  type BulkDelivery,
  type NotificationEnv,
  type NotificationOptions,
} from '../followups/notification';
import {
  FOLLOWUP_BULK_DELIVERY_KEY,
  FOLLOWUP_GROUP_NOTIFICATION_PREFIX,
  FOLLOWUP_NEXT_ALARM,
  FOLLOWUP_SAFETY_ALARM,
} from '../names';
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
  /** The last bulk delivery (see BulkDelivery), and where a new one is kept. */
  bulk?: BulkDelivery | null;
  saveBulk?(bulk: BulkDelivery): Promise<void>;
}

/** The last bulk delivery, kept in extension storage (one small record, not 20,000 rewrites). */
export async function readBulkDelivery(): Promise<BulkDelivery | null> {
  return parseBulkDelivery((await browser.storage.local.get(FOLLOWUP_BULK_DELIVERY_KEY))[FOLLOWUP_BULK_DELIVERY_KEY]);
}

export async function saveBulkDelivery(bulk: BulkDelivery): Promise<void> {
  await browser.storage.local.set({ [FOLLOWUP_BULK_DELIVERY_KEY]: bulk });
}

/**
 * Forgets the last bulk delivery. After a restore the follow-ups are other records: ones due before that
 * delivery would otherwise count as delivered and never be shown.
 */
export async function clearBulkDelivery(): Promise<void> {
  await browser.storage.local.remove(FOLLOWUP_BULK_DELIVERY_KEY);
}

/** The user opened the last bulk delivery's notification: a restart does not show it again. */
export async function markBulkOpened(now: number): Promise<void> {
  const bulk = await readBulkDelivery();
  if (bulk && bulk.openedAt === undefined) await saveBulkDelivery({ ...bulk, openedAt: now });
}

/** The earliest due instant among these follow-ups (a loop: spreading 20,000 arguments is not safe). */
function earliestDue(items: readonly Pick<Followup, 'dueAt'>[]): number | null {
  let earliest: number | null = null;
  for (const f of items) if (earliest === null || f.dueAt < earliest) earliest = f.dueAt;
  return earliest;
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
  /** Active follow-ups already due, delivered or not (the badge). */
  due: number;
}

/**
 * Rebuilds the alarms from the store: the next undelivered due instant, plus the periodic safety alarm.
 * One read of what is due (and, when none of it waits, a walk of the index to the next one).
 */
export async function rebuildAlarms(
  db: RapportDatabase,
  alarms: AlarmsApi,
  now: number,
  bulk: BulkDelivery | null = null,
): Promise<RebuildResult> {
  const due = await listDueActive(db, now);
  const undelivered = due.filter((f) => !isDelivered(f, bulk));
  const next = earliestDue(undelivered) ?? (await nextUndeliveredAfter(db, now));
  await setAlarms(alarms, next, now);
  return { next, overdue: undelivered.length, due: due.length };
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
 * the last moments before the previous session ended and never opened: `lastAliveAt`, one by one or as a
 * bulk delivery): one notification, or one grouped notification for several. Runs at every alarm and every
 * worker start, so items that came due while the browser was closed or asleep arrive once, at the next start.
 * Whatever the number: one read (or `opts.due`), one notification, one storage write or one transaction.
 */
export async function deliverDue(
  db: RapportDatabase,
  env: DeliveryEnv,
  now: number,
  opts: { due?: readonly Followup[]; lastAliveAt?: number | null } = {},
): Promise<DeliveryResult> {
  const due = opts.due ?? (await listDueActive(db, now));
  const bulk = env.bulk ?? null;
  const lastAliveAt = opts.lastAliveAt ?? null;
  const fresh = due.filter((f) => !isDelivered(f, bulk));
  // A bulk delivery's own items carry no notifiedAt: the bulk record says whether it was shown before a crash.
  const bulkAgain = bulkToShowAgain(bulk, lastAliveAt)
    ? due.filter((f) => f.notifiedAt === null && isDelivered(f, bulk))
    : [];
  const items = [...fresh, ...bulkAgain, ...toShowAgain(due, lastAliveAt)];
  if (!items.length) return { delivered: [], notificationId: null };
  const notificationId = await show(db, items, env);
  if (fresh.length + bulkAgain.length >= BULK_DELIVERY_MIN && env.saveBulk) {
    // One record says "all of these were delivered"; only what changed this very millisecond is marked itself.
    await env.saveBulk({ at: now, through: now });
    const marked = await markNotified(
      db,
      items.filter((f) => f.updatedAt >= now || f.notifiedAt !== null),
      now,
    );
    return { delivered: [...new Set([...fresh, ...bulkAgain].map((f) => f.id).concat(marked))], notificationId };
  }
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
  const waiting = failed ? due.filter((f) => !isDelivered(f, apis.env.bulk ?? null)) : [];
  const next = earliestDue(waiting) ?? (await nextUndeliveredAfter(db, now));
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
    const { due } = await rebuildAlarms(db, browser.alarms as unknown as AlarmsApi, now, await readBulkDelivery());
    const badge = badgeApi();
    if (badge) await showBadge(badge, due);
    // Nothing due any more: a grouped notification still on screen is stale.
    if (badge && due === 0) await clearGroupNotifications();
  });
}

export async function clearGroupNotifications(): Promise<void> {
  const shown = await browser.notifications.getAll();
  for (const id of Object.keys(shown))
    if (id.startsWith(FOLLOWUP_GROUP_NOTIFICATION_PREFIX)) await browser.notifications.clear(id);
}
