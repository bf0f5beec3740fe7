import { describe, expect, it } from 'vitest';
import { mergePayload, mergeRecord } from '@/lib/sync/merge';
import type { CardPayload } from '@/lib/sync/payload';
import { newContact } from '@/lib/contacts/merge';
import { syncedContact } from '@/lib/sync/payload';
import type { TimelineEntry } from '@/lib/db/schema';
import { profile } from '../contacts/factory';

interface R {
  id: string;
  updatedAt: number;
  title: string | null;
  company: string | null;
  tags: string[];
}
const r = (over: Partial<R>): R => ({ id: 'x', updatedAt: 1, title: 'Analyst', company: 'Tide', tags: ['a'], ...over });

describe('mergeRecord: field by field against the base', () => {
  const table: [string, R | null, R, R, Partial<R>, string[]][] = [
    // name, base, local, remote, expected fields, lost fields
    ['nothing changed', r({}), r({}), r({}), { title: 'Analyst' }, []],
    ['only local changed', r({}), r({ title: 'Lead', updatedAt: 2 }), r({}), { title: 'Lead', updatedAt: 2 }, []],
    ['only remote changed', r({}), r({}), r({ title: 'Lead', updatedAt: 2 }), { title: 'Lead', updatedAt: 2 }, []],
    [
      'different fields on each side',
      r({}),
      r({ title: 'Lead', updatedAt: 2 }),
      r({ company: 'Harbor', updatedAt: 3 }),
      { title: 'Lead', company: 'Harbor', updatedAt: 3 },
      [],
    ],
    [
      'same field, remote later',
      r({}),
      r({ title: 'Lead', updatedAt: 2 }),
      r({ title: 'Head', updatedAt: 3 }),
      { title: 'Head' },
      ['title'],
    ],
    [
      'same field, local later',
      r({}),
      r({ title: 'Lead', updatedAt: 4 }),
      r({ title: 'Head', updatedAt: 3 }),
      { title: 'Lead' },
      ['title'],
    ],
    [
      'same change on both',
      r({}),
      r({ title: 'Lead', updatedAt: 2 }),
      r({ title: 'Lead', updatedAt: 3 }),
      { title: 'Lead' },
      [],
    ],
    [
      'no base: differing fields are conflicts',
      null,
      r({ title: 'Lead', updatedAt: 2 }),
      r({ title: 'Head', updatedAt: 3 }),
      { title: 'Head' },
      ['title'],
    ],
    [
      'tags: additions on both sides kept',
      r({}),
      r({ tags: ['a', 'b'], updatedAt: 2 }),
      r({ tags: ['a', 'c'], updatedAt: 3 }),
      { tags: ['a', 'b', 'c'] },
      [],
    ],
    [
      'tags: a removal on one side stays removed',
      r({ tags: ['a', 'b'] }),
      r({ tags: ['b'], updatedAt: 2 }),
      r({ tags: ['a', 'b', 'c'], updatedAt: 3 }),
      { tags: ['b', 'c'] },
      [],
    ],
    ['cleared on one side', r({}), r({ company: null, updatedAt: 2 }), r({}), { company: null }, []],
  ];
  for (const [name, base, local, remote, expected, lost] of table) {
    it(name, () => {
      const result = mergeRecord(base, local, remote);
      expect(result.merged).toMatchObject(expected);
      expect(result.lost.map((l) => l.field)).toEqual(lost);
      // Both computers merge the same way round and agree.
      const mirrored = mergeRecord(base, remote, local);
      expect(mirrored.merged).toEqual({
        ...result.merged,
        tags: expect.arrayContaining(result.merged.tags) as string[],
      });
    });
  }
});

describe('mergePayload: a card', () => {
  const contact = syncedContact(newContact(profile(), { id: 'c1', now: 1 }));
  const note = (id: string): TimelineEntry => ({ id, contactId: 'c1', at: 1, kind: 'note', text: id });
  const card = (timeline: TimelineEntry[], over: Partial<typeof contact> = {}): CardPayload => ({
    kind: 'card',
    contact: { ...contact, ...over },
    timeline,
    drafts: [],
  });
  const table: [string, CardPayload, CardPayload, CardPayload, string[]][] = [
    [
      'notes added on both computers are all kept',
      card([note('n1')]),
      card([note('n1'), note('a')]),
      card([note('n1'), note('b')]),
      ['n1', 'a', 'b'],
    ],
    [
      'a note deleted on one side is gone',
      card([note('n1'), note('n2')]),
      card([note('n1')]),
      card([note('n1'), note('n2')]),
      ['n1'],
    ],
    [
      'a note deleted remotely, unchanged here, is gone',
      card([note('n1'), note('n2')]),
      card([note('n1'), note('n2')]),
      card([note('n2')]),
      ['n2'],
    ],
  ];
  for (const [name, base, local, remote, ids] of table) {
    it(name, () => {
      expect(
        mergePayload(base, local, remote)
          .merged.timeline.map((e) => e.id)
          .sort(),
      ).toEqual([...ids].sort());
    });
  }
  it('a both-sides edit reports the losing value', () => {
    const { merged, lost } = mergePayload(
      card([]),
      card([], { currentTitle: 'Lead', updatedAt: 5 }),
      card([], { currentTitle: 'Head', updatedAt: 9 }),
    );
    expect(merged.contact.currentTitle).toBe('Head');
    expect(lost).toEqual([{ field: 'currentTitle', value: 'Lead', kept: 'Head' }]);
  });
});
