import type { TimelineEntry } from '../db/schema';
import { type ChangeSet, emptyChangeSet } from './changeset';
import type { Contact, ContactStatus } from './model';

/** One edit applied to many people from the list's multi-select. Archive is a move to "archived". */
export type BulkEdit =
  { kind: 'status'; status: ContactStatus } | { kind: 'add-tag'; tag: string } | { kind: 'remove-tag'; tag: string };

export function cleanTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().slice(0, 100);
}

/**
 * The change set of a bulk edit. A stage move is kept on each person's timeline, as a single move is;
 * people already in that stage or already tagged are left alone.
 */
export function planBulkEdit(
  contacts: readonly Contact[],
  edit: BulkEdit,
  now: number,
  newId: () => string,
): ChangeSet {
  const set = emptyChangeSet();
  for (const contact of contacts) {
    let after: Contact | null = null;
    if (edit.kind === 'status' && contact.status !== edit.status) {
      after = { ...contact, status: edit.status };
      const entry: TimelineEntry = {
        id: newId(),
        contactId: contact.id,
        at: now,
        kind: 'status',
        text: `Status: ${contact.status} → ${edit.status}`,
        data: { from: contact.status, to: edit.status },
      };
      set.added.push({ store: 'timeline', record: entry });
    } else if (edit.kind === 'add-tag') {
      const tag = cleanTag(edit.tag);
      if (tag && !contact.tags.includes(tag)) after = { ...contact, tags: [...contact.tags, tag] };
    } else if (edit.kind === 'remove-tag' && contact.tags.includes(edit.tag)) {
      after = { ...contact, tags: contact.tags.filter((t) => t !== edit.tag) };
    }
    if (after)
      set.changed.push({
        store: 'contacts',
        before: contact,
        after: { ...after, updatedAt: now, rev: contact.rev + 1 },
      });
  }
  return set;
}

/** The tag an import gives every person it adds: "imported 2026-12-02" (the user's local date). */
export function importTag(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `imported ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
