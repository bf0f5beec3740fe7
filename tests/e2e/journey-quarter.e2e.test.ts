import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { emptyCapturedProfile } from '../../lib/contacts/model';
import type { Followup, Meeting, TimelineEntry } from '../../lib/db/schema';
import { readContacts, readStore } from './db';
import { inWorker, launchExtension, ownRequests, sendFromPage, type RunningExtension } from './harness';

/*
 * The whole loop over half a year on a controlled clock: save → ask → schedule (a prep reminder) → meet →
 * thank (from the notification's button) → two quarterly check-ins (one from the panel, one from the
 * notification). The service worker's and the pages' clocks are moved forward together; alarms that far
 * ahead do not fire in a test, so each step asks the background to catch up, as a wake-up would.
 */

// Chrome's extension APIs as seen inside the browser (functions evaluated there, not in Node).
declare const chrome: {
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    create: (id: string, options: unknown, ...rest: unknown[]) => unknown;
    onButtonClicked: { dispatch(id: string, index: number): void };
  };
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let ext: RunningExtension;
let page: Page;
let contactId: string;
let shift = 0;

/** Now, on the test's clock. */
const now = () => Date.now() + shift;

/** Moves the worker's clock to `shift` ms ahead of real time (reinstalled if the worker restarted). */
async function setClock(ms: number): Promise<void> {
  shift = ms;
  await inWorker(
    ext,
    (offset: number) => {
      const g = globalThis as unknown as { __realNow?: () => number; __shown?: { id: string; options: unknown }[] };
      if (!g.__realNow) {
        g.__realNow = Date.now.bind(Date);
        // Record what is shown (chrome.notifications.getAll lists ids only).
        const api = chrome.notifications;
        const original = api.create.bind(api);
        g.__shown = [];
        api.create = (id: string, options: unknown, ...rest: unknown[]) => {
          g.__shown!.push({ id, options });
          return original(id, options, ...rest);
        };
      }
      const real = g.__realNow;
      Date.now = () => real() + offset;
    },
    ms,
  );
}

async function send<T>(type: string, data: unknown): Promise<T> {
  await setClock(shift);
  const reply = await sendFromPage<T>(page, type, data);
  if (reply.err) throw new Error(reply.err.message ?? 'message failed');
  return reply.res as T;
}

/** What a waking background does: deliver what is due now, rebuild alarms and badge. */
const catchUp = () => send('refreshFollowups', {});
const followups = () => readStore<Followup>(ext, 'followups');
const mine = async (kind: Followup['kind']) =>
  (await followups()).filter((f) => f.contactId === contactId && f.kind === kind);
const statusOf = async () => (await readContacts(ext)).find((c) => c.id === contactId)?.status;
const shown = () =>
  inWorker(
    ext,
    () =>
      (globalThis as { __shown?: { id: string; options: { message?: string; buttons?: { title: string }[] } }[] })
        .__shown ?? [],
    undefined as void,
  );

/** A side panel page whose clock reads the test's time. */
async function panelAt(): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.clock.install({ time: now() });
  await panel.goto(ext.url(`sidepanel.html?contact=${contactId}`));
  await expect.poll(() => panel.getByRole('heading', { level: 1 }).textContent()).toBe('Samir Okonkwo');
  return panel;
}

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.openPage('popup.html');
  await setClock(0);
});

afterAll(async () => {
  await ext?.close();
});

describe('a full quarter and more, on a controlled clock', () => {
  let meetingAt = 0;

  it('save, then ask: a nudge waits a week', async () => {
    ({ contactId } = await send<{ contactId: string }>('saveProfile', {
      profile: {
        ...emptyCapturedProfile(),
        name: 'Samir Okonkwo',
        headline: 'Data journalist',
        profileUrl: 'https://www.linkedin.com/in/samir-okonkwo-demo/',
      },
      photoThumb: null,
      sources: [],
    }));
    expect(await statusOf()).toBe('to-ask');
    await send('wsMarkSent', { contactId, template: 'request-linkedin', text: 'Hello Samir, could we talk?' });
    expect(await statusOf()).toBe('asked');
    const [nudge] = await mine('nudge');
    expect(nudge?.dueAt).toBeGreaterThan(now() + 6 * DAY);
  });

  it('a date agreed: scheduled, the nudge is dropped, a prep reminder two hours before', async () => {
    const meeting = await send<Meeting>('wsCreateMeeting', { contactId });
    meetingAt = Math.ceil((now() + 3 * DAY) / HOUR) * HOUR;
    await send('wsUpdateMeeting', { id: meeting.id, changes: [{ field: 'startsAt', before: null, after: meetingAt }] });
    expect(await statusOf()).toBe('scheduled');
    expect((await mine('nudge')).map((f) => f.status)).toEqual(['dismissed']);
    const [prep] = await mine('prep');
    expect(prep).toMatchObject({ status: 'pending', dueAt: meetingAt - 2 * HOUR, deadlineAt: meetingAt });
  });

  it('an hour before the meeting, the prep reminder arrives', async () => {
    await setClock(meetingAt - HOUR - Date.now());
    await catchUp();
    const [prep] = await mine('prep');
    await expect
      .poll(async () => Object.keys(await inWorker(ext, () => chrome.notifications.getAll(), undefined as void)))
      .toContain(`followup:${prep!.id}`);
  });

  it('meet: marked met in the panel after the call; the thank-you is due within its 24 hours', async () => {
    await setClock(meetingAt + 40 * 60_000 - Date.now());
    const panel = await panelAt();
    await panel.getByRole('tab', { name: 'After' }).click();
    await panel.getByRole('button', { name: 'Mark met' }).click();
    await expect.poll(statusOf, { timeout: 5_000 }).toBe('met');
    await panel.close();
    const [thanks] = await mine('thank-you');
    expect(thanks).toMatchObject({ status: 'pending' });
    expect(thanks!.deadlineAt! - thanks!.dueAt).toBeGreaterThan(0);
    expect((await mine('prep')).map((f) => f.status)).toEqual(['done']);
  });

  it('thank: the notification says its deadline, and its Done button thanks', async () => {
    const [thanks] = await mine('thank-you');
    await setClock(thanks!.dueAt + 60_000 - Date.now());
    await catchUp();
    await expect.poll(async () => (await shown()).map((s) => s.id)).toContain(`followup:${thanks!.id}`);
    const note = (await shown()).find((s) => s.id === `followup:${thanks!.id}`)!;
    expect(note.options.message).toMatch(/best by \w{3} \d{2}:\d{2}$/);
    expect(note.options.buttons?.[0]?.title).toBe('Sent: mark thanked');
    await inWorker(ext, (id: string) => chrome.notifications.onButtonClicked.dispatch(id, 0), `followup:${thanks!.id}`);
    await expect.poll(statusOf, { timeout: 5_000 }).toBe('thanked');
    const [checkIn] = await mine('check-in');
    expect(checkIn).toMatchObject({ status: 'pending', recurrenceMonths: 3 });
    expect(checkIn!.dueAt - now()).toBeGreaterThan(88 * DAY);
  });

  it('first check-in, a quarter later: delivered, then Checked in from the panel; the next one follows', async () => {
    const [checkIn] = await mine('check-in');
    await setClock(checkIn!.dueAt + 60_000 - Date.now());
    await catchUp();
    await expect.poll(async () => (await shown()).map((s) => s.id)).toContain(`followup:${checkIn!.id}`);
    const panel = await panelAt();
    await panel.getByRole('tab', { name: 'Details' }).click();
    await panel
      .locator('.contact-followups .due-item[data-kind="check-in"]')
      .getByRole('button', { name: 'Checked in' })
      .click();
    await expect.poll(statusOf, { timeout: 5_000 }).toBe('in-touch');
    await panel.close();
    const [next] = await mine('check-in');
    expect(next!.id).toBe(checkIn!.id);
    expect(next!.dueAt - now()).toBeGreaterThan(88 * DAY);
  });

  it('second check-in, another quarter later: Done from the notification; a third is planned', async () => {
    const [checkIn] = await mine('check-in');
    const before = (await shown()).length;
    await setClock(checkIn!.dueAt + 60_000 - Date.now());
    await catchUp();
    await expect.poll(async () => (await shown()).length).toBeGreaterThan(before);
    await inWorker(
      ext,
      (id: string) => chrome.notifications.onButtonClicked.dispatch(id, 0),
      `followup:${checkIn!.id}`,
    );
    await expect
      .poll(async () => (await mine('check-in'))[0]!.history.filter((h) => h.action.startsWith('done')).length, {
        timeout: 5_000,
      })
      .toBe(2);
    const [third] = await mine('check-in');
    expect(third!.dueAt - now()).toBeGreaterThan(88 * DAY);
    expect(third!.status).toBe('pending');
  });

  it('the timeline tells the story, and nothing left the machine', async () => {
    const timeline = (await readStore<TimelineEntry>(ext, 'timeline'))
      .filter((e) => e.contactId === contactId)
      .sort((a, b) => a.at - b.at);
    const moves = timeline.filter((e) => e.kind === 'status').map((e) => String(e.data?.to));
    expect(moves).toEqual(['asked', 'scheduled', 'met', 'thanked', 'in-touch']);
    const messages = timeline.filter((e) => e.kind === 'message').map((e) => e.text);
    expect(messages).toEqual(['Hello Samir, could we talk?', 'Thank-you sent.', 'Checked in.', 'Checked in.']);
    expect(timeline.at(-1)!.at - timeline[0]!.at).toBeGreaterThan(180 * DAY);
    expect(ownRequests(ext)).toEqual([]);
  });
});
