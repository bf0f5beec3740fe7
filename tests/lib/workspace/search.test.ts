import { describe, expect, it } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import type { Contact } from '@/lib/contacts/model';
import { buildSearchIndex, normalise, parseTags, patchSearchIndex, searchContacts } from '@/lib/workspace/search';
import { profile } from '../contacts/factory';

function contact(id: string, overrides: Partial<Contact> = {}, profileOverrides = {}): Contact {
  return {
    ...newContact(profile({ profileUrl: `https://www.linkedin.com/in/${id}/`, ...profileOverrides }), { id, now: 1 }),
    ...overrides,
  };
}

const people = [
  contact(
    'a',
    { status: 'asked', tags: ['Design', 'Berlin'], targetField: 'UX research', updatedAt: 5, createdAt: 1 },
    {
      name: 'Tomás Eberhardt',
      currentCompany: 'Harbor Labs',
      headline: 'Research lead',
    },
  ),
  contact(
    'b',
    { status: 'met', tags: ['design'], targetEmployer: 'Lumen Tide', updatedAt: 9, createdAt: 2 },
    {
      name: 'Priya Nandakumar',
      currentCompany: 'Lumen Tide',
    },
  ),
  contact(
    'c',
    { status: 'to-ask', updatedAt: 1, createdAt: 3 },
    { name: 'Ana Lima', currentCompany: 'Northwind', headline: null },
  ),
];
const notes = new Map([['c', 'talked about kubernetes migrations']]);
const index = buildSearchIndex(people, notes);
const ids = (list: Contact[]) => list.map((c) => c.id);

describe('search as you type', () => {
  it.each([
    ['', ['b', 'a', 'c']],
    ['tomas', ['a']],
    ['TOMÁS eber', ['a']],
    ['harbor', ['a']],
    ['research lead', ['a']],
    ['lumen', ['b']],
    ['design', ['b', 'a']],
    ['kubernetes', ['c']],
    ['ux', ['a']],
    ['lima northwind', ['c']],
    ['lima harbor', []],
    ['   ', ['b', 'a', 'c']],
  ])('%j → %j', (query, expected) => {
    expect(ids(searchContacts(index, query))).toEqual(expected);
  });

  it.each([
    [{ status: 'met' as const }, ['b']],
    [{ tag: 'Design' }, ['b', 'a']],
    [{ tag: 'berlin' }, ['a']],
    [{ targetField: 'ux research' }, ['a']],
    [{ targetEmployer: 'Lumen Tide' }, ['b']],
    [{ dueOnly: true }, ['c']],
    [{ sort: 'name' as const }, ['c', 'b', 'a']],
    [{ sort: 'created' as const }, ['c', 'b', 'a']],
    [{ sort: 'status' as const }, ['c', 'a', 'b']],
  ])('filters %j → %j', (filters, expected) => {
    expect(ids(searchContacts(index, '', filters, new Set(['c'])))).toEqual(expected);
  });

  it('lists the distinct tags, fields and employers for the filter menus', () => {
    expect(index.tags).toEqual(['Berlin', 'design', 'Design']);
    expect(index.fields).toEqual(['UX research']);
    expect(index.employers).toEqual(['Lumen Tide']);
  });

  it('typing on over 10,000 contacts gives what a fresh search gives (timings: `npm run bench`)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      contact(
        `p${i}`,
        { tags: [`tag${i % 50}`], updatedAt: i },
        { name: `Person ${i} Example`, currentCompany: `Company ${i % 300}` },
      ),
    );
    const big = buildSearchIndex(many);
    for (const q of ['p', 'pe', 'person', 'person 9', 'person 99', 'company 12']) {
      expect(ids(searchContacts(big, q))).toEqual(ids(searchContacts(buildSearchIndex(many), q)));
    }
  });
});

describe('helpers', () => {
  it.each([
    ['  Tomás   Eberhardt ', 'tomas eberhardt'],
    ['ÅSA', 'asa'],
  ])('normalise(%j) = %j', (input, expected) => expect(normalise(input)).toBe(expected));

  it.each([
    ['a, b,, a , B', ['a', 'b']],
    ['', []],
    ['  UX   research ', ['UX research']],
  ])('parseTags(%j) = %j', (input, expected) => expect(parseTags(input)).toEqual(expected));
});

describe('incremental search (typing on narrows the previous matches)', () => {
  it('gives the same results as a fresh search for any sequence of queries and filters', async () => {
    const fc = await import('fast-check');
    const words = ['ta', 'tom', 'lu', 'lumen', 'de', 'design', 'a', 'x', 'lima', 'harbor', ' '];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            query: fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((w) => w.join('')),
            status: fc.constantFrom(null, 'asked' as const, 'met' as const),
            sort: fc.constantFrom('updated' as const, 'name' as const),
          }),
          { maxLength: 12 },
        ),
        (steps) => {
          const live = buildSearchIndex(people, notes);
          for (const { query, status, sort } of steps) {
            const fresh = buildSearchIndex(people, notes);
            expect(ids(searchContacts(live, query, { status, sort }))).toEqual(
              ids(searchContacts(fresh, query, { status, sort })),
            );
          }
        },
      ),
    );
  });

  it('widens again after a backspace', () => {
    const live = buildSearchIndex(people, notes);
    expect(ids(searchContacts(live, 'lumen'))).toEqual(['b']);
    expect(ids(searchContacts(live, 'lumen x'))).toEqual([]);
    expect(ids(searchContacts(live, 'l'))).toEqual(['b', 'a', 'c']);
  });
});

describe('patching the index (a live change re-reads only the records it names)', () => {
  it('gives the same results as an index built afresh, for any sequence of edits, additions and removals', async () => {
    const fc = await import('fast-check');
    const words = ['ta', 'tom', 'lu', 'de', 'design', 'a', 'x', 'lima', 'zed', ''];
    const edit = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      remove: fc.boolean(),
      name: fc.constantFrom('Zed Lima', 'Tom Ta', 'Ana Lu', 'Dee Design'),
      tag: fc.constantFrom('design', 'Design', 'lima', ''),
      note: fc.constantFrom(null, 'lima', 'design talk'),
      updatedAt: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 10 }), fc.constantFrom(...words), (edits, query) => {
        const store = new Map(people.map((p) => [p.id, p]));
        const liveNotes = new Map(notes);
        let live = buildSearchIndex(people, liveNotes);
        for (const e of edits) {
          if (e.remove) {
            store.delete(e.id);
            live = patchSearchIndex(live, [], [e.id], liveNotes);
            continue;
          }
          if (e.note === null) liveNotes.delete(e.id);
          else liveNotes.set(e.id, e.note);
          const next = contact(e.id, { tags: e.tag ? [e.tag] : [], updatedAt: e.updatedAt }, { name: e.name });
          store.set(e.id, next);
          live = patchSearchIndex(live, [next], [], liveNotes);
        }
        const inIdOrder = [...store.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
        const fresh = buildSearchIndex(inIdOrder, liveNotes);
        for (const sort of ['updated', 'name', 'status', 'created'] as const) {
          expect(ids(searchContacts(live, query, { sort }))).toEqual(ids(searchContacts(fresh, query, { sort })));
        }
        expect([live.tags, live.fields, live.employers]).toEqual([fresh.tags, fresh.fields, fresh.employers]);
      }),
    );
  });
});
