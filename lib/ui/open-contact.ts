import { browser } from 'wxt/browser';

import { SELECTED_CONTACT_KEY } from '../contacts/selection';

export { SELECTED_CONTACT_KEY };

interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
}
interface SidebarApi {
  open(): Promise<void>;
}

/**
 * Shows a contact in the side panel. Must run synchronously inside the click handler: the browser
 * only opens a panel in response to a user gesture. Where no panel can open, the contact opens in a tab.
 */
export function openContactInPanel(contactId: string, windowId: number | null): void {
  void browser.storage.local.set({ [SELECTED_CONTACT_KEY]: contactId });
  const chromePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;
  const fallback = () =>
    void browser.tabs.create({
      url: `${browser.runtime.getURL('/sidepanel.html')}?contact=${encodeURIComponent(contactId)}`,
    });
  if (chromePanel && windowId !== null) chromePanel.open({ windowId }).catch(fallback);
  else if (firefoxSidebar) firefoxSidebar.open().catch(fallback);
  else fallback();
}
