import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataChange } from '@/lib/db/changes';
import { deleteContact, updateContact } from '@/lib/db/contacts';
import { addTimelineEntry, listTimeline } from '@/lib/db/timeline';
import { addChange, type DirtyHints, DirtyTracker, FULL_SCAN_EVERY_MS, noHints } from '@/lib/sync/dirty';
import { profile } from '../contacts/factory';
import { type Computer, openComputer, saveOne } from './computers';
import { radicaleAvailable, startRadicale, type RadicaleServer } from './radicale';

const named = (hints: DirtyHints) =>
  hints.all ? 'all' : Object.fromEntries(Object.entries(hints.ids).map(([store, ids]) => [store, [...ids].sort()]));

describe('change hints between runs', () => {
  const cases: { name: string; changes: DataChange[]; expected: ReturnType<typeof named> }[] = [
    {
      name: 'edits of people, notes, meetings and follow-ups are named',
      changes: [
        { store: 'contacts', ids: ['c1', 'c2'] },
        { store: 'timeline', ids: ['t1'] },
        { store: 'meetings', ids: ['m1'] },
        { store: 'followups', ids: ['f1'] },
        { store: 'contacts', ids: ['c1'] },
      ],
      expected: { contacts: ['c1', 'c2'], timeline: ['t1'], meetings: ['m1'], followups: ['f1'] },
    },
    {
      name: 'what sync itself wrote, the question bank and the undo log name nothing',
      changes: [
        { store: 'contacts', ids: ['c1'], origin: 'sync' },
        { store: 'questions', ids: ['q1'] },
        { store: 'undoLog', ids: ['u1'] },
      ],
      expected: { contacts: [], timeline: [], meetings: [], followups: [] },
    },
    {
      name: 'a change naming no ids (a restore that replaced a store) means everything',
      changes: [
        { store: 'contacts', ids: ['c1'] },
        { store: 'meetings', ids: [] },
      ],
      expected: 'all',
    },
  ];
  for (const { name, changes, expected } of cases) {
    it(name, () => {
      let hints: DirtyHints = noHints();
      for (const change of changes) hints = addChange(hints, change);
      expect(named(hints)).toEqual(expected);
    });
  }

  it('a fresh tracker, a failed run given back and a long quiet time all mean everything', () => {
    const tracker = new DirtyTracker();
    expect(tracker.take(0).all).toBe(true); // a worker just started knows nothing of earlier writes
    tracker.note({ store: 'contacts', ids: ['c1'] });
    const taken = tracker.take(1_000);
    expect(named(taken)).toEqual({ contacts: ['c1'], timeline: [], meetings: [], followups: [] });
    expect(named(tracker.take(2_000))).toEqual({ contacts: [], timeline: [], meetings: [], followups: [] });
    tracker.note({ store: 'followups', ids: ['f1'] });
    tracker.giveBack(taken); // the run failed: its records are still to push
    expect(named(tracker.take(3_000))).toEqual({ contacts: ['c1'], timeline: [], meetings: [], followups: ['f1'] });
    expect(tracker.take(FULL_SCAN_EVERY_MS).all).toBe(true);
  });
});

const hintsOf = (changes: DataChange[]): DirtyHints => changes.reduce(addChange, noHints() as DirtyHints);

let server: RadicaleServer;
beforeAll(async () => {
  server = await startRadicale();
});
afterAll(async () => {
  await server?.stop();
});

async function twoPeople(): Promise<{ a: Computer; b: Computer; ids: string[] }> {
  const a = await openComputer(server);
  const b = await openComputer(server);
  const ids: string[] = [];
  for (const name of ['Ines Duarte', 'Tomas Lind']) {
    const url = `https://www.linkedin.com/in/${name.split(' ')[0]}-${Math.random().toString(36).slice(2)}/`;
    ids.push((await saveOne(a.db, [{ profile: profile({ name, profileUrl: url }) }], { now: a.now.value })).contact.id);
  }
  await a.sync();
  await b.sync();
  return { a, b, ids };
}

describe.skipIf(!radicaleAvailable())('a run with hints, against a real Radicale', () => {
  it('pushes what the hints name and no more; a run without hints finds the rest', async () => {
    const { a, b, ids } = await twoPeople();
    const [first, second] = ids as [string, string];
    await updateContact(a.db, first, [{ field: 'phone', before: null, after: '+351 910 000 001' }], a.now.value + 1);
    await updateContact(a.db, second, [{ field: 'phone', before: null, after: '+351 910 000 002' }], a.now.value + 1);
    a.requests.length = 0;
    expect((await a.sync(hintsOf([{ store: 'contacts', ids: [first] }]))).pushed).toBe(1);
    // One REPORT per collection (no PROPFIND, no discovery), then one PUT.
    expect(a.requests.map((r) => r.split(' ')[0])).toEqual(['REPORT', 'REPORT', 'PUT']);
    expect((await a.sync()).pushed).toBe(1);
    b.requests.length = 0;
    expect((await b.sync(noHints())).pulled).toBe(2);
    expect(b.requests.map((r) => r.split(' ')[0])).toEqual(['REPORT', 'REPORT', 'REPORT']); // + one multiget
    expect((await b.db.get('contacts', second))?.phone).toBe('+351 910 000 002');
    b.requests.length = 0;
    expect(await b.sync(noHints())).toMatchObject({ pulled: 0, pushed: 0 });
    expect(b.requests).toHaveLength(2); // nothing changed: one request per collection
  });

  it('edits of one person on both computers merge with hints, and the merge reaches the server', async () => {
    const { a, b, ids } = await twoPeople();
    const id = ids[0]!;
    await updateContact(a.db, id, [{ field: 'targetField', before: null, after: 'Payments' }], a.now.value + 1);
    await updateContact(b.db, id, [{ field: 'phone', before: null, after: '+351 910 000 003' }], b.now.value + 1);
    await a.sync(hintsOf([{ store: 'contacts', ids: [id] }]));
    // The merged card (A's field + B's field) differs from the server's: B's run pushes it.
    await b.sync(hintsOf([{ store: 'contacts', ids: [id] }]));
    await a.sync(noHints());
    for (const computer of [a, b]) {
      expect(await computer.db.get('contacts', id)).toMatchObject({
        targetField: 'Payments',
        phone: '+351 910 000 003',
      });
    }
  });

  it('a note added on A reaches B with hints naming only the note; a delete hint falls back to everything', async () => {
    const { a, b, ids } = await twoPeople();
    const [first, second] = ids as [string, string];
    const note = await addTimelineEntry(a.db, {
      contactId: first,
      at: a.now.value,
      kind: 'note',
      text: 'asked about teams',
    });
    expect((await a.sync(hintsOf([{ store: 'timeline', ids: [note.id] }]))).pushed).toBe(1);
    await b.sync(noHints());
    expect((await listTimeline(b.db, first)).map((e) => e.text)).toContain('asked about teams');
    // The deleted person's records are gone, so the hint cannot say whose card it was: everything is compared.
    await deleteContact(a.db, second, a.now.value + 2);
    expect((await a.sync(hintsOf([{ store: 'contacts', ids: [second] }]))).deletedOnServer).toBeGreaterThan(0);
    await b.sync(noHints());
    expect(await b.db.get('contacts', second)).toBeUndefined();
  });
});
