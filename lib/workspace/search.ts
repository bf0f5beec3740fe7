import { CONTACT_STATUSES, type Contact, type ContactStatus } from '../contacts/model';

/**
 * Search as you type over every contact. The index is built once per data change; each keystroke then
 * only runs `String.includes` over a precomputed, normalised haystack per contact (no regex per contact).
 */
export type ContactSort = 'updated' | 'name' | 'status' | 'created';

export interface ContactFilters {
  status?: ContactStatus | null;
  tag?: string | null;
  targetField?: string | null;
  targetEmployer?: string | null;
  /** Only contacts with something due (ids given by the follow-ups store). */
  dueOnly?: boolean;
  sort?: ContactSort;
}

interface IndexEntry {
  contact: Contact;
  haystack: string;
  tags: string[];
  field: string;
  employer: string;
}

export interface SearchIndex {
  entries: IndexEntry[];
  /** Entries pre-sorted per sort order, built on first use: a keystroke filters in order and never sorts. */
  orders: Partial<Record<ContactSort, IndexEntry[]>>;
  /** The previous search: typing on only narrows it, so the next keystroke scans its matches only. */
  last: { query: string; filterKey: string; dueIds: ReadonlySet<string>; matches: IndexEntry[] } | null;
  /** Every distinct tag, target field and target employer, for the filter menus. */
  tags: string[];
  fields: string[];
  employers: string[];
}

/** Lower-case, accents removed, whitespace collapsed: "Tomás  Eberhardt" → "tomas eberhardt". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function indexEntry(contact: Contact, notes: ReadonlyMap<string, string>): IndexEntry {
  const parts = [
    contact.name,
    contact.currentCompany,
    contact.currentTitle,
    contact.headline,
    contact.targetField,
    contact.targetEmployer,
    contact.mutualAcquaintance,
    contact.tags.join(' '),
    notes.get(contact.id) ?? null,
  ];
  return {
    contact,
    haystack: normalise(parts.filter(Boolean).join(' \u0001 ')),
    tags: contact.tags.map(normalise),
    field: normalise(contact.targetField ?? ''),
    employer: normalise(contact.targetEmployer ?? ''),
  };
}

function indexOf(entries: IndexEntry[]): SearchIndex {
  const tags = new Set<string>();
  const fields = new Set<string>();
  const employers = new Set<string>();
  for (const { contact } of entries) {
    for (const tag of contact.tags) tags.add(tag);
    if (contact.targetField) fields.add(contact.targetField);
    if (contact.targetEmployer) employers.add(contact.targetEmployer);
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
  return { entries, orders: {}, last: null, tags: sorted(tags), fields: sorted(fields), employers: sorted(employers) };
}

/**
 * `notes` maps a contact id to its note texts (timeline), so search finds words from notes too. `contacts`
 * in id order (as the store lists them): ties in a sort keep that order.
 */
export function buildSearchIndex(
  contacts: readonly Contact[],
  notes: ReadonlyMap<string, string> = new Map(),
): SearchIndex {
  return indexOf(contacts.map((contact) => indexEntry(contact, notes)));
}

const byId = (a: IndexEntry, b: IndexEntry) => (a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0);

/**
 * A new index with `changed` contacts added or replaced (their notes read from `notes`) and `removedIds`
 * gone: the same index a fresh build over the resulting contacts would give, without re-indexing the rest.
 */
export function patchSearchIndex(
  index: SearchIndex,
  changed: readonly Contact[],
  removedIds: readonly string[],
  notes: ReadonlyMap<string, string>,
): SearchIndex {
  const entries = new Map(index.entries.map((entry) => [entry.contact.id, entry]));
  for (const id of removedIds) entries.delete(id);
  let added = false;
  for (const contact of changed) {
    added ||= !entries.has(contact.id);
    entries.set(contact.id, indexEntry(contact, notes));
  }
  const list = [...entries.values()];
  // Replaced entries keep their place; new ones go where the store's id order puts them.
  if (added) list.sort(byId);
  return indexOf(list);
}

const NO_IDS: ReadonlySet<string> = new Set();
const STATUS_ORDER = new Map(CONTACT_STATUSES.map((status, index) => [status, index]));

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const COMPARATORS: Record<ContactSort, (a: Contact, b: Contact) => number> = {
  updated: (a, b) => b.updatedAt - a.updatedAt,
  created: (a, b) => b.createdAt - a.createdAt,
  name: (a, b) => collator.compare(a.name ?? '', b.name ?? '') || b.updatedAt - a.updatedAt,
  status: (a, b) => (STATUS_ORDER.get(a.status) ?? 0) - (STATUS_ORDER.get(b.status) ?? 0) || b.updatedAt - a.updatedAt,
};

/**
 * Contacts matching every word of `query` (in any field) and every filter, sorted. `dueIds`: contacts with
 * something due, used when `filters.dueOnly`. Same inputs, same answer; the index only memoises (sorted orders,
 * the previous matches) so that typing on scans fewer contacts.
 */
export function searchContacts(
  index: SearchIndex,
  query: string,
  filters: ContactFilters = {},
  dueIds: ReadonlySet<string> = NO_IDS,
): Contact[] {
  const normalised = normalise(query);
  const terms = normalised.split(' ').filter(Boolean);
  const tag = filters.tag ? normalise(filters.tag) : null;
  const field = filters.targetField ? normalise(filters.targetField) : null;
  const employer = filters.targetEmployer ? normalise(filters.targetEmployer) : null;
  const status = filters.status ?? null;
  const dueOnly = Boolean(filters.dueOnly);
  const sort = filters.sort ?? 'updated';
  const filterKey = [status, tag, field, employer, dueOnly, sort].join('\u0001');
  const last = index.last;
  // Same filters and the query only grew: every match now was a match before.
  const narrowing = last && last.filterKey === filterKey && last.dueIds === dueIds && normalised.startsWith(last.query);
  const source = narrowing
    ? last.matches
    : (index.orders[sort] ??= [...index.entries].sort((a, b) => COMPARATORS[sort](a.contact, b.contact)));
  const anyFilter = Boolean(status || tag || field || employer || dueOnly);
  const matches: IndexEntry[] = [];
  outer: for (const entry of source) {
    if (anyFilter && !narrowing) {
      if (status && entry.contact.status !== status) continue;
      if (tag && !entry.tags.includes(tag)) continue;
      if (field && entry.field !== field) continue;
      if (employer && entry.employer !== employer) continue;
      if (dueOnly && !dueIds.has(entry.contact.id)) continue;
    }
    for (const term of terms) if (!entry.haystack.includes(term)) continue outer;
    matches.push(entry);
  }
  index.last = { query: normalised, filterKey, dueIds, matches };
  return matches.map((entry) => entry.contact);
}

/** Comma-separated tags as typed → clean, unique tags. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}
