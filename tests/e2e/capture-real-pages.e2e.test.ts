/**
 * Real saved LinkedIn pages (../shared/fixtures and ../shared/fixtures-new, never in the repo),
 * saved through the button in headless Chromium as a user would: open the page at the URL its
 * truth gives, wait for the button (or check that none shows), click it, confirm the review form
 * if one appears, then score what was stored against the truth. Skips when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalProfileUrl } from '../../lib/capture/linkedin-url';
import type { Contact } from '../../lib/contacts/model';
import { corpusPages, gotOf, scorePage, SHARED, unscored, urlFor, type PageScore } from '../lib/capture/corpus-files';
import { clearStore, readContacts } from './db';
import { launchExtension, type RunningExtension } from './harness';
import { PageBox } from './page-box';

const pages = corpusPages()
  .filter((p) => p.truth.kind.startsWith('linkedin') || p.truth.kind === 'not-a-profile')
  .map((p) => {
    const html = readFileSync(p.htmlPath, 'utf8');
    return { ...p, html, url: urlFor(p.truth, html, p.page) };
  });

let ext: RunningExtension;

/** What each URL serves now: two real pages share a URL (a profile and the bot stub LinkedIn sent for it). */
const serving = new Map<string, string>();

async function serveAll(): Promise<void> {
  await ext.context.route(
    (u) => serving.has(u.href),
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: serving.get(route.request().url())!,
      }),
  );
}

async function open(p: (typeof pages)[number]): Promise<Page> {
  serving.set(p.url, p.html);
  const page = await ext.context.newPage();
  await page.goto(p.url, { waitUntil: 'domcontentloaded' });
  return page;
}

const clearContacts = () => clearStore(ext, 'contacts');

/** The box's save control: "Save to Rapport" for a new person, "Update from page" on a saved person's card. */
const SAVE = /^(Save to Rapport|Update from page)$/;

/**
 * What a user does: click Save (or Update); when Rapport asks to check, keep what it found and save. Resolves
 * with the stored contact once the box says it saved, or null when it never does.
 */
async function saveAsUser(page: Page, profileUrl: string): Promise<Contact | null> {
  const box = new PageBox(page);
  try {
    let shown = await box.save(15_000);
    if (/Check before saving/.test(shown)) {
      // A page that shows only a first name (a contact-info overlay): the user types the full name.
      if (!(await box.fieldValues())?.['Name']) await box.type('Name', 'Typed By The User');
      await box.click('Save');
      const deadline = Date.now() + 15_000;
      while (!/Saved /.test(shown)) {
        if (Date.now() > deadline) throw new Error(`Not saved after the check; the box shows: ${shown}`);
        await page.waitForTimeout(100);
        shown = (await box.text()) ?? '';
      }
    }
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const found = (await readContacts(ext)).find((c) => c.profileUrl === profileUrl);
      if (found) return found;
      await page.waitForTimeout(250);
    }
    return null;
  } finally {
    await box.dispose();
  }
}

describe.skipIf(!SHARED)('saving real LinkedIn pages through the button', () => {
  if (!SHARED) {
    it('shared fixtures not found (../shared): real pages not saved', (ctx) => ctx.skip());
    return;
  }

  beforeAll(async () => {
    ext = await launchExtension();
    await serveAll();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('saves every real profile right (≥ 98%, no wrong value) and shows no button where there is no person', async () => {
    const rows: (PageScore & { verdict: string })[] = [];
    for (const p of pages) {
      await clearContacts();
      const page = await open(p);
      if (!p.truth.isProfile) {
        // The page script checks at once and then on every change: give it a few rounds.
        await page.waitForTimeout(2500);
        const box = new PageBox(page);
        const shown = (await box.control(SAVE)) ?? (await box.rect());
        await box.dispose();
        rows.push({ ...unscored(p.page), verdict: shown ? 'BUTTON' : 'no button' });
        await page.close();
        continue;
      }
      const profileUrl = canonicalProfileUrl(p.url)!;
      let contact: Contact | null;
      try {
        contact = await saveAsUser(page, profileUrl);
      } catch (error) {
        console.log(`${p.page}: ${String(error)}`);
        contact = null;
      }
      await page.close();
      if (!contact) {
        rows.push({ ...unscored(p.page), verdict: 'REFUSED' });
        continue;
      }
      rows.push({ ...scorePage(p.page, p.truth, gotOf(contact)), verdict: 'saved' });
    }
    console.table(rows.map(({ notes: _notes, ...r }) => r));
    const misses = rows.flatMap((r) => r.notes.map((n) => `${r.page}: ${n}`));
    if (misses.length) console.log('Misses:\n  ' + misses.join('\n  '));
    const right = rows.reduce((a, r) => a + r.right, 0);
    const total = rows.reduce((a, r) => a + r.right + r.wrong + r.blank, 0);
    console.log(`saved through the button: ${right}/${total} right (${((100 * right) / total).toFixed(1)}%)`);
    expect(
      rows.filter((r) => r.verdict === 'REFUSED' || r.verdict === 'BUTTON').map((r) => `${r.page} ${r.verdict}`),
    ).toEqual([]);
    expect(rows.reduce((a, r) => a + r.wrong, 0)).toBe(0);
    expect(right / total).toBeGreaterThanOrEqual(0.98);
  }, 600_000);

  it('a sub-page enriches the same contact: never a second one', async () => {
    await clearContacts();
    const people = pages.filter((p) => p.truth.isProfile && /austin-oboyle|kireet-agrawal/.test(p.page));
    for (const p of people) {
      const page = await open(p);
      expect(await saveAsUser(page, canonicalProfileUrl(p.url)!)).not.toBeNull();
      await page.close();
    }
    const urls = (await readContacts(ext)).map((c) => c.profileUrl).sort();
    expect(urls).toEqual([...new Set(people.map((p) => canonicalProfileUrl(p.url)!))].sort());
  }, 180_000);
});
