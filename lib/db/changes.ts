import type { ChangeStoreName } from './schema';

/**
 * Every write announces itself here so every open view (popup, side panel, options, other tabs)
 * refreshes without reload. BroadcastChannel reaches every same-origin context of the extension,
 * the service worker included, and needs no permission.
 */
export interface DataChange {
  store: ChangeStoreName;
  ids: string[];
  /** Written by sync from the server: sync need not run again for it. */
  origin?: 'sync';
}

const CHANNEL = 'rapport:changes';

export function announceChange(change: DataChange): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(change);
  channel.close();
}

/** Returns an unsubscribe function. */
export function onDataChange(listener: (change: DataChange) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<DataChange>) => listener(event.data);
  return () => channel.close();
}
