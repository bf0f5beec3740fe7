// How every test and the bench start Debian's Chromium with the built extension: one list of flags.
// Plain JS so bench/run.mjs (Node, no TypeScript) and the TypeScript tests share it.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for headless Chromium with one unpacked extension. The background-networking flags matter here:
 * without them Chromium keeps trying Google's hosts, which this closed network refuses.
 */
export function chromiumArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}
