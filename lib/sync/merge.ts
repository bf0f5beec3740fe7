import type { TimelineEntry } from '../db/schema';
import { canonical, type CardPayload, type Payload } from './payload';

/**
 * Three-way merge of one record against the last synced copy (`base`), field by field:
 * - a field only one side changed takes that change;
 * - a field both changed takes the later edit (`updatedAt`; on a tie the same side on every computer), and the
 *   losing value is reported so the caller can keep it in the person's timeline: no edit is silently lost;
 * - list-valued sets (tags, edited fields, history) merge as sets: additions from both sides are kept.
 */
export interface LostValue {
  field: string;
  value: unknown;
  kept: unknown;
}

export interface Merged<T> {
  merged: T;
  lost: LostValue[];
}

interface Timestamped {
  id: string;
  updatedAt: number;
}

/** Fields merged as sets of values. */
const SET_FIELDS = new Set(['tags', 'editedFields', 'sources', 'websites', 'questionIds', 'askedQuestionIds']);
/** Bookkeeping: never worth a timeline entry when it loses. */
const QUIET_FIELDS = new Set(['updatedAt', 'createdAt', 'capturedAt', 'sources', 'editedFields', 'history']);

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function mergeSet(base: unknown[] | null, local: unknown[], remote: unknown[]): unknown[] {
  const key = (v: unknown) => canonical(v);
  const baseKeys = new Set((base ?? []).map(key));
  const localKeys = new Set(local.map(key));
  const remoteKeys = new Set(remote.map(key));
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const v of [...local, ...remote]) {
    const k = key(v);
    if (seen.has(k)) continue;
    seen.add(k);
    // Removed on one side (it was in the base) and not re-added on the other: stays removed.
    const removed = baseKeys.has(k) && (!localKeys.has(k) || !remoteKeys.has(k));
    if (!removed) out.push(v);
  }
  return out;
}

function mergeHistory(local: unknown[], remote: unknown[]): unknown[] {
  const byKey = new Map<string, unknown>();
  for (const h of [...local, ...remote]) byKey.set(canonical(h), h);
  return [...byKey.values()].sort((a, b) => ((a as { at: number }).at ?? 0) - ((b as { at: number }).at ?? 0));
}

export function mergeRecord<T extends Timestamped>(base: T | null, local: T, remote: T): Merged<T> {
  const localWins =
    local.updatedAt !== remote.updatedAt ? local.updatedAt > remote.updatedAt : canonical(local) >= canonical(remote);
  const merged: Record<string, unknown> = {};
  const lost: LostValue[] = [];
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  const l = local as unknown as Record<string, unknown>;
  const r = remote as unknown as Record<string, unknown>;
  const b = base as unknown as Record<string, unknown> | null;
  for (const key of keys) {
    const lv = l[key];
    const rv = r[key];
    if (same(lv, rv)) merged[key] = lv;
    else if (key === 'updatedAt') merged[key] = Math.max(local.updatedAt, remote.updatedAt);
    else if (key === 'history' && Array.isArray(lv) && Array.isArray(rv)) merged[key] = mergeHistory(lv, rv);
    else if (SET_FIELDS.has(key) && Array.isArray(lv) && Array.isArray(rv)) {
      merged[key] = mergeSet(b && Array.isArray(b[key]) ? (b[key] as unknown[]) : null, lv, rv);
    } else if (b && same(lv, b[key])) merged[key] = rv;
    else if (b && same(rv, b[key])) merged[key] = lv;
    else {
      merged[key] = localWins ? lv : rv;
      if (!QUIET_FIELDS.has(key)) lost.push({ field: key, value: localWins ? rv : lv, kept: merged[key] });
    }
  }
  return { merged: merged as unknown as T, lost };
}

/** Members of a set kept by id (timeline entries, meeting drafts): removals on one side win over no change. */
function mergeById<T extends { id: string }>(
  base: readonly T[] | null,
  local: readonly T[],
  remote: readonly T[],
  mergeOne: (base: T | null, local: T, remote: T) => T,
): T[] {
  const baseById = new Map((base ?? []).map((x) => [x.id, x]));
  const localById = new Map(local.map((x) => [x.id, x]));
  const remoteById = new Map(remote.map((x) => [x.id, x]));
  const out: T[] = [];
  for (const id of new Set([...localById.keys(), ...remoteById.keys()])) {
    const lv = localById.get(id);
    const rv = remoteById.get(id);
    const bv = baseById.get(id) ?? null;
    if (lv && rv) out.push(mergeOne(bv, lv, rv));
    else if (lv) {
      // Gone remotely: deleted there unless we changed it since (an edit beats a delete).
      if (!bv || !same(bv, lv)) out.push(lv);
    } else if (rv) {
      if (!bv || !same(bv, rv)) out.push(rv);
    }
  }
  return out;
}

export interface MergedPayload<P extends Payload> {
  merged: P;
  lost: LostValue[];
}

/** Merges the server's copy of one object into ours against the last synced copy. */
export function mergePayload<P extends Payload>(base: P | null, local: P, remote: P): MergedPayload<P> {
  if (local.kind === 'card' && remote.kind === 'card') {
    const b = base as CardPayload | null;
    const contact = mergeRecord(b?.contact ?? null, local.contact, remote.contact);
    const lost = [...contact.lost];
    const timeline = mergeById<TimelineEntry>(b?.timeline ?? null, local.timeline, remote.timeline, (_b, lv) => lv);
    const drafts = mergeById(b?.drafts ?? null, local.drafts, remote.drafts, (bv, lv, rv) => {
      const m = mergeRecord(bv, lv, rv);
      lost.push(...m.lost.map((x) => ({ ...x, field: `meeting ${x.field}` })));
      return m.merged;
    });
    return { merged: { kind: 'card', contact: contact.merged, timeline, drafts } as P, lost };
  }
  if (local.kind === 'event' && remote.kind === 'event') {
    const m = mergeRecord(base?.kind === 'event' ? base.meeting : null, local.meeting, remote.meeting);
    return {
      merged: { kind: 'event', meeting: m.merged } as P,
      lost: m.lost.map((x) => ({ ...x, field: `meeting ${x.field}` })),
    };
  }
  if (local.kind === 'todo' && remote.kind === 'todo') {
    const m = mergeRecord(base?.kind === 'todo' ? base.followup : null, local.followup, remote.followup);
    return {
      merged: { kind: 'todo', followup: m.merged } as P,
      lost: m.lost.map((x) => ({ ...x, field: `follow-up ${x.field}` })),
    };
  }
  return { merged: local, lost: [] };
}

/** Field names as a person says them. */
const FIELD_WORDS: Record<string, string> = {
  name: 'the name',
  firstName: 'the first name',
  lastName: 'the last name',
  headline: 'the headline',
  currentTitle: 'the job title',
  currentCompany: 'the company',
  location: 'the location',
  email: 'the email',
  phone: 'the phone number',
  about: 'the about text',
  status: 'the stage',
  targetField: 'the target field',
  targetEmployer: 'the target employer',
  mutualAcquaintance: 'the mutual acquaintance',
  pronouns: 'the pronouns',
  photoThumb: 'the photo',
};

function fieldWords(field: string): string {
  const [prefix, rest] = field.includes(' ') ? field.split(' ', 2) : ['', field];
  const words = FIELD_WORDS[rest!] ?? rest!.replace(/([A-Z])/g, ' $1').toLowerCase();
  return prefix ? `the ${prefix}’s ${words.replace(/^the /, '')}` : words;
}

/** The words kept in the timeline for a losing value. */
export function lostValueText(lost: LostValue): string {
  const show = (v: unknown) =>
    v === null || v === undefined || v === '' ? '(empty)' : typeof v === 'string' ? v : JSON.stringify(v);
  return `Changed on two computers: ${fieldWords(lost.field)}. The later edit “${show(lost.kept)}” was kept; the other value was “${show(lost.value)}”.`;
}
