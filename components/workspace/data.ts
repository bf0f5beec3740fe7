import { unwrap } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import { onDataChange } from '@/lib/db/changes';
import { openRapportDB } from '@/lib/db/open';
import { notesByContact } from '@/lib/db/timeline';
import { sendMessage } from '@/lib/messaging/protocol';
import type { Meeting } from '@/lib/db/schema';
import type { MeetingChange } from '@/lib/workspace/meeting';
import { buildSearchIndex, type SearchIndex } from '@/lib/workspace/search';
import { profileSettings, type ProfileSettingsValue } from '@/lib/workspace/settings';

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

async function followupDueIds(now: number): Promise<Set<string>> {
  const db = await openRapportDB();
  const due = new Set<string>();
  for (const f of await db.getAll('followups')) {
    if ((f.status === 'pending' || f.status === 'snoozed') && f.dueAt <= now) due.add(f.contactId);
  }
  return due;
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

/**
 * Contacts for the list views: first the most recent page (fast first render), then, once painted, every
 * contact with its notes as a search index. Rebuilt live when contacts, notes or follow-ups change.
 */
export function useContactsIndex(): ContactsState {
  const [state, setState] = useState<ContactsState>({ recent: null, index: null, dueIds: new Set(), error: null });
  useEffect(() => {
    let run = 0;
    let cancelled = false;
    const loadAll = async (mine: number) => {
      const db = await openRapportDB();
      const [contacts, notes, dueIds] = await Promise.all([
        db.getAll('contacts'),
        notesByContact(db),
        followupDueIds(Date.now()),
      ]);
      if (cancelled || mine !== run) return;
      setState((s) => ({ ...s, index: buildSearchIndex(contacts, notes), dueIds, error: null }));
    };
    const fail = (error: unknown) => !cancelled && setState((s) => ({ ...s, error: String(error) }));
    const first = ++run;
    listRecentContacts(FIRST_PAGE).then((recent) => {
      if (cancelled) return;
      setState((s) => ({ ...s, recent }));
      // After the first paint, when the page is idle: the full index for search and filters.
      whenIdle(() => void loadAll(first).catch(fail));
    }, fail);
    let pending: ReturnType<typeof setTimeout> | null = null;
    const stop = onDataChange((change) => {
      if (change.store !== 'contacts' && change.store !== 'timeline' && change.store !== 'followups') return;
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => void loadAll(++run).catch(fail), 50);
    });
    return () => {
      cancelled = true;
      if (pending) clearTimeout(pending);
      stop();
    };
  }, []);
  return state;
}

export function useProfileSettings(): ProfileSettingsValue {
  const [value, setValue] = useState<ProfileSettingsValue>(profileSettings.defaults);
  useEffect(() => {
    void profileSettings.get().then(setValue);
    return profileSettings.watch(setValue);
  }, []);
  return value;
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
