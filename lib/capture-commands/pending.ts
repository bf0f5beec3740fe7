import type { SavePageResult } from '../messaging/protocol';

/** A capture waiting for the user to check it in the popup (saved from the shortcut or context menu). */
export { PENDING_REVIEW_KEY } from '../names';
export type PendingReview = Extract<SavePageResult, { status: 'review' }> & { at: number };

/** Older than this, a pending review is stale (the user has moved on): the popup ignores it. */
export const PENDING_REVIEW_TTL_MS = 30 * 60 * 1000;

export function isFreshReview(value: unknown, now: number): value is PendingReview {
  if (!value || typeof value !== 'object') return false;
  const review = value as Partial<PendingReview>;
  return review.status === 'review' && typeof review.at === 'number' && now - review.at < PENDING_REVIEW_TTL_MS;
}
