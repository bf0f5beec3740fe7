/**
 * Row 8: rebuildAlarms(db, alarms, now) with 10,000 pending follow-ups. Bundled as a script and evaluated in
 * the extension's service worker, so it uses the real chrome.alarms and the worker's IndexedDB (a database
 * of its own, not the extension's). Outside an extension it falls back to an in-memory alarms API.
 */
import { openDB } from 'idb';
import { runMigrations } from '../../lib/db/migrations';
import type { RapportDatabase } from '../../lib/db/open';
import { DB_VERSION, type RapportDB } from '../../lib/db/schema';
import { NEXT_ALARM, rebuildAlarms, SAFETY_ALARM, type AlarmsApi } from '../../lib/background/followups-schedule';
import { makeContacts, makeFollowups } from './data';
import { deleteDatabase, pause } from './timing';

export interface AlarmsBench {
  n: number;
  how: string;
  samples: number[];
}

function memoryAlarms(): AlarmsApi {
  const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  return {
    create(name, info) {
      const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000;
      alarms.set(name, { name, scheduledTime, periodInMinutes: info.periodInMinutes });
      return Promise.resolve();
    },
    clear: (name) => Promise.resolve(alarms.delete(name)),
    get: (name) => Promise.resolve(alarms.get(name)),
  };
}

async function run({ n, rounds }: { n: number; rounds: number }): Promise<AlarmsBench> {
  const chromeAlarms = (globalThis as { chrome?: { alarms?: AlarmsApi } }).chrome?.alarms;
  const alarms = chromeAlarms ?? memoryAlarms();
  const name = 'rapport-bench-alarms';
  await deleteDatabase(name);
  const db: RapportDatabase = await openDB<RapportDB>(name, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      runMigrations(database, oldVersion, newVersion ?? DB_VERSION, tx);
    },
  });
  // Real time: chrome.alarms would fire at once for an instant in the past.
  const now = Date.now();
  try {
    const followups = makeFollowups(makeContacts(n, 8), now, 8);
    const tx = db.transaction('followups', 'readwrite');
    for (const f of followups) void tx.store.put(f);
    await tx.done;
    const samples: number[] = [];
    for (let round = -2; round < rounds; round++) {
      // Without a safety alarm, as at a first start: the rebuild creates both alarms.
      await alarms.clear(SAFETY_ALARM);
      await pause(30);
      const t0 = performance.now();
      const result = await rebuildAlarms(db, alarms, now);
      const dt = performance.now() - t0;
      if (result.next === null) throw new Error('rebuildAlarms found nothing pending');
      if (round >= 0) samples.push(dt);
    }
    return { n, how: chromeAlarms ? 'service worker, chrome.alarms' : 'page, in-memory alarms', samples };
  } finally {
    await alarms.clear(NEXT_ALARM);
    await alarms.clear(SAFETY_ALARM);
    db.close();
    await deleteDatabase(name);
  }
}

(globalThis as unknown as { __rapportBenchAlarms: typeof run }).__rapportBenchAlarms = run;
