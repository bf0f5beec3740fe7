import { browser } from 'wxt/browser';

/**
 * The one home of Chrome/Firefox differences. Feature code asks these functions what the browser can do and
 * never tests `import.meta.env.FIREFOX` itself (ESLint enforces it). The build picks the branch at compile
 * time, so each browser's bundle carries only its own code. Each row is checked in a real browser by the
 * end-to-end tests (tests/e2e for Chromium, tests/e2e-firefox for Firefox ESR 153) and per browser by
 * tests/lib/platform (run once as Chrome, once as Firefox).
 *
 * | what                   | Chrome (MV3)                              | Firefox (MV2)                                    |
 * | ---------------------- | ----------------------------------------- | ------------------------------------------------ |
 * | the contact panel      | `sidePanel.open({ windowId })`            | `sidebarAction.open()`                           |
 * | is the panel open?     | cannot be asked                           | `sidebarAction.isOpen({})`                       |
 * | toolbar button         | `action`                                  | `browserAction`                                  |
 * | notification buttons   | yes                                       | no (`onButtonClicked` is unimplemented: a        |
 * |                        |                                           | listener only logs a warning)                    |
 * | a notification click   | is a user gesture: the side panel opens   | is NOT user input: `sidebarAction.open()` is     |
 * |                        |                                           | refused. An open sidebar follows the selection;  |
 * |                        |                                           | else the person opens in a tab                   |
 * | `storage.session`      | yes; `setAccessLevel` exists              | yes (MV2 too, Firefox ≥ 115); no `setAccessLevel`|
 * |                        |                                           | (Rapport reads it from the background only)      |
 * | manifest               | `side_panel`, `sidePanel` permission      | `sidebar_action` (not opened at install), gecko  |
 * |                        |                                           | id (see ./manifest.ts)                           |
 */
const IS_FIREFOX: boolean = import.meta.env.FIREFOX;

/** Notifications may carry buttons (Done / Snooze). Firefox has no notification buttons. */
export const NOTIFICATION_BUTTONS: boolean = !IS_FIREFOX;

/**
 * A notification click counts as a user gesture, so the panel may be opened from it. Not on Firefox: there
 * the click handler calls `panelIsOpen()` instead, and opens the person in a tab when the sidebar is closed.
 */
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
  isOpen(details: { windowId?: number }): Promise<boolean>;
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

/** Settles to `true` when the call resolved, `false` when it threw or rejected. */
function succeeded(call: () => Promise<unknown> | undefined): Promise<boolean> {
  try {
    const pending = call();
    return pending
      ? pending.then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
  } catch {
    return Promise.resolve(false);
  }
}

/**
 * Opens the contact panel (Chrome's side panel, Firefox's sidebar). Browsers open it only inside a user
 * gesture, so call this synchronously in the click's handler, before any `await`. Resolves to whether it
 * opened; never throws.
 */
export function openPanelInGesture(target: { windowId?: number; tabId?: number }): Promise<boolean> {
  if (IS_FIREFOX) return succeeded(() => firefoxSidebar()?.open());
  const hasTarget = target.windowId !== undefined || target.tabId !== undefined;
  return succeeded(() => (hasTarget ? chromeSidePanel()?.open(target) : undefined));
}

/**
 * Whether the contact panel is already open in the current window, where it shows whatever contact is
 * selected (it follows the selection in storage live). Firefox answers; Chrome has no way to ask, so `false`
 * there (a caller then opens the person another way). Never throws.
 */
export async function panelIsOpen(): Promise<boolean> {
  if (!IS_FIREFOX) return false;
  try {
    return (await firefoxSidebar()?.isOpen({})) === true;
  } catch {
    return false;
  }
}

/** The toolbar button: `action` in MV3, `browserAction` in MV2. */
export function toolbarAction(): ToolbarActionApi | null {
  const api = browser as unknown as { action?: ToolbarActionApi; browserAction?: ToolbarActionApi };
  return api.action ?? api.browserAction ?? null;
}
