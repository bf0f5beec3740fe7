/**
 * Row 9: one full follow-up sync (syncDue: deliver what is due, set the alarms and the badge) with 20,000
 * overdue, undelivered follow-ups, as after restoring a backup or a long time away. Evaluated in the
 * extension's service worker on a database of its own; notifications, alarms and badge are in-memory fakes
 * so the bench shows nothing on screen and measures the store work.
 */
import { openDB } from 'idb';
import { syncDue, type AlarmsApi } from '../../lib/background/followups-schedule';
import { runMigrations } from '../../lib/db/migrations';
import type { RapportDatabase } from '../../lib/db/open';
import { DB_VERSION, type RapportDB } from '../../lib/db/schema';
import { FOLLOWUP_DEFAULTS } from '../../lib/followups/settings';
import { makeContacts, makeFollowups } from './data';
import { deleteDatabase, pause } from './timing';

export interface FollowupSyncBench {
  n: number;
  samples: number[];
  delivered: number;
}

function memoryAlarms(): AlarmsApi {
  const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  return {
    create(name, info) {
      alarms.set(name, { name, scheduledTime: info.when ?? Date.now(), periodInMinutes: info.periodInMinutes });
      return Promise.resolve();
    },
    clear: (name) => Promise.resolve(alarms.delete(name)),
    get: (name) => Promise.resolve(alarms.get(name)),
  };
}

async function run({ n, rounds }: { n: number; rounds: number }): Promise<FollowupSyncBench> {
  const name = 'rapport-bench-followup-sync';
  const samples: number[] = [];
  let delivered = 0;
  const now = Date.now();
  const contacts = makeContacts(n, 9);
  for (let round = -1; round < rounds; round++) {
    await deleteDatabase(name);
    const db: RapportDatabase = await openDB<RapportDB>(name, DB_VERSION, {
      upgrade(database, oldVersion, newVersion, tx) {
        runMigrations(database, oldVersion, newVersion ?? DB_VERSION, tx);
      },
    });
    try {
      const tx = db.transaction(['contacts', 'followups'], 'readwrite');
      for (const contact of contacts) void tx.objectStore('contacts').put(contact);
      // Every one overdue (due in the last 90 days) and never delivered.
      for (const f of makeFollowups(contacts, now - 91 * 864e5, 9)) void tx.objectStore('followups').put(f);
      await tx.done;
      await pause(30);
      let shown = 0;
      const t0 = performance.now();
      await syncDue(
        db,
        {
          env: {
            notifications: {
              create: (id) => ((shown += 1), Promise.resolve(id)),
              clear: () => Promise.resolve(true),
            },
            iconUrl: '',
            withButtons: true,
            ctx: { now, settings: FOLLOWUP_DEFAULTS, timeZone: 'UTC' },
          },
          alarms: memoryAlarms(),
          badge: { setBadgeText: () => undefined },
        },
        now,
      );
      const dt = performance.now() - t0;
      const undelivered = (await db.getAll('followups')).filter((f) => f.notifiedAt === null).length;
      if (shown !== 1 || undelivered !== 0) throw new Error(`sync left ${undelivered} undelivered, ${shown} shown`);
      delivered = n;
      if (round >= 0) samples.push(dt);
    } finally {
      db.close();
      await deleteDatabase(name);
    }
  }
  return { n, samples, delivered };
}

(globalThis as unknown as { __rapportBenchFollowupSync: typeof run }).__rapportBenchFollowupSync = run;
