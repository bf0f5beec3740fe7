import type { CollectionRole, MarkerKind } from './dav';
import type { Payload } from './payload';

/**
 * What a computer remembers about one server object. Present = synced at least once. A record in here whose
 * local record is gone is a local delete waiting for the server (a tombstone); it is dropped once the DELETE
 * is confirmed.
 */
export interface SyncObject {
  /** `card:<contactId>`, `event:<meetingId>`, `todo:<followupId>`. */
  key: string;
  role: CollectionRole;
  href: string;
  etag: string | null;
  /** The server's copy as last seen: new writes patch it, so other apps' properties are kept. */
  text: string;
  /** The last copy both sides agreed on: the merge base. */
  base: Payload;
}

export interface SyncCollectionState {
  role: CollectionRole;
  url: string;
  /** The marker the last completed pull ended at (sync-token, else CTag). */
  token: string | null;
  /** Which marker `token` is; absent in states written before it was kept (then a PROPFIND tells). */
  kind?: MarkerKind;
}
