import { browser } from 'wxt/browser';

import { SELECTED_CONTACT_KEY } from '../contacts/selection';
import { openPanelInGesture } from '../platform';

export { SELECTED_CONTACT_KEY };

/**
 * Shows a contact in the side panel. Must run synchronously inside the click handler: the browser
 * only opens a panel in response to a user gesture. Where no panel can open, the contact opens in a tab.
 */
export function openContactInPanel(contactId: string, windowId: number | null): void {
  void browser.storage.local.set({ [SELECTED_CONTACT_KEY]: contactId });
  const fallback = () =>
    void browser.tabs.create({
      url: `${browser.runtime.getURL('/sidepanel.html')}?contact=${encodeURIComponent(contactId)}`,
    });
  void openPanelInGesture({ windowId: windowId ?? undefined }).then((opened) => opened || fallback());
}
