import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCaptures, updateContact } from '@/lib/db/contacts';
import { addFollowup } from '@/lib/db/followups';
import { createMeeting, updateMeeting } from '@/lib/db/meetings';
import { addTimelineEntry } from '@/lib/db/timeline';
import { noHints } from '@/lib/sync/dirty';
import { DavError } from '@/lib/sync/errors';
import { countPending } from '@/lib/sync/engine';
import { profile } from '../contacts/factory';
import { openComputer, saveOne } from './computers';
import { radicaleAvailable, startRadicale, type RadicaleServer } from './radicale';

let server: RadicaleServer;
beforeAll(async () => {
  server = await startRadicale();
});
afterAll(async () => {
  await server?.stop();
});

const PYTHON = '/usr/bin/python3';

/** Every file Radicale stored for this user, read back with Python's vobject (a real vCard/iCalendar parser). */
function parseAllWithVobject(dir: string): { cards: number; calendars: number; errors: string[] } {
  const script = `
import sys, os, json, vobject
cards = calendars = 0; errors = []
for root, _, files in os.walk(sys.argv[1]):
    if '.Radicale' in root: continue
    for f in files:
        if not (f.endswith('.vcf') or f.endswith('.ics')): continue
        path = os.path.join(root, f)
        text = open(path, encoding='utf-8').read()
        try:
            obj = vobject.readOne(text)
            if obj.name == 'VCARD':
                cards += 1; obj.fn.value; obj.n.value
            elif obj.name == 'VCALENDAR':
                calendars += 1
        except Exception as e:
            errors.append(path + ': ' + repr(e))
print(json.dumps({'cards': cards, 'calendars': calendars, 'errors': errors}))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, dir], { encoding: 'utf8' })) as {
    cards: number;
    calendars: number;
    errors: string[];
  };
}

describe.skipIf(!radicaleAvailable())('what the server holds', () => {
  it('every card and calendar object parses with Python vobject; hard values survive the round trip', async () => {
    const a = await openComputer(server);
    const b = await openComputer(server);
    const hard = {
      name: 'Zoë “Zed” O’Brien-Núñez 😀',
      headline: 'Staff engineer; payments, risk \\ ops',
      about: 'Line one\nLine two; with, punctuation\\',
      location: 'Québec, QC; Canada',
      currentCompany: 'Acme; Corp, Inc.',
      websites: ['https://example.org/a,b'],
    };
    const { contact } = await saveOne(
      a.db,
      [{ profile: profile(hard), photoThumb: 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==' }],
      {
        now: a.now.value,
      },
    );
    await updateContact(
      a.db,
      contact.id,
      [{ field: 'tags', before: [], after: ['hiring; soon', 'data, ml'] }],
      a.now.value,
    );
    await addTimelineEntry(a.db, {
      contactId: contact.id,
      at: 1,
      kind: 'note',
      text: 'comma, semicolon; backslash \\ newline\nend',
    });
    const m = await createMeeting(a.db, contact.id, { now: a.now.value });
    await updateMeeting(
      a.db,
      m.id,
      [
        { field: 'startsAt', before: null, after: Date.UTC(2026, 11, 1, 10) },
        { field: 'where', before: '', after: 'Café; room 2, floor 3' },
      ],
      a.now.value,
    );
    await addFollowup(
      a.db,
      {
        contactId: contact.id,
        meetingId: null,
        kind: 'check-in',
        title: 'Check in, quarterly; ask',
        dueAt: Date.UTC(2027, 2, 1),
        recurrenceMonths: 3,
        deadlineAt: null,
        aboutContactId: null,
      },
      a.now.value,
    );
    await a.sync();
    await b.sync();
    const got = (await b.db.get('contacts', contact.id))!;
    for (const [key, value] of Object.entries(hard)) expect(got[key as keyof typeof got], key).toEqual(value);
    expect(got.tags.sort()).toEqual(['data, ml', 'hiring; soon']);
    expect(got.photoThumb).toBe('data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==');
    expect((await b.db.getAll('timeline')).find((e) => e.contactId === contact.id)?.text).toBe(
      'comma, semicolon; backslash \\ newline\nend',
    );
    expect((await b.db.get('meetings', m.id))?.where).toBe('Café; room 2, floor 3');
    const parsed = parseAllWithVobject(join(server.dir, 'collections'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards).toBeGreaterThanOrEqual(1);
    expect(parsed.calendars).toBeGreaterThanOrEqual(2);
  });

  it('another app’s edit of a standard field wins, its own properties are kept, and Rapport-only fields survive an app that drops them', async () => {
    const a = await openComputer(server);
    const { contact } = await saveOne(
      a.db,
      [{ profile: profile({ profileUrl: 'https://www.linkedin.com/in/other-app/' }) }],
      { now: a.now.value },
    );
    await updateContact(a.db, contact.id, [{ field: 'targetField', before: null, after: 'Risk' }], a.now.value);
    await a.sync();
    const obj = (await a.db.get('syncObjects', `card:${contact.id}`))!;
    // A phone app rewrites the card: new TITLE, its own property, and no X-RAPPORT-* at all.
    const rewritten = obj.text
      .split('\r\n')
      .filter((l) => l && !/^(X-RAPPORT|\s)/.test(l))
      .map((l) => (l.startsWith('TITLE') ? 'TITLE:Head of data' : l))
      .filter((l) => l !== 'END:VCARD')
      .concat(['X-PHONE-APP-FLAG:kept', 'END:VCARD', ''])
      .join('\r\n');
    const auth = `Basic ${Buffer.from(`${server.user}:${server.password}`).toString('base64')}`;
    const put = await fetch(obj.href, {
      method: 'PUT',
      body: rewritten,
      headers: { Authorization: auth, 'Content-Type': 'text/vcard' },
    });
    expect(put.status).toBeLessThan(300);
    // No local edit to hint at: the pull alone must send our properties back.
    await a.sync(noHints());
    const c = (await a.db.get('contacts', contact.id))!;
    expect(c.currentTitle).toBe('Head of data');
    expect(c.targetField).toBe('Risk');
    expect(c.headline).toBe(contact.headline);
    const after = await (await fetch(obj.href, { headers: { Authorization: auth } })).text();
    expect(after).toContain('X-PHONE-APP-FLAG:kept');
    expect(after).toContain('X-RAPPORT-DATA');
  });

  it('a wrong password says so, a stopped server says so, and nothing local is lost', async () => {
    const wrong = await openComputer(server, { password: 'not-the-password' });
    await saveCaptures(wrong.db, [{ profile: profile({ profileUrl: 'https://www.linkedin.com/in/wrong-pw/' }) }], {
      now: 1,
    });
    const error = await wrong.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DavError);
    expect((error as DavError).kind).toBe('auth');
    expect(await wrong.db.count('contacts')).toBe(1);

    const a = await openComputer(server);
    await a.sync();
    await saveCaptures(a.db, [{ profile: profile({ profileUrl: 'https://www.linkedin.com/in/offline/' }) }], {
      now: 2,
    });
    await server.pause();
    try {
      const offline = await a.sync().catch((e: unknown) => e);
      expect((offline as DavError).kind).toBe('unreachable');
      expect(await countPending(a.db)).toBe(1);
    } finally {
      await server.resume();
    }
    await a.sync();
    expect(await countPending(a.db)).toBe(0);
  });

  it('a run cut off mid-push resumes on the next run: nothing lost, nothing duplicated', async () => {
    const fresh = await startRadicale();
    try {
      const a = await openComputer(fresh);
      const items = Array.from({ length: 40 }, (_, i) => ({
        profile: profile({ name: `P${i}`, profileUrl: `https://www.linkedin.com/in/cut-${i}/` }),
      }));
      await saveCaptures(a.db, items, { now: 1 });
      // The server goes away after 15 writes: the run stops with an error, as when the worker is killed.
      let puts = 0;
      const realFetch = globalThis.fetch;
      globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.method === 'PUT' && ++puts > 15) throw new TypeError('fetch failed');
        return realFetch(input, init);
      }) as typeof fetch;
      try {
        await expect(a.sync()).rejects.toBeInstanceOf(DavError);
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(await countPending(a.db)).toBeGreaterThan(0);
      await a.sync();
      expect(await countPending(a.db)).toBe(0);
      const files = readdirSync(
        join(fresh.dir, 'collections', 'collection-root', fresh.user, 'rapport-contacts'),
      ).filter((f) => f.endsWith('.vcf'));
      expect(files).toHaveLength(40);
      const b = await openComputer(fresh);
      await b.sync();
      expect(await b.db.count('contacts')).toBe(40);
      void readFileSync;
    } finally {
      await fresh.stop();
    }
  });
});
