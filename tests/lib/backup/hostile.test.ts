import { describe, expect, it } from 'vitest';
import { exportBackup, MAX_BACKUP_BYTES, parseBackup } from '@/lib/backup/format';
import { readAllStores, restoreBackup } from '@/lib/backup/restore';
import { openRapportDB } from '@/lib/db/open';
import { STORE_NAMES } from '@/lib/db/schema';
import { sampleStores } from './factory';

const NOW = Date.UTC(2026, 10, 22);
const good = () => JSON.parse(exportBackup(sampleStores(), { 'settings:x': { a: 1 } }, NOW).text);
const text = (file: unknown) => JSON.stringify(file);

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** [what, file text, expected error] */
const hostile: [string, () => string, RegExp][] = [
  ['truncated JSON', () => text(good()).slice(0, 500), /not valid JSON \(it may be cut short\)/],
  ['empty file', () => '', /not valid JSON/],
  ['a JSON array', () => '[]', /not a Rapport backup/],
  ['another app’s JSON', () => text({ version: 1, items: [] }), /not a Rapport backup/],
  ['a newer database version', () => text({ ...good(), dbVersion: 999 }), /newer Rapport \(database version 999/],
  ['a newer format version', () => text({ ...good(), formatVersion: 2 }), /newer Rapport \(format 2/],
  ['format version as text', () => text({ ...good(), formatVersion: '1' }), /Backup header: field formatVersion/],
  [
    'a wrong type in a record (named by record and field)',
    () => {
      const f = good();
      f.stores.contacts[1].status = 42;
      return text(f);
    },
    /contacts\[1\] \(id c00001\): field status: is not one of to-ask/,
  ],
  [
    'a nested wrong type',
    () => {
      const f = good();
      f.stores.contacts[0].experience[0].current = 'yes';
      return text(f);
    },
    /contacts\[0\] \(id c00000\): field experience\.0\.current: Invalid type: Expected boolean/,
  ],
  [
    'a missing field',
    () => {
      const f = good();
      delete f.stores.timeline[2].contactId;
      return text(f);
    },
    /timeline\[2\] \(id c00001-n0\): field contactId/,
  ],
  [
    'an unknown field',
    () => {
      const f = good();
      f.stores.meetings[0].password = 'x';
      return text(f);
    },
    /meetings\[0\] \(id c00000-m\): field password/,
  ],
  [
    'a store this version does not know',
    () => text({ ...good(), stores: { ...good().stores, spies: [] } }),
    /store this Rapport does not know: "spies"/,
  ],
  [
    'a store that is not a list',
    () => text({ ...good(), stores: { ...good().stores, notes: 1 } }),
    /does not know: "notes"/,
  ],
  [
    'a store that is an object',
    () => text({ ...good(), stores: { ...good().stores, timeline: { 0: {} } } }),
    /stores\.timeline is not a list/,
  ],
  [
    'a duplicate id',
    () => {
      const f = good();
      f.stores.questions.push(f.stores.questions[0]);
      return text(f);
    },
    /questions\[1\] \(id q1\): the id appears twice/,
  ],
  [
    'two contacts with one profile',
    () => {
      const f = good();
      f.stores.contacts[2].profileUrl = f.stores.contacts[0].profileUrl;
      return text(f);
    },
    /contacts\[2\] \(id c00002\), field profileUrl: the same profile as contact c00000/,
  ],
  [
    'a 2 MB string in a field',
    () => {
      const f = good();
      f.stores.contacts[0].about = 'x'.repeat(2_000_000);
      return text(f);
    },
    /contacts\[0\] \(id c00000\): field about: is longer than 1000000 characters/,
  ],
  [
    'a 50 MB file (refused before parsing)',
    () => {
      const f = good();
      f.stores.contacts[0].about = 'x'.repeat(50 * 1024 * 1024);
      return text(f);
    },
    /too large \(50 MB\); a Rapport backup is at most 40 MB/,
  ],
  [
    'deep nesting in a record',
    () => text(good()).replace('"tags":[]', `"tags":${nested(100_000)}`),
    /field tags\.0: Invalid type: Expected string/,
  ],
  [
    'deep nesting in settings',
    () => text({ ...good(), settings: { 'settings:x': JSON.parse(nested(1000)) } }),
    /Settings: field settings:x: is not plain JSON \(or is nested deeper than 32 levels\)/,
  ],
  [
    'a settings key outside settings:',
    () => text({ ...good(), settings: { 'ui:x': 1 } }),
    /Settings: .*is not a settings key/,
  ],
  [
    'a website that is not a web address (it would become a link)',
    () => {
      const f = good();
      f.stores.contacts[0].websites = ['https://example.org', 'javascript:alert(1)'];
      return text(f);
    },
    /contacts\[0\] \(id c00000\): field websites\.1: is not an http\(s\) web address/,
  ],
  [
    'NaN-like numbers',
    () => text(good()).replace('"createdAt":1700000000000', '"createdAt":1e999'),
    /field createdAt: is not a finite number/,
  ],
];

describe('hostile backup files', () => {
  it.each(hostile)('%s → a clear error, store unchanged', async (_what, make, expected) => {
    const db = await openRapportDB();
    const mine = sampleStores({ contacts: 2, prefix: 'mine' });
    const tx = db.transaction([...STORE_NAMES], 'readwrite');
    for (const s of STORE_NAMES) for (const r of mine[s]) void tx.objectStore(s).put(r as never);
    await tx.done;
    const before = await readAllStores(db);
    const result = parseBackup(make());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(expected);
    expect(await readAllStores(db)).toEqual(before);
  });

  it('the size limit is checked before parsing, at the limit exactly', () => {
    const at = parseBackup(' '.repeat(MAX_BACKUP_BYTES));
    expect(!at.ok && at.error).toMatch(/not valid JSON/);
    const over = parseBackup(' '.repeat(MAX_BACKUP_BYTES + 1));
    expect(!over.ok && over.error).toMatch(/too large/);
  });

  it('__proto__ / constructor keys pollute nothing and are not stored', async () => {
    const f = text(good())
      .replace('"checklist":{', '"checklist":{"__proto__":{"polluted":true},"constructor":{"x":1},')
      .replace('"data":{', '"data":{"__proto__":{"polluted":true},')
      .replace('"settings":{', '"settings":{"__proto__":{"polluted":true},');
    const result = parseBackup(f);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const db = await openRapportDB();
    await restoreBackup(db, result.backup, { kind: 'replace' });
    const after = await readAllStores(db);
    expect(Object.keys(after.meetings[0]!.checklist)).toEqual(['agenda', 'thanks']);
    expect(Object.getPrototypeOf(after.meetings[0]!.checklist)).toBe(Object.prototype);
    expect(Object.keys(after.timeline[0]!.data ?? {})).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ key at record level is refused as an unknown field or ignored, never applied', () => {
    const f = text(good()).replace('{"id":"q1"', '{"__proto__":{"builtin":"x"},"id":"q1"');
    const result = parseBackup(f);
    if (result.ok) expect(result.backup.stores.questions[0]!.builtin).toBe(true);
    expect(({} as Record<string, unknown>).builtin).toBeUndefined();
  });

  it('a BOM before the JSON is accepted', () => {
    expect(parseBackup('\uFEFF' + text(good())).ok).toBe(true);
  });
});
