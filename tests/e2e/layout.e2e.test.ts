import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Meeting } from '../../lib/db/schema';
import { WCAG_AA_TAGS, wcagViolations } from './axe';
import { readStore } from './db';
import { inWorker, launchExtension, servePage, type RunningExtension } from './harness';
import { inventedPeople, seedPeople, send } from './people.mjs';

// The layout facts of issue #12, measured in real Chromium at the real sizes, in both themes.
const THEMES = ['light', 'dark'] as const;
const POPUP = { width: 380, height: 600 };
const PANEL = { width: 400, height: 900 };
const NARROW = { width: 320, height: 900 };
const TABS = ['Details', 'Ask', 'Prepare', 'Call', 'After'];

let ext: RunningExtension;
let ids: string[];
let sampleId: string;

async function open(path: string, size: { width: number; height: number }, theme: 'light' | 'dark'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.goto(ext.url(path));
  return page;
}

/** How tall the document is against its view: one scroll area per view means never taller. */
const documentFits = (page: Page) =>
  page.evaluate(() => ({
    document: document.documentElement.scrollHeight,
    view: innerHeight,
    wide: document.documentElement.scrollWidth,
    width: innerWidth,
  }));

let suggestions: Promise<string> | null = null;
/**
 * Once: two next steps written after the sample's meeting, and a person named during the call who is
 * already saved (Fatima Ruiz at Northwind), so the "same person?" box shows on the new record.
 */
const withSuggestions = () =>
  (suggestions ??= (async () => {
    const page = await ext.openPage('options.html');
    const meeting = (await readStore<Meeting>(ext, 'meetings')).find((m) => m.contactId === sampleId)!;
    await send(page, 'wsUpdateMeeting', {
      id: meeting.id,
      changes: [
        {
          field: 'reflectionNext',
          before: meeting.reflectionNext,
          after: 'Read the research-ops handbook they mentioned\nAsk for an introduction to the research team',
        },
      ],
    });
    const person = inventedPeople(60)[5]!;
    const { contactId } = await send<{ contactId: string }>(page, 'wsAddReferral', {
      fromContactId: sampleId,
      name: person.name,
      role: person.currentTitle,
      company: person.currentCompany,
      mayUseName: true,
    });
    await page.close();
    return contactId;
  })());

beforeAll(async () => {
  ext = await launchExtension();
  const page = await ext.openPage('options.html');
  ids = await seedPeople(page, 60);
  sampleId = (await send<{ contactId: string }>(page, 'addSamplePerson', {})).contactId;
  await page.close();
});

afterAll(async () => {
  await ext?.close();
});

describe.each(THEMES)('layout and accessibility, %s theme', (theme) => {
  it('popup with 60 people: the document is no taller than the popup; names ≥ 14 px and the strongest line', async () => {
    const page = await open('popup.html', POPUP, theme);
    await expect.poll(() => page.locator('.contact-row').count(), { timeout: 10_000 }).toBeGreaterThan(40);
    const fit = await documentFits(page);
    expect(fit.document).toBeLessThanOrEqual(POPUP.height);
    expect(fit.wide).toBeLessThanOrEqual(POPUP.width);
    // The list scrolls inside its own area, and scrolling it to the end shows the last row (no blank space).
    const scroll = await page.evaluate(() => {
      const area = document.querySelector<HTMLElement>('.scroll-area')!;
      area.scrollTop = area.scrollHeight;
      const last = [...document.querySelectorAll('.contact-row')].at(-1)!.getBoundingClientRect();
      return {
        overflow: area.scrollHeight > area.clientHeight,
        lastBottom: last.bottom,
        areaBottom: area.getBoundingClientRect().bottom,
      };
    });
    expect(scroll.overflow).toBe(true);
    expect(scroll.areaBottom - scroll.lastBottom).toBeLessThan(80); // only the "show more" button below

    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.contact-row')].slice(0, 10).map((row) => {
        const style = (el: Element) => getComputedStyle(el);
        const name = row.querySelector('.contact-name')!;
        const others = [...row.querySelectorAll('.contact-headline, .status-chip')];
        const weight = (el: Element) => Number(style(el).fontWeight);
        const size = (el: Element) => parseFloat(style(el).fontSize);
        return {
          nameSize: size(name),
          nameWeight: weight(name),
          otherSizes: others.map(size),
          otherWeights: others.map(weight),
        };
      }),
    );
    for (const row of rows) {
      expect(row.nameSize).toBeGreaterThanOrEqual(14);
      for (const s of row.otherSizes) expect(row.nameSize).toBeGreaterThan(s);
      for (const w of row.otherWeights) expect(row.nameWeight).toBeGreaterThan(w);
    }
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });

  it('side panel list (400 × 900): the document is no taller than the panel; axe clean', async () => {
    const page = await open('sidepanel.html', PANEL, theme);
    await expect.poll(() => page.locator('.contact-row').count(), { timeout: 10_000 }).toBeGreaterThan(40);
    const fit = await documentFits(page);
    expect(fit.document).toBeLessThanOrEqual(PANEL.height);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });

  for (const size of [PANEL, NARROW]) {
    it(`side panel on a person at ${size.width} × ${size.height}: every tab fits, axe clean`, async () => {
      const page = await open(`sidepanel.html?contact=${sampleId}`, size, theme);
      for (const tab of TABS) {
        await page.getByRole('tab', { name: tab }).click();
        await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
        await page.waitForTimeout(150);
        const fit = await documentFits(page);
        expect(fit.document, tab).toBeLessThanOrEqual(size.height);
        expect(fit.wide, tab).toBeLessThanOrEqual(size.width);
        expect(await wcagViolations(page), tab).toEqual([]);
      }
      await page.close();
    });
  }

  it('the call at 400 × 900: header ≤ 96 px, name in it, goals and General notes visible without scrolling', async () => {
    const page = await open(`sidepanel.html?contact=${sampleId}`, PANEL, theme);
    await page.getByRole('tab', { name: 'Call' }).click();
    await page.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => page.getByRole('timer').count()).toBe(1);
    const box = await page.evaluate(() => {
      const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return {
        header: rect('.call-header'),
        name: document.querySelector('.call-header h1')?.textContent,
        goals: rect('.call-goals'),
        notes: rect('.call-notes textarea'),
        view: innerHeight,
      };
    });
    expect(box.header.height).toBeLessThanOrEqual(96);
    expect(box.name).toBe('Sam Okafor (sample)');
    expect(box.goals.top).toBeGreaterThanOrEqual(box.header.bottom - 1);
    expect(box.notes.bottom).toBeLessThanOrEqual(box.view);
    // Alt+N reaches the notes from anywhere in the panel.
    await page.getByRole('tab', { name: 'Call' }).focus();
    await page.keyboard.press('Alt+KeyN');
    expect(await page.evaluate(() => document.activeElement?.closest('.call-notes') !== null)).toBe(true);
    // Pause, resume and reset are kept in the meeting.
    await page.getByRole('button', { name: 'Pause' }).click();
    const sampleMeeting = async () => (await readStore<Meeting>(ext, 'meetings')).find((m) => m.contactId === sampleId);
    await expect.poll(async () => (await sampleMeeting())?.pausedAt ?? null).not.toBeNull();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await sampleMeeting())?.pausedAt ?? null).toBeNull();
    await page.getByRole('button', { name: 'Reset the timer' }).click();
    await expect.poll(async () => (await sampleMeeting())?.startedAt ?? null).toBeNull();
    await page.close();
  });

  it('suggestion rows at 320 × 900 (same person, next steps): one shape, they fit, axe clean', async () => {
    const referralId = await withSuggestions();
    const shapes = [];
    for (const [path, tab, box] of [
      [`sidepanel.html?contact=${referralId}`, 'Details', '.same-person'],
      [`sidepanel.html?contact=${sampleId}`, 'After', '.next-steps'],
    ] as const) {
      const page = await open(path, NARROW, theme);
      await page.getByRole('tab', { name: tab }).click();
      const rows = page.locator(`${box} .suggestion-row`);
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      const shape = await rows.first().evaluate((row) => {
        const text = row.querySelector('.suggestion-text')!.getBoundingClientRect();
        const actions = row.querySelector('.suggestion-actions')!.getBoundingClientRect();
        return {
          children: [...row.children].map((child) => child.className),
          actionsBelowText: actions.top >= text.bottom - 1,
          dir: row.querySelector('.suggestion-text')!.getAttribute('dir'),
        };
      });
      shapes.push(shape);
      const fit = await documentFits(page);
      expect(fit.wide, box).toBeLessThanOrEqual(NARROW.width);
      expect(await wcagViolations(page), box).toEqual([]);
      await page.close();
    }
    expect(shapes[0]).toEqual({
      children: ['suggestion-text', 'suggestion-actions'],
      actionsBelowText: true,
      dir: 'auto',
    });
    expect(shapes[1]).toEqual(shapes[0]);
  });

  it('options (1280 × 900) and welcome: a readable measure, axe clean', async () => {
    for (const path of ['options.html', 'welcome.html']) {
      const page = await open(path, { width: 1280, height: 900 }, theme);
      await page.waitForSelector('main h1');
      const width = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().width);
      expect(width, path).toBeLessThanOrEqual(800);
      expect(await wcagViolations(page), path).toEqual([]);
      await page.close();
    }
  });
});

describe('the panel follows the profile in the active tab', () => {
  const selected = () =>
    inWorker(
      ext,
      async (key: string) => {
        const storage = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome.storage.local;
        return (await storage.get(key))[key];
      },
      'ui:selectedContactId',
    );
  const visit = async (index: number) => {
    const url = inventedPeople(60)[index]!.profileUrl!;
    await servePage(ext.context, url, '<!doctype html><title>Profile</title><h1>Someone</h1>');
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.bringToFront();
    return page;
  };

  it('switches to the saved person whose profile is shown, but not during a call', async () => {
    const a = await visit(7);
    await expect.poll(selected, { timeout: 5_000 }).toBe(ids[7]);
    const b = await visit(8);
    await expect.poll(selected, { timeout: 5_000 }).toBe(ids[8]);
    await a.bringToFront();
    await expect.poll(selected, { timeout: 5_000 }).toBe(ids[7]);

    // A call starts with person 7: looking at person 8's profile leaves the panel on the call.
    const options = await ext.openPage('options.html');
    const meeting = await send<Meeting>(options, 'wsCreateMeeting', { contactId: ids[7] });
    await send(options, 'wsUpdateMeeting', {
      id: meeting.id,
      changes: [{ field: 'startedAt', before: null, after: Date.now() }],
    });
    await options.close();
    await b.bringToFront();
    await b.waitForTimeout(1_000);
    expect(await selected()).toBe(ids[7]);
    await a.close();
    await b.close();
  });
});

describe('the accessibility check itself', () => {
  it('runs the WCAG 2.2 AA rules, target-size and contrast included', async () => {
    const page = await ext.openPage('popup.html');
    await wcagViolations(page);
    const rules = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { getRules(t: string[]): { ruleId: string }[] } }).axe
          .getRules(tags)
          .map((r) => r.ruleId),
      WCAG_AA_TAGS,
    );
    expect(rules).toEqual(expect.arrayContaining(['target-size', 'color-contrast', 'label', 'aria-valid-attr-value']));
    await page.close();
  });
});

describe('install', () => {
  it('opened the welcome page once, on install', async () => {
    // launchExtension installed the extension into a fresh profile.
    const welcome = ext.context.pages().filter((page) => page.url().endsWith('/welcome.html'));
    expect(welcome).toHaveLength(1);
  });
});
