/**
 * A person's mini card: what a sub-page (details, activity) or a sticky header shows of its person
 * when there is no full top card, in every layout seen so far (2022 sticky header, 2026 toolbar):
 * their photo, their name as a line, and their headline as the only line after it.
 *
 * Read by meaning only: the photo is tied to the person by its alt text, an accessible label with
 * their name, or a link to the URL's profile; the card is the smallest box around the photo that
 * holds the name as a line, and it must end with exactly one more line, or hold the name and one more
 * line in a block of their own. Anything else (a longer card, a feed item, a card linking to another
 * member) gives nothing: a blank beats a wrong value.
 */
import { readLines, type Line } from './lines';
import { profileSlug } from './linkedin-url';
import { nameKey } from './page-person';
import { structuralParent } from './wrappers';
import { inPageChrome, tagIn } from './dom';

export interface MiniCard {
  photo: Element;
  /** The line after the name, when the caller's check accepts it as a headline. */
  headline: string | null;
}

/** Page chrome that shows the viewer or other members, never the page's person alone (and forms). */
const CHROME = 'nav, aside, footer, form, dialog, [role="dialog"]';

/** Whether the image shows the person named `want` (a name key) of the profile `slug`. */
function showsPerson(img: Element, want: string, slug: string, anyVanity: boolean): boolean {
  const href = img.closest('a[href]')?.getAttribute('href');
  const linked = href ? profileSlug(href) : null;
  if (linked && linked !== slug && !anyVanity) return false; // a card about someone else
  if (linked === slug) return true;
  const named = (s: string | null | undefined) => !!s && s.length < want.length + 40 && nameKey(s) === want;
  return (
    named(img.getAttribute('alt')) ||
    named(img.getAttribute('title')) ||
    named(img.closest('[aria-label]')?.getAttribute('aria-label'))
  );
}

/**
 * The line beside the name in the smallest block (inside `box`) that holds the name and more, when
 * that block holds exactly the two: an activity page's card (April 2025) puts the name and the
 * headline in one block, and the follower count and the buttons in the next.
 */
function besideName(nameEl: Element, box: Element, want: string): Line | null {
  for (let b: Element | null = nameEl; b && b !== box && box.contains(b); b = structuralParent(b)) {
    const lines = readLines(b, { max: 3 });
    if (lines.length < 2) continue;
    return lines.length === 2 && nameKey(lines[0]!.text) === want ? lines[1]! : null;
  }
  return null;
}

/**
 * The first mini card of `name` on the page (at most 400 images looked at). `isHeadline` rules out
 * lines that are not a headline (badges, buttons, counts); `memberId` says the URL names no vanity
 * slug, so a link to the person's vanity profile is not someone else's.
 */
export function findMiniCard(
  doc: Document,
  name: string,
  slug: string,
  memberId: boolean,
  isHeadline: (line: Line) => boolean,
): MiniCard | null {
  const want = nameKey(name);
  if (!want) return null;
  const imgs = doc.getElementsByTagName('img');
  for (let i = 0; i < imgs.length && i < 400; i++) {
    const img = imgs[i]!;
    if (inPageChrome(img, CHROME) || !showsPerson(img, want, slug, memberId)) continue;
    // The smallest box around the photo that shows the name as a line, within 4 levels.
    let box = structuralParent(img);
    for (let level = 0; level < 4 && box && !tagIn(box, ['body', 'html', 'main']); level++) {
      const lines = readLines(box, { max: 6 });
      const at = lines.findIndex((l) => nameKey(l.text) === want);
      if (at >= 0) {
        // The name, then exactly one line: the headline. More lines (a follower count, buttons): the
        // headline is the one line that shares the name's own block, else this is not a mini card.
        const h = lines.length === at + 2 ? lines[at + 1]! : besideName(lines[at]!.el, box, want);
        if (!h) break;
        return { photo: img, headline: isHeadline(h) ? h.text : null };
      }
      if (lines.length > 3) break;
      box = structuralParent(box);
    }
  }
  return null;
}
