import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contact, emptyCapturedProfile } from '../../lib/contacts/model';
import type { Followup, Meeting, TimelineEntry } from '../../lib/db/schema';
import { withoutCounters } from '../lib/records/compare';
import { readContacts, readStore } from './db';
import { PageBox } from './page-box';
import { SELECTED_CONTACT_KEY } from '../../lib/names';
import { fixture, inWorker, launchExtension, sendFromPage, servePage, type RunningExtension } from './harness';
import { shot } from './shots';

/**
 * One person, one record; delete and undo; an import undone as one step. Set RAPPORT_SHOTS=<dir> to keep
 * screenshots of the new UI (400 px panel, light and dark).
 */
const PRIYA = 'https://www.linkedin.com/in/priya-nandakumar-demo/';

let ext: RunningExtension;
let page: Page;
/** Bo Lindqvist, who referred Priya. */
let boId = '';

/** Every record of the four stores, sorted by id, without the counters an undo moves forward. */
async function everything() {
  return {
    contacts: withoutCounters(await readContacts(ext)),
    timeline: withoutCounters(await readStore<TimelineEntry>(ext, 'timeline')),
    meetings: withoutCounters(await readStore<Meeting>(ext, 'meetings')),
    followups: withoutCounters(await readStore<Followup>(ext, 'followups')),
  };
}

async function send<T>(type: string, data: unknown): Promise<T> {
  const reply = await sendFromPage<T>(page, type, data);
  if (reply.err) throw new Error(reply.err.message);
  return reply.res as T;
}

async function openPanel(contactId: string): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height: 760 });
  await panel.goto(ext.url(`sidepanel.html?contact=${contactId}`));
  await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
  return panel;
}

beforeAll(async () => {
  ext = await launchExtension();
  await servePage(ext.context, PRIYA, fixture('linkedin-2022-loggedin.html'));
  page = await ext.openPage('options.html');
});

afterAll(async () => {
  await ext?.close();
});

describe('one person, one record', () => {
  let typed: string;

  it('a referral typed in the call, then a LinkedIn save of that person, gives one contact once confirmed', async () => {
    const referrer = await send<{ contactId: string }>('saveProfile', {
      profile: {
        ...emptyCapturedProfile(),
        name: 'Bo Lindqvist',
        firstName: 'Bo',
        lastName: 'Lindqvist',
        headline: 'Engineering manager',
        currentTitle: 'Engineering manager',
        currentCompany: 'Harbor Labs',
        profileUrl: 'https://www.linkedin.com/in/bo-lindqvist-demo/',
      },
      photoThumb: null,
      sources: [],
    });
    boId = referrer.contactId;
    // What the call panel's "They suggested someone" form sends.
    typed = (
      await send<{ contactId: string }>('wsAddReferral', {
        fromContactId: boId,
        name: 'Priya Nandakumar',
        role: '',
        company: '',
        mayUseName: true,
      })
    ).contactId;
    await send('wsAddNote', { contactId: typed, text: 'Bo says she knows the hiring side well.' });

    const linkedin = await ext.context.newPage();
    await linkedin.goto(PRIYA);
    // The page's box lives in a closed shadow root: reached through DevTools, clicked like a user.
    const box = new PageBox(linkedin);
    await box.click('Save to Rapport');
    await expect.poll(async () => (await readContacts(ext)).length, { timeout: 10_000 }).toBe(3);
    await box.dispose();
    await linkedin.close();
    const saved = (await readContacts(ext)).find((c) => c.profileUrl === PRIYA)!;

    // The overlay's lookup, by profile URL, finds the typed record.
    const lookup = await send<{ contactId: string; matches: { id: string; reasons: string[] }[] }>('findSamePerson', {
      profileUrl: PRIYA,
    });
    expect(lookup).toMatchObject({ contactId: saved.id, matches: [{ id: typed, reasons: ['referral'] }] });

    const panel = await openPanel(saved.id);
    const offer = panel.getByRole('region', { name: 'The same person?' });
    await expect.poll(() => offer.textContent()).toContain('added from a referral (Bo Lindqvist)');
    await shot(panel, 'same-person');
    await offer.getByRole('button', { name: 'Review and merge' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Merge two records' });
    await expect.poll(() => dialog.textContent()).toContain('Moves over: 2 timeline entries');
    await shot(panel, 'merge-dialog');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();

    await expect.poll(async () => (await readContacts(ext)).length).toBe(2);
    const one = (await readContacts(ext)).find((c) => c.name === 'Priya Nandakumar')!;
    expect(one).toMatchObject({
      id: saved.id,
      profileUrl: PRIYA,
      referredById: boId,
      mutualAcquaintance: 'Bo Lindqvist',
    });
    const notes = (await readStore<TimelineEntry>(ext, 'timeline')).filter((e) => e.contactId === saved.id);
    expect(notes.map((e) => e.text)).toContain('Bo says she knows the hiring side well.');
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'Merged two records' }).count()).toBe(1);
    await shot(panel, 'undo-toast');
    expect(await offer.count()).toBe(0);
    await panel.close();
  });

  it('"Not the same" is remembered', async () => {
    const other = await send<{ contactId: string }>('wsAddReferral', {
      fromContactId: boId,
      name: 'Priya Nandakumar',
      role: '',
      company: '',
      mayUseName: false,
    });
    const saved = (await readContacts(ext)).find((c) => c.profileUrl === PRIYA)!;
    const panel = await openPanel(saved.id);
    const offer = panel.getByRole('region', { name: 'The same person?' });
    await offer.getByRole('button', { name: 'Not the same' }).click();
    await expect.poll(() => offer.count()).toBe(0);
    const again = await send<{ matches: unknown[] }>('findSamePerson', { contactId: saved.id });
    expect(again.matches).toEqual([]);
    await send('recordsDeleteContacts', { ids: [other.contactId] });
    await panel.close();
  });
});

describe('delete, bulk and undo', () => {
  it('deleting a person with notes, a meeting and follow-ups, then Undo, restores every record', async () => {
    const priya = (await readContacts(ext)).find((c) => c.profileUrl === PRIYA)!;
    const meeting = await send<Meeting>('wsCreateMeeting', { contactId: priya.id });
    await send('addFollowup', {
      contactId: priya.id,
      title: 'Send the article she mentioned',
      dueAt: Date.now() + 86_400_000,
      recurrenceMonths: null,
    });
    const before = await everything();
    expect(before.meetings.map((m) => m.id)).toEqual([meeting.id]);

    const panel = await openPanel(priya.id);
    await panel.getByRole('button', { name: 'Delete this person' }).click();
    await shot(panel, 'delete-confirm');
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await everything()).meetings.length).toBe(0);
    const after = await everything();
    expect(after.contacts.map((c) => c.name)).toEqual(['Bo Lindqvist']);
    expect(after.followups.filter((f) => f.contactId === priya.id || f.aboutContactId === priya.id)).toEqual([]);
    expect(before.followups.filter((f) => f.contactId === priya.id)).toHaveLength(1);
    expect(after.timeline.every((e) => e.contactId === boId)).toBe(true);

    const toast = panel.getByRole('status').filter({ hasText: 'Deleted Priya Nandakumar' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await everything()).contacts.length).toBe(2);
    expect(await everything()).toEqual(before);
    await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).toBe('Priya Nandakumar');
    await panel.close();
  });

  it('selects people in the list, moves them, tags them and archives them; Undo reverts each', async () => {
    // The panel follows the profile on the active tab: the save of Priya above may have made her the panel's
    // person (when the follow's lookup ran after the save). This test starts from everyone, as "← All people" does.
    await inWorker(
      ext,
      (key) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }
        ).chrome.storage.local.remove(key),
      SELECTED_CONTACT_KEY,
    );
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 400, height: 760 });
    await panel.goto(ext.url('sidepanel.html'));
    await panel.getByRole('button', { name: 'Select', exact: true }).click();
    await panel.getByRole('checkbox', { name: 'Select Priya Nandakumar' }).check();
    await panel.getByRole('checkbox', { name: 'Select Bo Lindqvist' }).check();
    await shot(panel, 'bulk-bar');
    const bar = panel.getByRole('region', { name: 'Change the selected people' });
    await bar.getByRole('combobox').selectOption('asked');
    await expect.poll(async () => (await readContacts(ext)).map((c) => c.status).sort()).toEqual(['asked', 'asked']);
    // The stage change took the selection when it started: only Bo is selected for the tag.
    await panel.getByRole('checkbox', { name: 'Select Bo Lindqvist' }).check();
    await bar.getByText('1 selected', { exact: true }).waitFor();
    await bar.getByPlaceholder('Tag').fill('spring fair');
    await bar.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(async () => (await readContacts(ext)).find((c) => c.id === boId)?.tags).toEqual(['spring fair']);
    await shot(panel, 'bulk-bar-after-action');
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await readContacts(ext)).find((c) => c.id === boId)?.tags).toEqual([]);
    await bar.getByRole('button', { name: 'Select all 2' }).click();
    await bar.getByRole('button', { name: 'Archive' }).click();
    await expect.poll(async () => (await readContacts(ext)).map((c) => c.status)).toEqual(['archived', 'archived']);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await readContacts(ext)).map((c) => c.status)).toEqual(['asked', 'asked']);
    await panel.close();
  });
});

describe('imports', () => {
  it('tags an import of two batches and undoes it as one step', async () => {
    const rows = Array.from(
      { length: 620 },
      (_, i) => `Given${i},Family${i},https://www.linkedin.com/in/imported-${i},,Firm ${i % 7},Analyst,01 Mar 2024`,
    );
    const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n${rows.join('\r\n')}\r\n`;
    const base = (await readContacts(ext)).length;
    await page.reload();
    await page
      .getByLabel('Connections.csv')
      .setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import 620 people' }).click();
    await expect.poll(() => page.getByText('Done: 620 people added.').count(), { timeout: 60_000 }).toBe(1);
    const imported = (await readContacts(ext)).filter((c) => c.profileUrl.includes('/imported-'));
    expect(imported).toHaveLength(620);
    const tag = imported[0]!.tags[0]!;
    expect(tag).toMatch(/^imported \d{4}-\d{2}-\d{2}$/);
    expect(imported.every((c: Contact) => c.tags.includes(tag))).toBe(true);
    await page.getByText(`Everyone added is tagged “${tag}”.`).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Undo this import' }).first().click();
    await expect.poll(async () => (await readContacts(ext)).length, { timeout: 20_000 }).toBe(base);
    // The undo itself is listed, and undoing it brings the whole batch back.
    const list = page.getByRole('region', { name: 'Recently deleted' });
    await expect.poll(() => list.getByText('Deleted 620 people').count()).toBe(1);
    await page.setViewportSize({ width: 400, height: 760 });
    await list.scrollIntoViewIfNeeded();
    await shot(page, 'recently-deleted');
  });
});
