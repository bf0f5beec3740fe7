import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { adjustGeneratedManifest, browserManifestKeys, browserPermissions } from './lib/platform/manifest';
import { eagerCompile } from './scripts/eager-compile.mjs';
import { sharedPageHead } from './scripts/page-head';

/** Where the user's own CardDAV/CalDAV server may be: any https host, or this computer. Never granted by default. */
const SYNC_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  // RAPPORT_OUT_DIR lets parallel builds (several engineers, the bench) not overwrite each other.
  outDir: process.env.RAPPORT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Rapport',
    description:
      'Informational interviews, start to finish: save people from profile pages, prepare, meet, follow up. Private: everything stays in your browser.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'scripting',
      'activeTab',
      'contextMenus',
      ...browserPermissions(browser),
    ],
    // Asked only when the user turns on automatic backup files (options page). Sync asks for its server's
    // origin only, at runtime, when the user presses "Test connection" (port-less: Firefox ignores ports).
    // Firefox's MV2 has no optional_host_permissions: there the origins are optional permissions.
    optional_permissions: ['downloads', ...(manifestVersion === 2 ? SYNC_ORIGINS : [])],
    ...(manifestVersion === 3 ? { optional_host_permissions: SYNC_ORIGINS } : {}),
    // Least privilege: the only site we run on by ourselves. Anything else goes through activeTab.
    host_permissions: ['https://*.linkedin.com/*'],
    commands: {
      'save-person': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the person on this page to Rapport',
      },
    },
    // No web_accessible_resources: LinkedIn probes pages for them to detect extensions.
    ...browserManifestKeys(browser),
  }),
  // The capture script runs nearly all its code at once, on the user's click: compiled as it loads.
  vite: () => ({ plugins: [preact(), sharedPageHead(), eagerCompile(['capture.js'])] }),
  // `npm run zip`: the Chrome and Firefox packages, and for addons.mozilla.org the sources its reviewers
  // rebuild the Firefox package from (README: "Build the Firefox package from its sources").
  zip: {
    excludeSources: ['tests/**', 'bench/**', '.ci/**', 'coverage/**', 'test-results/**', '.rapport-profile/**'],
  },
  hooks: {
    // The LinkedIn content script is built as an unlisted script (no WXT wrapper, no polyfill: it runs on
    // every LinkedIn page and must stay small) and declared here. Every LinkedIn page, not only /in/:
    // the site navigates without page loads, so we must already be there when a profile opens.
    'build:manifestGenerated': (wxt, manifest) => {
      adjustGeneratedManifest(wxt.config.browser, manifest);
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['https://*.linkedin.com/*'], js: ['linkedin-page.js'], run_at: 'document_idle' },
      ];
    },
  },
});
