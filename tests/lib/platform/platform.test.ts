import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Platform = typeof import('@/lib/platform');

/**
 * lib/platform reads the browser from `import.meta.env.FIREFOX`, which `wxt build` fixes at compile time. Here
 * the module is loaded afresh once per browser with that flag stubbed, so each browser's branch is tested.
 */
async function loadAs(browserName: 'chrome' | 'firefox'): Promise<Platform> {
  vi.stubEnv('FIREFOX', browserName === 'firefox' ? 'true' : '');
  vi.resetModules();
  return import('@/lib/platform');
}

const expectations = {
  chrome: { notificationButtons: true, notificationClickIsGesture: true },
  firefox: { notificationButtons: false, notificationClickIsGesture: false },
};

interface Fakes {
  sidePanelOpen: ReturnType<typeof vi.fn>;
  sidebarOpen: ReturnType<typeof vi.fn>;
  sidebarIsOpen: ReturnType<typeof vi.fn>;
}
let fakes: Fakes;
const extras = fakeBrowser as unknown as Record<string, unknown>;

beforeEach(() => {
  fakes = { sidePanelOpen: vi.fn(), sidebarOpen: vi.fn(), sidebarIsOpen: vi.fn() };
  // Both browsers' APIs exist in the fake, so each test shows which one the build really calls.
  vi.stubGlobal('chrome', { sidePanel: { open: fakes.sidePanelOpen } });
  extras.sidebarAction = { open: fakes.sidebarOpen, isOpen: fakes.sidebarIsOpen };
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  delete extras.sidebarAction;
  delete extras.action;
  delete extras.browserAction;
});

describe.each(['chrome', 'firefox'] as const)('lib/platform as %s', (browserName) => {
  const expected = expectations[browserName];
  let platform: Platform;
  beforeEach(async () => {
    platform = await loadAs(browserName);
  });

  it('notification buttons and gesture', () => {
    expect(platform.NOTIFICATION_BUTTONS).toBe(expected.notificationButtons);
    expect(platform.NOTIFICATION_CLICK_IS_GESTURE).toBe(expected.notificationClickIsGesture);
  });

  it('openPanelInGesture opens the side panel (Chrome) or the sidebar (Firefox), and says whether it did', async () => {
    fakes.sidePanelOpen.mockResolvedValue(undefined);
    fakes.sidebarOpen.mockResolvedValue(undefined);
    expect(await platform.openPanelInGesture({ windowId: 7 })).toBe(true);
    if (browserName === 'firefox') {
      expect(fakes.sidebarOpen).toHaveBeenCalledTimes(1);
      expect(fakes.sidePanelOpen).not.toHaveBeenCalled();
    } else {
      expect(fakes.sidePanelOpen).toHaveBeenCalledWith({ windowId: 7 });
      expect(fakes.sidebarOpen).not.toHaveBeenCalled();
    }
  });

  it('openPanelInGesture is false, never a throw, when the browser refuses (no gesture, no window)', async () => {
    fakes.sidePanelOpen.mockRejectedValue(
      new Error('sidePanel.open() may only be called in response to a user gesture.'),
    );
    fakes.sidebarOpen.mockRejectedValue(new Error('sidebarAction.open may only be called from a user input handler'));
    expect(await platform.openPanelInGesture({ windowId: 7 })).toBe(false);
    fakes.sidePanelOpen.mockImplementation(() => {
      throw new Error('synchronous');
    });
    fakes.sidebarOpen.mockImplementation(() => {
      throw new Error('synchronous');
    });
    expect(await platform.openPanelInGesture({ windowId: 7 })).toBe(false);
    // Chrome needs a window or a tab; Firefox's sidebar opens in the current window.
    fakes.sidePanelOpen.mockResolvedValue(undefined);
    fakes.sidebarOpen.mockResolvedValue(undefined);
    expect(await platform.openPanelInGesture({})).toBe(browserName === 'firefox');
  });

  it('panelIsOpen asks Firefox, and is false on Chrome (it cannot be asked)', async () => {
    fakes.sidebarIsOpen.mockResolvedValue(true);
    expect(await platform.panelIsOpen()).toBe(browserName === 'firefox');
    fakes.sidebarIsOpen.mockResolvedValue(false);
    expect(await platform.panelIsOpen()).toBe(false);
    fakes.sidebarIsOpen.mockRejectedValue(new Error('gone'));
    expect(await platform.panelIsOpen()).toBe(false);
  });

  it('toolbarAction is `action` (MV3) or `browserAction` (MV2)', () => {
    const action = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn() };
    if (browserName === 'firefox') extras.browserAction = action;
    else extras.action = action;
    expect(platform.toolbarAction()).toBe(action);
  });
});
