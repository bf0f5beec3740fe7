import { describe, expect, it } from 'vitest';
import { adjustGeneratedManifest, browserManifestKeys, browserPermissions, GECKO_ID } from '@/lib/platform/manifest';

describe('manifest keys per browser', () => {
  it.each([
    ['chrome', ['sidePanel']],
    ['firefox', []],
  ])('%s asks for %j beyond the common permissions', (browser, extra) => {
    expect(browserPermissions(browser)).toEqual(extra);
  });

  it('only Firefox gets the gecko id, minimum version and data-collection statement', () => {
    expect(browserManifestKeys('chrome')).toEqual({});
    expect(browserManifestKeys('firefox')).toMatchObject({
      browser_specific_settings: {
        gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      },
    });
  });

  it('Firefox never opens the sidebar by itself at install; Chrome’s manifest is left alone', () => {
    const firefox = { sidebar_action: { default_panel: 'sidepanel.html' } };
    adjustGeneratedManifest('firefox', firefox);
    expect(firefox.sidebar_action).toEqual({ default_panel: 'sidepanel.html', open_at_install: false });
    const chrome = { side_panel: { default_path: 'sidepanel.html' } };
    adjustGeneratedManifest('chrome', chrome);
    expect(chrome).toEqual({ side_panel: { default_path: 'sidepanel.html' } });
  });
});
