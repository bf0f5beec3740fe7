import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContactStatus } from '@/lib/contacts/model';
import { listFollowupsForContact } from '@/lib/db/followups';
import { openRapportDB, type RapportDatabase } from '@/lib/db/open';
import type { Followup } from '@/lib/db/schema';
import type { UndoSummary } from '@/lib/db/records';
import { serialized, NEXT_ALARM } from '@/lib/background/followups-schedule';
import { statusMoveEvents } from '@/lib/followups/stage-moves';
import type { SenderInfo } from '@/lib/messaging/sender';
import { followup, person, seed } from '../records/factory';

const handlers = new Map<string, (data: unknown, sender: SenderInfo) => Promise<unknown>>();
vi.mock('@/lib/background/handle', () => ({
  handle: (type: string, fn: (data: unknown, sender: SenderInfo) => Promise<unknown>) => handlers.set(type, fn),
}));
const { registerRecordHandlers } = await import('@/lib/background/records');
const { registerWorkspaceHandlers } = await import('@/lib/background/workspace');
const call = (type: string, data: unknown) => handlers.get(type)!(data, {} as SenderInfo);

afterEach(async () => {
  await serialized(async () => undefined);
});

describe('what a stage move means for follow-ups', () => {
  it.each([
    ['to-ask', 'asked', ['request-sent']],
    ['asked', 'scheduled', ['reply-received']],
    ['no-reply', 'met', ['reply-received']],
    ['met', 'thanked', ['thank-you-sent']],
    ['asked', 'thanked', ['reply-received']],
    ['met', 'in-touch', []],
    ['asked', 'archived', []],
    ['asked', 'asked', []],
  ] as const)('%s → %s: %j', (from, to, types) => {
    expect(statusMoveEvents('c', from, to).map((e) => e.type)).toEqual(types);
  });
});

/** What follow-ups each person has, by kind and status (ids and times differ between two runs). */
async function followupsOf(db: RapportDatabase, ids: string[]) {
  const shape = (f: Followup) => `${f.kind}:${f.status}${f.aboutContactId ? `:${f.aboutContactId}` : ''}`;
  return Object.fromEntries(
    await Promise.all(ids.map(async (id) => [id, (await listFollowupsForContact(db, id)).map(shape).sort()])),
  );
}

async function people(db: RapportDatabase, status: ContactStatus) {
  await seed(db, {
    contacts: [
      person('ref'),
      person('a', { status, referredById: 'ref' }),
      person('b', { status }),
      person('c', { status: 'archived' }),
    ],
    followups: status === 'asked' ? [followup('nudge-a', 'a', { kind: 'nudge', attempt: 1, dueAt: Date.now() })] : [],
  });
}

describe('a bulk stage move (multi-select → stage)', () => {
  it.each([
    ['to-ask', 'asked'],
    ['asked', 'scheduled'],
    ['met', 'thanked'],
  ] as const)('%s → %s writes the same follow-ups as moving each person on their own', async (from, to) => {
    registerRecordHandlers();
    registerWorkspaceHandlers();
    const db = await openRapportDB();
    await people(db, from);
    await call('recordsBulkEdit', { ids: ['a', 'b'], edit: { kind: 'status', status: to } });
    const bulk = await followupsOf(db, ['ref', 'a', 'b']);

    await db.clear('followups');
    await db.clear('contacts');
    await people(db, from);
    for (const id of ['a', 'b']) await call('wsSetStatus', { contactId: id, before: from, to });
    const single = await followupsOf(db, ['ref', 'a', 'b']);

    expect(bulk).toEqual(single);
    // Something happened at all: the move is not a no-op for follow-ups.
    expect(Object.values(bulk).flat().length).toBeGreaterThan(0);
  });

  it('to "asked" plans each nudge (and the referrer’s thanks) in the move’s one undo entry; Undo takes them back', async () => {
    registerRecordHandlers();
    const db = await openRapportDB();
    await people(db, 'to-ask');
    const summary = (await call('recordsBulkEdit', {
      ids: ['a', 'b', 'c'],
      edit: { kind: 'status', status: 'asked' },
    })) as UndoSummary;
    expect(await followupsOf(db, ['ref', 'a', 'b', 'c'])).toEqual({
      ref: ['intro-thanks:pending:a'],
      a: ['nudge:pending'],
      b: ['nudge:pending'],
      c: ['nudge:pending'],
    });
    expect(summary.counts).toMatchObject({ contacts: 3, followups: 4 });
    // The alarms follow the store at once.
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeDefined();

    await call('recordsUndo', { id: summary.id });
    expect(await followupsOf(db, ['ref', 'a', 'b', 'c'])).toEqual({ ref: [], a: [], b: [], c: [] });
    expect((await db.get('contacts', 'a'))?.status).toBe('to-ask');
  });

  it('a tag edit touches no follow-up', async () => {
    registerRecordHandlers();
    const db = await openRapportDB();
    await people(db, 'to-ask');
    await call('recordsBulkEdit', { ids: ['a', 'b'], edit: { kind: 'add-tag', tag: 'fair' } });
    expect(await db.count('followups')).toBe(0);
  });
});
