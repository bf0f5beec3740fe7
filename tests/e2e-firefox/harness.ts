import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { wholeStore } from '../e2e/db';

/**
 * Debian's Firefox ESR with the built MV2 extension, driven by puppeteer-core over WebDriver BiDi: no driver
 * binary, nothing downloaded. Every fact used here is checked in the recipe (shared/recipes/firefox.md).
 */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Built by `npm run build` (the test script builds both targets first). */
export const EXTENSION_DIR = resolve(__dirname, '../..', process.env.RAPPORT_OUT_DIR ?? '.output', 'firefox-mv2');
export const FIXTURES_DIR = resolve(__dirname, '../fixtures');
export const EXTENSION_ID = 'rapport@rapport.invalid';
/** Pinned by the `extensions.webextensions.uuids` pref, so extension URLs are known before install. */
export const UUID = '5a1d3c2e-7b4f-4e0a-9c6d-2f8e1b7a4d30';
export const ORIGIN = `moz-extension://${UUID}`;

/** The BiDi connection and frame ids exist at runtime but are not in puppeteer's typings. */
interface Bidi {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
const bidi = (browser: Browser): Bidi => (browser as unknown as { connection: Bidi }).connection;
const contextId = (page: Page): string => (page.mainFrame() as unknown as { _id: string })._id;

export interface RunningFirefox {
  browser: Browser;
  profileDir: string;
  /** Firefox's stdout and stderr, line by line (extension console output included, see prefs). */
  output: string[];
  url(path: string): string;
  /** Opens an extension page in a new tab (BiDi navigate: puppeteer's goto never resolves for moz-extension). */
  openPage(path: string): Promise<Page>;
  /** Runs `body` (may await, returns JSON) in the browser window itself: sidebar, menus, keys, services. */
  chrome<T>(body: string): Promise<T>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No Firefox build at ${EXTENSION_DIR}: run "npm run build" first (npm test does).`);
}

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: UUID }),
  // Nothing leaves the machine: whatever the tab's interception does not answer hits a dead local port.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '',
  'network.dns.disablePrefetch': true,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  // The extension's console (background, pages, content script) on stdout, for the "no warning" check.
  'devtools.console.stdout.content': true,
};

/** Starts headless Firefox ESR and installs the build as a temporary add-on. Same profileDir = a restart. */
export async function launchFirefox(opts: { profileDir?: string } = {}): Promise<RunningFirefox> {
  assertBuilt();
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'rapport-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Lets BiDi open moz-extension:// pages and evaluate in the browser window (chrome scope).
    args: ['--remote-allow-system-access'],
    // Release and ESR builds ignore services.settings.server without it.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: PREFS,
    userDataDir: profileDir,
  });
  const output: string[] = [];
  const child = browser.process();
  for (const stream of [child?.stdout, child?.stderr])
    stream?.on('data', (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  // A temporary add-on is dropped at shutdown, so a restart installs it again (its data stays, UUID pinned).
  await browser.installExtension(EXTENSION_DIR);

  const chrome = async <T>(body: string): Promise<T> => {
    const { result } = await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const contexts = result.contexts as { context: string; url: string }[];
    const win = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!win) throw new Error('No browser window');
    const { result: evaluated } = await bidi(browser).send('script.evaluate', {
      target: { context: win.context },
      awaitPromise: true,
      expression: `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
    });
    const value = evaluated as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
    if (value.type === 'exception') throw new Error(`chrome scope: ${value.exceptionDetails?.text ?? 'exception'}`);
    return JSON.parse(value.result?.value ?? 'null') as T;
  };
  const url = (path: string) => `${ORIGIN}/${path.replace(/^\//, '')}`;
  return {
    browser,
    profileDir,
    output,
    url,
    chrome,
    async openPage(path) {
      const page = await browser.newPage();
      await bidi(browser).send('browsingContext.navigate', {
        context: contextId(page),
        url: url(path),
        wait: 'complete',
      });
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/** A new tab whose requests are answered from `pages` (url → html); every other request is aborted. */
export async function servingTab(ff: RunningFirefox, pages: Record<string, string>): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const html = pages[request.url()];
    void (html === undefined
      ? request.abort()
      : request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  });
  return page;
}

/** Sends one protocol message from an extension page, as the UI does (@webext-core/messaging's format). */
export async function send<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    (type: string, data: unknown) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }) as Promise<{
        res?: unknown;
        err?: { message?: string };
      }>,
    type,
    data,
  );
  if (reply?.err) throw new Error(reply.err.message ?? `${type} failed`);
  return reply?.res as T;
}

/** Reads a whole IndexedDB store from an extension page (same origin as the background). */
export function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(wholeStore<T>, { name: store });
}

/**
 * Headless Firefox has no alerts backend (every notification closes at once). This mock records what the
 * extension shows and can click it, through the same listener Firefox's real backend calls.
 */
export function installAlertsMock(ff: RunningFirefox): Promise<boolean> {
  return ff.chrome(`
    const seen = (window.__alerts = []);
    const mock = { QueryInterface: ChromeUtils.generateQI(['nsIAlertsService']),
      showAlert(a, listener) {
        seen.push({ name: a.name, title: a.title, text: a.text,
          click: () => listener.observe(null, 'alertclickcallback', a.cookie) });
        listener?.observe(null, 'alertshow', a.cookie);
      },
      closeAlert() {} };
    Components.manager.QueryInterface(Ci.nsIComponentRegistrar).registerFactory(
      Components.ID('{6f9b2e3a-1c4d-4e5f-8a7b-9c0d1e2f3a4b}'), 'mock alerts',
      '@mozilla.org/alerts-service;1', { createInstance: (iid) => mock.QueryInterface(iid) });
    return true;`);
}

export interface ShownAlert {
  name: string;
  title: string;
  text: string;
}
export const shownAlerts = (ff: RunningFirefox) =>
  ff.chrome<ShownAlert[]>(`return window.__alerts.map(({ name, title, text }) => ({ name, title, text }))`);

/**
 * Records every HTTP(S) request Firefox starts, with the principal behind it, from the browser's own network
 * observer: it sees the background page, extension pages and content scripts, which tab interception cannot.
 */
export function watchRequests(ff: RunningFirefox): Promise<boolean> {
  return ff.chrome(`
    const seen = (window.__requests = []);
    const spec = (p) => { try { return p?.URI?.spec ?? ''; } catch { return ''; } };
    Services.obs.addObserver({ observe(subject) {
      const ch = subject.QueryInterface(Ci.nsIHttpChannel);
      const info = ch.loadInfo;
      seen.push({ url: ch.URI.spec,
        addon: info?.triggeringPrincipal?.addonId || info?.loadingPrincipal?.addonId || '',
        triggering: spec(info?.triggeringPrincipal), loading: spec(info?.loadingPrincipal) });
    } }, 'http-on-modify-request');
    return true;`);
}

export interface SeenRequest {
  url: string;
  addon: string;
  triggering: string;
  loading: string;
}
export const seenRequests = (ff: RunningFirefox) => ff.chrome<SeenRequest[]>(`return window.__requests`);

/** Requests the extension itself started (its background, its pages or its content script). */
export async function ownRequests(ff: RunningFirefox): Promise<string[]> {
  return (await seenRequests(ff))
    .filter((r) => r.addon === EXTENSION_ID || r.triggering.startsWith(ORIGIN) || r.loading.startsWith(ORIGIN))
    .map((r) => r.url);
}

/** Firefox's own console lines that are not Rapport's (recipe, "Harness pitfalls"). */
const FIREFOX_NOISE = [/RSLoader/, /PrivateBrowsingUtils/, /RenderCompositorSWGL/];

/**
 * What the browser console shows about Rapport: warnings and errors the API layer reports in the parent (for
 * example "… is unimplemented"), script errors in Rapport's code, and every `console.warn`/`console.error` of
 * an extension context (Firefox prints them on stdout with `devtools.console.stdout.content`).
 */
export async function extensionConsole(ff: RunningFirefox): Promise<string[]> {
  const parent = await ff.chrome<{ text: string; source: string; warning: boolean }[]>(`
    return Services.console.getMessageArray()
      .filter((m) => m instanceof Ci.nsIScriptError)
      .map((m) => ({ text: m.errorMessage, source: m.sourceName || '',
        warning: Boolean(m.flags & Ci.nsIScriptError.warningFlag) }));`);
  const aboutUs = parent
    .filter((m) => m.source.startsWith(ORIGIN) || m.text.includes(EXTENSION_ID) || m.text.includes(ORIGIN))
    .map((m) => `${m.warning ? 'warning' : 'error'}: ${m.text} (${m.source})`);
  const printed = ff.output.filter(
    (line) => /^console\.(warn|error)/.test(line) && !FIREFOX_NOISE.some((noise) => noise.test(line)),
  );
  return [...aboutUs, ...printed];
}

interface SerializedNode {
  type: string;
  sharedId?: string;
  value?: { localName?: string; children?: SerializedNode[]; shadowRoot?: SerializedNode | null; mode?: string };
}

/**
 * Runs `fn` with `this` bound to Rapport's closed shadow root on the page (null when there is no box). Page
 * scripts cannot enter that root; WebDriver BiDi hands the test a reference to it (`includeShadowTree: 'all'`),
 * the way DevTools does in the Chromium harness (tests/e2e/page-box.ts). `fn` returns JSON text.
 */
async function onBoxRoot<T>(page: Page, fn: string, ...args: string[]): Promise<T | null> {
  const browser = page.browser();
  const context = contextId(page);
  const { result } = await bidi(browser).send('script.evaluate', {
    expression: 'document.documentElement',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 2, includeShadowTree: 'all' },
  });
  const html = (result as { result: SerializedNode }).result;
  const root = (html.value?.children ?? [])
    .flatMap((child) => child.value?.shadowRoot ?? [])
    .find((node) => node.value?.mode === 'closed' && node.sharedId);
  if (!root?.sharedId) return null;
  const { result: found } = await bidi(browser).send('script.callFunction', {
    functionDeclaration: fn,
    this: { sharedId: root.sharedId },
    arguments: args.map((value) => ({ type: 'string', value })),
    target: { context },
    awaitPromise: false,
  });
  const value = found as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
  if (value.type === 'exception') throw new Error(`box: ${value.exceptionDetails?.text ?? 'exception'}`);
  return JSON.parse(value.result?.value ?? 'null') as T | null;
}

/** Texts in our box, drawn as CSS generated content from data-t attributes (lib/page-button/paint.ts). */
export async function boxText(page: Page): Promise<string> {
  return (
    (await onBoxRoot<string>(
      page,
      `function () {
        const box = this.querySelector('.box');
        if (!box || box.getBoundingClientRect().width === 0) return '""';
        return JSON.stringify([...box.querySelectorAll('[data-t]')].map((el) => el.getAttribute('data-t')).filter(Boolean).join(' '));
      }`,
    )) ?? ''
  );
}

/** The centre of the box's button whose painted label (or aria-label) matches `pattern`, once it has a size. */
export function boxButton(page: Page, pattern: RegExp): Promise<{ x: number; y: number } | null> {
  return onBoxRoot(
    page,
    `function (source, flags) {
      const re = new RegExp(source, flags);
      for (const el of this.querySelectorAll('button')) {
        const names = [el.getAttribute('data-t'), el.getAttribute('aria-label')];
        if (!names.some((n) => n && re.test(n.trim()))) continue;
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height) continue;
        return JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      }
      return 'null';
    }`,
    pattern.source,
    pattern.flags,
  );
}

export async function waitForBoxButton(
  page: Page,
  pattern: RegExp,
  timeout = 10_000,
): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const spot = await boxButton(page, pattern);
    if (spot) return spot;
    if (Date.now() > deadline)
      throw new Error(`No button ${String(pattern)} in the box; it shows: ${await boxText(page)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export const SAVE = /^Save to Rapport$/;
export const UPDATE = /^Update from page$/;

/**
 * A user's click on one of our buttons: it must be plainly visible for 500 ms before it acts (visibility.ts),
 * so wait that long once it is there, then move the real mouse to it and click (trusted events).
 */
export async function clickBoxButton(page: Page, pattern: RegExp): Promise<void> {
  await waitForBoxButton(page, pattern);
  await new Promise((resolve) => setTimeout(resolve, 700));
  const spot = await waitForBoxButton(page, pattern);
  await page.mouse.move(spot.x - 20, spot.y - 10);
  await page.mouse.move(spot.x, spot.y, { steps: 4 });
  await page.mouse.click(spot.x, spot.y);
}

/**
 * Saves the person on the page as a user does: "Save to Rapport" for a new person, "Update from page" on a
 * saved person's card. Resolves with the box's text once it says it saved.
 */
export async function saveFromBox(page: Page, pattern: RegExp = SAVE, timeout = 10_000): Promise<string> {
  await clickBoxButton(page, pattern);
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await boxText(page);
    if (/Saved |Updated from this page|Check before saving/.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`Not saved; the box shows: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of `selector` in Firefox's sidebar (its window is one of the extension's views), or null. */
export function sidebar(ext: Page, selector: string): Promise<string | null> {
  return ext.evaluate((selector: string) => {
    const views = (
      globalThis as unknown as { browser: { extension: { getViews(o: object): Window[] } } }
    ).browser.extension.getViews({ type: 'sidebar' });
    return views[0]?.document.querySelector(selector)?.textContent ?? null;
  }, selector);
}
