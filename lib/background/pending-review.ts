import { PENDING_PAGE_REVIEW_PREFIX } from '../names';
import { browser } from 'wxt/browser';
import type { CaptureResult } from '../capture/types';

/**
 * A capture waiting for the user's check in the page's review form. The background keeps it (per tab, in
 * session storage: it survives the worker's restarts, not the browser's), so the page only ever sends
 * back the few fields the user may correct: a page script cannot make Rapport save arbitrary data.
 */
export interface KeptCapture {
  capture: CaptureResult;
  photoThumb: string | null;
  /** The page the capture came from; a confirmation from another page of the tab is refused. */
  pageUrl: string;
}

const key = (tabId: number) => `${PENDING_PAGE_REVIEW_PREFIX}${tabId}`;

export async function keepForReview(tabId: number, kept: KeptCapture): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: kept });
}

export async function takeKeptCapture(tabId: number): Promise<KeptCapture | null> {
  const items = await browser.storage.session.get(key(tabId));
  const kept = items[key(tabId)] as KeptCapture | undefined;
  if (kept) await browser.storage.session.remove(key(tabId));
  return kept ?? null;
}
