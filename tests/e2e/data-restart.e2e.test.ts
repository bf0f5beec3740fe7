import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup } from '../../lib/backup/format';
import { stores } from './data-fixtures';
import { EXTENSION_DIR, launchExtension, sendFromPage, stopServiceWorkers, type RunningExtension } from './harness';

/**
 * Issue 13, item 4: a worker stopped after the restore committed, before its answer reached the page.
 * The stop is placed exactly there: a debugger breakpoint in the built background on the statement that
 * answers once the transaction is committed; when it pauses, every service worker is stopped (CDP).
 */
const BIG_TEXT = exportBackup(
  stores(3_000, 2, 'big'),
  { 'settings:backup': { reminderDays: 14, autoBackup: false } },
  Date.UTC(2026, 10, 1),
).text;
const SMALL_TEXT = exportBackup(stores(2, 1, 'small'), {}, Date.UTC(2026, 10, 1)).text;

let ext: RunningExtension;
let page: Page;

async function counts(): Promise<{ contacts: number; timeline: number }> {
  return page.evaluate(
    () =>
      new Promise<{ contacts: number; timeline: number }>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['contacts', 'timeline']);
          const c = tx.objectStore('contacts').count();
          const t = tx.objectStore('timeline').count();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ contacts: c.result, timeline: t.result });
          };
        };
      }),
  );
}

/** Where in the built background.js the restore answers (after the commit): line and column of `pattern`. */
function locate(pattern: RegExp): { lineNumber: number; columnNumber: number } {
  const source = readFileSync(`${EXTENSION_DIR}/background.js`, 'utf8');
  const match = pattern.exec(source);
  if (!match) throw new Error(`${pattern} is not in the built background.js: update this test with the code`);
  const before = source.slice(0, match.index).split('\n');
  return { lineNumber: before.length - 1, columnNumber: before.at(-1)!.length };
}

/**
 * A debugger on the extension's service worker, over the browser's own DevTools socket (Playwright's CDP
 * sessions belong to pages; attaching a worker through them stalls Playwright). Resolves once the worker
 * pauses at `location`.
 */
async function breakInWorker(location: { lineNumber: number; columnNumber: number }) {
  const port = readFileSync(join(ext.profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const socket = new WebSocket(`ws://127.0.0.1:${port[0]}${port[1]}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  let onPaused: () => void = () => undefined;
  const paused = new Promise<void>((resolve) => (onPaused = resolve));
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; method?: string; result?: Record<string, unknown> };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
    if (message.method === 'Debugger.paused') onPaused();
  });
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  const { targetInfos } = (await send('Target.getTargets')) as {
    targetInfos: { type: string; url: string; targetId: string }[];
  };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(ext.extensionId));
  if (!worker) throw new Error('no service worker target');
  const { sessionId } = (await send('Target.attachToTarget', { targetId: worker.targetId, flatten: true })) as {
    sessionId: string;
  };
  await send('Debugger.enable', {}, sessionId);
  const set = (await send('Debugger.setBreakpointByUrl', { urlRegex: 'background\\.js', ...location }, sessionId)) as {
    locations?: unknown[];
  };
  expect(set.locations?.length, JSON.stringify(set)).toBeGreaterThan(0);
  return { paused, close: () => socket.close() };
}

beforeAll(async () => {
  // The browser's DevTools socket too (port chosen by the browser, written to DevToolsActivePort).
  ext = await launchExtension({ extraArgs: ['--remote-debugging-port=0'] });
  page = await ext.openPage('options.html');
});

afterAll(async () => {
  await ext?.close();
});

describe('a worker stopped after the restore committed', () => {
  it('the page says Rapport restarted, shows the true counts read back, and never "Nothing was changed"', async () => {
    expect(
      (
        await sendFromPage<{ ok: boolean }>(page, 'restoreBackup', {
          text: SMALL_TEXT,
          mode: 'replace',
          resolution: 'keep-mine',
        })
      ).res,
    ).toMatchObject({ ok: true });
    expect(await counts()).toEqual({ contacts: 2, timeline: 2 });

    const debug = await breakInWorker(locate(/return\s*\{\s*ok:\s*!0,\s*written:\s*\w+,\s*settings:/));
    await page.getByLabel('Backup file', { exact: true }).setInputFiles({
      name: 'rapport-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(BIG_TEXT),
    });
    await page.getByRole('button', { name: 'Replace all my data with this backup' }).click();
    await page.getByRole('button', { name: 'Yes, replace' }).click();
    await debug.paused;
    // Paused on the answer: the transaction has committed, and the page has no answer yet.
    expect(await counts()).toEqual({ contacts: 3_000, timeline: 6_000 });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Restoring…' }).count()).toBe(1);
    await stopServiceWorkers(ext);
    debug.close();

    const status = page.getByRole('status').filter({ hasText: /restarted/ });
    await expect.poll(() => status.count(), { timeout: 15_000 }).toBe(1);
    const text = (await status.textContent()) ?? '';
    expect(text).toBe(
      'Rapport restarted before it could answer; check your people list. Stored now: 3000 people, 6000 notes and events, 0 meetings, 0 follow-ups.',
    );
    expect(await page.getByText(/Nothing was changed/).count()).toBe(0);
    await page.screenshot({ path: '/tmp/rapport-restore-restarted.png', fullPage: false });

    // "Try again" sends the same file; the worker starts again and this time answers, settings included.
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByText('Restored: 9000 records written.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByText(/Settings restored, follow-ups rescheduled/).count()).toBe(1);
    expect(await counts()).toEqual({ contacts: 3_000, timeline: 6_000 });
  }, 120_000);
});
