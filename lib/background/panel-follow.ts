import { browser } from 'wxt/browser';
import { findContactByProfileUrl } from '../db/contacts';
import { listAllMeetings } from '../db/meetings';
import { openRapportDB } from '../db/open';
import { SELECTED_CONTACT_KEY } from '../names';
import { panelTarget, profileKeyOf, runningCall } from '../workspace/panel-follow';

/**
 * The side panel follows the user: when the active tab shows a saved person's profile, the panel (which
 * shows SELECTED_CONTACT_KEY live) switches to them, unless a call is running. LinkedIn navigates without
 * page loads, so URL changes of the active tab count as much as switching tabs. We see the URLs of
 * LinkedIn tabs only (host permission); every other tab is ignored.
 */
export function registerPanelFollow(): void {
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then((tab) => followUrl(tab.url), warn);
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (change.url && tab.active) void followUrl(change.url).catch(warn);
  });
}

export async function followUrl(url: string | undefined): Promise<string | null> {
  const key = profileKeyOf(url);
  if (!key) return null;
  const db = await openRapportDB();
  const contact = await findContactByProfileUrl(db, key);
  if (!contact) return null;
  const [meetings, stored] = await Promise.all([listAllMeetings(db), browser.storage.local.get(SELECTED_CONTACT_KEY)]);
  const selected = stored[SELECTED_CONTACT_KEY];
  const target = panelTarget({
    pageContactId: contact.id,
    selectedId: typeof selected === 'string' ? selected : null,
    call: runningCall(meetings, Date.now()),
  });
  if (target) await browser.storage.local.set({ [SELECTED_CONTACT_KEY]: target });
  return target;
}

function warn(error: unknown): void {
  console.warn('Rapport: the panel could not follow the tab', error);
}
