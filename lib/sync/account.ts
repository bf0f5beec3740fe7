import { storage } from 'wxt/utils/storage';
import { SYNC_ACCOUNT_KEY, SYNC_STATUS_KEY } from '../names';
import type { DavErrorKind } from './errors';

/** The server and credentials. storage.local only (never storage.sync): they stay on this computer. */
export interface SyncAccount {
  serverUrl: string;
  username: string;
  password: string;
  paused: boolean;
  homes: { addressBookHome: string; calendarHome: string } | null;
}

/** What the last runs left behind; written as they go (also keeps an MV3 worker alive on long pushes). */
export interface SyncRunStatus {
  lastSyncAt: number | null;
  lastError: { kind: DavErrorKind; message: string; at: number } | null;
  /** Set when a run starts, cleared when it ends: still set at worker start means a run was cut off. */
  runningSince: number | null;
  progress: { phase: 'pull' | 'push'; done: number; total: number } | null;
}

export const syncAccount = storage.defineItem<SyncAccount | null>(`local:${SYNC_ACCOUNT_KEY}`, { fallback: null });

const EMPTY_STATUS: SyncRunStatus = { lastSyncAt: null, lastError: null, runningSince: null, progress: null };
const statusItem = storage.defineItem<SyncRunStatus>(`local:${SYNC_STATUS_KEY}`, { fallback: EMPTY_STATUS });

export const syncStatus = {
  async get(): Promise<SyncRunStatus> {
    return { ...EMPTY_STATUS, ...(await statusItem.getValue()) };
  },
  async set(patch: Partial<SyncRunStatus>): Promise<SyncRunStatus> {
    const next = { ...(await this.get()), ...patch };
    await statusItem.setValue(next);
    return next;
  },
  async clear(): Promise<void> {
    await statusItem.removeValue();
  },
};
