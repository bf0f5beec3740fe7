import { browser } from 'wxt/browser';
import { actOnFollowup, addFollowup, deleteFollowup, FollowupNotFoundError, getFollowup } from '../db/followups';
import { getContact } from '../db/contacts';
import { openRapportDB } from '../db/open';
import { panelTargetFor } from '../followups/write-it';
import type { ActionResult, FollowupAction } from '../followups/actions';
import { parseNotificationId, singleNotificationId, syncNeeded } from '../followups/notification';
import type { RuleContext } from '../followups/rules';
import { followupText } from '../followups/text';
import { localTimeZone } from '../followups/time';
import { LAST_ALIVE_KEY, LAST_SYNC_KEY } from '../names';
import { NOTIFICATION_BUTTONS } from '../platform';
import { followupSettings } from '../settings/followups';
import { completeFollowup } from './followups-done';
import { onNotificationClicked, onNotificationClosed, writePanelTarget } from './followups-notify';
import {
  badgeApi,
  NEXT_ALARM,
  readBulkDelivery,
  refreshSchedule,
  saveBulkDelivery,
  SAFETY_ALARM,
  serialized,
  syncDue,
  type AlarmsApi,
  type NotificationsApi,
} from './followups-schedule';
import { handle } from './handle';

const RETRY_MS = 60_000;

export { LAST_SYNC_KEY };

/** Delivers what is due, then rebuilds alarms and badge from the store. Safe to run any number of times. */
export function syncFollowups(now = Date.now()): Promise<void> {
  return serialized(() => runSync(now, false));
}

/**
 * The catch-up at worker start, browser start and install/update: a full sync when one is needed (see
 * syncNeeded), nothing otherwise. Checked inside the serialized queue, so the worker start and the
 * startup event arriving together run it once. The first sync of a browser session also shows again what
 * was delivered just before the previous session ended and never opened (a crash seconds later).
 */
export function syncFollowupsIfStale(now = Date.now()): Promise<void> {
  return serialized(async () => {
    const [last, safety] = await Promise.all([readLastSync(), browser.alarms.get(SAFETY_ALARM)]);
    if (syncNeeded(last, safety !== undefined, now)) await runSync(now, last === null);
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

async function readLastAlive(): Promise<number | null> {
  const value = (await browser.storage.local.get(LAST_ALIVE_KEY))[LAST_ALIVE_KEY];
  return typeof value === 'number' ? value : null;
}

async function ruleContext(now: number): Promise<RuleContext> {
  return { now, settings: await followupSettings.get(), timeZone: localTimeZone() };
}

async function runSync(now: number, newSession: boolean): Promise<void> {
  const db = await openRapportDB();
  const lastAliveAt = newSession ? await readLastAlive() : null;
  const { failed } = await syncDue(
    db,
    {
      env: {
        notifications: browser.notifications as unknown as NotificationsApi,
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        withButtons: NOTIFICATION_BUTTONS,
        ctx: await ruleContext(now),
        bulk: await readBulkDelivery(),
        saveBulk: saveBulkDelivery,
      },
      alarms: browser.alarms as unknown as AlarmsApi,
      badge: badgeApi(),
    },
    now,
    lastAliveAt,
  );
  // Not marked delivered, so not lost: try again in a minute (not at once, in a loop).
  if (failed) await browser.alarms.create(NEXT_ALARM, { when: now + RETRY_MS });
  await browser.storage.local.set({ [LAST_ALIVE_KEY]: now });
  if (!failed) await sessionArea()?.set({ [LAST_SYNC_KEY]: now });
}

/** Done does what the follow-up's kind means (lib/followups/done.ts); the other actions move or close it. */
async function act(id: string, action: FollowupAction): Promise<ActionResult> {
  const db = await openRapportDB();
  const now = Date.now();
  const ctx = await ruleContext(now);
  const result =
    action.type === 'done' ? await completeFollowup(db, id, ctx) : await actOnFollowup(db, id, action, ctx);
  await browser.notifications.clear(singleNotificationId({ id })).catch(() => false);
  await refreshSchedule(db, now);
  return result;
}

export function registerFollowupHandlers(): void {
  handle('addFollowup', async ({ contactId, kind, title, dueAt, recurrenceMonths, meetingId }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const resolvedKind = kind ?? 'custom';
    const followup = await addFollowup(
      db,
      {
        contactId,
        meetingId: meetingId ?? null,
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

  handle('writeFollowup', async ({ id }) => {
    const db = await openRapportDB();
    const followup = await getFollowup(db, id);
    if (!followup) throw new FollowupNotFoundError(id);
    const contact = await getContact(db, followup.contactId);
    await writePanelTarget(panelTargetFor(followup, contact ?? null, Date.now()));
    return { contactId: followup.contactId };
  });

  handle('deleteFollowup', async ({ id }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const undo = await deleteFollowup(db, id, now);
    await browser.notifications.clear(singleNotificationId({ id })).catch(() => false);
    await refreshSchedule(db, now);
    return undo;
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

  // Synchronous: Chrome's gesture ends at the first await (see onNotificationClicked).
  browser.notifications.onClicked.addListener(onNotificationClicked);
  browser.notifications.onClosed?.addListener(onNotificationClosed);
  // Firefox implements no notification buttons: registering the listener only logs a warning there.
  if (NOTIFICATION_BUTTONS)
    browser.notifications.onButtonClicked?.addListener((notificationId, buttonIndex) => {
      const target = parseNotificationId(notificationId);
      if (target?.kind !== 'single') return;
      const { followupId } = target;
      void (async () => {
        const existing = await getFollowup(await openRapportDB(), followupId);
        if (!existing) return;
        await act(followupId, buttonIndex === 0 ? { type: 'done' } : { type: 'snooze' });
      })().catch((error: unknown) => {
        // Deleted or changed elsewhere meanwhile (FollowupNotFoundError): nothing left to act on.
        if (error instanceof FollowupNotFoundError) void browser.notifications.clear(notificationId);
        else warn(error);
      });
    });

  syncFollowupsIfStale().catch(warn);
}
