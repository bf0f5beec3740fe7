// `npm run screenshots` (after `npm run build`): renders every extension view at its real size, in light and
// dark, into screenshots/ (gitignored), for a person to look at. Headless Debian Chromium with the built
// extension; every web request is answered 404 inside the browser.
//
// Hook for the in-page overlay (issue #12 item 1): when scripts/screenshots-overlay.mjs exists, its default
// export is called with { context, extensionId, outDir, themes, shoot } and adds its own pictures.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../tests/e2e/chromium.mjs';
import { seedPeople, send } from '../tests/e2e/people.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = resolve(ROOT, process.env.RAPPORT_OUT_DIR ?? '.output', 'chrome-mv3');
const OUT = resolve(ROOT, process.env.SCREENSHOTS_DIR ?? 'screenshots');
const THEMES = ['light', 'dark'];
const TABS = ['Details', 'Ask', 'Prepare', 'Call', 'After'];

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  console.error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first (npm run screenshots does).`);
  process.exit(1);
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const profileDir = mkdtempSync(join(tmpdir(), 'rapport-screens-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: CHROMIUM,
  headless: true,
  args: chromiumArgs(EXTENSION_DIR),
});
await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: '' }));
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const url = (path) => `chrome-extension://${extensionId}/${path}`;
// The welcome tab opened by the install: not needed (it is shot below at its own size).
for (const page of context.pages()) if (page.url().includes('welcome.html')) await page.close();

/** Opens `path` at width × height in `theme`, lets it settle, saves `<name>-<theme>.png`. */
async function shoot(name, path, { width, height }, theme, prepare) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.goto(url(path));
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  if (prepare) await prepare(page);
  await page.waitForTimeout(250);
  const file = join(OUT, `${name}-${theme}.png`);
  await page.screenshot({ path: file });
  await page.close();
  return file;
}
const tab = (name) => async (page) => {
  await page.getByRole('tab', { name }).click();
  await page.waitForTimeout(300);
};

const POPUP = { width: 380, height: 600 };
const PANEL = { width: 400, height: 900 };
const NARROW = { width: 320, height: 900 };
const WIDE = { width: 1280, height: 900 };

try {
  for (const theme of THEMES) {
    await shoot('popup-empty', 'popup.html', POPUP, theme);
    await shoot('sidepanel-empty', 'sidepanel.html', PANEL, theme);
    await shoot('welcome', 'welcome.html', WIDE, theme);
  }

  const seeder = await context.newPage();
  await seeder.goto(url('options.html'));
  const [longNameId, rtlNameId] = await seedPeople(seeder, 50);
  const { contactId: sampleId } = await send(seeder, 'addSamplePerson', {});
  const [meeting] = await seeder.evaluate(
    (contactId) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meetings').objectStore('meetings').index('contactId').getAll(contactId);
          get.onsuccess = () => ok(get.result);
        };
      }),
    sampleId,
  );
  const startedAt = Date.now() - 6 * 60_000;
  await send(seeder, 'wsUpdateMeeting', {
    id: meeting.id,
    changes: [
      { field: 'where', before: '', after: 'https://meet.example.com/abc-defg-hij' },
      { field: 'startedAt', before: null, after: startedAt },
      { field: 'notes', before: '', after: 'Research weeks: two days of interviews, one of synthesis.' },
      {
        field: 'reflectionNext',
        before: '',
        after: 'Read the research-ops handbook they mentioned\nAsk Fatima for twenty minutes about Northwind',
      },
    ],
  });
  // Suggestions (components/SuggestionRow.tsx): a person named during the call who is already saved
  // (Fatima Ruiz, Product designer at Northwind) makes a "Same person?" box.
  const { contactId: referralId } = await send(seeder, 'wsAddReferral', {
    fromContactId: sampleId,
    name: 'Fatima Ruiz',
    role: 'Product designer',
    company: 'Northwind',
    mayUseName: true,
  });
  await seeder.close();

  for (const theme of THEMES) {
    await shoot('popup-50-people', 'popup.html', POPUP, theme);
    await shoot('sidepanel-list', 'sidepanel.html', PANEL, theme);
    await shoot('options', 'options.html', WIDE, theme);
    await shoot('sidepanel-320-long-name', `sidepanel.html?contact=${longNameId}`, NARROW, theme);
    await shoot('sidepanel-400-rtl-name', `sidepanel.html?contact=${rtlNameId}`, PANEL, theme);
    await shoot('sidepanel-400-same-person', `sidepanel.html?contact=${referralId}`, PANEL, theme);
    await shoot('sidepanel-320-same-person', `sidepanel.html?contact=${referralId}`, NARROW, theme);
    for (const size of [PANEL, NARROW]) {
      for (const name of TABS) {
        await shoot(
          `sidepanel-${size.width}-${name.toLowerCase()}`,
          `sidepanel.html?contact=${sampleId}`,
          size,
          theme,
          tab(name),
        );
      }
    }
  }
  // The two-minute signal.
  const page = await context.newPage();
  await page.goto(url('options.html'));
  await send(page, 'wsUpdateMeeting', {
    id: meeting.id,
    changes: [{ field: 'startedAt', before: startedAt, after: Date.now() - (meeting.durationMin - 1.5) * 60_000 }],
  });
  await page.close();
  for (const theme of THEMES) {
    for (const size of [PANEL, NARROW]) {
      await shoot(
        `sidepanel-${size.width}-call-two-minutes`,
        `sidepanel.html?contact=${sampleId}`,
        size,
        theme,
        tab('Call'),
      );
    }
  }

  const overlay = resolve(ROOT, 'scripts/screenshots-overlay.mjs');
  if (existsSync(overlay)) {
    const run = (await import(pathToFileURL(overlay).href)).default;
    await run({ context, extensionId, outDir: OUT, themes: THEMES, shoot });
  } else {
    console.log('No scripts/screenshots-overlay.mjs yet: the in-page overlay is not pictured.');
  }
} finally {
  await context.close();
  rmSync(profileDir, { recursive: true, force: true });
}
console.log(`${readdirSync(OUT).length} pictures in ${OUT.replace(ROOT + '/', '')}/`);
