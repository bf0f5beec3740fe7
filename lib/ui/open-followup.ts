import { browser } from 'wxt/browser';
import type { Followup } from '../db/schema';
import { panelTargetFor, panelTargetPath } from '../followups/write-it';
import { sendMessage } from '../messaging/protocol';
import { openPanelInGesture } from '../platform';

/**
 * "Write it": the side panel on the follow-up's person, section and template. Call synchronously in the
 * click handler: the panel opens only inside the user's gesture (`windowId` known before the click, as in
 * the popup; in the panel itself, pass null: it is already open). The background then points the panel at
 * the follow-up; where no panel can open, the same place opens in a tab.
 */
export function openFollowupInPanel(
  followup: Pick<Followup, 'id' | 'contactId' | 'kind'>,
  email: string | null,
  windowId: number | null,
): Promise<unknown> {
  const opened = windowId === null ? Promise.resolve(true) : openPanelInGesture({ windowId });
  return Promise.all([opened, sendMessage('writeFollowup', { id: followup.id })]).then(([ok]) => {
    if (!ok)
      return browser.tabs.create({
        url: browser.runtime.getURL(panelTargetPath(panelTargetFor(followup, { email }, Date.now())) as '/popup.html'),
      });
  });
}
