// The box Rapport draws on LinkedIn profiles, pictured at real size (1280 × 800) in LinkedIn's light and dark
// themes: a new person (the Save button), a saved person (the card), and the folded card. Plain JS, called by
// `npm run screenshots` (scripts/screenshots-overlay.mjs) and by tests/e2e/overlay-screenshots.e2e.test.ts.
// The saved person is seeded through the background (as the card would see them after a save and a note); the
// pages are invented (tests/fixtures) with LinkedIn's nav bar and Messaging dock at their real geometry.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withLinkedInChrome } from './linkedin-chrome.mjs';
import { inventedPeople, send } from './people.mjs';

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/linkedin-2022-loggedin.html');
const DAY = 24 * 60 * 60 * 1000;

/** Writes overlay-<state>-<theme>.png into outDir; returns the files. */
export async function shootOverlay({ context, extensionId, outDir, themes = ['light', 'dark'] }) {
  const files = [];
  const seeder = await context.newPage();
  await seeder.goto(`chrome-extension://${extensionId}/popup.html`);
  const setCollapsed = (value) => seeder.evaluate((v) => chrome.storage.local.set({ 'overlay:collapsed': v }), value);
  for (const theme of themes) {
    const html = readFileSync(FIXTURE, 'utf8');
    const newUrl = `https://www.linkedin.com/in/overlay-new-${theme}/`;
    const savedUrl = `https://www.linkedin.com/in/overlay-saved-${theme}/`;
    for (const [url, slug] of [
      [newUrl, `overlay-new-${theme}`],
      [savedUrl, `overlay-saved-${theme}`],
    ]) {
      const body = withLinkedInChrome(html.replaceAll('priya-nandakumar-demo', slug), { dark: theme === 'dark' });
      await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
    }
    const [person] = inventedPeople(6).slice(5);
    const { contactId } = await send(seeder, 'saveProfile', {
      profile: { ...person, name: 'Priya Nandakumar', profileUrl: savedUrl },
      photoThumb: null,
      sources: ['invented'],
    });
    await send(seeder, 'wsSetStatus', { contactId, before: 'to-ask', to: 'asked' });
    await send(seeder, 'wsAddNote', {
      contactId,
      text: 'Met at the design meetup; ask how she moved into research ops.',
    });
    await send(seeder, 'addFollowup', {
      contactId,
      kind: 'nudge',
      title: 'Polite nudge',
      dueAt: Date.now() + 3 * DAY,
      recurrenceMonths: null,
    });

    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    const shot = async (url, name) => {
      await page.goto(url);
      await page.waitForTimeout(1500); // lookup, card injection, placement
      const file = join(outDir, `overlay-${name}-${theme}.png`);
      await page.screenshot({ path: file });
      files.push(file);
    };
    await setCollapsed(false);
    await shot(newUrl, 'new-person');
    await shot(savedUrl, 'saved-person');
    await setCollapsed(true);
    await shot(savedUrl, 'folded');
    await setCollapsed(false);
    await page.close();
  }
  await seeder.close();
  return files;
}
