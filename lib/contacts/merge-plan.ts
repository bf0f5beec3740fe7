import type { Followup } from '../db/schema';
import { type ChangeSet, emptyChangeSet } from './changeset';
import type { PersonRecords } from './delete-plan';
import { hasProfileUrl } from './match';
import { type CapturedField, type Contact, CONTACT_STATUSES, type ContactStatus, emptyCapturedProfile } from './model';

/**
 * Merging two records of one person: `keep` stays (its id), `drop` goes. Each field takes one side's value
 * (the user can choose where both have one); tags and sources are joined; the dropped record's notes,
 * meetings, follow-ups and referral links move over. The result is a change set, so it can be undone.
 */

const CAPTURED = Object.keys(emptyCapturedProfile()) as CapturedField[];
export const MERGE_FIELDS = [
  ...CAPTURED,
  'status',
  'targetField',
  'targetEmployer',
  'referredById',
  'mutualAcquaintance',
  'photoThumb',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeSide = 'keep' | 'drop';
export type MergeChoices = Partial<Record<MergeField, MergeSide>>;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Stages in the order a conversation moves; the side that got further wins by default. */
const PIPELINE: readonly ContactStatus[] = CONTACT_STATUSES.slice(0, 6);

function value(contact: Contact, field: MergeField): unknown {
  if (field === 'profileUrl') return hasProfileUrl(contact) ? contact.profileUrl : null;
  return contact[field];
}

/** Which side a field takes when the user does not say. */
export function defaultSide(keep: Contact, drop: Contact, field: MergeField): MergeSide {
  const k = value(keep, field);
  const d = value(drop, field);
  if (isEmpty(k)) return isEmpty(d) ? 'keep' : 'drop';
  if (isEmpty(d)) return 'keep';
  if (field === 'status') {
    const rank = (s: ContactStatus) => PIPELINE.indexOf(s);
    return rank(drop.status) > rank(keep.status) ? 'drop' : 'keep';
  }
  // A value typed by hand beats a captured one.
  const edited = (c: Contact) => (c.editedFields as string[]).includes(field);
  if (edited(drop) && !edited(keep)) return 'drop';
  return 'keep';
}

export interface MergeFieldPreview {
  field: MergeField;
  keep: unknown;
  drop: unknown;
  side: MergeSide;
}

/** The fields where the two records disagree (both hold a value), with the side each will take. */
export function mergeConflicts(keep: Contact, drop: Contact, choices: MergeChoices = {}): MergeFieldPreview[] {
  return MERGE_FIELDS.filter((field) => {
    const k = value(keep, field);
    const d = value(drop, field);
    return !isEmpty(k) && !isEmpty(d) && !same(k, d);
  }).map((field) => ({
    field,
    keep: value(keep, field),
    drop: value(drop, field),
    side: choices[field] ?? defaultSide(keep, drop, field),
  }));
}

/** The one record that remains. */
export function mergedContact(keep: Contact, drop: Contact, choices: MergeChoices, now: number): Contact {
  const next: Contact = { ...keep };
  const edited = new Set<CapturedField>();
  for (const field of MERGE_FIELDS) {
    const side = choices[field] ?? defaultSide(keep, drop, field);
    const from = side === 'keep' ? keep : drop;
    if (field === 'profileUrl') {
      if (hasProfileUrl(from)) next.profileUrl = from.profileUrl;
    } else {
      (next as unknown as Record<string, unknown>)[field] = from[field];
    }
    if ((CAPTURED as string[]).includes(field) && (from.editedFields as string[]).includes(field))
      edited.add(field as CapturedField);
  }
  if (next.referredById === keep.id || next.referredById === drop.id) next.referredById = null;
  next.tags = [...new Set([...keep.tags, ...drop.tags])];
  next.sources = [...new Set([...keep.sources, ...drop.sources])];
  next.editedFields = [...edited];
  next.createdAt = Math.min(keep.createdAt, drop.createdAt);
  next.capturedAt = Math.max(keep.capturedAt ?? 0, drop.capturedAt ?? 0) || null;
  next.updatedAt = now;
  next.rev = keep.rev + 1;
  return next;
}

/** One-per-person follow-ups: a second active one of these kinds after a merge would only nag twice. */
const ONE_PER_PERSON = new Set(['check-in', 'nudge']);
const active = (f: Followup) => f.status === 'pending' || f.status === 'snoozed';

export interface MergeInput {
  keep: PersonRecords;
  drop: PersonRecords;
  choices: MergeChoices;
  /** The timeline entry that says the records were merged (id and text come from the caller). */
  note: { id: string; text: string };
}

export function planMerge({ keep, drop, choices, note }: MergeInput, now: number): ChangeSet {
  const set = emptyChangeSet();
  const keepId = keep.contact.id;
  const dropId = drop.contact.id;
  set.removed.contacts.push(drop.contact);
  set.changed.push({
    store: 'contacts',
    before: keep.contact,
    after: mergedContact(keep.contact, drop.contact, choices, now),
  });
  const move = <R extends { contactId: string }>(r: R): R => ({ ...r, contactId: keepId });
  for (const entry of drop.timeline) set.changed.push({ store: 'timeline', before: entry, after: move(entry) });
  for (const meeting of drop.meetings)
    set.changed.push({ store: 'meetings', before: meeting, after: { ...move(meeting), updatedAt: now } });
  const keptKinds = new Set(keep.followups.filter(active).map((f) => f.kind));
  for (const f of drop.followups) {
    if (active(f) && ONE_PER_PERSON.has(f.kind) && keptKinds.has(f.kind)) set.removed.followups.push(f);
    else if (f.aboutContactId === keepId)
      set.removed.followups.push(f); // "tell them how it went with them"
    else set.changed.push({ store: 'followups', before: f, after: { ...move(f), updatedAt: now } });
  }
  // Links to the dropped record now point to the kept one (never to itself).
  for (const other of drop.referred) {
    if (other.id === keepId) continue;
    set.changed.push({
      store: 'contacts',
      before: other,
      after: { ...other, referredById: keepId, updatedAt: now, rev: other.rev + 1 },
    });
  }
  const movedFollowups = new Set(drop.followups.map((f) => f.id));
  for (const f of drop.about) {
    if (movedFollowups.has(f.id)) continue;
    if (f.contactId === keepId) set.removed.followups.push(f);
    else set.changed.push({ store: 'followups', before: f, after: { ...f, aboutContactId: keepId, updatedAt: now } });
  }
  set.added.push({
    store: 'timeline',
    record: { id: note.id, contactId: keepId, at: now, kind: 'note', text: note.text, data: { mergedFrom: dropId } },
  });
  return set;
}
