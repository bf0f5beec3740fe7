/**
 * The manifest keys that differ between Chrome (MV3) and Firefox (MV2), used by wxt.config.ts. Plain data,
 * no browser API: the build reads it in Node.
 */
export type TargetBrowser = string;

/** The gecko id also names the extension in Firefox's UI ids and in the e2e tests' pinned UUID pref. */
export const GECKO_ID = 'rapport@rapport.invalid';

/** Permissions only one browser knows (Firefox rejects `sidePanel`; its sidebar needs none). */
export function browserPermissions(browser: TargetBrowser): string[] {
  return browser === 'firefox' ? [] : ['sidePanel'];
}

/** Keys only one browser reads. */
export function browserManifestKeys(browser: TargetBrowser): Record<string, unknown> {
  if (browser !== 'firefox') return {};
  return {
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // Rapport collects nothing: all data stays in the browser.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/** The part of WXT's generated manifest this module adjusts (any manifest object fits). */
type GeneratedManifest = object & { sidebar_action?: Record<string, unknown> };

/**
 * Fixes what WXT generates from the side panel entrypoint. Firefox opens a sidebar by itself at install unless
 * `open_at_install` is false; Rapport greets a new user with its welcome page instead.
 */
export function adjustGeneratedManifest(browser: TargetBrowser, manifest: GeneratedManifest): void {
  if (browser === 'firefox' && manifest.sidebar_action) manifest.sidebar_action.open_at_install = false;
}
