import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCapturedProfile } from '../../lib/contacts/model';
import type { Page } from 'playwright-core';
import type { Followup } from '../../lib/db/schema';
import { readStore } from './db';
import { inWorker, launchExtension, stopServiceWorkers, type RunningExtension, ownRequests } from './harness';
import { shot } from './shots';

// The extension APIs as seen by the functions evaluated inside the browser (not in Node).
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

let ext: RunningExtension;
let page: Page;
let contactId: string;

/** Sends one protocol message from an extension page, as the UI does (@webext-core/messaging's format). */
async function send<T>(type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ({ type, data }) =>
      (await chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })) as {
        res?: unknown;
        err?: { message?: string };
      },
    { type, data },
  );
  if (reply?.err) throw new Error(reply.err.message ?? 'message failed');
  return reply.res as T;
}

const notificationIds = () =>
  inWorker(ext, async () => Object.keys(await chrome.notifications.getAll()), undefined as void);
const followups = () => readStore<Followup>(ext, 'followups');
const followup = async (id: string) => (await followups()).find((f) => f.id === id);

async function openExtensionPage() {
  page = await ext.openPage('popup.html');
}

function emptyProfile(name: string, slug: string) {
  return {
    ...emptyCapturedProfile(),
    name,
    headline: 'Product designer',
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
  };
}

async function addDue(inMs: number, kind = 'thank-you', title = 'Thank them for the conversation') {
  const { id } = await send<{ id: string }>('addFollowup', {
    contactId,
    kind,
    title,
    dueAt: Date.now() + inMs,
    recurrenceMonths: null,
  });
  return id;
}

beforeAll(async () => {
  ext = await launchExtension();
  await openExtensionPage();
  ({ contactId } = await send<{ contactId: string }>('saveProfile', {
    profile: emptyProfile('Ines Okafor', 'ines-okafor-demo'),
    photoThumb: null,
    sources: [],
  }));
});

afterAll(async () => {
  await ext?.close();
});

describe('follow-ups that really arrive', () => {
  let first: string;

  it('a follow-up due in 2 s produces a notification with the person, what is due, Done and Snooze', async () => {
    // Record what the worker shows (chrome.notifications.getAll only lists ids).
    await inWorker(
      ext,
      () => {
        const api = chrome.notifications as unknown as {
          create: (id: string, options: unknown, ...rest: unknown[]) => unknown;
        };
        const original = api.create.bind(chrome.notifications);
        const shown: { id: string; options: unknown }[] = [];
        (globalThis as { __shown?: typeof shown }).__shown = shown;
        api.create = (id, options, ...rest) => {
          shown.push({ id, options });
          return original(id, options, ...rest);
        };
      },
      undefined as void,
    );
    first = await addDue(2_000);
    expect(await notificationIds()).not.toContain(`followup:${first}`);
    await expect.poll(notificationIds, { timeout: 15_000, interval: 250 }).toContain(`followup:${first}`);
    const shown = await inWorker(
      ext,
      () => (globalThis as { __shown?: { id: string; options: Record<string, unknown> }[] }).__shown ?? [],
      undefined as void,
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      id: `followup:${first}`,
      options: {
        title: 'Ines Okafor: thank-you note',
        message: 'Thank them for the conversation',
        buttons: [{ title: 'Sent: mark thanked' }, { title: 'Snooze 1 day' }],
        requireInteraction: true,
        iconUrl: expect.stringMatching(/\/icon\/128\.png$/),
      },
    });
    const stored = await followup(first);
    expect(stored?.notifiedAt).toBeGreaterThanOrEqual(stored!.dueAt);
  });

  it('still arrives when the service worker was stopped before the due time (the alarm wakes it)', async () => {
    const id = await addDue(5_000, 'check-in', 'Share the news about the new role');
    const dueAt = (await followup(id))!.dueAt;
    await inWorker(ext, () => void ((globalThis as { __before?: boolean }).__before = true), undefined as void);
    await stopServiceWorkers(ext);
    // Touch nothing until well after the due time: only the alarm can start the worker and deliver.
    await new Promise((resolve) => setTimeout(resolve, dueAt - Date.now() + 4_000));
    const lookedAt = Date.now();
    await expect.poll(notificationIds, { timeout: 15_000, interval: 250 }).toContain(`followup:${id}`);
    const stored = await followup(id);
    expect(stored!.notifiedAt).toBeGreaterThanOrEqual(dueAt);
    // Delivered at the due time, before anything of ours woke the worker.
    expect(stored!.notifiedAt!).toBeLessThan(lookedAt);
    expect(stored!.notifiedAt! - dueAt).toBeLessThan(3_000);
    // And it really was a fresh worker.
    expect(await inWorker(ext, () => (globalThis as { __before?: boolean }).__before ?? false, undefined as void)).toBe(
      false,
    );
  });

  it('the badge shows how many are due, and follows Done', async () => {
    const badge = () => inWorker(ext, () => chrome.action.getBadgeText({}), undefined as void);
    await expect.poll(badge, { timeout: 5_000 }).toBe('2');
    await openExtensionPage();
    // Done on a check-in plans the next one a quarter later: it leaves the badge (the thank-you stays).
    const checkIn = (await followups()).find((f) => f.kind === 'check-in')!;
    await send('actOnFollowup', { id: checkIn.id, action: { type: 'done' } });
    await expect.poll(badge, { timeout: 5_000 }).toBe('1');
    expect(await notificationIds()).not.toContain(`followup:${checkIn.id}`);
    // A one-off check-in (no repeat): Done closes it.
    expect((await followup(checkIn.id))?.status).toBe('done');
  });

  it('the popup lists what is due first, overdue marked', async () => {
    const popup = await ext.openPage('popup.html');
    const due = popup.locator('.due-list');
    await expect.poll(() => due.locator('.due-item').count(), { timeout: 5_000 }).toBe(1);
    expect(await due.locator('.due-item.is-overdue .due-name').textContent()).toBe('Ines Okafor');
    await popup.close();
  });

  it('an item that came due while the browser was closed is delivered exactly once at the next start', async () => {
    await openExtensionPage();
    const id = await addDue(4_000, 'custom', 'Send the article on onboarding');
    expect((await followup(id))?.notifiedAt).toBeNull();
    const profileDir = ext.profileDir;
    await ext.close({ keepProfile: true });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    ext = await launchExtension({ profileDir });
    // Delivered at the start; the thank-you shown seconds before the browser closed and never opened comes
    // back with it, so both may arrive as one grouped notification.
    await expect
      .poll(async () => (await followup(id))?.notifiedAt ?? null, { timeout: 20_000, interval: 250 })
      .not.toBeNull();
    expect((await notificationIds()).length).toBe(1);
    // Give onStartup, the persisted alarm and the worker start every chance to deliver it again.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await stopServiceWorkers(ext);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await openExtensionPage();
    await send('refreshFollowups', {});
    const stored = await followup(id);
    expect(stored!.history.filter((h) => h.action === 'notified')).toHaveLength(1);
    expect(stored!.notifiedAt).toBeGreaterThan(stored!.dueAt);
    expect(await inWorker(ext, () => chrome.action.getBadgeText({}), undefined as void)).toBe('2');
  });

  it('many due at once become one grouped notification', async () => {
    await openExtensionPage();
    const dueAt = Date.now() + 3_000;
    const ids: string[] = [];
    for (const title of ['Ask about the design team', 'Send the portfolio link', 'Share the meetup date']) {
      const { id } = await send<{ id: string }>('addFollowup', { contactId, title, dueAt, recurrenceMonths: null });
      ids.push(id);
    }
    const groups = async () => (await notificationIds()).filter((n) => n.startsWith('followups:group:'));
    await expect.poll(groups, { timeout: 15_000, interval: 250 }).toHaveLength(1);
    const shown = await notificationIds();
    for (const id of ids) expect(shown).not.toContain(`followup:${id}`);
    await expect
      .poll(() => inWorker(ext, () => chrome.action.getBadgeText({}), undefined as void), { timeout: 10_000 })
      .toBe('5');
  });

  it('the contact view lists its follow-ups, adds one and marks one done', async () => {
    const panel = await ext.openPage(`sidepanel.html?contact=${contactId}`);
    const section = panel.locator('.contact-followups');
    await expect.poll(() => section.locator('.due-item').count(), { timeout: 5_000 }).toBe(5);
    await section.getByRole('button', { name: 'Add a follow-up' }).click();
    await section.getByLabel('What to do').fill('Congratulate them on the launch');
    await section.getByLabel('When').fill('2031-05-04T09:30');
    await section.getByRole('button', { name: 'Add a follow-up' }).click();
    await expect
      .poll(async () => (await followups()).find((f) => f.title === 'Congratulate them on the launch')?.status, {
        timeout: 5_000,
      })
      .toBe('pending');
    await expect.poll(() => section.locator('.due-item').count()).toBe(6);
    const row = section.locator('.due-item', { hasText: 'Congratulate them on the launch' });
    await row.getByRole('button', { name: 'Done' }).click();
    await expect
      .poll(async () => (await followups()).find((f) => f.title === 'Congratulate them on the launch')?.status)
      .toBe('done');
    await panel.close();
  });

  it('a follow-up deleted from the contact view comes back with Undo', async () => {
    const panel = await ext.openPage(`sidepanel.html?contact=${contactId}`);
    await panel.setViewportSize({ width: 400, height: 900 });
    const section = panel.locator('.contact-followups');
    await expect.poll(() => section.locator('.due-item').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    const before = await section.locator('.due-item').count();
    const row = section.locator('.due-item').first();
    const title = await row.locator('.due-title').innerText();
    await row.scrollIntoViewIfNeeded();
    await shot(panel, 'followup-delete');
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => section.locator('.due-item').count()).toBe(before - 1);
    const toast = panel.getByRole('button', { name: 'Undo' });
    await expect.poll(() => toast.count()).toBe(1);
    await shot(panel, 'followup-deleted-undo');
    await toast.click();
    await expect.poll(() => section.locator('.due-item').count()).toBe(before);
    expect(await section.locator('.due-title', { hasText: title }).count()).toBeGreaterThan(0);
    await panel.close();
  });

  it('makes no network request of its own', () => {
    expect(ownRequests(ext)).toEqual([]);
  });
});
