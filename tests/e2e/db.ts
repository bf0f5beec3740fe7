import type { Contact } from '../../lib/contacts/model';
import { inWorker, type RunningExtension } from './harness';

/** What `wholeStore` does to one store: read it, or empty it (`clear`). */
export interface StoreOp {
  name: string;
  clear?: boolean;
}

/**
 * Reads a whole store of the extension's IndexedDB (or empties it, with `clear`: then it resolves with
 * nothing). Self-contained, so a harness can run it inside the extension (a service worker here, an
 * extension page in tests/e2e-firefox). It never makes the database: before Rapport made it, an open
 * without a version would make an empty one of version 1 under its name (a race lost on a slow machine).
 */
export function wholeStore<T = unknown>({ name, clear = false }: StoreOp): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('rapport');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        resolve([]);
        return;
      }
      const tx = db.transaction(name, clear ? 'readwrite' : 'readonly');
      const req = clear ? tx.objectStore(name).clear() : tx.objectStore(name).getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(clear ? [] : (req.result as T[]));
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Reads a whole store straight from the extension's IndexedDB, inside its service worker. */
export function readStore<T = unknown>(ext: RunningExtension, store: string): Promise<T[]> {
  return inWorker(ext, wholeStore<T>, { name: store });
}

export const readContacts = (ext: RunningExtension) => readStore<Contact>(ext, 'contacts');

/** Empties one store of the extension's IndexedDB, inside its service worker; never makes the database. */
export async function clearStore(ext: RunningExtension, store: string): Promise<void> {
  await inWorker(ext, wholeStore, { name: store, clear: true });
}
