import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SenderInfo } from '@/lib/messaging/sender';
import { saveCapture } from '@/lib/db/contacts';
import { addFollowup } from '@/lib/db/followups';
import { createMeeting } from '@/lib/db/meetings';
import { addQuestion, setQuestionStarred } from '@/lib/db/questions';
import { addTimelineEntry } from '@/lib/db/timeline';
import { profile } from '../contacts/factory';
import { draft } from '../followups/factory';
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

/** The good file with one change made by `change` (which may return anything). */
function edit(change: (file: ReturnType<typeof good>) => unknown): string {
  const file = good();
  change(file);
  return text(file);
}

/** [what, file text, expected error] */
const hostile: [string, () => string, RegExp][] = [
  ['truncated JSON', () => text(good()).slice(0, 500), /not valid JSON \(it may be cut short\)/],
  ['empty file', () => '', /not valid JSON/],
  ['a JSON array', () => '[]', /not a Rapport backup/],
  ['another app’s JSON', () => text({ version: 1, items: [] }), /not a Rapport backup/],
  ['a newer database version', () => text({ ...good(), dbVersion: 999 }), /newer Rapport \(database version 999/],
  ['a newer format version', () => text({ ...good(), formatVersion: 2 }), /newer Rapport \(format 2/],
  [
    'format version as text',
    () => text({ ...good(), formatVersion: '1' }),
    /not a Rapport backup: format version "1" is not a number/,
  ],
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
  // ---- issue 13, item 3: values the old reader took that break views and exports ----
  [
    'a meeting at 1e300',
    () => edit((f) => (f.stores.meetings[0].startsAt = 1e300)),
    /meetings\[0\] \(id c00000-m\): field startsAt: is not a time between the years 1900 and 2200/,
  ],
  [
    'a meeting one ms past the Date range',
    () => edit((f) => (f.stores.meetings[0].startsAt = 8.64e15 + 1)),
    /meetings\[0\] \(id c00000-m\): field startsAt: is not a time between/,
  ],
  [
    'a follow-up due at 1e300',
    () => edit((f) => (f.stores.followups[0].dueAt = 1e300)),
    /followups\[0\] \(id c00000-f\): field dueAt: is not a time between/,
  ],
  [
    'a follow-up due in 1850',
    () => edit((f) => (f.stores.followups[1].dueAt = Date.UTC(1850, 0, 1))),
    /followups\[1\] \(id c00001-f\): field dueAt: is not a time between/,
  ],
  [
    'a time in the year 2201',
    () => edit((f) => (f.stores.contacts[1].updatedAt = Date.UTC(2201, 0, 1))),
    /contacts\[1\] \(id c00001\): field updatedAt: is not a time between/,
  ],
  [
    'a nested history time at -1e300',
    () => edit((f) => (f.stores.followups[0].history[0].at = -1e300)),
    /followups\[0\] \(id c00000-f\): field history\.0\.at: is not a time between/,
  ],
  [
    'recurrenceMonths 1e9',
    () => edit((f) => (f.stores.followups[0].recurrenceMonths = 1e9)),
    /followups\[0\] \(id c00000-f\): field recurrenceMonths: is not a number of months from 1 to 120/,
  ],
  [
    'recurrenceMonths 0',
    () => edit((f) => (f.stores.followups[0].recurrenceMonths = 0)),
    /field recurrenceMonths: is not a number of months from 1 to 120/,
  ],
  [
    'recurrenceMonths 1.5',
    () => edit((f) => (f.stores.followups[0].recurrenceMonths = 1.5)),
    /field recurrenceMonths: is not a whole number/,
  ],
  [
    'durationMin 0',
    () => edit((f) => (f.stores.meetings[0].durationMin = 0)),
    /meetings\[0\] \(id c00000-m\): field durationMin: is not from 1 to 1,440 minutes/,
  ],
  [
    'durationMin 1441',
    () => edit((f) => (f.stores.meetings[1].durationMin = 1441)),
    /meetings\[1\] \(id c00001-m\): field durationMin: is not from 1 to 1,440 minutes/,
  ],
  [
    'a revision counter of 1e300',
    () => edit((f) => (f.stores.contacts[0].rev = 1e300)),
    /contacts\[0\] \(id c00000\): field rev: is not a revision from 0/,
  ],
  [
    'a nudge attempt of 1e9',
    () => edit((f) => (f.stores.followups[0].attempt = 1e9)),
    /field attempt: is not an attempt number from 0 to 1,000/,
  ],
  [
    'an id with CR/LF (it would add a vCard line)',
    () => edit((f) => (f.stores.questions[0].id = 'q1\r\nEMAIL:evil@example.com')),
    /questions\[0\] \(id q1\r\nEMAIL:evil@example.com\): field id: has a character other than letters, digits and \. _ : -/,
  ],
  [
    'an id with a space',
    () => edit((f) => (f.stores.timeline[0].id = 'a b')),
    /timeline\[0\] \(id a b\): field id: has a character other than/,
  ],
  [
    'a contactId with a slash',
    () => edit((f) => (f.stores.timeline[0].contactId = '../c00000')),
    /timeline\[0\] \(id c00000-n0\): field contactId: has a character other than/,
  ],
  [
    'a question id with CR/LF inside a meeting',
    () => edit((f) => (f.stores.meetings[0].questionIds = ['q1\nX'])),
    /meetings\[0\] \(id c00000-m\): field questionIds\.0: has a character other than/,
  ],
  [
    'a profile URL with CR/LF',
    () => edit((f) => (f.stores.contacts[0].profileUrl = 'https://www.linkedin.com/in/x/\r\nEMAIL:evil@example.com')),
    /contacts\[0\] \(id c00000\): field profileUrl: is neither an http\(s\) web address nor manual:<id>/,
  ],
  [
    'a javascript: profile URL',
    () => edit((f) => (f.stores.contacts[0].profileUrl = 'javascript:alert(1)')),
    /contacts\[0\] \(id c00000\): field profileUrl: is neither an http\(s\) web address/,
  ],
  [
    'a manual: profile URL with a line break',
    () => edit((f) => (f.stores.contacts[0].profileUrl = 'manual:c00000\nURL:x')),
    /field profileUrl: is neither/,
  ],
  [
    'a website with CR/LF',
    () => edit((f) => (f.stores.contacts[1].websites = ['https://example.org/\r\nTEL:1'])),
    /contacts\[1\] \(id c00001\): field websites\.0: is not an http\(s\) web address/,
  ],
  [
    'a javascript: photo URL',
    () => edit((f) => (f.stores.contacts[0].photoUrl = 'javascript:alert(1)')),
    /contacts\[0\] \(id c00000\): field photoUrl: is not a web address or an image/,
  ],
  [
    'an SVG thumbnail (it can carry script)',
    () => edit((f) => (f.stores.contacts[0].photoThumb = 'data:image/svg+xml;base64,PHN2Zz4=')),
    /contacts\[0\] \(id c00000\): field photoThumb: is not an inlined raster image/,
  ],
  [
    '"stores": [] (once taken as an empty backup)',
    () => text({ ...good(), stores: [] }),
    /not a Rapport backup: "stores" is a list, not an object/,
  ],
  ['"stores": null', () => text({ ...good(), stores: null }), /"stores" is null, not an object/],
  ['"stores": "all"', () => text({ ...good(), stores: 'all' }), /"stores" is string, not an object/],
  [
    '"stores": {} (replace would empty every store)',
    () => text({ ...good(), stores: {} }),
    /stores\.contacts is missing/,
  ],
  ['a store left out', () => edit((f) => delete f.stores.followups), /stores\.followups is missing/],
  [
    'formatVersion 1.5 (not "newer")',
    () => text({ ...good(), formatVersion: 1.5 }),
    /^This is not a Rapport backup: format version 1\.5 is not a whole number\.$/,
  ],
  [
    'formatVersion 2.5 (not "newer" either)',
    () => text({ ...good(), formatVersion: 2.5 }),
    /^This is not a Rapport backup: format version 2\.5 is not a whole number\.$/,
  ],
  ['formatVersion 0', () => text({ ...good(), formatVersion: 0 }), /format version 0 is not a positive whole number/],
  [
    'formatVersion -1',
    () => text({ ...good(), formatVersion: -1 }),
    /format version -1 is not a positive whole number/,
  ],
  ['no formatVersion', () => edit((f) => delete f.formatVersion), /format version undefined is not a number/],
  ['dbVersion 1.5', () => text({ ...good(), dbVersion: 1.5 }), /database version 1\.5 is not a whole number/],
  [
    'exportedAt "not a date"',
    () => text({ ...good(), exportedAt: 'not a date' }),
    /its date of export, "not a date", is not a real date/,
  ],
  [
    'exportedAt on the 45th of month 13',
    () => text({ ...good(), exportedAt: '2026-13-45T00:00:00.000Z' }),
    /is not a real date/,
  ],
  [
    'exportedAt past the Date range',
    () => text({ ...good(), exportedAt: '+275760-09-13T00:00:00.001Z' }),
    /is not a real date/,
  ],
  [
    'exportedAt as a number',
    () => text({ ...good(), exportedAt: 1_700_000_000_000 }),
    /its date of export, 1700000000000, is not a real date/,
  ],
  // ---- issue 13, item 6: giant strings, deep nesting, duplicate ids, broken links ----
  [
    'a 300-character id',
    () => edit((f) => (f.stores.questions[0].id = 'q'.repeat(300))),
    /questions\[0\] \(id q{80}\): field id: is longer than 200 characters/,
  ],
  [
    'a 10,000-character URL',
    () => edit((f) => (f.stores.contacts[0].websites = [`https://example.org/${'a'.repeat(10_000)}`])),
    /field websites\.0: is longer than 8192 characters/,
  ],
  [
    'a giant checklist key',
    () => edit((f) => (f.stores.meetings[0].checklist = { ['k'.repeat(500)]: true })),
    /meetings\[0\] \(id c00000-m\): field checklist\.k+: is a key longer than 200 characters/,
  ],
  [
    'a giant store name',
    () => edit((f) => (f.stores['s'.repeat(100_000)] = [])),
    /store this Rapport does not know: "s{80}"/,
  ],
  [
    'a duplicate contact id',
    () =>
      edit((f) =>
        f.stores.contacts.push({ ...f.stores.contacts[0], profileUrl: 'https://www.linkedin.com/in/other/' }),
      ),
    /contacts\[3\] \(id c00000\): the id appears twice/,
  ],
  [
    'a follow-up pointing at no contact',
    () => edit((f) => (f.stores.followups[1].contactId = 'nobody')),
    /followups\[1\] \(id c00001-f\), field contactId: no contact with the id nobody in this backup/,
  ],
  [
    'a meeting pointing at no contact',
    () => edit((f) => (f.stores.meetings[0].contactId = 'ghost')),
    /meetings\[0\] \(id c00000-m\), field contactId: no contact with the id ghost/,
  ],
  [
    'a note pointing at no contact',
    () => edit((f) => (f.stores.timeline[5].contactId = 'ghost')),
    /timeline\[5\] \(id c00002-n1\), field contactId: no contact with the id ghost/,
  ],
];

const handlers = new Map<string, (data: unknown, sender: SenderInfo) => Promise<unknown>>();
vi.mock('@/lib/background/handle', () => ({
  handle: (type: string, fn: (data: unknown, sender: SenderInfo) => Promise<unknown>) => handlers.set(type, fn),
}));
const { registerDataHandlers } = await import('@/lib/background/data');
registerDataHandlers();
const send = (type: string, data: unknown) => handlers.get(type)!(data, {} as SenderInfo);

/** What the user has before the hostile file: two people with notes, meetings, follow-ups, and a setting. */
async function seed() {
  const db = await openRapportDB();
  const mine = sampleStores({ contacts: 2, prefix: 'mine' });
  const tx = db.transaction([...STORE_NAMES], 'readwrite');
  for (const s of STORE_NAMES) for (const r of mine[s]) void tx.objectStore(s).put(r as never);
  await tx.done;
  await fakeBrowser.storage.local.set({ 'settings:mine': { keep: true } });
  return { db, stores: await readAllStores(db), storage: await fakeBrowser.storage.local.get(null) };
}

describe('hostile backup files (through the background handlers, as the options page sends them)', () => {
  it.each(hostile)('%s → refused by name, nothing changed', async (_what, make, expected) => {
    const before = await seed();
    const file = make();
    // The preview, a merge and a replace each refuse it with the same message.
    for (const [type, data] of [
      ['previewRestore', { text: file }],
      ['restoreBackup', { text: file, mode: 'merge', resolution: 'take-backup' }],
      ['restoreBackup', { text: file, mode: 'replace', resolution: 'keep-mine' }],
    ] as const) {
      const reply = (await send(type, data)) as { ok: boolean; error?: string };
      expect(reply.ok, type).toBe(false);
      expect(reply.error).toMatch(expected);
      expect(reply.error).not.toMatch(/newer Rapport/.test(expected.source) ? /^$/ : /newer Rapport/);
    }
    expect(await readAllStores(before.db)).toEqual(before.stores);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before.storage);
  });

  it('the good file the table is made from restores (so each case fails for its own change alone)', async () => {
    await seed();
    const reply = (await send('restoreBackup', { text: text(good()), mode: 'replace', resolution: 'keep-mine' })) as {
      ok: boolean;
    };
    expect(reply).toMatchObject({ ok: true, written: { contacts: 3, timeline: 6, meetings: 2, followups: 2 } });
  });

  it('a backup written by today’s release, from data made by the app’s own writers, restores whole', async () => {
    const db = await openRapportDB();
    const now = Date.UTC(2026, 10, 22, 10);
    const { contact } = await saveCapture(db, profile({ websites: ['https://example.org/me'] }), { now });
    const meeting = await createMeeting(db, contact.id, { now, questionIds: ['bq-background-1'] });
    await addTimelineEntry(db, { contactId: contact.id, at: now, kind: 'note', text: 'Met at the fair;\r\nnice' });
    await addFollowup(db, draft({ contactId: contact.id, meetingId: meeting.id, recurrenceMonths: 3 }), now);
    await setQuestionStarred(db, 'bq-background-1', true);
    await addQuestion(db, { topic: 'advice', text: 'What would you read first?' }, now);
    const settings = { 'settings:backup': { reminderDays: 7, autoBackup: false } };
    const exported = exportBackup(await readAllStores(db), settings, now);
    expect(exported.problems).toEqual([]);
    const stores = await readAllStores(db);
    await db.clear('contacts');
    for (const s of ['timeline', 'meetings', 'followups', 'questions'] as const) await db.clear(s);
    const reply = (await send('restoreBackup', { text: exported.text, mode: 'replace', resolution: 'keep-mine' })) as {
      ok: boolean;
      settings: unknown;
    };
    expect(reply).toMatchObject({ ok: true, settings });
    expect(await readAllStores(db)).toEqual(stores);
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
