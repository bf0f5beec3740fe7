/**
 * Row 10: sync against a real Radicale on 127.0.0.1 (started here, one per measurement, each with its own
 * folder). Runs in Node with fake-indexeddb: the engine is the same code the worker runs, and the recipe's
 * figures show Node and the MV3 worker within the same range on loopback.
 * - first sync of n people: the whole engine run (discovery, collections, pull check, n conditional PUTs,
 *   state writes) per item, against raw tsdav PUTs of the very same cards (If-None-Match, 4 in flight);
 * - incremental sync of 10 changes: edit 10 people on A, A's run (push) + B's run (pull), repeated, with the
 *   change hints the background worker collects (lib/sync/dirty.ts); the requests of each round are counted.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import * as tsdav from 'tsdav';
import { newContact } from '../../lib/contacts/merge';
import { emptyCapturedProfile } from '../../lib/contacts/model';
import { onDataChange } from '../../lib/db/changes';
import { saveCaptures, updateContact } from '../../lib/db/contacts';
import { runMigrations } from '../../lib/db/migrations';
import type { RapportDatabase } from '../../lib/db/open';
import { DB_NAME, DB_VERSION, type RapportDB } from '../../lib/db/schema';
import { DavSession } from '../../lib/sync/dav';
import { DirtyTracker } from '../../lib/sync/dirty';
import { runSync } from '../../lib/sync/engine';
import { syncedContact } from '../../lib/sync/payload';
import { writeCard } from '../../lib/sync/vcard';
import { newId } from '../../lib/util/id';
import { startRadicale, type RadicaleServer } from '../../tests/lib/sync/radicale';

async function openFresh(): Promise<RapportDatabase> {
  globalThis.indexedDB = new IDBFactory();
  return openDB<RapportDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runMigrations(db, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
}

const profileOf = (i: number) => ({
  ...emptyCapturedProfile(),
  name: `Person ${i} Example`,
  firstName: `Person ${i}`,
  lastName: 'Example',
  headline: 'Analyst at Example Works; payments, risk',
  currentTitle: 'Analyst',
  currentCompany: 'Example Works',
  location: 'Lisbon, Portugal',
  about: 'Works on payments and fraud models. '.repeat(8),
  profileUrl: `https://www.linkedin.com/in/bench-sync-${i}/`,
});

/** Requests made through sessions from `dav`, by method: the bench reports them per incremental run. */
const requests = new Map<string, number>();

function dav(server: RadicaleServer): DavSession {
  return new DavSession({ serverUrl: server.url, username: server.user, password: server.password }, (input, init) => {
    const method = init?.method ?? 'GET';
    requests.set(method, (requests.get(method) ?? 0) + 1);
    return globalThis.fetch(input, init);
  });
}

async function rawPuts(n: number): Promise<number> {
  const server = await startRadicale();
  try {
    const session = dav(server);
    const { book } = await session.ensureCollections();
    const cards = Array.from({ length: n }, (_, i) => {
      const contact = syncedContact(newContact(profileOf(i), { id: newId(), now: 1_700_000_000_000 + i }));
      return {
        href: `${book}${contact.id}.vcf`,
        text: writeCard({ kind: 'card', contact, timeline: [], drafts: [] }, null),
      };
    });
    const t0 = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < cards.length) {
        const card = cards[next++]!;
        const res = await tsdav.createObject({
          url: card.href,
          data: card.text,
          headers: { 'If-None-Match': '*', 'Content-Type': 'text/vcard; charset=utf-8' },
          fetch: session.fetch,
        });
        if (!res.ok) throw new Error(`raw PUT ${res.status}`);
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    return performance.now() - t0;
  } finally {
    await server.stop();
  }
}

export default async function main(arg: { n: number; changes: number; rounds: number }) {
  const raw = await rawPuts(arg.n);
  const server = await startRadicale();
  try {
    const a = await openFresh();
    const profiles = Array.from({ length: arg.n }, (_, i) => ({ profile: profileOf(i) }));
    const saved = await saveCaptures(a, profiles, { now: 1_700_000_000_000 });
    const t0 = performance.now();
    const first = await runSync({ db: a, dav: dav(server), now: Date.now, newId });
    const engine = performance.now() - t0;
    if (first.pushed !== arg.n) throw new Error(`first sync pushed ${first.pushed} of ${arg.n}`);
    const b = await openFresh();
    const tPull = performance.now();
    await runSync({ db: b, dav: dav(server), now: Date.now, newId });
    const fullPull = performance.now() - tPull;
    // A's edits reach its tracker as they reach the worker's (lib/background/sync.ts): by announcement.
    // B edits nothing; its own tracker, after the full first run, names nothing.
    const dirtyA = new DirtyTracker();
    const dirtyB = new DirtyTracker();
    dirtyA.take(Date.now());
    dirtyB.take(Date.now());
    let announced = 0;
    const stopListening = onDataChange((change) => {
      dirtyA.note(change);
      if (change.origin !== 'sync') announced += change.ids.length;
    });
    const incremental: number[] = [];
    const perRun: Record<string, number>[] = [];
    for (let round = 0; round < arg.rounds; round++) {
      for (let k = 0; k < arg.changes; k++) {
        const contact = saved[(round * arg.changes + k) % saved.length]!.contact;
        const current = (await a.get('contacts', contact.id))!;
        await updateContact(
          a,
          contact.id,
          [{ field: 'targetField', before: current.targetField, after: `Field ${round}` }],
          Date.now(),
        );
      }
      // Announcements arrive as messages: wait for all of them before the clock starts.
      while (announced < (round + 1) * arg.changes) await new Promise((r) => setTimeout(r, 1));
      requests.clear();
      const t1 = performance.now();
      const pushed = await runSync({ db: a, dav: dav(server), now: Date.now, newId, dirty: dirtyA.take(Date.now()) });
      const pulled = await runSync({ db: b, dav: dav(server), now: Date.now, newId, dirty: dirtyB.take(Date.now()) });
      incremental.push(performance.now() - t1);
      perRun.push(Object.fromEntries(requests));
      if (pushed.pushed !== arg.changes || pulled.pulled !== arg.changes) {
        throw new Error(`round ${round}: pushed ${pushed.pushed}, pulled ${pulled.pulled}`);
      }
    }
    stopListening();
    return { n: arg.n, raw, engine, fullPull, incremental, changes: arg.changes, requests: perRun };
  } finally {
    await server.stop();
  }
}

// Run directly by bench/run.mjs as `node sync-node.js '<json arg>'`; prints one JSON line.
const argJson = process.argv[2];
if (argJson) {
  main(JSON.parse(argJson) as { n: number; changes: number; rounds: number }).then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
