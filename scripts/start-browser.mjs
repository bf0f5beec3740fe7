// Starts a real browser with the freshly built Rapport loaded (npm start builds first).
// Chromium or Chrome: set CHROMIUM_PATH to its binary (default: /usr/bin/chromium, then common names on PATH).
// The profile lives in .rapport-profile/ so saved people survive restarts; delete the folder to start clean.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const extensionDir = resolve('.output/chrome-mv3');
const profileDir = resolve('.rapport-profile');
if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
  console.error('No build found in .output/chrome-mv3: run "npm run build" (npm start does it for you).');
  process.exit(1);
}

function findBrowser() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of [
    '/usr/bin/chromium',
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
  ]) {
    if (candidate.startsWith('/') ? existsSync(candidate) : spawnSync('which', [candidate]).status === 0)
      return candidate;
  }
  return null;
}

const browser = findBrowser();
if (!browser) {
  console.error('No Chromium or Chrome found. Install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display: run this on a desktop, or under a virtual one: xvfb-run -a npm start');
  process.exit(1);
}
mkdirSync(profileDir, { recursive: true });
const args = [
  `--user-data-dir=${profileDir}`,
  `--disable-extensions-except=${extensionDir}`,
  `--load-extension=${extensionDir}`,
  '--no-first-run',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  'https://www.linkedin.com/feed/',
];
console.log(`Starting ${browser} with Rapport loaded (profile: ${profileDir}). Close the browser to stop.`);
spawn(browser, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
