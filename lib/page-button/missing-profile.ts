/**
 * The check the content script runs before it shows the button: does this page show the person of
 * the profile URL it is at? Decided by content (`lib/capture/page-person.ts`), never by the URL
 * alone, so LinkedIn's bot stub, guest home, auth wall, not-found, feed, search, company and
 * connection pages get no button whatever their URL, and the button goes when the page stops
 * showing the person. The full extractor runs the same predicate on click.
 */
import { canonicalProfileUrl } from '../capture/linkedin-url';
import { isMissingProfilePage, pageShowsPerson } from '../capture/page-person';

export { isMissingProfilePage };

/** The canonical profile URL when the page shows that person, else null (no button). */
export function shownProfileUrl(doc: Document, url: string): string | null {
  const profileUrl = canonicalProfileUrl(url);
  return profileUrl && pageShowsPerson(doc, url) ? profileUrl : null;
}
