import type { Contact } from '../../lib/contacts/model';
import { inWorker, type RunningExtension } from './harness';

/** Reads a whole store straight from the extension's IndexedDB, inside its service worker. */
export function readStore<T = unknown>(ext: RunningExtension, store: string): Promise<T[]> {
  return inWorker(
    ext,
    (name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
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
      }),
    store,
  );
}

export const readContacts = (ext: RunningExtension) => readStore<Contact>(ext, 'contacts');
