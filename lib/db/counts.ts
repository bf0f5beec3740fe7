import type { RapportDatabase } from './open';
import { STORE_NAMES, type StoreName } from './schema';

/**
 * What is really stored, read back after a request whose answer was lost (the worker restarted): the
 * view then shows these figures instead of guessing.
 */
export async function storeCounts(db: RapportDatabase): Promise<Record<StoreName, number>> {
  const tx = db.transaction([...STORE_NAMES], 'readonly');
  const counts = await Promise.all(STORE_NAMES.map((store) => tx.objectStore(store).count()));
  await tx.done;
  return Object.fromEntries(STORE_NAMES.map((store, i) => [store, counts[i]!])) as Record<StoreName, number>;
}

/** How many of these profile URLs have a contact (one read-only transaction, requests queued together). */
export async function countStoredProfiles(db: RapportDatabase, profileUrls: readonly string[]): Promise<number> {
  const tx = db.transaction('contacts', 'readonly');
  const byUrl = tx.store.index('profileUrl');
  const keys = await Promise.all(profileUrls.map((url) => byUrl.getKey(url)));
  await tx.done;
  return keys.filter((key) => key !== undefined).length;
}
