import { browser } from 'wxt/browser';
import { getContact } from '../db/contacts';
import { getFollowup, listDueActive, markOpened } from '../db/followups';
import { openRapportDB } from '../db/open';
import { parseNotificationId, wasOpened } from '../followups/notification';
import { markBulkOpened } from './followups-schedule';
import { panelTargetFor, panelTargetPath, type PanelTarget } from '../followups/write-it';
import { PANEL_TARGET_KEY, SELECTED_CONTACT_KEY } from '../names';
import { CURRENT_WINDOW_ID, NOTIFICATION_CLICK_IS_GESTURE, openPanelInGesture, panelIsOpen } from '../platform';

const warn = (error: unknown) => console.warn('Rapport: notification click', error);

/** Points the side panel at a person, a section and a follow-up (it follows storage live). */
export async function writePanelTarget(target: PanelTarget): Promise<void> {
  await browser.storage.local.set({ [SELECTED_CONTACT_KEY]: target.contactId, [PANEL_TARGET_KEY]: target });
}

/** Where a click on this notification leads: the follow-up's person, section and template; null for a group. */
async function targetOf(followupId: string | null, now: number): Promise<PanelTarget | null> {
  if (!followupId) return null;
  const db = await openRapportDB();
  const followup = await getFollowup(db, followupId);
  if (!followup) return null;
  return panelTargetFor(followup, (await getContact(db, followup.contactId)) ?? null, now);
}

/** Notes that the user opened it, so a browser restart does not show it again. */
async function acknowledge(followupId: string | null, now: number): Promise<void> {
  const db = await openRapportDB();
  if (followupId) {
    await markOpened(db, [followupId], now);
    return;
  }
  // A group: the items delivered one by one, and the bulk delivery it may stand for.
  await markBulkOpened(now);
  const due = await listDueActive(db, now);
  await markOpened(
    db,
    due.filter((f) => f.notifiedAt !== null && !wasOpened(f)).map((f) => f.id),
    now,
  );
}

/**
 * A follow-up notification was clicked. Chrome counts the click as a user gesture only until the first
 * `await`, and needs a window synchronously: the panel is opened FIRST, on the current window, before
 * anything is read; then the data is loaded and the panel (which follows storage) moves to that person and
 * that follow-up. Where a notification click is no gesture (Firefox) or no panel opens, the person opens in
 * a tab instead. A group's click opens the due list.
 */
export function onNotificationClicked(notificationId: string): void {
  const parsed = parseNotificationId(notificationId);
  if (!parsed) return;
  const opened = NOTIFICATION_CLICK_IS_GESTURE ? openPanelInGesture({ windowId: CURRENT_WINDOW_ID }) : panelIsOpen();
  const followupId = parsed.kind === 'single' ? parsed.followupId : null;
  void (async () => {
    const now = Date.now();
    const target = await targetOf(followupId, now);
    if (target) await writePanelTarget(target);
    await browser.notifications.clear(notificationId).catch(() => false);
    await acknowledge(followupId, now).catch(warn);
    if (await opened) return;
    const path = target ? panelTargetPath(target) : '/popup.html';
    await browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') });
  })().catch(warn);
}

/** The user closed a notification themselves: it was seen. */
export function onNotificationClosed(notificationId: string, byUser: boolean): void {
  const parsed = parseNotificationId(notificationId);
  if (!parsed || !byUser) return;
  void acknowledge(parsed.kind === 'single' ? parsed.followupId : null, Date.now()).catch(warn);
}
