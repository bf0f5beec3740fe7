import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getFollowup } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import { listUndoLog, type UndoSummary } from '@/lib/db/records';
import { NEXT_ALARM, serialized } from '@/lib/background/followups-schedule';
import type { SenderInfo } from '@/lib/messaging/sender';
import { strings } from '@/lib/ui/strings';
import { followup, person, seed } from '../records/factory';

const handlers = new Map<string, (data: unknown, sender: SenderInfo) => Promise<unknown>>();
vi.mock('@/lib/background/handle', () => ({
  handle: (type: string, fn: (data: unknown, sender: SenderInfo) => Promise<unknown>) => handlers.set(type, fn),
}));
const { registerFollowupHandlers } = await import('@/lib/background/followups');
const { registerRecordHandlers } = await import('@/lib/background/records');
const call = (type: string, data: unknown) => handlers.get(type)!(data, {} as SenderInfo);

afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await serialized(async () => undefined);
});

describe('deleting a follow-up', () => {
  it('can be undone from the undo log, as a deleted note or meeting can', async () => {
    registerFollowupHandlers();
    registerRecordHandlers();
    const db = await openRapportDB();
    const dueAt = Date.now() + 3_600_000;
    const kept = followup('f1', 'a', {
      kind: 'check-in',
      recurrenceMonths: 3,
      dueAt,
      history: [{ at: 1, action: 'x' }],
    });
    await seed(db, { contacts: [person('a', { name: 'Ada Lim' })], followups: [kept] });

    const undo = (await call('deleteFollowup', { id: 'f1' })) as UndoSummary;
    expect(await getFollowup(db, 'f1')).toBeUndefined();
    expect(undo).toMatchObject({ kind: 'delete-followup', names: ['Ada Lim'], counts: { followups: 1 } });
    expect(strings.records.describe(undo.kind, undo.names, undo.counts)).toBe('Deleted a follow-up with Ada Lim');
    expect((await listUndoLog(db, Date.now())).map((u) => u.id)).toEqual([undo.id]);
    expect(await fakeBrowser.alarms.get(NEXT_ALARM)).toBeUndefined();

    await call('recordsUndo', { id: undo.id });
    expect(await getFollowup(db, 'f1')).toEqual(kept);
    // Back in the schedule too.
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(dueAt);
  });

  it('of one already gone says so and logs nothing', async () => {
    registerFollowupHandlers();
    const db = await openRapportDB();
    await expect(call('deleteFollowup', { id: 'nope' })).rejects.toThrow('No follow-up with id nope');
    expect(await listUndoLog(db, Date.now())).toEqual([]);
  });
});
