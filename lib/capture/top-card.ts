/**
 * After in-app (SPA) navigation the previous profile's DOM lingers for a moment.
 * `topCardMatchesUrl` tells whether the page now shows the URL's person; lenient (true) when the
 * page gives no way to tell.
 */
import { isMemberIdSlug, profileSlug } from './linkedin-url';
import { pick, pickAll } from './text';

/** Where each layout's top card keeps links to its own person. */
const TOP_CARD: Record<string, readonly string[]> = {
  'linkedin-2022': ['section.pv-top-card', '.pv-top-card'], // 2022 Ember
  'linkedin-2026': [
    '[componentkey^="com.linkedin.sdui.profile.card"][componentkey$="Topcard"]', // 2026 SDUI
    '[id^="com.linkedin.sdui.profile.card"][id$="Topcard"]',
  ],
  'linkedin-public': ['section.top-card-layout'],
};
const ALL_TOP_CARDS = [...TOP_CARD['linkedin-2022']!, ...TOP_CARD['linkedin-2026']!, ...TOP_CARD['linkedin-public']!];

function slugsIn(root: Element): string[] {
  const out: string[] = [];
  for (const a of pickAll(root, 'a[href*="/in/"]')) {
    const s = profileSlug(a.getAttribute('href') || '');
    if (s) out.push(s);
  }
  return out;
}

/** The page carries no layout's marker (`capturePage` sniffed it): no layout's top card to look for. */
export const NO_LAYOUT = 'none';

/**
 * Profile slugs the page's top card (or sticky toolbar) links to: the person it shows.
 * Empty when the page gives no way to tell.
 */
export function topCardSlugs(doc: Document, layout?: string | null): string[] {
  let top = layout === NO_LAYOUT ? null : pick(doc, (layout && TOP_CARD[layout]) || ALL_TOP_CARDS);
  if (!top && (!layout || layout === 'linkedin-2022')) {
    const h1 = doc.querySelector('h1.text-heading-xlarge');
    top = h1?.closest('section') ?? null;
  }
  if (top) {
    const found = slugsIn(top);
    if (found.length) return found;
  }
  // Sticky toolbar (SDUI) links to its person. Only the 2026 layout has one: on a page of another layout,
  // or of none, the scan (a walk of the whole page, as no class narrows it) is not made.
  if (layout && layout !== 'linkedin-2026') return [];
  for (const tb of pickAll(doc, '[role="toolbar"]')) {
    const found = slugsIn(tb);
    if (found.length) return found;
  }
  return [];
}

/**
 * Whether the page now shows the URL's person. `layout` (an extractor id) narrows the search to
 * that layout's top card when the caller already knows it. Lenient (true) when the page gives no
 * way to tell, or when the URL names a member id instead of a vanity slug.
 */
export function topCardMatchesUrl(doc: Document, url: string, layout?: string | null): boolean {
  try {
    const slug = profileSlug(url);
    if (!slug || isMemberIdSlug(slug)) return true;
    const found = topCardSlugs(doc, layout).filter((s) => !isMemberIdSlug(s));
    return !found.length || found.includes(slug);
  } catch {
    return true;
  }
}
