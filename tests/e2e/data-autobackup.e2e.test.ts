import { chromiumArgs } from './chromium.mjs';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup, parseBackup } from '../../lib/backup/format';
import { BACKUP_ALARM, DAY_MS } from '../../lib/backup/schedule';
import { newContact } from '../../lib/contacts/merge';
import { emptyCapturedProfile } from '../../lib/contacts/model';
import { assertBuilt, CHROMIUM, EXTENSION_DIR } from './harness';

/**
 * Automatic backup with the optional "downloads" permission granted. A headless browser cannot answer the
 * permission prompt, so the built extension is copied with "downloads" moved into its granted permissions;
 * everything else is the real build. The periodic alarm fires, and the whole backup lands in Downloads.
 */
let context: BrowserContext;
let dir: string;
let profileDir: string;

type Chrome = {
  alarms: { create(name: string, info: { when: number }): Promise<void> };
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
  };
  downloads: { search(query: object): Promise<{ filename: string; state: string; bytesReceived: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<{ res?: { ok: boolean } }> };
};

async function worker(): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'rapport-autobackup-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    permissions: string[];
    optional_permissions?: string[];
  };
  expect(manifest.optional_permissions).toContain('downloads');
  expect(manifest.permissions).not.toContain('downloads');
  manifest.permissions.push('downloads');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  profileDir = mkdtempSync(join(tmpdir(), 'rapport-autobackup-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: chromiumArgs(dir),
  });
  await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: '' }));
});

afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
});

describe('automatic backup', () => {
  // (The file name, rapport/rapport-backup-<date>.json, is checked by tests/lib/backup/reminder.test.ts: here the
  // test browser stores downloads under names of its own.)
  it('when due, the alarm saves the whole backup (10,000 contacts) as a download and records it', async () => {
    const contacts = Array.from({ length: 10_000 }, (_, i) =>
      newContact(
        {
          ...emptyCapturedProfile(),
          name: `Person ${i}`,
          headline: 'Analyst at Example Works',
          profileUrl: `https://www.linkedin.com/in/auto-${i}/`,
        },
        { id: `auto${String(i).padStart(5, '0')}`, now: i },
      ),
    );
    const text = exportBackup({ contacts, timeline: [], meetings: [], followups: [], questions: [] }, {}, 0).text;
    const page = await context.newPage();
    const id = new URL((await worker()).url()).host;
    await page.goto(`chrome-extension://${id}/options.html`);
    const restored = await page.evaluate(
      (data) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
          id: 1,
          type: 'restoreBackup',
          data,
          timestamp: Date.now(),
        }),
      { text, mode: 'replace', resolution: 'keep-mine' },
    );
    expect(restored.res).toMatchObject({ ok: true });

    const lastBackupAt = Date.now() - 8 * DAY_MS;
    await (
      await worker()
    ).evaluate(
      async ({ alarm, lastBackupAt }) => {
        const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
        await chrome.storage.local.set({
          'settings:backup': { reminderDays: 7, autoBackup: true },
          'backup:lastBackupAt': lastBackupAt,
        });
        await chrome.alarms.create(alarm, { when: Date.now() + 200 });
      },
      { alarm: BACKUP_ALARM, lastBackupAt },
    );

    const search = () =>
      worker().then((w) =>
        w.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.downloads.search({ state: 'complete' })),
      );
    await expect.poll(async () => (await search()).length, { timeout: 30_000 }).toBe(1);
    const [download] = await search();
    const saved = parseBackup(readFileSync(download!.filename, 'utf8'));
    expect(saved.ok).toBe(true);
    if (saved.ok) expect(saved.backup.stores.contacts).toHaveLength(10_000);
    const recorded = await (
      await worker()
    ).evaluate(
      async () =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('backup:lastBackupAt'))[
          'backup:lastBackupAt'
        ],
    );
    expect(recorded as number).toBeGreaterThan(lastBackupAt);
  }, 180_000);
});
