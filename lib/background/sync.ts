import { browser } from 'wxt/browser';
import { onDataChange } from '../db/changes';
import { openRapportDB } from '../db/open';
import { clearSyncState } from '../db/sync';
import type { SyncStatusView } from '../messaging/sync-protocol';
import { SYNC_ALARM, SYNC_SOON_ALARM } from '../names';
import { syncAccount, type SyncAccount, syncStatus } from '../sync/account';
import { DavSession } from '../sync/dav';
import { originPattern } from '../sync/origin';
import { DirtyTracker } from '../sync/dirty';
import { countPending, runSync } from '../sync/engine';
import { DavError, describeSyncError, ERROR_WORDS } from '../sync/errors';
import { newId } from '../util/id';
import { syncFollowups } from './followups';
import { handle } from './handle';

/**
 * Sync with the user's own CardDAV/CalDAV server: at browser start, every few minutes, and shortly after a
 * local edit. With no server configured nothing here makes a request. All DAV traffic stays in the
 * background (host permissions do not lift CORS for content scripts).
 */
const PERIOD_MINUTES = 5;
const AFTER_EDIT_MS = 5_000;

/**
 * Which records changed since the last run, so a run after a few edits compares those, not every record.
 * Lost with the worker, and that is fine: a fresh tracker says "everything", and the store stays the truth.
 */
const dirty = new DirtyTracker();

export function registerSyncHandlers(): void {
  handle('syncConnect', async ({ serverUrl, username, password: typed }) => {
    try {
      const previous = await syncAccount.getValue();
      // Testing again with the password field left empty keeps the saved one (same server, same user).
      const same = previous && previous.serverUrl === serverUrl.trim() && previous.username === username;
      const password = typed || (same ? previous.password : '');
      if (!password) throw new DavError('auth', ERROR_WORDS.auth);
      const dav = new DavSession({ serverUrl, username, password });
      if (!(await hasPermission(serverUrl))) throw new DavError('permission', ERROR_WORDS.permission);
      const homes = await dav.discover();
      // Another server or user: the old bookkeeping means nothing there.
      if (previous && !same) await clearSyncState(await openRapportDB());
      await syncAccount.setValue({ serverUrl: serverUrl.trim(), username, password, paused: false, homes });
      await syncStatus.set({ lastError: null });
      await ensureAlarm();
      void syncSoon(0);
      return { ok: true, ...homes };
    } catch (error) {
      return { ok: false, ...describeSyncError(error) };
    }
  });
  handle('syncStatus', () => statusView());
  handle('syncNow', async () => {
    await runOnce({ force: true });
    return statusView();
  });
  handle('syncPause', async ({ paused }) => {
    const account = await syncAccount.getValue();
    if (account) await syncAccount.setValue({ ...account, paused });
    if (!paused) void syncSoon(0);
    return statusView();
  });
  handle('syncForget', async () => {
    const account = await syncAccount.getValue();
    await syncAccount.removeValue();
    await syncStatus.clear();
    await browser.alarms.clear(SYNC_ALARM);
    await browser.alarms.clear(SYNC_SOON_ALARM);
    await clearSyncState(await openRapportDB());
    if (account) {
      try {
        await browser.permissions.remove({ origins: [originPattern(account.serverUrl)] });
      } catch {
        // A permission granted in the manifest (tests) cannot be removed; nothing else to undo.
      }
    }
    return statusView();
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === SYNC_SOON_ALARM) void runOnce({ force: false });
  });
  browser.runtime.onStartup.addListener(() => void runOnce({ force: false }));
  onDataChange((change) => {
    dirty.note(change);
    if (change.origin !== 'sync') void syncSoon(AFTER_EDIT_MS);
  });
  // A run the worker did not finish (killed mid-sync) resumes as soon as the worker is back.
  void resumeCutOffRun();
}

async function resumeCutOffRun(): Promise<void> {
  const [account, status] = await Promise.all([syncAccount.getValue(), syncStatus.get()]);
  if (account && status.runningSince !== null) await runOnce({ force: false });
  else if (account) await ensureAlarm();
}

async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(SYNC_ALARM))) {
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: PERIOD_MINUTES, periodInMinutes: PERIOD_MINUTES });
  }
}

let soonTimer: ReturnType<typeof setTimeout> | null = null;

/** Debounced: a burst of edits makes one run. The alarm covers a worker that sleeps before the timer. */
async function syncSoon(delayMs: number): Promise<void> {
  const account = await syncAccount.getValue();
  if (!account || account.paused) return;
  if (soonTimer) clearTimeout(soonTimer);
  soonTimer = setTimeout(() => {
    soonTimer = null;
    void runOnce({ force: false });
  }, delayMs);
  await browser.alarms.create(SYNC_SOON_ALARM, { delayInMinutes: 1 });
}

async function hasPermission(serverUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(serverUrl)] });
  } catch {
    return false;
  }
}

let inFlight: Promise<void> | null = null;
let again: Promise<void> | null = null;

/**
 * One run at a time per worker. A request while one runs gets one more run after it (the running one may
 * have read the records before the change that asked), shared by every request made meanwhile.
 */
function runOnce(opts: { force: boolean }): Promise<void> {
  if (!inFlight) {
    inFlight = runLocked(opts).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }
  again ??= inFlight.then(() => {
    again = null;
    return runOnce(opts);
  });
  return again;
}

async function runLocked(opts: { force: boolean }): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) await locks.request('rapport-sync', () => run(opts));
  else await run(opts);
}

async function run(opts: { force: boolean }): Promise<void> {
  const account = await syncAccount.getValue();
  // No server, no request: this is the privacy promise.
  if (!account || (account.paused && !opts.force)) return;
  await ensureAlarm();
  await browser.alarms.clear(SYNC_SOON_ALARM);
  const startedAt = Date.now();
  await syncStatus.set({ runningSince: startedAt, progress: null });
  const hints = dirty.take(startedAt);
  try {
    if (!(await hasPermission(account.serverUrl))) throw new DavError('permission', ERROR_WORDS.permission);
    const db = await openRapportDB();
    const report = await runSync({
      db,
      dav: new DavSession(account),
      now: () => Date.now(),
      newId,
      dirty: hints,
      progress: async (progress) => {
        await syncStatus.set({ progress });
      },
    });
    await syncStatus.set({ lastSyncAt: Date.now(), lastError: null, runningSince: null, progress: null });
    if (report.pulled || report.deletedHere || report.conflicts) await syncFollowups(Date.now()).catch(() => undefined);
  } catch (error) {
    // Whatever this run did not push is still to push: the next run looks at the same records again.
    dirty.giveBack(hints);
    await syncStatus.set({
      lastError: { ...describeSyncError(error), at: Date.now() },
      runningSince: null,
      progress: null,
    });
  }
}

async function statusView(): Promise<SyncStatusView> {
  const [account, status] = await Promise.all([syncAccount.getValue(), syncStatus.get()]);
  const base = account as SyncAccount | null;
  return {
    configured: !!base,
    serverUrl: base?.serverUrl ?? null,
    username: base?.username ?? null,
    paused: base?.paused ?? false,
    running: inFlight !== null || status.runningSince !== null,
    lastSyncAt: status.lastSyncAt,
    pending: base ? await countPending(await openRapportDB()) : 0,
    lastError: status.lastError,
    progress: status.progress,
    homes: base?.homes ?? null,
  };
}
