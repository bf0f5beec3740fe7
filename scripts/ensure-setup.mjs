// Runs before `npm start` and `npm test` so each is one command on a fresh clone: installs the npm
// dependencies when they are missing, and Debian's Chromium when no browser is found and we may install it.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('[setup] Installing dependencies (npm ci)…');
  run('npm ci');
}

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(browser)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('which', ['apt-get']).status === 0;
  if (!process.env.CHROMIUM_PATH && isRoot && hasApt) {
    console.log('[setup] Installing Chromium (apt-get install chromium)…');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.warn(
      `[setup] No browser at ${browser}. Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
}

// `npm test` also runs the Firefox end-to-end project: Debian's Firefox ESR (no driver binary needed).
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
if (process.env.npm_lifecycle_event === 'pretest' && !existsSync(firefox)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('which', ['apt-get']).status === 0;
  if (!process.env.FIREFOX_PATH && isRoot && hasApt) {
    console.log('[setup] Installing Firefox ESR (apt-get install firefox-esr)…');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr');
  } else {
    console.warn(
      `[setup] No Firefox at ${firefox}. Install it (Debian: sudo apt-get install firefox-esr) or point ` +
        'FIREFOX_PATH at a Firefox binary; the Firefox end-to-end tests fail without it.',
    );
  }
}
