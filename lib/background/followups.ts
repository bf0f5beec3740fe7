import { browser } from 'wxt/browser';
import { actOnFollowup, addFollowup, deleteFollowup, FollowupNotFoundError, getFollowup } from '../db/followups';
import { openRapportDB } from '../db/open';
import type { FollowupAction } from '../followups/actions';
import type { RuleContext } from '../followups/rules';
import {
  deliverDue,
  NEXT_ALARM,
  parseNotificationId,
  rebuildAlarms,
  SAFETY_ALARM,
  serialized,
  singleNotificationId,
  syncNeeded,
  updateBadge,
  type AlarmsApi,
} from '../followups/scheduler';
import { badgeApi, refreshSchedule } from '../followups/refresh';
import { followupSettings } from '../followups/settings';
import { followupText } from '../followups/text';
import { localTimeZone } from '../followups/time';
import { deliveryEnv, openFromNotification } from './followups-notify';
import { handle } from './handle';

const RETRY_MS = 60_000;
/** When the last full sync ran, in session storage: emptied at browser start and on install/update. */
import { LAST_SYNC_KEY } from '../names';
import { NOTIFICATION_BUTTONS } from '../platform';

export { LAST_SYNC_KEY };

/** Delivers what is due, then rebuilds alarms and badge from the store. Safe to run any number of times. */
export function syncFollowups(now = Date.now()): Promise<void> {
  return serialized(() => runSync(now));
}

/**
 * The catch-up at worker start, browser start and install/update: a full sync when one is needed (see
 * syncNeeded), nothing otherwise. Checked inside the serialized queue, so the worker start and the
 * startup event arriving together run it once.
 */
export function syncFollowupsIfStale(now = Date.now()): Promise<void> {
  return serialized(async () => {
    const [last, safety] = await Promise.all([readLastSync(), browser.alarms.get(SAFETY_ALARM)]);
    if (syncNeeded(last, safety !== undefined, now)) await runSync(now);
  });
}

function sessionArea(): typeof browser.storage.local | null {
  return (browser.storage as { session?: typeof browser.storage.local }).session ?? null;
}

async function readLastSync(): Promise<number | null> {
  const area = sessionArea();
  if (!area) return null; // No session storage (older Firefox): always sync, as before.
  const value = (await area.get(LAST_SYNC_KEY))[LAST_SYNC_KEY];
  return typeof value === 'number' ? value : null;
}

async function runSync(now: number): Promise<void> {
  const db = await openRapportDB();
  let failed = false;
  try {
    await deliverDue(db, deliveryEnv(db, await followupSettings.get()), now);
  } catch (error) {
    // Not marked delivered, so not lost: try again in a minute (not at once, in a loop).
    failed = true;
    console.warn('Rapport: could not show a follow-up notification', error);
  }
  await rebuildAlarms(db, browser.alarms as unknown as AlarmsApi, now);
  if (failed) await browser.alarms.create(NEXT_ALARM, { when: now + RETRY_MS });
  const badge = badgeApi();
  if (badge) await updateBadge(db, badge, now);
  if (!failed) await sessionArea()?.set({ [LAST_SYNC_KEY]: now });
}

async function ruleContext(now: number): Promise<RuleContext> {
  return { now, settings: await followupSettings.get(), timeZone: localTimeZone() };
}

async function act(id: string, action: FollowupAction) {
  const db = await openRapportDB();
  const now = Date.now();
  const result = await actOnFollowup(db, id, action, await ruleContext(now));
  await browser.notifications.clear(singleNotificationId({ id })).catch(() => false);
  await refreshSchedule(db, now);
  return result;
}

export function registerFollowupHandlers(): void {
  handle('addFollowup', async ({ contactId, kind, title, dueAt, recurrenceMonths }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const resolvedKind = kind ?? 'custom';
    const followup = await addFollowup(
      db,
      {
        contactId,
        meetingId: null,
        kind: resolvedKind,
        title: title.trim() || followupText.defaultTitle[resolvedKind],
        dueAt,
        recurrenceMonths,
      },
      now,
    );
    await refreshSchedule(db, now);
    if (dueAt <= now) await syncFollowups(now);
    return { id: followup.id };
  });

  handle('actOnFollowup', ({ id, action }) => act(id, action));

  handle('deleteFollowup', async ({ id }) => {
    const db = await openRapportDB();
    await deleteFollowup(db, id);
    await browser.notifications.clear(singleNotificationId({ id })).catch(() => false);
    await refreshSchedule(db, Date.now());
  });

  handle('refreshFollowups', async () => {
    await syncFollowups(Date.now());
    return { next: (await browser.alarms.get(NEXT_ALARM))?.scheduledTime ?? null };
  });

  registerFollowupListeners();
}

const warn = (error: unknown) => console.warn('Rapport: follow-ups', error);

/** The scheduler's browser events, and a catch-up run at worker start when one is needed. */
export function registerFollowupListeners(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NEXT_ALARM || alarm.name === SAFETY_ALARM) syncFollowups().catch(warn);
  });
  // Alarms are a cache: rebuilt from the store at browser start, install and update (session storage is
  // empty then, so the first of these runs syncs and the others find it done), and by the safety alarm.
  browser.runtime.onStartup.addListener(() => void syncFollowupsIfStale().catch(warn));
  browser.runtime.onInstalled.addListener(() => void syncFollowupsIfStale().catch(warn));

  browser.notifications.onClicked.addListener((notificationId) => {
    const target = parseNotificationId(notificationId);
    if (!target) return;
    openFromNotification(openRapportDB(), target.kind === 'single' ? target.followupId : null);
    void browser.notifications.clear(notificationId);
  });
  // Firefox implements no notification buttons: registering the listener only logs a warning there.
  if (NOTIFICATION_BUTTONS)
    browser.notifications.onButtonClicked?.addListener((notificationId, buttonIndex) => {
      const target = parseNotificationId(notificationId);
      if (target?.kind !== 'single') return;
      void (async () => {
        const existing = await getFollowup(await openRapportDB(), target.followupId);
        if (!existing) return;
        await act(target.followupId, buttonIndex === 0 ? { type: 'done' } : { type: 'snooze' });
      })().catch((error: unknown) => {
        // Deleted or changed elsewhere meanwhile (FollowupNotFoundError): nothing left to act on.
        if (error instanceof FollowupNotFoundError) void browser.notifications.clear(notificationId);
        else warn(error);
      });
    });

  syncFollowupsIfStale().catch(warn);
}
