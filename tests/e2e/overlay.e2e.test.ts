import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readContacts, readStore } from './db';
import { fixture, inWorker, launchExtension, servePage, type RunningExtension } from './harness';
import { withLinkedInChrome } from './linkedin-chrome.mjs';
import { PageBox } from './page-box';

const PRIYA = 'https://www.linkedin.com/in/priya-nandakumar-demo/';
const TOMAS = 'https://www.linkedin.com/in/tomas-eberhardt-4f2/';

let ext: RunningExtension;

/** What LinkedIn does after an in-app navigation: the new person's page swapped in, no load. */
async function showInPlace(page: Page, html: string) {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const body = html.replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, '');
  await page.evaluate(
    ({ title, body }) => {
      document.body.replaceChildren(...new DOMParser().parseFromString(body, 'text/html').body.childNodes);
      document.title = title;
    },
    { title, body },
  );
}

type Box = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Rects of the Messaging dock's bubbles and the nav bar, as the page lays them out. */
function linkedInControls(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('#msg-overlay > *, #global-nav')].map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: Math.max(0, r.top), right: r.right, bottom: Math.min(innerHeight, r.bottom) };
    }),
  );
}

async function expectClearOfLinkedIn(page: Page, box: PageBox) {
  const rect = await box.rect();
  expect(rect).not.toBeNull();
  for (const control of await linkedInControls(page))
    expect(overlaps(rect!, control), JSON.stringify({ rect, control })).toBe(false);
}

const SELECTED = 'ui:selectedContactId';

type ChromeGlobal = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };

/** Open side panels: DevTools lists them as page targets at sidepanel.html. */
async function sidePanelTargets(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.url.endsWith('/sidepanel.html')).map((t) => t.url);
}

beforeAll(async () => {
  ext = await launchExtension();
  // The welcome tab opened at install would sit in front of the profile: not needed here.
  const welcome = ext.context.pages().find((p) => p.url().includes('welcome.html'));
  await (welcome ?? (await ext.context.waitForEvent('page', { timeout: 3_000 }).catch(() => null)))?.close();
  await servePage(ext.context, PRIYA, withLinkedInChrome(fixture('linkedin-2022-loggedin.html')));
  await servePage(ext.context, TOMAS, withLinkedInChrome(fixture('linkedin-2026-sdui.html'), { conversation: true }));
});

afterAll(async () => {
  await ext?.close();
});

describe('the overlay on a LinkedIn profile', () => {
  let page: Page;
  let box: PageBox;

  it('offers "Save to Rapport" to a new person, clear of the Messaging dock and the nav bar', async () => {
    page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(PRIYA);
    box = new PageBox(page);
    await box.waitFor('Save to Rapport');
    await expectClearOfLinkedIn(page, box);
  });

  it('reaches "saved, opened in the panel, note written" in two clicks', async () => {
    await box.click('Save to Rapport'); // click 1
    await box.waitFor('Open in Rapport');
    expect(await box.text()).toContain('Saved Priya Nandakumar.');
    // The card replaced the button, with the note field ready for typing.
    expect(await box.control('Save to Rapport')).toBeNull();
    await page.keyboard.type('Introduced by Ana; ask about design research');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await readStore<{ text: string }>(ext, 'timeline')).map((t) => t.text))
      .toContain('Introduced by Ana; ask about design research');
    const [priya] = await readContacts(ext);
    expect(await sidePanelTargets(page)).toEqual([]);
    await box.click('Open in Rapport'); // click 2
    // The background opened Chromium's side panel in this window (a target Playwright lists under no page).
    await expect.poll(() => sidePanelTargets(page), { timeout: 5_000 }).toHaveLength(1);
    await expect
      .poll(() =>
        inWorker(
          ext,
          async (key: string) => (await (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(key))[key],
          SELECTED,
        ),
      )
      .toBe(priya!.id);
    await expectClearOfLinkedIn(page, box);
  });

  it('lets the "Saved" message go by itself, and the card stays put under the pointer', async () => {
    await box.control('Open in Rapport');
    const before = (await box.control('Open in Rapport'))!;
    await expect.poll(async () => box.text(), { timeout: 10_000 }).not.toContain('Saved Priya');
    // The message came and went outside the box's flow: no control moved. Nor does the pointer arriving, or
    // the page changing under it (each change makes the box look for LinkedIn's controls again).
    await page.mouse.move(before.x, before.y, { steps: 4 });
    await page.evaluate(() => document.body.append(document.createElement('div')));
    await page.waitForTimeout(600);
    const after = (await box.control('Open in Rapport'))!;
    expect({ x: after.x, y: after.y }).toEqual({ x: before.x, y: before.y });
  });

  it('shows stage, next follow-up and the last note on a later visit', async () => {
    const again = await ext.context.newPage();
    await again.goto(PRIYA);
    const card = new PageBox(again);
    await card.waitFor('Open in Rapport');
    const text = await card.text();
    expect(text).toContain('To ask');
    expect(text).toContain('Next follow-up');
    expect(text).toContain('Introduced by Ana; ask about design research');
    await card.dispose();
    await again.close();
  });

  it('folds, moves, and remembers both', async () => {
    await box.click('Fold the card', { settleMs: 0 });
    await box.waitFor(/^Show the Rapport card/);
    const pill = (await box.control(/^Show the Rapport card/))!;
    // Drag the pill to the top left, below the nav bar.
    await page.mouse.move(pill.x, pill.y);
    await page.mouse.down();
    await page.mouse.move(pill.x + 40, 200, { steps: 8 });
    await page.mouse.move(120, 140, { steps: 8 });
    await page.mouse.up();
    const moved = (await box.rect())!;
    expect(moved.top).toBeLessThan(300);
    await page.reload();
    await box.waitFor(/^Show the Rapport card/);
    await expect.poll(async () => (await box.rect())!.top).toBeCloseTo(moved.top, -1);
    expect(Math.abs((await box.rect())!.left - moved.left)).toBeLessThan(4);
    await box.click(/^Show the Rapport card/, { settleMs: 0 });
    await box.waitFor('Open in Rapport');
    await expectClearOfLinkedIn(page, box);
  });

  it('is never dropped over the Messaging dock: it moves off it', async () => {
    const handle = (await box.control('Move the card (arrow keys)'))!;
    await page.mouse.move(handle.x, handle.y);
    await page.mouse.down();
    await page.mouse.move(1180, 760, { steps: 12 }); // onto the "Messaging" bar
    await page.mouse.up();
    await expectClearOfLinkedIn(page, box);
  });

  it('keeps clear of an open conversation on a narrower window, and follows the dark theme', async () => {
    const narrow = await ext.context.newPage();
    await narrow.setViewportSize({ width: 900, height: 700 });
    await servePage(
      ext.context,
      TOMAS,
      withLinkedInChrome(fixture('linkedin-2026-sdui.html'), { conversation: true, dark: true }),
    );
    await narrow.goto(TOMAS);
    const other = new PageBox(narrow);
    await other.waitFor('Save to Rapport');
    await expectClearOfLinkedIn(narrow, other);
    const dark = await narrow.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).toBe('rgb(0, 0, 0)');
    await other.dispose();
    await narrow.close();
  });

  it('follows an in-app navigation from a saved person to a new one', async () => {
    // The new URL alone shows no one new: the button waits for the page to show the URL's person.
    await page.evaluate((url) => history.pushState({}, '', url), TOMAS);
    await expect.poll(() => box.control('Open in Rapport'), { timeout: 5_000 }).toBeNull();
    expect(await box.control('Save to Rapport')).toBeNull();
    await showInPlace(page, fixture('linkedin-2026-sdui.html'));
    await box.waitFor('Save to Rapport');
    expect(await box.control('Open in Rapport')).toBeNull();
    await page.evaluate((url) => history.pushState({}, '', url), PRIYA);
    await showInPlace(page, fixture('linkedin-2022-loggedin.html'));
    await box.waitFor('Open in Rapport');
    await page.evaluate(() => history.pushState({}, '', '/feed/'));
    await expect.poll(() => box.rect(), { timeout: 5_000 }).toBeNull();
  });
});
