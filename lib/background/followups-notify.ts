import { SELECTED_CONTACT_KEY } from '../contacts/selection';
import { browser } from 'wxt/browser';
import { NOTIFICATION_BUTTONS, NOTIFICATION_CLICK_IS_GESTURE, panelIsOpen } from '../platform';
import { getContact } from '../db/contacts';
import type { RapportDatabase } from '../db/open';
import { getFollowup } from '../db/followups';
import type { DeliveryEnv, NotificationsApi } from '../followups/scheduler';
import type { FollowupSettings } from '../followups/settings';

interface ChromeLike {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  action?: { openPopup?(options?: { windowId?: number }): Promise<void> };
}

/** Runs a browser call that may throw synchronously or reject. */
async function attempt<T>(call: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await call() };
  } catch {
    return { ok: false };
  }
}

const chromeApi = (): ChromeLike | undefined => (globalThis as { chrome?: ChromeLike }).chrome;

export function deliveryEnv(db: RapportDatabase, settings: FollowupSettings): DeliveryEnv {
  return {
    notifications: browser.notifications as unknown as NotificationsApi,
    settings,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    withButtons: NOTIFICATION_BUTTONS,
    async nameOf(contactId) {
      return (await getContact(db, contactId))?.name ?? null;
    },
  };
}

/**
 * A notification was clicked: show the contact (or, for a group, the due list). Firefox does not count the
 * click as user input, so its sidebar cannot be opened from here: an already open sidebar shows the person
 * (it follows the selection), else the person opens in a tab. Chrome: the side panel, where the browser
 * allows it; else the popup; else the contact in a tab.
 */
export function openFromNotification(db: RapportDatabase | Promise<RapportDatabase>, followupId: string | null): void {
  const sidebarOpened = NOTIFICATION_CLICK_IS_GESTURE ? null : panelIsOpen();
  void (async () => {
    const followup = followupId ? await getFollowup(await db, followupId) : undefined;
    const contactId = followup?.contactId ?? null;
    if (contactId) await browser.storage.local.set({ [SELECTED_CONTACT_KEY]: contactId });
    if (sidebarOpened && (await sidebarOpened)) return;
    const chrome = chromeApi();
    const win = await attempt(() => browser.windows?.getLastFocused());
    const panel = chrome?.sidePanel;
    if (contactId && panel && win.ok && win.value?.id !== undefined) {
      const windowId = win.value.id;
      if ((await attempt(() => panel.open({ windowId }))).ok) return;
    }
    const action = chrome?.action;
    if (action?.openPopup && (await attempt(() => action.openPopup?.())).ok) return;
    const page = contactId ? `/sidepanel.html?contact=${encodeURIComponent(contactId)}` : '/popup.html';
    await browser.tabs.create({ url: browser.runtime.getURL(page as '/popup.html') });
  })();
}
