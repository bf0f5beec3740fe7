import type { Followup, Meeting, TimelineEntry } from '../db/schema';
import type { Contact } from './model';

/**
 * What one operation (a delete, a merge, an import, a bulk edit) did to the records, kept so it can be
 * undone: the records it removed (whole), the records it changed (before and after), the records it added.
 * Pure data: the planners build it, `lib/db/records.ts` writes it in one transaction with its undo entry.
 */
export interface RecordSet {
  contacts: Contact[];
  timeline: TimelineEntry[];
  meetings: Meeting[];
  followups: Followup[];
}
export type RecordStore = keyof RecordSet;
export const RECORD_STORES: readonly RecordStore[] = ['contacts', 'timeline', 'meetings', 'followups'];
export type AnyRecord = RecordSet[RecordStore][number];

export interface RecordChange {
  store: RecordStore;
  before: AnyRecord;
  after: AnyRecord;
}

export interface ChangeSet {
  removed: RecordSet;
  changed: RecordChange[];
  added: { store: RecordStore; record: AnyRecord }[];
}

export type UndoKind =
  | 'delete-contacts'
  | 'delete-entry'
  | 'delete-meeting'
  | 'cancel-meeting'
  | 'delete-followup'
  | 'merge'
  | 'import'
  | 'bulk-edit';

/** One undoable operation, as kept in the undo log (30 days). */
export interface UndoEntry extends ChangeSet {
  id: string;
  at: number;
  kind: UndoKind;
  /** Names of the people concerned, for the "recently deleted" list (first few). */
  names: string[];
  /** How many people, notes, meetings, follow-ups the operation touched (for the list and the toast). */
  counts: Record<RecordStore, number>;
  /** An import's tag, e.g. "imported 2026-12-02". */
  tag?: string;
  /** An import's people, by id only (an import of 10,000 rows must not copy every record into its entry). */
  importedIds?: string[];
}

/** How long the undo log keeps an operation. */
export const UNDO_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

export function emptyRecordSet(): RecordSet {
  return { contacts: [], timeline: [], meetings: [], followups: [] };
}

export function emptyChangeSet(): ChangeSet {
  return { removed: emptyRecordSet(), changed: [], added: [] };
}

export function isEmptyChangeSet(set: ChangeSet): boolean {
  return !set.changed.length && !set.added.length && RECORD_STORES.every((s) => !set.removed[s].length);
}

/** Ids of every record the change set touches, per store (for announcing the change to open views). */
export function touchedIds(set: ChangeSet): Map<RecordStore, string[]> {
  const ids = new Map<RecordStore, Set<string>>(RECORD_STORES.map((s) => [s, new Set<string>()]));
  for (const store of RECORD_STORES) for (const r of set.removed[store]) ids.get(store)!.add(r.id);
  for (const { store, after } of set.changed) ids.get(store)!.add(after.id);
  for (const { store, record } of set.added) ids.get(store)!.add(record.id);
  return new Map([...ids].filter(([, s]) => s.size).map(([store, s]) => [store, [...s]]));
}

/** People touched, notes removed, etc.: what the list and the toast say about an operation. */
export function countChangeSet(set: ChangeSet): Record<RecordStore, number> {
  const counts = { contacts: 0, timeline: 0, meetings: 0, followups: 0 };
  for (const [store, ids] of touchedIds(set)) counts[store] = ids.length;
  return counts;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Bookkeeping fields: never reverted, moved forward instead (so a sync sees the undo as a new write). */
const META = new Set(['rev', 'updatedAt']);

/**
 * Undoes one change on the record as it is now, field by field: a field still holding what the operation
 * wrote goes back to what it was; a field edited since keeps the newer edit. Null when nothing goes back.
 */
export function revertChange<R extends AnyRecord>(current: R, change: { before: R; after: R }, now: number): R | null {
  const next = { ...current } as Record<string, unknown>;
  const before = change.before as unknown as Record<string, unknown>;
  const after = change.after as unknown as Record<string, unknown>;
  let reverted = false;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (META.has(key) || same(before[key], after[key])) continue;
    if (!same(next[key], after[key])) continue;
    if (before[key] === undefined) delete next[key];
    else next[key] = before[key];
    reverted = true;
  }
  if (!reverted) return null;
  if (typeof next.updatedAt === 'number') next.updatedAt = Math.max(now, next.updatedAt);
  if (typeof next.rev === 'number') next.rev += 1;
  return next as unknown as R;
}

/** The store as it is when an undo runs: the current version of every record the operation touched. */
export interface UndoState {
  /** Keyed `${store}:${id}`. */
  current: ReadonlyMap<string, AnyRecord>;
  /** Profile URL → id of the contact holding it now (a removed person may have been saved again since). */
  urlOwners: ReadonlyMap<string, string>;
}

export const recordKey = (store: RecordStore, id: string) => `${store}:${id}`;

/**
 * The change set that undoes `done` on the store as it is now. Removed records come back (unless one with
 * the same id exists); changed fields go back unless edited since; added records go. A removed person whose
 * profile was saved again meanwhile is not doubled: their notes, meetings and follow-ups come back onto the
 * saved record instead.
 */
export function planUndo(done: ChangeSet, state: UndoState, now: number): ChangeSet {
  const undo = emptyChangeSet();
  for (const { store, record } of done.added) {
    const current = state.current.get(recordKey(store, record.id));
    if (current) (undo.removed[store] as AnyRecord[]).push(current);
  }
  for (const change of done.changed) {
    const current = state.current.get(recordKey(change.store, change.after.id));
    if (!current) continue;
    const reverted = revertChange(current, change, now);
    if (reverted) undo.changed.push({ store: change.store, before: current, after: reverted });
  }
  const movedTo = new Map<string, string>();
  for (const contact of done.removed.contacts) {
    if (state.current.has(recordKey('contacts', contact.id))) continue;
    const owner = state.urlOwners.get(contact.profileUrl);
    if (owner && owner !== contact.id) movedTo.set(contact.id, owner);
    else undo.added.push({ store: 'contacts', record: contact });
  }
  for (const store of ['timeline', 'meetings', 'followups'] as const) {
    for (const record of done.removed[store]) {
      if (state.current.has(recordKey(store, record.id))) continue;
      const owner = movedTo.get(record.contactId);
      undo.added.push({ store, record: owner ? { ...record, contactId: owner } : record });
    }
  }
  return undo;
}
