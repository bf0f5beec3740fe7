import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readContacts } from './db';
import {
  fixture,
  launchExtension,
  servePage,
  type RunningExtension,
  ownRequests,
  HOSTILE,
  HOSTILE_NAME,
  serveHostileNamePage,
} from './harness';
import { PageBox } from './page-box';

const PRIYA = 'https://www.linkedin.com/in/priya-nandakumar-demo/';
const TOMAS = 'https://www.linkedin.com/in/tomas-eberhardt-4f2/';
const MARGUERITE = 'https://www.linkedin.com/in/marguerite-osei/';

let ext: RunningExtension;
const dialogs: string[] = [];

function watchDialogs(page: Page): Page {
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

async function waitForContacts(count: number) {
  await expect.poll(async () => (await readContacts(ext)).length, { timeout: 10_000 }).toBe(count);
}

beforeAll(async () => {
  ext = await launchExtension();
  ext.context.on('page', watchDialogs);
  await servePage(ext.context, PRIYA, fixture('linkedin-2022-loggedin.html'));
  await servePage(ext.context, TOMAS, fixture('linkedin-2026-sdui.html'));
  await servePage(ext.context, MARGUERITE, fixture('linkedin-public.html'));
  await serveHostileNamePage(ext.context);
});

afterAll(async () => {
  await ext?.close();
});

describe('saving a person from a LinkedIn profile', () => {
  let page: Page;

  it('saves the 2022 logged-in layout with one click', async () => {
    page = await ext.context.newPage();
    await page.goto(PRIYA);
    const box = new PageBox(page);
    await box.click('Save to Rapport');
    await box.waitFor('Open in Rapport'); // the card replaced the button
    const [contact] = await readContacts(ext);
    expect(contact).toMatchObject({ name: 'Priya Nandakumar', profileUrl: PRIYA });
    expect(contact?.headline).toBeTruthy();
    expect(contact?.location).toBeTruthy();
  });

  it('shows the saved state at once when the profile is visited again', async () => {
    const again = await ext.context.newPage();
    await again.goto(PRIYA);
    await new PageBox(again).waitFor('Open in Rapport', 5_000);
    await again.close();
  });

  it('updates the same contact when saved again (never a duplicate)', async () => {
    expect(await new PageBox(page).save()).toContain('Updated');
    await waitForContacts(1);
  });

  it('re-targets the button after an in-app navigation to another person', async () => {
    // LinkedIn swaps the page in place: new URL by pushState, new top card, no load.
    const next = await (await fetchText(TOMAS)).replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g, '');
    await page.evaluate(
      ({ url, body }) => {
        history.pushState({}, '', url);
        document.body.replaceChildren(...new DOMParser().parseFromString(body, 'text/html').body.childNodes);
        document.title = 'Tomás Eberhardt | LinkedIn';
      },
      { url: TOMAS, body: next },
    );
    await new PageBox(page).click('Save to Rapport');
    await waitForContacts(2);
    const tomas = (await readContacts(ext)).find((c) => c.profileUrl === TOMAS);
    expect(tomas?.name).toBe('Tomás Eberhardt');
  });

  it('has no button on pages that are not a person’s profile', async () => {
    await page.evaluate(() => history.pushState({}, '', '/feed/'));
    await expect.poll(() => new PageBox(page).rect(), { timeout: 5_000 }).toBeNull();
  });

  it('saves the public layout', async () => {
    const pub = await ext.context.newPage();
    await pub.goto(MARGUERITE);
    await new PageBox(pub).click('Save to Rapport');
    await waitForContacts(3);
    await pub.close();
  });
});

describe('popup and side panel', () => {
  it('lists saved people newest first and opens one in the side panel', async () => {
    const popup = await ext.openPage('popup.html');
    const rows = popup.locator('.contact-name');
    await expect.poll(() => rows.allTextContents()).toEqual(['Marguerite Osei', 'Tomás Eberhardt', 'Priya Nandakumar']);
    await popup.getByRole('button', { name: /Open Priya Nandakumar/ }).click();
    // In a tab (tests) the side panel page opens at sidepanel.html; it follows the selection.
    const panel = await ext.openPage('sidepanel.html');
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).toBe('Priya Nandakumar');
    await popup.close();
    await panel.close();
  });

  it('saves a field edited in the side panel, and updates live when another tab saves', async () => {
    const priya = (await readContacts(ext)).find((c) => c.profileUrl === PRIYA)!;
    const panel = await ext.openPage(`sidepanel.html?contact=${priya.id}`);
    const role = panel.getByLabel('Target employer');
    await role.fill('Lumen Tide');
    await role.blur();
    await expect
      .poll(async () => (await readContacts(ext)).find((c) => c.id === priya.id)?.targetEmployer, { timeout: 5_000 })
      .toBe('Lumen Tide');

    // Back to the list, then save a new person elsewhere: the list grows without reload.
    await panel.getByRole('button', { name: /All people/ }).click();
    await expect.poll(() => panel.locator('.contact-name').count()).toBe(3);
    const hostile = await ext.context.newPage();
    await hostile.goto(HOSTILE);
    const box = new PageBox(hostile);
    await box.click('Save to Rapport');
    // Other sources on the page name someone else: Rapport asks before saving, prefilled with what it found.
    await box.waitFor('Check before saving to Rapport', 5_000);
    expect((await box.fieldValues())?.['Name']).toBe(HOSTILE_NAME);
    await box.click('Save');
    await expect.poll(() => panel.locator('.contact-name').count(), { timeout: 10_000 }).toBe(4);
    await hostile.close();
    await panel.close();
  });

  it('shows a name made of markup as text everywhere, running nothing', async () => {
    const popup = await ext.openPage('popup.html');
    await expect.poll(() => popup.locator('.contact-name').first().textContent()).toBe(HOSTILE_NAME);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    const contact = (await readContacts(ext)).find((c) => c.name === HOSTILE_NAME)!;
    const panel = await ext.openPage(`sidepanel.html?contact=${contact.id}`);
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE_NAME);
    expect(await panel.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await popup.close();
    await panel.close();
  });
});

describe('privacy', () => {
  it('makes no network request of its own', () => {
    expect(ownRequests(ext)).toEqual([]);
  });
});

async function fetchText(url: string): Promise<string> {
  const page = await ext.context.newPage();
  const response = await page.goto(url);
  const text = (await response?.text()) ?? '';
  await page.close();
  return text;
}
