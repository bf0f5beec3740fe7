import { unwrap } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import { getContact } from '@/lib/db/contacts';
import { onDataChange } from '@/lib/db/changes';
import { useLive } from '@/lib/ui/live';
import { openRapportDB } from '@/lib/db/open';
import { notesByContact, notesOfContact } from '@/lib/db/timeline';
import { isActive } from '@/lib/followups/actions';
import { sendMessage } from '@/lib/messaging/protocol';
import type { Meeting } from '@/lib/db/schema';
import type { MeetingChange } from '@/lib/workspace/meeting';
import { buildSearchIndex, patchSearchIndex, type SearchIndex } from '@/lib/workspace/search';

/** How many rows the first render reads and shows: keeps first paint cheap with 10,000 people saved. */
export const FIRST_PAGE = 50;

interface RecordsIndex {
  getAllRecords?: (options: { direction: 'prev'; count: number }) => IDBRequest<{ value: Contact }[]>;
}

/** The most recently updated contacts, in one request where the browser can (no full scan either way). */
export async function listRecentContacts(limit: number): Promise<Contact[]> {
  const db = await openRapportDB();
  const raw = unwrap(db.transaction('contacts').store.index('updatedAt')) as unknown as RecordsIndex;
  if (typeof raw.getAllRecords === 'function') {
    const request = raw.getAllRecords({ direction: 'prev', count: limit });
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result.map((record) => record.value));
      request.onerror = () => reject(request.error);
    });
  }
  const out: Contact[] = [];
  let cursor = await db.transaction('contacts').store.index('updatedAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

let prefetched: Promise<Contact[]> | null = null;

/**
 * Starts reading the first page before anything renders (popup and side panel entry points call it first
 * thing), so the database opens once and the first rows are on their way while the UI is being set up.
 */
export function prefetchFirstPage(): void {
  prefetched ??= listRecentContacts(FIRST_PAGE);
  prefetched.catch(() => undefined);
}

/** The prefetched first page, once; later mounts (e.g. back to the list) read afresh. */
function firstPage(): Promise<Contact[]> {
  const page = prefetched ?? listRecentContacts(FIRST_PAGE);
  prefetched = null;
  return page;
}

/** Contacts with an active follow-up due by `now`: the dueAt index up to now, as the badge counts them. */
async function followupDueIds(now: number): Promise<Set<string>> {
  const db = await openRapportDB();
  const due = await db.getAllFromIndex('followups', 'dueAt', IDBKeyRange.upperBound(now));
  return new Set(due.filter(isActive).map((f) => f.contactId));
}

/** Runs `work` once the page is idle (at the latest after 500 ms); setTimeout where there is no idle callback. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 });
  else setTimeout(work, 50);
}

export interface ContactsState {
  /** Null until the first page is read. */
  recent: Contact[] | null;
  /** The full search index, built after the first paint; null until then. */
  index: SearchIndex | null;
  dueIds: Set<string>;
  error: string | null;
}

/** Above this many ids in one change (an import), re-reading everything is cheaper than one read per id. */
const PATCH_LIMIT = 500;

interface PendingChanges {
  full: boolean;
  contacts: Set<string>;
  timeline: Set<string>;
  followups: boolean;
}
const noChanges = (): PendingChanges => ({ full: false, contacts: new Set(), timeline: new Set(), followups: false });

/**
 * Contacts for the list views: first the most recent page (fast first render), then, once painted, every
 * contact with its notes as a search index. Kept live: a change re-reads only the records it names (by
 * `DataChange.ids`) and patches the index; a change without ids (a replace restore) or a very large one
 * re-reads everything.
 */
export function useContactsIndex(): ContactsState {
  const [state, setState] = useState<ContactsState>({ recent: null, index: null, dueIds: new Set(), error: null });
  useEffect(() => {
    let cancelled = false;
    let index: SearchIndex | null = null;
    let notes = new Map<string, string>();
    let pending = noChanges();
    let queue = Promise.resolve();
    const fail = (error: unknown) => !cancelled && setState((s) => ({ ...s, error: String(error) }));
    // One load or patch at a time, in order: each patch applies on top of the previous one.
    const enqueue = (work: () => Promise<void>) => {
      queue = queue.then(work).catch((error: unknown) => void fail(error));
    };

    const loadAll = async () => {
      const db = await openRapportDB();
      const [contacts, allNotes, dueIds] = await Promise.all([
        db.getAll('contacts'),
        notesByContact(db),
        followupDueIds(Date.now()),
      ]);
      if (cancelled) return;
      notes = allNotes;
      index = buildSearchIndex(contacts, notes);
      const built = index;
      setState((s) => ({ ...s, index: built, dueIds, error: null }));
    };

    const applyChanges = async () => {
      const work = pending;
      pending = noChanges();
      if (!index || work.full) return loadAll();
      const db = await openRapportDB();
      const touched = new Set(work.contacts);
      if (work.timeline.size) {
        const entries = await Promise.all([...work.timeline].map((id) => db.get('timeline', id)));
        // A removed entry no longer says whose notes it held: re-read everything.
        if (entries.some((entry) => !entry)) return loadAll();
        const withNotes = new Set(entries.flatMap((entry) => (entry?.kind === 'note' ? [entry.contactId] : [])));
        for (const contactId of withNotes) {
          const text = await notesOfContact(db, contactId);
          if (text === null) notes.delete(contactId);
          else notes.set(contactId, text);
          touched.add(contactId);
        }
      }
      const ids = [...touched];
      const found = await Promise.all(ids.map((id) => db.get('contacts', id)));
      const dueIds = work.followups ? await followupDueIds(Date.now()) : null;
      if (cancelled || !index) return;
      if (ids.length) {
        const changed = found.filter((contact): contact is Contact => contact !== undefined);
        const removed = ids.filter((_, i) => found[i] === undefined);
        index = patchSearchIndex(index, changed, removed, notes);
      }
      const patched = index;
      setState((s) => ({ ...s, index: patched, dueIds: dueIds ?? s.dueIds, error: null }));
    };

    firstPage().then((recent) => {
      if (cancelled) return;
      setState((s) => ({ ...s, recent }));
      // After the first paint, when the page is idle: the full index for search and filters.
      whenIdle(() => enqueue(loadAll));
    }, fail);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = onDataChange((change) => {
      if (change.store !== 'contacts' && change.store !== 'timeline' && change.store !== 'followups') return;
      if (!change.ids.length || change.ids.length > PATCH_LIMIT) pending.full = true;
      else if (change.store === 'followups') pending.followups = true;
      else for (const id of change.ids) pending[change.store].add(id);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => enqueue(applyChanges), 50);
    });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      stop();
    };
  }, []);
  return state;
}

/** One saved contact, followed live; null while loading, without an id, or when it is gone. */
export function useContact(id: string | null): Contact | null {
  const live = useLive(
    async () => (id ? ((await getContact(await openRapportDB(), id)) ?? null) : null),
    ['contacts'],
    [id],
  );
  return live.status === 'ready' ? live.value : null;
}

/** Saves one meeting field; resolves false when the store kept a newer value made elsewhere. */
export async function saveMeeting(meeting: Meeting, change: MeetingChange): Promise<boolean> {
  const { conflicts } = await sendMessage('wsUpdateMeeting', { id: meeting.id, changes: [change] });
  return conflicts.length === 0;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Copies text; falls back to a selected hidden textarea where the async clipboard is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
