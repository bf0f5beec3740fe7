import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SenderInfo } from '@/lib/messaging/sender';
import type { WorkspaceProtocol } from '@/lib/messaging/workspace-protocol';
import { saveCapture } from '@/lib/db/contacts';
import { finishMeeting } from '@/lib/db/meetings';
import { openRapportDB } from '@/lib/db/open';
import { profile } from '../contacts/factory';

type Handlers = {
  [K in keyof WorkspaceProtocol]: (
    data: Parameters<WorkspaceProtocol[K]>[0],
  ) => Promise<ReturnType<WorkspaceProtocol[K]>>;
};
const handlers = new Map<string, (data: unknown, sender: SenderInfo) => unknown>();
vi.mock('@/lib/background/handle', () => ({
  handle: (type: string, fn: (data: unknown, sender: SenderInfo) => unknown) => handlers.set(type, fn),
}));

const { registerWorkspaceHandlers } = await import('@/lib/background/workspace');
registerWorkspaceHandlers();
const call = new Proxy({} as Handlers, {
  get: (_t, name: string) => (data: unknown) => handlers.get(name)!(data, {} as SenderInfo),
});

let contactId: string;
beforeEach(async () => {
  const { contact } = await saveCapture(await openRapportDB(), profile(), { now: 1 });
  contactId = contact.id;
});

const store = async <S extends 'contacts' | 'timeline' | 'followups' | 'meetings'>(name: S) =>
  (await openRapportDB()).getAll(name);

describe('workspace background handlers', () => {
  it('registers every message of the protocol', () => {
    expect([...handlers.keys()].sort()).toEqual(
      [
        'wsAddNote',
        'wsAddQuestion',
        'wsAddReferral',
        'wsCreateMeeting',
        'wsMarkMet',
        'wsMarkSent',
        'wsSetStatus',
        'wsStarQuestion',
        'wsUpdateMeeting',
      ].sort(),
    );
  });

  it('"mark as sent" keeps the message, moves to asked and starts the no-reply nudge', async () => {
    expect(await call.wsMarkSent({ contactId, template: 'request-email', text: 'Hello' })).toEqual({ status: 'asked' });
    expect((await store('timeline')).map((e) => e.kind).sort()).toEqual(['message', 'status']);
    expect((await store('followups')).map((f) => f.kind)).toContain('nudge');
  });

  it('agreeing a date schedules; mark met starts the thank-you; the thank-you sent closes it', async () => {
    await call.wsMarkSent({ contactId, template: 'request-linkedin', text: 'Hi' });
    const meeting = await call.wsCreateMeeting({ contactId, durationMin: 30 });
    await call.wsUpdateMeeting({
      id: meeting.id,
      changes: [{ field: 'startsAt', before: null, after: Date.now() + 86_400_000 }],
    });
    expect((await store('contacts'))[0]?.status).toBe('scheduled');
    const met = await call.wsMarkMet({ meetingId: meeting.id });
    expect(met.status).toBe('met');
    expect(met.meeting.status).toBe('done');
    const thankYou = (await store('followups')).find((f) => f.kind === 'thank-you');
    expect(thankYou?.status).toBe('pending');
    // Marking met twice changes nothing more.
    await call.wsMarkMet({ meetingId: meeting.id });
    expect((await store('followups')).filter((f) => f.kind === 'thank-you')).toHaveLength(1);
    expect((await store('timeline')).filter((e) => e.kind === 'meeting')).toHaveLength(1);
    await call.wsMarkSent({ contactId, template: 'thank-you', text: 'Thank you' });
    expect((await store('contacts'))[0]?.status).toBe('thanked');
    expect((await store('followups')).find((f) => f.id === thankYou?.id)?.status).toBe('done');
  });

  it('a retry after the worker died right after the meeting was marked done still schedules the thank-you', async () => {
    const meeting = await call.wsCreateMeeting({ contactId, durationMin: 30 });
    // The worker was killed after the meeting was written: the thank-you was never planned.
    await finishMeeting(await openRapportDB(), meeting.id, Date.now());
    expect((await store('timeline')).filter((e) => e.kind === 'meeting')).toHaveLength(1);
    await call.wsMarkMet({ meetingId: meeting.id });
    expect((await store('followups')).filter((f) => f.kind === 'thank-you')).toHaveLength(1);
    expect((await store('timeline')).filter((e) => e.kind === 'meeting')).toHaveLength(1);
    // Once thanked, marking met again does not bring the thank-you back.
    await call.wsMarkSent({ contactId, template: 'thank-you', text: 'Thanks' });
    await call.wsMarkMet({ meetingId: meeting.id });
    expect((await store('followups')).filter((f) => f.kind === 'thank-you' && f.status === 'pending')).toHaveLength(0);
  });

  it('two views marking met at once write one "Met" entry and one thank-you', async () => {
    const meeting = await call.wsCreateMeeting({ contactId, durationMin: 30 });
    await Promise.all([call.wsMarkMet({ meetingId: meeting.id }), call.wsMarkMet({ meetingId: meeting.id })]);
    expect((await store('timeline')).filter((e) => e.kind === 'meeting')).toHaveLength(1);
    expect((await store('followups')).filter((f) => f.kind === 'thank-you')).toHaveLength(1);
  });

  it('a stage change made elsewhere wins over a stale one', async () => {
    expect(await call.wsSetStatus({ contactId, before: 'to-ask', to: 'asked' })).toEqual({
      status: 'asked',
      conflict: false,
    });
    expect(await call.wsSetStatus({ contactId, before: 'to-ask', to: 'archived' })).toEqual({
      status: 'asked',
      conflict: true,
    });
  });

  it('a referral becomes a new contact; the referrer is thanked once it is asked and updated once it is met', async () => {
    const { contactId: lena } = await call.wsAddReferral({
      fromContactId: contactId,
      name: 'Lena Park',
      role: '',
      company: 'Harbor Labs',
      mayUseName: false,
    });
    const contacts = await store('contacts');
    expect(contacts.find((c) => c.id === lena)?.referredById).toBe(contactId);
    const onReferrer = async () =>
      (await store('followups'))
        .filter((f) => f.contactId === contactId && f.aboutContactId === lena)
        .map((f) => f.kind);
    // Typed during the call: nothing to tell the referrer yet.
    expect(await onReferrer()).toEqual([]);
    await call.wsSetStatus({ contactId: lena, before: 'to-ask', to: 'asked' });
    expect(await onReferrer()).toEqual(['intro-thanks']);
    const meeting = await call.wsCreateMeeting({ contactId: lena });
    await call.wsMarkMet({ meetingId: meeting.id });
    expect((await onReferrer()).sort()).toEqual(['intro-thanks', 'referrer-update']);
  });

  it('a custom question joins the bank and the meeting; notes and stars are kept', async () => {
    const meeting = await call.wsCreateMeeting({ contactId });
    const q = await call.wsAddQuestion({ topic: 'custom', text: 'What surprised you?', meetingId: meeting.id });
    expect((await store('meetings'))[0]?.questionIds).toEqual([q.id]);
    await call.wsStarQuestion({ id: q.id, starred: true });
    expect((await (await openRapportDB()).get('questions', q.id))?.starred).toBe(true);
    const note = await call.wsAddNote({ contactId, text: 'Met at a meetup' });
    expect(note.kind).toBe('note');
  });
});
