import { browser } from 'wxt/browser';

/**
 * The one home of Chrome/Firefox differences. Feature code asks these functions what the browser can do and
 * never tests `import.meta.env.FIREFOX` itself. The build picks the branch at compile time, so each browser's
 * bundle carries only its own code.
 *
 * | what                 | Chrome (MV3)                          | Firefox (MV2)                               |
 * | -------------------- | ------------------------------------- | ------------------------------------------- |
 * | the contact panel    | `sidePanel.open({ windowId })`        | `sidebarAction.open()`                      |
 * | toolbar button       | `action`                              | `browserAction`                             |
 * | notification buttons | yes                                   | no (`onButtonClicked` is unimplemented)     |
 * | gesture from a       | a notification click counts           | a notification click does not count         |
 * | notification click   |                                       |                                             |
 */
export const IS_FIREFOX: boolean = import.meta.env.FIREFOX;

/** Notifications may carry buttons (Done / Snooze). Firefox has no notification buttons. */
export const NOTIFICATION_BUTTONS: boolean = !IS_FIREFOX;

/** A notification click counts as a user gesture, so the panel may be opened from it. */
export const NOTIFICATION_CLICK_IS_GESTURE: boolean = !IS_FIREFOX;

/**
 * "The window the user is in" for `openPanelInGesture` where no window id is at hand synchronously (a
 * notification click in the worker): Chrome's `windows.WINDOW_ID_CURRENT`. Checked in Chromium: with a
 * gesture, `sidePanel.open({ windowId: -2 })` from the service worker opens the panel in the focused window
 * (tests/e2e/followups-done.e2e.test.ts).
 */
export const CURRENT_WINDOW_ID = -2;

interface SidePanelApi {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface SidebarApi {
  open(): Promise<void>;
}
export interface ToolbarActionApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  openPopup?(options?: { windowId?: number }): Promise<void>;
}

const chromeSidePanel = (): SidePanelApi | undefined =>
  (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
const firefoxSidebar = (): SidebarApi | undefined =>
  (browser as unknown as { sidebarAction?: SidebarApi }).sidebarAction;

/**
 * Opens the contact panel (Chrome's side panel, Firefox's sidebar). Browsers open it only inside a user
 * gesture, so call this synchronously in the click's handler, before any `await`. Resolves to whether it
 * opened; never throws.
 */
export function openPanelInGesture(target: { windowId?: number; tabId?: number }): Promise<boolean> {
  try {
    const opened = IS_FIREFOX
      ? firefoxSidebar()?.open()
      : target.windowId !== undefined || target.tabId !== undefined
        ? chromeSidePanel()?.open(target)
        : undefined;
    return opened
      ? opened.then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

/** The toolbar button: `action` in MV3, `browserAction` in MV2. */
export function toolbarAction(): ToolbarActionApi | null {
  const api = browser as unknown as { action?: ToolbarActionApi; browserAction?: ToolbarActionApi };
  return api.action ?? api.browserAction ?? null;
}
