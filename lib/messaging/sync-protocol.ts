import type { DavErrorKind } from '../sync/errors';

export interface SyncAccountInput {
  serverUrl: string;
  username: string;
  password: string;
}

export interface SyncStatusView {
  configured: boolean;
  serverUrl: string | null;
  username: string | null;
  paused: boolean;
  running: boolean;
  lastSyncAt: number | null;
  /** Local changes not yet on the server. */
  pending: number;
  lastError: { kind: DavErrorKind; message: string; at: number } | null;
  progress: { phase: 'pull' | 'push'; done: number; total: number } | null;
  homes: { addressBookHome: string; calendarHome: string } | null;
}

export type SyncConnectResult =
  { ok: true; addressBookHome: string; calendarHome: string } | { ok: false; kind: DavErrorKind; message: string };

/** Settings → Sync (options page → background). The password goes one way: it is never sent back. */
export interface SyncProtocol {
  /** Discovers the homes with these credentials; on success keeps them and starts the first sync. */
  syncConnect(data: SyncAccountInput): SyncConnectResult;
  syncStatus(): SyncStatusView;
  /** Runs a sync now and resolves when it ends. */
  syncNow(): SyncStatusView;
  syncPause(data: { paused: boolean }): SyncStatusView;
  /** Removes the credentials, the host permission and the sync bookkeeping; every local record stays. */
  syncForget(): SyncStatusView;
}
