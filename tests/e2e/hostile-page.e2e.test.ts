import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readContacts } from './db';
import {
  fixture,
  launchExtension,
  servePage,
  type RunningExtension,
  HOSTILE,
  HOSTILE_NAME,
  serveHostileNamePage,
} from './harness';
import { PageBox } from './page-box';

/**
 * The page's own scripts are the attackers here: everything below runs in the page's main world (page.evaluate
 * and an init script), as LinkedIn's or an injected ad's JavaScript would. Only the test's real mouse and
 * keyboard (Playwright input, trusted) stand for the user.
 */
const MARGUERITE = 'https://www.linkedin.com/in/marguerite-osei/';
const USE_TOOLBAR = 'Use the Rapport toolbar button or Alt+Shift+S to save this person.';

let ext: RunningExtension;
let page: Page;
let box: PageBox;

beforeAll(async () => {
  ext = await launchExtension();
  // The welcome tab opened at install would sit in front of the profile: not needed here.
  const welcome = ext.context.pages().find((p) => p.url().includes('welcome.html'));
  await (welcome ?? (await ext.context.waitForEvent('page', { timeout: 3_000 }).catch(() => null)))?.close();
  await servePage(ext.context, MARGUERITE, fixture('linkedin-public.html'));
  // Sources on this page disagree about the name: saving it opens the review form.
  await serveHostileNamePage(ext.context);
  // Before any of our code runs, the page hooks attachShadow to force our root open and keep it.
  await ext.context.addInitScript(() => {
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = original.call(this, { ...init, mode: 'open' });
      (window as unknown as { stolenRoots: ShadowRoot[] }).stolenRoots ??= [];
      (window as unknown as { stolenRoots: ShadowRoot[] }).stolenRoots.push(root);
      return root;
    };
  });
});

afterAll(async () => {
  await ext?.close();
});

async function open(url: string) {
  page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  box = new PageBox(page);
  await box.waitFor('Save to Rapport');
}

beforeEach(async () => {
  await box?.dispose();
  await page?.close();
});

/** What a page script can learn about us. */
function pageLooksForUs(p: Page) {
  return p.evaluate(() => {
    const named = [...document.querySelectorAll('*')].filter((el) =>
      [el.tagName, ...el.getAttributeNames(), ...[...el.attributes].map((a) => a.value)].some((s) =>
        /rapport/i.test(s),
      ),
    );
    const openRoots = [...document.querySelectorAll('*')].filter((el) => el.shadowRoot !== null).length;
    document.execCommand('selectAll');
    const selected = String(getSelection());
    getSelection()?.removeAllRanges();
    return {
      named: named.map((el) => el.tagName),
      openRoots,
      stolen: (window as unknown as { stolenRoots?: ShadowRoot[] }).stolenRoots?.length ?? 0,
      innerText: /rapport|save to/i.test(document.documentElement.innerText),
      textContent: /rapport|save to/i.test(document.documentElement.textContent ?? ''),
      selected: /rapport|save to/i.test(selected),
      find: (window as unknown as { find(s: string): boolean }).find('Save to Rapport'),
    };
  });
}

describe('a hostile page', () => {
  it('finds no element, attribute or text of ours', async () => {
    await open(MARGUERITE);
    expect(await box.text()).toContain('Save to Rapport'); // it is there, for the user
    expect(await pageLooksForUs(page)).toEqual({
      named: [],
      openRoots: 0,
      stolen: 0,
      innerText: false,
      textContent: false,
      selected: false,
      find: false,
    });
  });

  it('cannot press our button: click(), synthetic events, keys', async () => {
    await open(MARGUERITE);
    await page.waitForTimeout(700);
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('html > *')) {
        (el as HTMLElement).click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        el.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true }));
      }
      for (const form of document.querySelectorAll('form')) form.requestSubmit();
    });
    await page.waitForTimeout(1000);
    expect(await readContacts(ext)).toEqual([]);
  });

  it('cannot make the user click it while it is nearly transparent over a decoy', async () => {
    await open(MARGUERITE);
    const button = await box.waitFor('Save to Rapport');
    await page.evaluate(({ x, y }) => {
      const host = [...document.documentElement.children].find((el) => el.tagName === 'DIV')!;
      host.setAttribute('style', `${host.getAttribute('style')}; opacity: .001 !important`);
      const decoy = document.createElement('button');
      decoy.textContent = 'Close this ad';
      decoy.style.cssText = `position:fixed;left:${x - 60}px;top:${y - 20}px;width:120px;height:40px;z-index:10`;
      document.body.append(decoy);
    }, button);
    await box.click('Save to Rapport', { settleMs: 700 });
    await page.waitForTimeout(800);
    expect(await readContacts(ext)).toEqual([]);
    expect(await box.text()).toContain(USE_TOOLBAR);
  });

  it('cannot fade us through an ancestor (a filter on <html>)', async () => {
    await open(MARGUERITE);
    await page.evaluate(() => document.documentElement.style.setProperty('filter', 'opacity(0.2)'));
    await box.click('Save to Rapport', { settleMs: 700 });
    await page.waitForTimeout(800);
    expect(await readContacts(ext)).toEqual([]);
  });

  it('cannot cover it with its own top-layer box that lets clicks through', async () => {
    await open(MARGUERITE);
    const button = await box.waitFor('Save to Rapport');
    await page.evaluate(({ x, y }) => {
      const cover = document.createElement('div');
      cover.popover = 'manual';
      cover.textContent = 'Win a prize!';
      cover.style.cssText = `position:fixed;inset:auto;left:${x - 100}px;top:${y - 40}px;width:200px;height:80px;margin:0;background:#fc0;pointer-events:none;border:0`;
      document.body.append(cover);
      cover.showPopover();
    }, button);
    await box.click('Save to Rapport', { settleMs: 700 });
    await page.waitForTimeout(800);
    expect(await readContacts(ext)).toEqual([]);
    expect(await box.text()).toContain(USE_TOOLBAR);
  });

  it('cannot flash it visible only at the moment of the click', async () => {
    await open(MARGUERITE);
    await page.evaluate(() => {
      const host = [...document.documentElement.children].find((el) => el.tagName === 'DIV')!;
      const original = host.getAttribute('style') ?? '';
      host.setAttribute('style', `${original}; opacity: 0 !important`);
      // Shown at the press, hidden again right after: the user never saw what they clicked.
      addEventListener('pointerdown', () => host.setAttribute('style', original), true);
    });
    await box.click('Save to Rapport', { settleMs: 700 });
    await page.waitForTimeout(800);
    expect(await readContacts(ext)).toEqual([]);
  });

  it('stays under our button: an ordinary overlay cannot rise above the top layer, so the user sees what they click', async () => {
    await open(MARGUERITE);
    const button = await box.waitFor('Save to Rapport');
    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.style.cssText = 'position:fixed;inset:0;background:#fc0;pointer-events:none;z-index:2147483647';
      document.body.append(cover);
    });
    await page.waitForTimeout(300);
    // The pixel at the button's centre is our blue, not the overlay's yellow.
    const shot = await page.screenshot({ clip: { x: button.x - 1, y: button.y - 1, width: 2, height: 2 } });
    expect(shot.length).toBeGreaterThan(0);
    const colour = await page.evaluate(async (png) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(2, 2);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }, shot.toString('base64'));
    expect(colour[2]).toBeGreaterThan(150); // blue channel high: #0a66c2
    expect(colour[0]).toBeLessThan(100); // red channel low: not #ffcc00
  });

  it('a real click on the plainly visible button saves', async () => {
    await open(MARGUERITE);
    await box.click('Save to Rapport');
    await expect.poll(async () => (await readContacts(ext)).length, { timeout: 10_000 }).toBe(1);
    await box.waitFor('Open in Rapport');
    expect((await pageLooksForUs(page)).innerText).toBe(false);
  });
});

describe('the review form on a hostile page', () => {
  it('is confirmed by no submit, click or key of the page, and sends only what the user confirmed', async () => {
    await open(HOSTILE);
    await box.click('Save to Rapport');
    await box.waitFor('Check before saving to Rapport');
    await page.waitForTimeout(700);
    await page.evaluate(() => {
      for (const form of document.querySelectorAll('form')) form.requestSubmit();
      for (const el of document.querySelectorAll('html > *')) {
        el.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        (el as HTMLElement).click();
      }
    });
    await page.waitForTimeout(800);
    expect(await readContacts(ext)).toHaveLength(1); // Marguerite, from the test before; no one new
    expect(await box.control('Check before saving to Rapport')).not.toBeNull();

    // Values rewritten without the user's typing (as a page that reached the fields would): refused, reset.
    await box.onRoot(`function () {
      for (const input of this.querySelectorAll('input')) input.value = 'Evil Corp';
    }`);
    await box.click('Save', { settleMs: 0 });
    await expect.poll(() => box.text()).toContain('The form changed without your typing');
    expect((await box.fieldValues())?.['Name']).toBe(HOSTILE_NAME);
    expect(await readContacts(ext)).toHaveLength(1);

    // The user corrects the name with the real keyboard and presses Enter in the field.
    await box.click('Name', { settleMs: 0 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Marguerite Osei-Hostile');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readContacts(ext)).length, { timeout: 10_000 }).toBe(2);
    const saved = (await readContacts(ext)).find((c) => c.profileUrl === HOSTILE);
    expect(saved?.name).toBe('Marguerite Osei-Hostile');
    expect(saved?.currentCompany).not.toBe('Evil Corp');
  });
});
