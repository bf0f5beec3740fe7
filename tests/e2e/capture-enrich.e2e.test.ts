import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readContacts } from './db';
import { fixture, launchExtension, servePage, type RunningExtension } from './harness';
import { PageBox } from './page-box';

const PRIYA = 'https://www.linkedin.com/in/priya-nandakumar-demo/';
const PRIYA_EXPERIENCE = `${PRIYA}details/experience/`;
const TOMAS = 'https://www.linkedin.com/in/tomas-eberhardt-4f2/';
const TOMAS_CONTACT_INFO = `${TOMAS}overlay/contact-info/`;
const NOT_FOUND = 'https://www.linkedin.com/in/nobody-here-000/';
const ICON = readFileSync(resolve(__dirname, '../../public/icon/128.png'));

let ext: RunningExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await servePage(ext.context, PRIYA, fixture('linkedin-2022-loggedin.html'));
  await servePage(ext.context, PRIYA_EXPERIENCE, fixture('linkedin-details-experience.html'));
  await servePage(ext.context, TOMAS, fixture('linkedin-2026-sdui.html'));
  await servePage(ext.context, TOMAS_CONTACT_INFO, fixture('linkedin-contact-info-overlay.html'));
  await servePage(ext.context, NOT_FOUND, fixture('linkedin-not-found.html'));
  // The person's photo, as LinkedIn's image CDN serves it (already in the page's cache in real life).
  await ext.context.route(/^https:\/\/media\.licdn\.com\/dms\/image\/FAKEPRIYA\//, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'image/png',
      body: ICON,
      headers: { 'access-control-allow-origin': '*' },
    }),
  );
});
afterAll(async () => ext?.close());

async function save(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  const box = new PageBox(page);
  expect(await box.save()).toMatch(/Saved |Updated/);
  await box.dispose();
  return page;
}

describe('capture enriches one contact from every page about the person', () => {
  it('keeps a small thumbnail of the photo made at save time', async () => {
    await (await save(PRIYA)).close();
    const [priya] = await readContacts(ext);
    expect(priya?.photoThumb).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('adds the experience sub-page to the same contact, never a new one', async () => {
    const before = (await readContacts(ext))[0]!;
    await (await save(PRIYA_EXPERIENCE)).close();
    const after = await readContacts(ext);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before.id);
    expect(after[0]!.experience?.length ?? 0).toBeGreaterThanOrEqual(before.experience?.length ?? 0);
    expect(after[0]!.location).toBe(before.location); // not shown on the sub-page: kept
  });

  it('adds contact info from the overlay to the same contact', async () => {
    await (await save(TOMAS)).close();
    await (await save(TOMAS_CONTACT_INFO)).close();
    const contacts = await readContacts(ext);
    expect(contacts).toHaveLength(2);
    const tomas = contacts.find((c) => c.profileUrl === TOMAS);
    expect(tomas?.email).toBe('tomas.eberhardt@example.org');
    expect(tomas?.name).toBe('Tomás Eberhardt');
  });

  it('shows no button on a "profile not found" page', async () => {
    const page = await ext.context.newPage();
    await page.goto(NOT_FOUND);
    await page.waitForTimeout(700);
    expect(await new PageBox(page).rect()).toBeNull();
    await page.close();
  });
});
