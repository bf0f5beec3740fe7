import { STORE_NAMES, type StoreName } from '../db/schema';
import type { StoreRecords } from './schema';

/**
 * Merge of a backup into what is already stored, as a plan the user previews before confirming:
 * - new: not stored yet;
 * - updated: stored, and the backup's copy is the newer one (only it changed since);
 * - conflicting: stored, different, and the stored copy is as new or newer (the user picks a side);
 * - unchanged: identical.
 * Contacts match by id, then by profile URL (the store keeps one contact per profile): a backup contact
 * whose profile is stored under another id takes that id, and its notes, meetings and follow-ups follow.
 */
export type Resolution = 'keep-mine' | 'take-backup';

export interface StorePlan {
  added: string[];
  updated: string[];
  conflicting: string[];
  unchanged: number;
}

export interface MergePlan {
  stores: Record<StoreName, StorePlan>;
  /** Backup contact id → stored contact id, for contacts matched by profile URL. */
  remapped: Record<string, string>;
  /** First few conflicting contacts, named, for the preview. */
  conflictNames: string[];
}

export interface MergeCounts {
  added: number;
  updated: number;
  conflicting: number;
  unchanged: number;
}

type AnyRecord = { id: string } & Record<string, unknown>;

/** When a record was last changed, by the field each store has. */
function changedAt(record: AnyRecord): number {
  const at = record.updatedAt ?? record.at ?? record.createdAt;
  return typeof at === 'number' ? at : 0;
}

/** Deep equality of plain JSON-like records (what IndexedDB and the backup hold). */
export function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((item, i) => sameRecord(item, bb[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Rewrites contact ids of backup records per `remapped` (contactId, referredById, aboutContactId). */
export function remapIncoming(incoming: StoreRecords, remapped: Record<string, string>): StoreRecords {
  if (Object.keys(remapped).length === 0) return incoming;
  const map = (cid: string) => remapped[cid] ?? cid;
  return {
    contacts: incoming.contacts.map((c) => ({
      ...c,
      id: map(c.id),
      referredById: c.referredById === null ? null : map(c.referredById),
    })),
    timeline: incoming.timeline.map((r) => ({ ...r, contactId: map(r.contactId) })),
    meetings: incoming.meetings.map((r) => ({ ...r, contactId: map(r.contactId) })),
    followups: incoming.followups.map((r) => ({
      ...r,
      contactId: map(r.contactId),
      ...(typeof r.aboutContactId === 'string' ? { aboutContactId: map(r.aboutContactId) } : {}),
    })),
    questions: incoming.questions,
  };
}

export function planMerge(current: StoreRecords, backup: StoreRecords): MergePlan {
  const remapped: Record<string, string> = {};
  const currentById = new Map(current.contacts.map((c) => [c.id, c]));
  const currentByUrl = new Map(current.contacts.map((c) => [c.profileUrl, c]));
  for (const contact of backup.contacts) {
    if (currentById.has(contact.id)) continue;
    const sameProfile = currentByUrl.get(contact.profileUrl);
    if (sameProfile) remapped[contact.id] = sameProfile.id;
  }
  const incoming = remapIncoming(backup, remapped);
  const stores = {} as Record<StoreName, StorePlan>;
  const conflictNames: string[] = [];
  for (const store of STORE_NAMES) {
    const have = new Map((current[store] as unknown as AnyRecord[]).map((r) => [r.id, r]));
    const plan: StorePlan = { added: [], updated: [], conflicting: [], unchanged: 0 };
    for (const record of incoming[store] as unknown as AnyRecord[]) {
      const existing = have.get(record.id);
      if (!existing) plan.added.push(record.id);
      else if (sameRecord(existing, record)) plan.unchanged++;
      else if (changedAt(record) > changedAt(existing)) plan.updated.push(record.id);
      else {
        plan.conflicting.push(record.id);
        if (store === 'contacts' && conflictNames.length < 5) {
          conflictNames.push(String((existing as { name?: unknown }).name ?? record.id));
        }
      }
    }
    stores[store] = plan;
  }
  return { stores, remapped, conflictNames };
}

export function mergeTotals(plan: MergePlan): MergeCounts {
  const totals: MergeCounts = { added: 0, updated: 0, conflicting: 0, unchanged: 0 };
  for (const store of STORE_NAMES) {
    const s = plan.stores[store];
    totals.added += s.added.length;
    totals.updated += s.updated.length;
    totals.conflicting += s.conflicting.length;
    totals.unchanged += s.unchanged;
  }
  return totals;
}

/** The records a confirmed merge writes, per store. */
export function mergeWrites(backup: StoreRecords, plan: MergePlan, resolution: Resolution): StoreRecords {
  const incoming = remapIncoming(backup, plan.remapped);
  const pick = <S extends StoreName>(store: S): StoreRecords[S] => {
    const p = plan.stores[store];
    const write = new Set([...p.added, ...p.updated, ...(resolution === 'take-backup' ? p.conflicting : [])]);
    return (incoming[store] as unknown as AnyRecord[]).filter((r) => write.has(r.id)) as unknown as StoreRecords[S];
  };
  return {
    contacts: pick('contacts'),
    timeline: pick('timeline'),
    meetings: pick('meetings'),
    followups: pick('followups'),
    questions: pick('questions'),
  };
}
