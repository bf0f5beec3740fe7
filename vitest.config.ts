import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// One `vitest run` runs every project and prints one report:
// - unit: WXT's fake browser + fake-indexeddb (tests/lib, tests/components);
// - e2e: the built extension (.output/chrome-mv3) in real headless Chromium (tests/e2e);
// - firefox: the built extension (.output/firefox-mv2) in real headless Firefox ESR (tests/e2e-firefox).
export default defineConfig({
  test: {
    projects: [
      {
        // WxtVitest gives the fake browser and WXT's auto-imports; it does not add Preact.
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/e2e-firefox/**'],
          setupFiles: ['tests/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // Each file starts its own Chromium; two cores, so one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/e2e-firefox/**/*.ff.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // One Firefox per file, shared by its tests. It shares nothing with the Chromium project (own
          // build, own temporary profiles, no ports), so the two can run side by side.
          fileParallelism: false,
        },
      },
    ],
  },
});
