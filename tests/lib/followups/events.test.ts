import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveCapture } from '@/lib/db/contacts';
import { listFollowupsForContact } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import { recordWorkflowEvent } from '@/lib/background/followups-events';
import { NEXT_ALARM } from '@/lib/background/followups-schedule';
import { followupSettings } from '@/lib/settings/followups';
import { profile } from '../contacts/factory';

const NOW = Date.parse('2026-06-10T12:00:00Z');
const DAY = 86_400_000;

async function contactId() {
  const db = await openRapportDB();
  return { db, id: (await saveCapture(db, profile(), { now: NOW })).contact.id };
}

describe('recordWorkflowEvent', () => {
  it('a meeting done twice gives one thank-you, and the alarm follows the store', async () => {
    const { db, id } = await contactId();
    const event = { type: 'meeting-done', contactId: id, meetingId: 'm1', endedAt: NOW } as const;
    await recordWorkflowEvent(db, event, NOW);
    await recordWorkflowEvent(db, event, NOW + 1);
    const list = await listFollowupsForContact(db, id);
    expect(list.map((f) => f.kind)).toEqual(['thank-you']);
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(list[0]!.dueAt);
  });

  it('thank-you sent closes the thank-you and starts the check-in; an interaction moves it later', async () => {
    const { db, id } = await contactId();
    await recordWorkflowEvent(db, { type: 'meeting-done', contactId: id, meetingId: 'm1', endedAt: NOW }, NOW);
    await recordWorkflowEvent(db, { type: 'thank-you-sent', contactId: id }, NOW + DAY);
    let list = await listFollowupsForContact(db, id);
    expect(list.map((f) => [f.kind, f.status])).toEqual([
      ['thank-you', 'done'],
      ['check-in', 'pending'],
    ]);
    const first = list[1]!.dueAt;
    await recordWorkflowEvent(db, { type: 'interaction', contactId: id, at: NOW + 20 * DAY }, NOW + 20 * DAY);
    list = await listFollowupsForContact(db, id);
    expect(list.filter((f) => f.kind === 'check-in')).toHaveLength(1);
    expect(list.find((f) => f.kind === 'check-in')!.dueAt).toBeGreaterThan(first);
    expect(list.find((f) => f.kind === 'check-in')!.recurrenceMonths).toBe(3);
  });

  it('an interaction creates no check-in by itself', async () => {
    const { db, id } = await contactId();
    await recordWorkflowEvent(db, { type: 'interaction', contactId: id, at: NOW }, NOW);
    expect(await listFollowupsForContact(db, id)).toEqual([]);
  });

  it('uses the per-contact cadence from settings', async () => {
    const { db, id } = await contactId();
    await followupSettings.set({ checkInMonthsByContact: { [id]: 1 } });
    await recordWorkflowEvent(db, { type: 'thank-you-sent', contactId: id }, NOW);
    const [checkIn] = await listFollowupsForContact(db, id);
    expect(checkIn).toMatchObject({ recurrenceMonths: 1 });
  });

  it('a request gets a nudge; a message while it waits was that nudge; at most two; a reply dismisses', async () => {
    const { db, id } = await contactId();
    const nudges = async () =>
      (await listFollowupsForContact(db, id)).filter((f) => f.kind === 'nudge').map((f) => [f.attempt, f.status]);
    await recordWorkflowEvent(db, { type: 'request-sent', contactId: id }, NOW);
    expect(await nudges()).toEqual([[1, 'pending']]);
    await recordWorkflowEvent(db, { type: 'request-sent', contactId: id }, NOW + 7 * DAY);
    expect(await nudges()).toEqual([
      [1, 'done'],
      [2, 'pending'],
    ]);
    await recordWorkflowEvent(db, { type: 'request-sent', contactId: id }, NOW + 14 * DAY);
    expect(await nudges()).toEqual([
      [1, 'done'],
      [2, 'done'],
    ]);
    // Months later, a new request starts over.
    await recordWorkflowEvent(db, { type: 'request-sent', contactId: id }, NOW + 90 * DAY);
    expect((await nudges()).at(-1)).toEqual([1, 'pending']);
    await recordWorkflowEvent(db, { type: 'reply-received', contactId: id }, NOW + 91 * DAY);
    expect((await nudges()).filter(([, status]) => status === 'pending')).toEqual([]);
  });

  it('no nudges at all when the maximum is 0', async () => {
    const { db, id } = await contactId();
    await followupSettings.set({ maxNudges: 0 });
    await recordWorkflowEvent(db, { type: 'request-sent', contactId: id }, NOW);
    expect(await listFollowupsForContact(db, id)).toEqual([]);
  });

  it('the referrer update falls due after the referred person is met, once per person referred', async () => {
    const { db, id } = await contactId();
    const referred = async (name: string) => {
      const { contact } = await saveCapture(db, profile({ name, profileUrl: `https://www.linkedin.com/in/${name}/` }), {
        now: NOW,
      });
      await db.put('contacts', { ...contact, referredById: id });
      return contact.id;
    };
    const [a, b] = [await referred('ada-person'), await referred('bo-person')];
    await recordWorkflowEvent(db, { type: 'referral-added', contactId: a, referredById: id }, NOW);
    expect(await listFollowupsForContact(db, id)).toEqual([]);
    await recordWorkflowEvent(db, { type: 'request-sent', contactId: a }, NOW);
    expect((await listFollowupsForContact(db, id)).map((f) => f.kind)).toEqual(['intro-thanks']);
    for (const contactId of [a, a, b])
      await recordWorkflowEvent(
        db,
        { type: 'meeting-done', contactId, meetingId: `m-${contactId}`, endedAt: NOW },
        NOW,
      );
    const updates = (await listFollowupsForContact(db, id)).filter((f) => f.kind === 'referrer-update');
    expect(updates.map((f) => f.aboutContactId).sort()).toEqual([a, b].sort());
    expect(updates.every((f) => f.dueAt >= NOW + 2 * DAY)).toBe(true);
  });
});
