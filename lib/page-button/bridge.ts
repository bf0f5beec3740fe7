import type { CapturedProfile } from '../contacts/model';
import type { ReviewField } from '../contacts/review';
import type { EventFilter, GuardFactory, PageUi } from './view';

/**
 * The seam between the small script that runs on every LinkedIn page (linkedin-page.js: it follows the URL and
 * decides whether the page shows a person) and our box, loaded only on a page that shows one (overlay.js,
 * injected by the background with scripting.executeScript): the shadow-root host, the Save button with its
 * visibility guard, the saved person's card and the review form. Both run in the extension's isolated world of
 * the same page, so they share this global; the page's own scripts live in another world and cannot see it.
 */

export interface OverlayContext {
  ui: PageUi;
  profileUrl: string;
  /** Capture the page again and save it (the guarded "Update from page"). */
  save(): void;
  /** Still the page this card was drawn for (false after an in-app navigation). */
  current(): boolean;
  /** Sends the reviewed values to the background, then shows the card ("Saved …"). */
  saveReviewed(values: Record<ReviewField, string>): void;
}

export interface OverlayModule {
  /** Our box on this page (empty until the controller fills it); the options replace checks in unit tests. */
  createUi(doc: Document, win: Window & typeof globalThis, guard?: GuardFactory, accept?: EventFilter): PageUi;
  /** The saved person's card. `message` is shown once above it (e.g. "Saved Ana."). */
  showCard(ctx: OverlayContext, message?: string): void;
  /** The check-before-saving form; what the user confirms goes to `ctx.saveReviewed`. */
  showReview(ctx: OverlayContext, profile: CapturedProfile, reasons: string[]): void;
}

const KEY = '__pageOverlayModule';

export function registerOverlayModule(module: OverlayModule): void {
  (globalThis as Record<string, unknown>)[KEY] ??= module;
}

export function loadedOverlayModule(): OverlayModule | null {
  return ((globalThis as Record<string, unknown>)[KEY] as OverlayModule | undefined) ?? null;
}
