import { useEffect, useRef, useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import { getContact } from '@/lib/db/contacts';
import { onDataChange } from '@/lib/db/changes';
import { useLive } from '@/lib/ui/live';
import { openRapportDB } from '@/lib/db/open';
import { notesByContact, notesOfContact } from '@/lib/db/timeline';
import { countContacts, followupDueContactIds, listRecentContacts } from '@/lib/db/contact-pages';
import { sendMessage } from '@/lib/messaging/protocol';
import type { Meeting } from '@/lib/db/schema';
import type { MeetingChange } from '@/lib/workspace/meeting';
import { buildSearchIndex, patchSearchIndex, type SearchIndex } from '@/lib/workspace/search';

/** How many rows the first render reads and shows: keeps first paint cheap with 10,000 people saved. */
export const FIRST_PAGE = 50;

let prefetched: Promise<Contact[]> | null = null;

const readFirstPage = async () => listRecentContacts(await openRapportDB(), FIRST_PAGE);

/**
 * Starts reading the first page before anything renders (popup and side panel entry points call it first
 * thing), so the database opens once and the first rows are on their way while the UI is being set up.
 */
export function prefetchFirstPage(): void {
  prefetched ??= readFirstPage();
  prefetched.catch(() => undefined);
}

/** The prefetched first page, once; later mounts (e.g. back to the list) read afresh. */
function firstPage(): Promise<Contact[]> {
  const page = prefetched ?? readFirstPage();
  prefetched = null;
  return page;
}

/** Runs `work` after the next paint (a frame, then a task); a timer where there are no frames. */
function afterPaint(work: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(work, 0));
  else setTimeout(work, 0);
}

export interface ContactsState {
  /** The most recently updated people (one page); null until read. */
  recent: Contact[] | null;
  /** How many people are saved; null until counted, right after the first paint. */
  total: number | null;
  /** Every contact with its notes, for search, filters and sorts; null until something asks for it. */
  index: SearchIndex | null;
  /** Asked for and still being built. */
  indexing: boolean;
  dueIds: Set<string>;
  error: string | null;
}

export interface ContactsData extends ContactsState {
  /** Builds the full index (once): called when the user starts to search, filter, sort or page on. */
  wantIndex: () => void;
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

const initial: ContactsState = {
  recent: null,
  total: null,
  index: null,
  indexing: false,
  dueIds: new Set(),
  error: null,
};

/**
 * Contacts for the list views. Opening reads only the most recent page (its cost does not grow with the
 * number of people saved) and, after the first paint, the count. Every contact with its notes, as a search
 * index, is read only once the user reaches for it (`wantIndex`): with 10,000 people that read is the
 * expensive part, and most opens of the popup or the panel never search. Kept live: before the index, a
 * change re-reads the page and the count; after, it re-reads only the records it names (by
 * `DataChange.ids`) and patches the index; a change without ids or a very large one re-reads everything.
 */
export function useContactsIndex(): ContactsData {
  const [state, setState] = useState<ContactsState>(initial);
  const control = useRef<{ wantIndex: () => void }>({ wantIndex: () => undefined });
  useEffect(() => {
    let cancelled = false;
    let wanted = false;
    let index: SearchIndex | null = null;
    let notes = new Map<string, string>();
    let pending = noChanges();
    let queue = Promise.resolve();
    const fail = (error: unknown) => !cancelled && setState((s) => ({ ...s, indexing: false, error: String(error) }));
    // One read or patch at a time, in order: each patch applies on top of the previous one.
    const enqueue = (work: () => Promise<void>) => {
      queue = queue.then(work).catch((error: unknown) => void fail(error));
    };

    const loadPage = async () => {
      const db = await openRapportDB();
      const [recent, total] = await Promise.all([listRecentContacts(db, FIRST_PAGE), countContacts(db)]);
      if (!cancelled) setState((s) => ({ ...s, recent, total, error: null }));
    };

    const loadAll = async () => {
      const db = await openRapportDB();
      const [contacts, allNotes, dueIds] = await Promise.all([
        db.getAll('contacts'),
        notesByContact(db),
        followupDueContactIds(db, Date.now()),
      ]);
      if (cancelled) return;
      notes = allNotes;
      index = buildSearchIndex(contacts, notes);
      const built = index;
      setState((s) => ({ ...s, index: built, total: built.entries.length, indexing: false, dueIds, error: null }));
    };

    const applyChanges = async () => {
      const work = pending;
      pending = noChanges();
      // Before the index, only the page and the count are on screen: notes and follow-ups change neither.
      if (!wanted) return work.full || work.contacts.size ? loadPage() : undefined;
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
      const dueIds = work.followups ? await followupDueContactIds(db, Date.now()) : null;
      if (cancelled || !index) return;
      if (ids.length) {
        const changed = found.filter((contact): contact is Contact => contact !== undefined);
        const removed = ids.filter((_, i) => found[i] === undefined);
        index = patchSearchIndex(index, changed, removed, notes);
      }
      const patched = index;
      setState((s) => ({
        ...s,
        index: patched,
        total: patched.entries.length,
        dueIds: dueIds ?? s.dueIds,
        error: null,
      }));
    };

    control.current.wantIndex = () => {
      if (wanted || cancelled) return;
      wanted = true;
      setState((s) => ({ ...s, indexing: true }));
      enqueue(loadAll);
    };

    firstPage().then((recent) => {
      if (cancelled) return;
      setState((s) => ({ ...s, recent, total: recent.length < FIRST_PAGE ? recent.length : s.total }));
      // A full page may not be everyone: count them once the first rows are on screen.
      if (recent.length >= FIRST_PAGE)
        afterPaint(() =>
          enqueue(async () => {
            const total = await countContacts(await openRapportDB());
            if (!cancelled) setState((s) => ({ ...s, total: s.index ? s.total : total }));
          }),
        );
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
  return { ...state, wantIndex: () => control.current.wantIndex() };
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
