import type { DataChange } from '../db/changes';

/**
 * Which local records changed since the last sync run, from the change announcements every write makes
 * (lib/db/changes.ts). A hint, never the truth: the records are. With hints a run compares only the records
 * they name instead of every person, meeting and follow-up; without them (a worker just started, a run that
 * failed, a restore that replaced everything, or a while since the last look at everything) it compares all.
 */
export type SyncedStore = 'contacts' | 'timeline' | 'meetings' | 'followups';
export type SomeDirty = { all: false; ids: Record<SyncedStore, Set<string>> };
export type DirtyHints = { all: true } | SomeDirty;

const SYNCED: readonly SyncedStore[] = ['contacts', 'timeline', 'meetings', 'followups'];
/** Even in a worker that lives long, look at everything this often: a write that announced nothing still syncs. */
export const FULL_SCAN_EVERY_MS = 30 * 60_000;

export const ALL_DIRTY: DirtyHints = { all: true };

export function noHints(): SomeDirty {
  return { all: false, ids: { contacts: new Set(), timeline: new Set(), meetings: new Set(), followups: new Set() } };
}

/** `a` ∪ `b`. */
export function unionHints(a: DirtyHints, b: DirtyHints): DirtyHints {
  if (a.all || b.all) return ALL_DIRTY;
  const out = noHints();
  for (const store of SYNCED) out.ids[store] = new Set([...a.ids[store], ...b.ids[store]]);
  return out;
}

const isSynced = (store: string): store is SyncedStore => (SYNCED as readonly string[]).includes(store);

/** The hints after one announcement. Sync's own writes need no push; an announcement naming no ids means "many". */
export function addChange(hints: DirtyHints, change: DataChange): DirtyHints {
  if (hints.all || change.origin === 'sync' || !isSynced(change.store)) return hints;
  if (!change.ids.length) return ALL_DIRTY;
  for (const id of change.ids) hints.ids[change.store].add(id);
  return hints;
}

/**
 * Collects hints between runs. Starts at "everything": a fresh worker knows nothing of the writes made while
 * it slept. `take` hands the hints to a run and starts a new collection; a run that fails gives them back.
 */
export class DirtyTracker {
  private hints: DirtyHints = ALL_DIRTY;
  private lastFullScan = Number.NEGATIVE_INFINITY;

  note(change: DataChange): void {
    this.hints = addChange(this.hints, change);
  }

  take(now: number): DirtyHints {
    const taken = now - this.lastFullScan >= FULL_SCAN_EVERY_MS ? ALL_DIRTY : this.hints;
    if (taken.all) this.lastFullScan = now;
    this.hints = noHints();
    return taken;
  }

  giveBack(hints: DirtyHints): void {
    this.hints = unionHints(this.hints, hints);
  }
}
