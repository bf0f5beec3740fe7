import type { Contact } from '../../lib/contacts/model';
import { inWorker, type RunningExtension } from './harness';

/**
 * Reads a whole store of the extension's IndexedDB. Self-contained, so a harness can run it inside the
 * extension (a service worker here, an extension page in tests/e2e-firefox).
 */
export function readWholeStore<T = unknown>(name: string): Promise<T[]> {
  return new Promise<T[]>((resolve, reject) => {
    const open = indexedDB.open('rapport');
    // Before Rapport made its database, an open without a version would make an empty one of version 1
    // under its name (a race lost on a slow machine): leave it unmade, there is nothing to read yet.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        resolve([]);
        return;
      }
      const get = db.transaction(name).objectStore(name).getAll();
      get.onsuccess = () => {
        db.close();
        resolve(get.result as T[]);
      };
      get.onerror = () => reject(get.error);
    };
  });
}

/** Reads a whole store straight from the extension's IndexedDB, inside its service worker. */
export function readStore<T = unknown>(ext: RunningExtension, store: string): Promise<T[]> {
  return inWorker(ext, readWholeStore<T>, store);
}

export const readContacts = (ext: RunningExtension) => readStore<Contact>(ext, 'contacts');

/** Empties one store of the extension's IndexedDB, inside its service worker; never makes the database. */
export function clearStore(ext: RunningExtension, store: string): Promise<void> {
  return inWorker(
    ext,
    (name: string) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve() : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return (db.close(), resolve());
          const tx = db.transaction(name, 'readwrite');
          tx.objectStore(name).clear();
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    store,
  );
}
