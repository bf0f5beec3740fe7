/**
 * A cheap check, run by the content script before it shows the button, that a /in/<slug>/ URL is in fact
 * LinkedIn's "profile not found" page. The full extractor makes the final call on click; this only spares
 * the user a button that can do nothing. Selectors: newest first, each with where it was seen.
 */
const NOT_FOUND_SELECTORS = [
  // Public (logged-out) page, 2024: <h1 class="page-not-found__headline">.
  '.page-not-found__headline',
  // Logged-in 404 page, 2022–2026: <main class="... not-found ...">, and the generic error-page container.
  'main.not-found',
  '.error-container',
];
// <title> of the public not-found page, 2024 ("Profile Not Found | LinkedIn"), in English only: the
// selectors above cover other languages.
const NOT_FOUND_TITLE = /^\s*(?:\(\d+\)\s*)?(?:profile not found|page not found)\b/i;

export function isMissingProfilePage(doc: Document): boolean {
  if (NOT_FOUND_TITLE.test(doc.title)) return true;
  return NOT_FOUND_SELECTORS.some((selector) => doc.querySelector(selector) !== null);
}
