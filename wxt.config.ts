import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
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
      ...(browser === 'chrome' ? ['sidePanel'] : []),
    ],
    // Least privilege: the only site we run on by ourselves. Anything else goes through activeTab.
    host_permissions: ['https://*.linkedin.com/*'],
    // No web_accessible_resources: LinkedIn probes pages for them to detect extensions.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'rapport@rapport.invalid', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
});
