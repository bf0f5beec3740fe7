import type { OverlaySummary } from '../overlay/summary';

/**
 * Messages of the card drawn on a saved person's LinkedIn profile (content script → background). The
 * background answers only our content script on a linkedin.com tab, and acts on the person that tab shows.
 */
export interface OverlayProtocol {
  /** Injects the card's code (overlay.js) into the sender's tab, once, on a saved person's profile only. */
  overlayLoad(data: Record<string, never>): { loaded: boolean };
  /** The card's content for the person of the sender tab's profile URL; null when they are not saved. */
  overlaySummary(data: { profileUrl: string }): OverlaySummary | null;
  /** The card's quick note, added to that person's timeline. */
  overlayAddNote(data: { contactId: string; text: string }): OverlaySummary;
  /** "Open in Rapport": opens the side panel (or a tab) on that person. Must follow a user's click. */
  overlayOpenPanel(data: { contactId: string }): { opened: 'panel' | 'tab' };
}
