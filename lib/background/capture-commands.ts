import { browser } from 'wxt/browser';
import { SAVE_PERSON_MENU_ID } from '../names';
import { toolbarAction } from '../platform';
import { outcomeAction } from '../capture-commands/outcome';
import { PENDING_REVIEW_KEY, type PendingReview } from '../capture-commands/pending';
import { savePage } from './contacts';

export const SAVE_COMMAND = 'save-person';
const MENU_ID = SAVE_PERSON_MENU_ID;

/**
 * Saving from any site, with least privilege: the keyboard shortcut and the context-menu entry grant
 * activeTab for the current tab, so Rapport can read that one page (and LinkedIn pages, which it may
 * always read) only when asked.
 */
export function registerCaptureCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    // contextMenus entries persist across worker restarts; (re)create them on install and update only.
    browser.contextMenus
      ?.removeAll()
      .then(() =>
        browser.contextMenus.create({
          id: MENU_ID,
          title: 'Save the person on this page to Rapport',
          contexts: ['page', 'frame', 'selection', 'image'],
        }),
      )
      .catch(console.warn);
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) saveFromTab(tab?.id).catch(console.warn);
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === SAVE_COMMAND) saveFromTab(tab?.id).catch(console.warn);
  });
}

async function saveFromTab(tabId: number | undefined): Promise<void> {
  const action = outcomeAction(await savePage(tabId));
  if (action.kind === 'notify') {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: action.title,
      message: action.message,
    });
    return;
  }
  // Needs the user's eye: keep it for the popup's review form and open the popup where the browser allows.
  const pending: PendingReview = { ...action.result, at: Date.now() };
  await browser.storage.local.set({ [PENDING_REVIEW_KEY]: pending });
  try {
    await toolbarAction()?.openPopup?.();
  } catch {
    await browser.notifications.create({
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Check before saving',
      message: 'Click the Rapport icon to check what was found and save it.',
    });
  }
}
