import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contact, emptyCapturedProfile } from '../../lib/contacts/model';
import type { Followup, Meeting, TimelineEntry } from '../../lib/db/schema';
import type { SyncStatusView } from '../../lib/messaging/sync-protocol';
import { radicaleAvailable, startRadicale, type RadicaleServer } from '../lib/sync/radicale';
import { chromiumArgs } from './chromium.mjs';
import { assertBuilt, CHROMIUM, EXTENSION_DIR, sendFromPage } from './harness';

/**
 * Two computers, one real Radicale: two headless Chromium profiles with the built extension, each syncing
 * through Settings → Sync. The prompt for the server's origin cannot be answered headless, so the build is
 * copied with `http://127.0.0.1/*` moved from the optional host permissions into the granted ones (as the
 * autobackup test does for "downloads"); everything else is the real build.
 */

interface Computer {
  context: BrowserContext;
  profileDir: string;
  requests: Request[];
  options: Page;
  worker(): Promise<Worker>;
}

let server: RadicaleServer;
let extDir: string;
const computers: Computer[] = [];

async function launch(profileDir = mkdtempSync(join(tmpdir(), 'rapport-sync-e2e-'))): Promise<Computer> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(extDir),
  });
  const requests: Request[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (/^https?:/.test(url)) requests.push(request);
  });
  // Nothing leaves the machine: anything but our Radicale is answered 404 inside the browser.
  await context.route(/^https?:\/\//, (route) =>
    route.request().url().startsWith(server.origin) ? route.continue() : route.fulfill({ status: 404, body: '' }),
  );
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL((await worker()).url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const computer = { context, profileDir, requests, options, worker };
  computers.push(computer);
  return computer;
}

async function send<T>(c: Computer, type: string, data: unknown): Promise<T> {
  const { res, err } = await sendFromPage<T>(c.options, type, data);
  if (err) throw new Error(`${type}: ${err.message}`);
  return res as T;
}

async function store<T>(c: Computer, name: string): Promise<T[]> {
  return c.options.evaluate(
    (storeName) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(storeName).objectStore(storeName).getAll();
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as T[]);
          };
        };
      }),
    name,
  );
}

/** Fills Settings → Sync and presses "Test connection", as a user would. */
async function connect(c: Computer, password = server.password): Promise<string> {
  const page = c.options;
  await page.locator('#sync-title').scrollIntoViewIfNeeded();
  await page.fill('input[name=serverUrl]', server.url);
  await page.fill('input[name=username]', server.user);
  await page.fill('input[name=password]', password);
  await page.click('button:has-text("Test connection")');
  const message = page.locator('.sync-settings > [role=alert], .sync-settings > [role=status]');
  await expect.poll(async () => (await message.textContent()) ?? '', { timeout: 20_000 }).not.toMatch(/Connecting/);
  return (await message.textContent()) ?? '';
}

async function syncNow(c: Computer): Promise<SyncStatusView> {
  return send<SyncStatusView>(c, 'syncNow', undefined);
}

function parseAllWithVobject(dir: string): { cards: number; errors: string[] } {
  const script = `
import sys, os, json, vobject
cards = 0; errors = []
for root, _, files in os.walk(sys.argv[1]):
    if '.Radicale' in root: continue
    for f in files:
        if not (f.endswith('.vcf') or f.endswith('.ics')): continue
        try:
            obj = vobject.readOne(open(os.path.join(root, f), encoding='utf-8').read())
            if obj.name == 'VCARD': cards += 1; obj.fn.value
        except Exception as e:
            errors.append(f + ': ' + repr(e))
print(json.dumps({'cards': cards, 'errors': errors}))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, dir], { encoding: 'utf8' })) as {
    cards: number;
    errors: string[];
  };
}

beforeAll(async () => {
  if (!radicaleAvailable()) return;
  assertBuilt();
  server = await startRadicale();
  extDir = mkdtempSync(join(tmpdir(), 'rapport-sync-ext-'));
  cpSync(EXTENSION_DIR, extDir, { recursive: true });
  const manifestPath = join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions: string[];
    optional_host_permissions?: string[];
  };
  expect(manifest.optional_host_permissions).toContain('http://127.0.0.1/*');
  expect(manifest.host_permissions).not.toContain('http://127.0.0.1/*');
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(manifestPath, JSON.stringify(manifest));
});

afterAll(async () => {
  for (const c of computers) {
    await c.context.close().catch(() => undefined);
    rmSync(c.profileDir, { recursive: true, force: true });
  }
  await server?.stop();
  if (extDir) rmSync(extDir, { recursive: true, force: true });
});

const profileUrl = (slug: string) => `https://www.linkedin.com/in/${slug}/`;
function profile(name: string, slug: string) {
  return {
    ...emptyCapturedProfile(),
    name,
    firstName: name.split(' ')[0]!,
    lastName: name.split(' ').slice(1).join(' '),
    headline: 'Risk analyst; payments, fraud',
    currentTitle: 'Risk analyst',
    currentCompany: 'Harbor Bank',
    location: 'Lisbon, Portugal',
    profileUrl: profileUrl(slug),
  };
}

describe.skipIf(!radicaleAvailable())('sync between two computers through a real Radicale', () => {
  let a: Computer;
  let b: Computer;
  let personId: string;
  let meetingId: string;

  it('a person created on A appears on B with their meeting and follow-up', async () => {
    a = await launch();
    b = await launch();
    // No server configured: not one request.
    await a.options.waitForTimeout(500);
    expect(a.requests.map((r) => r.url())).toEqual([]);

    const saved = await send<{ contactId: string }>(a, 'saveProfile', {
      profile: profile('Inês Sousa', 'ines-sousa-demo'),
      photoThumb: null,
      sources: [],
    });
    personId = saved.contactId;
    await send(a, 'wsAddNote', { contactId: personId, text: 'Asked about fraud models, rules; and data' });
    const meeting = await send<Meeting>(a, 'wsCreateMeeting', { contactId: personId });
    meetingId = meeting.id;
    await send(a, 'wsUpdateMeeting', {
      id: meetingId,
      changes: [{ field: 'startsAt', before: null, after: Date.UTC(2026, 11, 10, 16) }],
    });
    await send(a, 'addFollowup', {
      contactId: personId,
      title: 'Send Inês the article',
      dueAt: Date.UTC(2026, 11, 12, 9),
      recurrenceMonths: null,
    });

    expect(await connect(a)).toMatch(/Connected/);
    const statusA = await syncNow(a);
    expect(statusA.lastError).toBeNull();
    expect(statusA.pending).toBe(0);
    await expect
      .poll(() => a.options.getByTestId('sync-pending').textContent())
      .toBe('Everything here is on the server.');

    expect(await connect(b)).toMatch(/Connected/);
    await syncNow(b);
    const contacts = await store<Contact>(b, 'contacts');
    expect(contacts.map((c) => [c.id, c.name, c.headline])).toEqual([
      [personId, 'Inês Sousa', 'Risk analyst; payments, fraud'],
    ]);
    expect((await store<Meeting>(b, 'meetings')).map((m) => [m.id, m.startsAt])).toEqual([
      [meetingId, Date.UTC(2026, 11, 10, 16)],
    ]);
    // Every follow-up of A's: the one added, and the prep reminder the meeting's time scheduled.
    const titles = async (side: Computer) => (await store<Followup>(side, 'followups')).map((f) => f.title).sort();
    expect(await titles(b)).toEqual(await titles(a));
    expect(await titles(b)).toContain('Send Inês the article');
    expect((await store<TimelineEntry>(b, 'timeline')).map((e) => e.text)).toContain(
      'Asked about fraud models, rules; and data',
    );
  });

  it('a local edit reaches the server shortly after, with no button pressed', async () => {
    await send(a, 'updateContact', {
      id: personId,
      changes: [{ field: 'email', before: null, after: 'ines@example.org' }],
    });
    const card = join(server.dir, 'collections', 'collection-root', server.user, 'rapport-contacts', `${personId}.vcf`);
    await expect
      .poll(() => readFileSync(card, 'utf8'), { timeout: 30_000, interval: 250 })
      .toMatch(/EMAIL;TYPE=INTERNET:ines@example\.org/);
  });

  it('the same field edited on both sides: the later edit wins on both, the other is in the timeline', async () => {
    const before = 'Risk analyst';
    await send(a, 'updateContact', { id: personId, changes: [{ field: 'currentTitle', before, after: 'Fraud lead' }] });
    await new Promise((r) => setTimeout(r, 50));
    await send(b, 'updateContact', {
      id: personId,
      changes: [{ field: 'currentTitle', before, after: 'Head of fraud' }],
    });
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const c of [a, b]) {
      const person = (await store<Contact>(c, 'contacts')).find((x) => x.id === personId)!;
      expect(person.currentTitle).toBe('Head of fraud');
      const notes = (await store<TimelineEntry>(c, 'timeline'))
        .filter((e) => e.contactId === personId)
        .map((e) => e.text);
      expect(notes.some((t) => t.includes('Fraud lead') && t.includes('Head of fraud'))).toBe(true);
    }
  });

  it('a delete on A is gone on B; an edit against a delete keeps the edit', async () => {
    const gone = await send<{ contactId: string }>(a, 'saveProfile', {
      profile: profile('Tomás Reis', 'tomas-reis-demo'),
      photoThumb: null,
      sources: [],
    });
    const kept = await send<{ contactId: string }>(a, 'saveProfile', {
      profile: profile('Aiko Mori', 'aiko-mori-demo'),
      photoThumb: null,
      sources: [],
    });
    await syncNow(a);
    await syncNow(b);
    expect((await store<Contact>(b, 'contacts')).map((c) => c.id)).toEqual(
      expect.arrayContaining([gone.contactId, kept.contactId]),
    );
    await send(a, 'deleteContact', { id: gone.contactId });
    await send(a, 'deleteContact', { id: kept.contactId });
    await send(b, 'updateContact', {
      id: kept.contactId,
      changes: [{ field: 'targetEmployer', before: null, after: 'Tide Pay' }],
    });
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const c of [a, b]) {
      const ids = (await store<Contact>(c, 'contacts')).map((x) => x.id);
      expect(ids).not.toContain(gone.contactId);
      expect(ids).toContain(kept.contactId);
      expect((await store<Contact>(c, 'contacts')).find((x) => x.id === kept.contactId)?.targetEmployer).toBe(
        'Tide Pay',
      );
    }
  });

  it('the worker killed mid-sync finishes on restart, with counts equal on both sides', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({
      line: i + 2,
      firstName: `Bulk${i}`,
      lastName: 'Person',
      profileUrl: profileUrl(`bulk-person-${i}`),
      email: '',
      company: 'Example Works',
      position: 'Analyst',
      connectedOn: '01 Jan 2025',
    }));
    await send(a, 'importConnections', { rows });
    const pushing = send<SyncStatusView>(a, 'syncNow', undefined).catch(() => null);
    const book = join(server.dir, 'collections', 'collection-root', server.user, 'rapport-contacts');
    const cards = () => readdirSync(book).filter((f) => f.endsWith('.vcf')).length;
    const startCards = cards();
    await expect.poll(cards, { timeout: 60_000, interval: 50 }).toBeGreaterThan(startCards + 10);
    const page = a.context.pages()[0]!;
    const cdp = await a.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await pushing;
    const cutAt = cards();
    expect(cutAt).toBeLessThan(startCards + 150);
    // The worker comes back (any event wakes it) and resumes the cut-off run by itself.
    await a.options.reload();
    await expect
      .poll(async () => (await send<SyncStatusView>(a, 'syncStatus', undefined)).pending, {
        timeout: 90_000,
        interval: 500,
      })
      .toBe(0);
    await syncNow(b);
    const onA = (await store<Contact>(a, 'contacts')).length;
    const onB = (await store<Contact>(b, 'contacts')).length;
    expect(onB).toBe(onA);
    expect(cards()).toBe(onA);
  });

  it('a wrong password and a stopped server each give a clear message in Settings, with nothing lost', async () => {
    const c = await launch();
    await send(c, 'saveProfile', {
      profile: profile('Noor Haddad', 'noor-haddad-demo'),
      photoThumb: null,
      sources: [],
    });
    expect(await connect(c, 'wrong-password')).toMatch(/refused the user name or app password/);
    expect((await store<Contact>(c, 'contacts')).length).toBe(1);

    const count = (await store<Contact>(a, 'contacts')).length;
    await send(a, 'updateContact', {
      id: personId,
      changes: [{ field: 'phone', before: null, after: '+351 900 000 000' }],
    });
    await server.pause();
    try {
      await a.options.click('button:has-text("Sync now")');
      await expect
        .poll(
          async () =>
            (await a.options
              .getByTestId('sync-error')
              .textContent()
              .catch(() => '')) ?? '',
          { timeout: 30_000 },
        )
        .toMatch(/could not be reached/);
      expect((await store<Contact>(a, 'contacts')).length).toBe(count);
      expect((await send<SyncStatusView>(a, 'syncStatus', undefined)).pending).toBeGreaterThan(0);
      await a.options.screenshot({ path: join(tmpdir(), 'rapport-sync-settings-error.png'), fullPage: true });
    } finally {
      await server.resume();
    }
    const after = await syncNow(a);
    expect(after.lastError).toBeNull();
    expect(after.pending).toBe(0);
  });

  it('every card parses with Python vobject, and the only host contacted is the 127.0.0.1 server', async () => {
    const parsed = parseAllWithVobject(join(server.dir, 'collections'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards).toBeGreaterThan(150);
    const hosts = new Set(computers.flatMap((c) => c.requests.map((r) => new URL(r.url()).origin)));
    expect([...hosts]).toEqual([server.origin]);
  });
});
