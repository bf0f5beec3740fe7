import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, chromiumArgs } from './chromium.mjs';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';

/** Built by `npm run build` (the test script builds first). */
export const EXTENSION_DIR = resolve(__dirname, '../..', process.env.RAPPORT_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES_DIR = resolve(__dirname, '../fixtures');
export { CHROMIUM };

// Lets context.on('request') see the service worker's requests too, so "no request of our own" covers it.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export interface RunningExtension {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Every request any page or worker of this browser made that our routes did not serve. */
  requests: Request[];
  worker(): Promise<Worker>;
  url(path: string): string;
  openPage(path: string): Promise<Page>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first (npm test does).`);
  }
}

/**
 * Starts headless Debian Chromium with the built extension loaded. Pass an existing profileDir to
 * relaunch "the same browser" (restart tests).
 */
export async function launchExtension(
  opts: { profileDir?: string; extraArgs?: string[] } = {},
): Promise<RunningExtension> {
  assertBuilt();
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs(EXTENSION_DIR), ...(opts.extraArgs ?? [])],
  });
  const requests: Request[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith('data:') && !url.startsWith('blob:'))
      requests.push(request);
  });
  // Nothing leaves the machine: anything not served by a test's own route is answered 404 here.
  await context.route(/^https?:\/\//, (route) => route.fulfill({ status: 404, body: '' }));

  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    extensionId,
    profileDir,
    requests,
    worker,
    url,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Serves `html` at `pageUrl` (a real LinkedIn URL), as if the site had answered. */
export async function servePage(context: BrowserContext, pageUrl: string, html: string): Promise<void> {
  await context.route(pageUrl, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/** Runs `fn` in the service worker (e.g. to read IndexedDB or chrome.* state). */
export async function inWorker<T, A>(ext: RunningExtension, fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> {
  const worker: Worker = await ext.worker();
  // Playwright's PageFunction type is not exported; the function is serialised and run in the worker.
  return worker.evaluate(fn as unknown as (arg: unknown) => Promise<T>, arg as unknown);
}

/** Stops every service worker (as the browser does after ~30 s idle). */
export async function stopServiceWorkers(ext: RunningExtension): Promise<void> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Sends one protocol message from an extension page, exactly as sendMessage('type', data) would. */
export async function sendFromPage<T = unknown>(
  page: Page,
  type: string,
  data: unknown,
): Promise<{ res?: T; err?: { message?: string } }> {
  return page.evaluate(
    ({ type, data }) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        id: 1,
        type,
        data,
        timestamp: Date.now(),
      }) as Promise<{ res?: T; err?: { message?: string } }>,
    { type, data },
  );
}

/** Requests made by the extension itself (its service worker or its pages), as opposed to the web pages'. */
export function ownRequests(ext: RunningExtension): string[] {
  return ext.requests
    .filter((request) => {
      if (request.serviceWorker()) return true;
      try {
        return request.frame().url().startsWith('chrome-extension://');
      } catch {
        return true; // no frame and no page: not a web page's request
      }
    })
    .map((request) => request.url());
}

/** A profile whose name is markup (escaped in the HTML, so the page shows it as text): the public layout renamed. */
export const HOSTILE = 'https://www.linkedin.com/in/hostile-name-demo/';
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export async function serveHostileNamePage(context: BrowserContext): Promise<void> {
  const escaped = HOSTILE_NAME.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  await servePage(
    context,
    HOSTILE,
    fixture('linkedin-public.html')
      .replaceAll('Marguerite Osei', escaped)
      .replaceAll('marguerite-osei', 'hostile-name-demo'),
  );
}
