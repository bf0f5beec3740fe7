import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavePageResult } from '../../lib/messaging/protocol';
import { EAGER_COMPILE_HINT } from '../../scripts/eager-compile.mjs';
import { readContacts } from './db';
import { EXTENSION_DIR, fixture, launchExtension, sendFromPage, servePage, type RunningExtension } from './harness';
import { PageBox } from './page-box';

const OTHER_SITE = 'https://people.example.org/ana-lindqvist';
const PRIYA = 'https://www.linkedin.com/in/priya-nandakumar-demo/';

let ext: RunningExtension;

beforeAll(async () => {
  ext = await launchExtension();
  await servePage(ext.context, OTHER_SITE, fixture('other-jsonld-person.html'));
  await servePage(ext.context, PRIYA, fixture('linkedin-2022-loggedin.html'));
});
afterAll(async () => ext?.close());

async function tabIdOf(url: string): Promise<number> {
  const page = await ext.openPage('popup.html');
  const id = await page.evaluate(async (target) => {
    type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const tabs = await (globalThis as unknown as { chrome: TabsApi }).chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id ?? -1;
  }, url);
  await page.close();
  return id;
}

describe('the built scripts', () => {
  it('compile the capture script as it loads, and only it (V8’s hint on its first line)', () => {
    const firstLine = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8').split('\n', 1)[0];
    expect(firstLine('capture.js')).toBe(EAGER_COMPILE_HINT);
    // These run a little of their code on each page: compiling all of it would be wasted.
    for (const file of ['linkedin-page.js', 'overlay.js', 'background.js'])
      expect(firstLine(file)).not.toContain('//#');
  });
});

describe('least privilege', () => {
  it('asks for LinkedIn only, exposes no resources to pages, and offers a save shortcut', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toEqual(['https://*.linkedin.com/*']);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.permissions).toContain('activeTab');
    expect(manifest.commands['save-person'].suggested_key.default).toBe('Alt+Shift+S');
    expect(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches)).toEqual([
      'https://*.linkedin.com/*',
    ]);
  });

  it('does not run on other sites, and cannot read them until the user asks (activeTab)', async () => {
    const page = await ext.context.newPage();
    await page.goto(OTHER_SITE);
    await page.waitForTimeout(500);
    expect(await new PageBox(page).rect()).toBeNull();

    const popup = await ext.openPage('popup.html');
    const { res } = await sendFromPage<SavePageResult>(popup, 'savePage', { tabId: await tabIdOf(OTHER_SITE) });
    expect(res?.status).toBe('error');
    expect(res?.status === 'error' && res.message).toContain('cannot read this page');
    expect(await readContacts(ext)).toHaveLength(0);
    await popup.close();
    await page.close();
  });

  it('saves a LinkedIn tab named by the popup', async () => {
    const page = await ext.context.newPage();
    await page.goto(PRIYA);
    const popup = await ext.openPage('popup.html');
    const { res } = await sendFromPage<SavePageResult>(popup, 'savePage', { tabId: await tabIdOf(PRIYA) });
    expect(res).toMatchObject({ status: 'saved', created: true, name: 'Priya Nandakumar' });
    expect(await readContacts(ext)).toHaveLength(1);
    await popup.close();
    await page.close();
  });
});
