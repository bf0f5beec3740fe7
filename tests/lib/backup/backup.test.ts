import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, parseBackup } from '@/lib/backup/format';
import { mergeTotals, planMerge } from '@/lib/backup/merge';
import { readAllStores, restoreBackup, settingsWrites } from '@/lib/backup/restore';
import { MAX_TIME, MIN_TIME, type StoreRecords } from '@/lib/backup/schema';
import { openRapportDB, resetDBConnection, type RapportDatabase } from '@/lib/db/open';
import { DB_VERSION, STORE_NAMES } from '@/lib/db/schema';
import { IDBFactory } from 'fake-indexeddb';
import { CONTACT_STATUSES } from '@/lib/contacts/model';
import { sampleSettings, sampleStores } from './factory';

const NOW = Date.UTC(2026, 10, 22, 3, 0);

async function fill(db: RapportDatabase, stores: StoreRecords): Promise<void> {
  const tx = db.transaction([...STORE_NAMES], 'readwrite');
  for (const store of STORE_NAMES) for (const r of stores[store]) void tx.objectStore(store).put(r as never);
  await tx.done;
}

function parsed(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.error);
  return result.backup;
}

async function freshDb(): Promise<RapportDatabase> {
  await resetDBConnection();
  globalThis.indexedDB = new IDBFactory();
  return openRapportDB();
}

describe('backup export', () => {
  it('carries every store and only settings:* keys, with a format version', async () => {
    const { text, problems, counts } = exportBackup(sampleStores(), sampleSettings, NOW);
    expect(problems).toEqual([]);
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'rapport-backup',
      formatVersion: 1,
      dbVersion: DB_VERSION,
      exportedAt: '2026-11-22T03:00:00.000Z',
    });
    expect(Object.keys(file.stores).sort()).toEqual([...STORE_NAMES].sort());
    expect(Object.keys(file.settings)).toEqual(['settings:followups', 'settings:followups$']);
    expect(counts).toEqual({ contacts: 3, timeline: 6, meetings: 2, followups: 2, questions: 1 });
  });

  it('keeps a record that would not validate, and names it (nothing is left out)', () => {
    const stores = sampleStores({ contacts: 1 });
    (stores.contacts[0] as unknown as { status: string }).status = 'mystery';
    const { text, problems } = exportBackup(stores, {}, NOW);
    expect(problems).toEqual([expect.objectContaining({ store: 'contacts', id: 'c00000' })]);
    expect(problems[0]!.message).toContain('status');
    expect(JSON.parse(text).stores.contacts[0].status).toBe('mystery');
  });
});

describe('restore', () => {
  it('replace: the store then holds exactly the file (old records gone), one change per store announced', async () => {
    const db = await openRapportDB();
    await fill(db, sampleStores({ contacts: 2, prefix: 'old' }));
    const source = sampleStores({ contacts: 4 });
    const { text } = exportBackup(source, sampleSettings, NOW);
    const result = await restoreBackup(db, parsed(text), { kind: 'replace' });
    expect(result.written.contacts).toBe(4);
    const after = await readAllStores(db);
    expect(after.contacts.map((c) => c.id)).toEqual(source.contacts.map((c) => c.id));
    expect(after.timeline).toHaveLength(8);
    expect(exportBackup(after, sampleSettings, NOW).text).toBe(text);
  });

  it('replace writes the backup settings and removes settings the backup does not have', () => {
    const writes = settingsWrites(
      { 'settings:a': 1, 'settings:b': 2, 'ui:x': 3 },
      { 'settings:a': 5 },
      { kind: 'replace' },
    );
    expect(writes).toEqual({ set: { 'settings:a': 5 }, remove: ['settings:b'] });
    const merge = settingsWrites({ 'settings:a': 1 }, { 'settings:a': 5, 'settings:c': 6 }, { kind: 'merge' });
    expect(merge).toEqual({ set: { 'settings:c': 6 }, remove: [] });
  });

  it('property: export → restore → export gives the same file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 4 }),
        fc.constantFrom(...CONTACT_STATUSES),
        fc.option(fc.double({ noNaN: true, min: MIN_TIME, max: MAX_TIME }), { nil: null }),
        fc.dictionary(fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 3 }),
        async (contacts, notesPer, texts, status, capturedAt, setting) => {
          const stores = sampleStores({ contacts, notesPer });
          stores.contacts.forEach((c, i) => {
            c.about = texts[i % Math.max(1, texts.length)] ?? null;
            c.tags = texts;
            c.status = status;
            // -0 is not JSON (it is written as 0), and the app never stores it.
            c.capturedAt = Object.is(capturedAt, -0) ? 0 : capturedAt;
          });
          stores.timeline.forEach((t, i) => (t.text = texts[i % Math.max(1, texts.length)] ?? ''));
          // fc.jsonValue can produce -0, which JSON writes as 0: a JSON settings value never holds -0.
          const settings = { 'settings:prop': JSON.parse(JSON.stringify(setting)) };
          const first = exportBackup(stores, settings, NOW).text;
          const db = await freshDb();
          await restoreBackup(db, parsed(first), { kind: 'replace' });
          const second = exportBackup(await readAllStores(db), settings, NOW).text;
          expect(second).toBe(first);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('merge preview: new, updated, conflicting, unchanged', async () => {
    const db = await openRapportDB();
    const mine = sampleStores({ contacts: 3 });
    await fill(db, mine);
    const backup = sampleStores({ contacts: 5 });
    backup.contacts[0]!.about = 'newer in the backup';
    backup.contacts[0]!.updatedAt += 1000;
    backup.contacts[1]!.about = 'older in the backup';
    backup.contacts[1]!.updatedAt -= 1000;
    const plan = planMerge(await readAllStores(db), parsed(exportBackup(backup, {}, NOW).text).stores);
    expect(plan.stores.contacts).toEqual({
      added: ['c00003', 'c00004'],
      updated: ['c00000'],
      conflicting: ['c00001'],
      unchanged: 1,
    });
    expect(plan.conflictNames).toEqual([mine.contacts[1]!.name]);
    expect(mergeTotals(plan)).toMatchObject({ added: 2 + 4, updated: 1, conflicting: 1 });
  });

  it.each([
    ['keep-mine', 'mine'],
    ['take-backup', 'older in the backup'],
  ] as const)('merge with %s resolves conflicts that way and adds the new records', async (resolution, about) => {
    const db = await openRapportDB();
    const mine = sampleStores({ contacts: 2 });
    mine.contacts[1]!.about = 'mine';
    await fill(db, mine);
    const backup = sampleStores({ contacts: 3 });
    backup.contacts[1]!.about = 'older in the backup';
    backup.contacts[1]!.updatedAt -= 1000;
    await restoreBackup(db, parsed(exportBackup(backup, {}, NOW).text), { kind: 'merge', resolution });
    const after = await readAllStores(db);
    expect(after.contacts).toHaveLength(3);
    expect(after.contacts.find((c) => c.id === 'c00001')?.about).toBe(about);
    expect(after.timeline).toHaveLength(6);
  });

  it('merge matches a contact by profile URL when ids differ, and moves its notes to the stored contact', async () => {
    const db = await openRapportDB();
    const mine = sampleStores({ contacts: 1, prefix: 'c' });
    await fill(db, mine);
    const backup = sampleStores({ contacts: 1, prefix: 'other' });
    backup.contacts[0]!.profileUrl = mine.contacts[0]!.profileUrl;
    backup.followups[0]!.aboutContactId = 'other00000';
    const { text } = exportBackup(backup, {}, NOW);
    const plan = planMerge(await readAllStores(db), parsed(text).stores);
    expect(plan.remapped).toEqual({ other00000: 'c00000' });
    await restoreBackup(db, parsed(text), { kind: 'merge', resolution: 'keep-mine' });
    const after = await readAllStores(db);
    expect(after.contacts.map((c) => c.id)).toEqual(['c00000']);
    expect(after.timeline.filter((t) => t.contactId === 'c00000')).toHaveLength(4);
    expect(after.timeline.every((t) => t.contactId === 'c00000')).toBe(true);
    const moved = after.followups.find((f) => f.id === 'other00000-f');
    expect(moved).toMatchObject({ contactId: 'c00000', aboutContactId: 'c00000' });
  });

  it('a write the database refuses aborts the whole restore: nothing changes', async () => {
    const db = await openRapportDB();
    const mine = sampleStores({ contacts: 2 });
    await fill(db, mine);
    const before = await readAllStores(db);
    // c00000 is taken over by the backup with c00001's profile URL: the unique index refuses it.
    const backup = sampleStores({ contacts: 3 });
    backup.contacts[0]!.profileUrl = 'https://www.linkedin.com/in/someone-else/';
    backup.contacts[0]!.updatedAt += 5;
    backup.contacts[2]!.profileUrl = mine.contacts[1]!.profileUrl.replace('person-1', 'person-x');
    backup.contacts[0]!.profileUrl = mine.contacts[1]!.profileUrl;
    backup.contacts[1]!.profileUrl = 'https://www.linkedin.com/in/moved/';
    backup.contacts[1]!.updatedAt -= 5;
    const file = parsed(exportBackup(backup, {}, NOW).text);
    await expect(restoreBackup(db, file, { kind: 'merge', resolution: 'keep-mine' })).rejects.toThrow(
      /Nothing was restored/,
    );
    expect(await readAllStores(db)).toEqual(before);
  });
});
