/**
 * "Does this page show the URL's person?" — decided from the page's content, never from the URL
 * alone, and without class names, ids or `componentkey`s, so it holds on layouts nobody has seen.
 *
 * Bundled into the script that runs on every LinkedIn page (it decides whether the Save button
 * shows), so it stays small and imports only the import-free URL helpers.
 *
 * A person is shown when a name on the page is confirmed by two independent signals:
 * - a heading (`h1`/`h2`) whose text is a name, plus one of: the `<title>`/og:title names the
 *   same person, a link to the URL's profile names them (or wraps the heading), the page's
 *   embedded JSON entity for the URL's slug has that name, or the slug spells the name;
 * - on sub-pages with no name heading (details, activity): the title's or JSON's name, shown
 *   in the body as text or as a photo's alt text;
 * - on a contact-info overlay: the page prints the URL's own profile address.
 */
import { byTags } from './dom';
import { isMemberIdSlug, profileSlug } from './linkedin-url';
import { voyagerEntities } from './voyager';

export interface PersonAnchor {
  /** The person's name as the page shows it (null when only the profile address is shown). */
  name: string | null;
  /** The element that shows it: the name heading, the text's parent, the photo, the address link. */
  el: Element;
  /** Which signals confirmed it: heading, title, link, json, slug, text, photo, address. */
  signals: string[];
}

// Titles of LinkedIn pages that are not a person (checked after stripping "| LinkedIn"), in English;
// other languages never pass the second signal, because no heading/text repeats them as a name.
const NON_PERSON_TITLE =
  /^(linkedin|feed|profile not found|page not found|sign ?up|sign in|log ?in|join linkedin|search|messaging|notifications|my network|jobs|security verification|linkedin login.*|.*\bcould not be found\b.*)$/i;

/** "(3) Name | LinkedIn", "Experience | Name | LinkedIn", "Name - Title - Company | LinkedIn" → Name. */
export function nameFromLinkedInTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  let t = title
    .replace(/\s+/g, ' ')
    .replace(/^\(\d+\+?\)\s*/, '')
    .trim();
  if (!/\|\s*LinkedIn\s*$/i.test(t)) return null;
  t = t.replace(/\s*\|\s*LinkedIn\s*$/i, '');
  const segs = t.split(' | ');
  t = segs[segs.length - 1]!.trim();
  t = t.split(' - ')[0]!.trim();
  if (!t || t.length > 120 || NON_PERSON_TITLE.test(t)) return null;
  return t;
}

// "Profile not found" pages. Selectors newest first, each with where it was seen. Asked one at a time: Blink
// answers each single selector on a fast path, the comma-joined list 5–10× slower (0.5 ms on a large page).
const NOT_FOUND_SELECTORS = [
  '.page-not-found__headline', // public (logged-out) page, 2024: <h1 class="page-not-found__headline">
  'main.not-found', // logged-in 404 page, 2022–2026
  '.error-container',
];
const NOT_FOUND_TITLE = /^\s*(?:\(\d+\)\s*)?(?:profile not found|page not found)\b/i;

/** LinkedIn's "profile not found" page (any URL). */
export function isMissingProfilePage(doc: Document): boolean {
  try {
    return NOT_FOUND_TITLE.test(doc.title || '') || NOT_FOUND_SELECTORS.some((s) => doc.querySelector(s) !== null);
  } catch {
    return false;
  }
}

/** Whether the heading is a "profile not found" page's own (its headline, or inside its error box). */
function inMissingProfileBox(h: Element): boolean {
  return NOT_FOUND_SELECTORS.some((s) => h.closest(s) !== null);
}

const ASCII = /^[^\x80-\uffff]*$/;
/**
 * Whether the text is plain ASCII (then `nameKey` is its lower case with non-alphanumeric runs as spaces).
 *
 * A pattern with Unicode classes (`\p{L}`, or `i` with `u`) is parsed when it is created (about 0.3 ms,
 * when the script loads, for one at module level) and compiled the first time it runs (up to a
 * millisecond), and the capture injected on click always runs cold. So such a pattern is a `Twin`: an
 * ASCII pattern asked of plain-ASCII text, and the Unicode one built only when a text needs it.
 */
export const isAscii = (s: string) => ASCII.test(s);

/** A pattern with Unicode classes, and its twin that gives the same answers on plain-ASCII text. */
export interface Twin {
  readonly ascii: RegExp;
  /** Built on first use. */
  readonly unicode: RegExp;
}
/** A twin whose Unicode pattern is built the first time it is asked for (see `isAscii`). */
export function twin(ascii: RegExp, unicode: () => RegExp): Twin {
  let built: RegExp | undefined;
  return {
    ascii,
    get unicode() {
      return (built ??= unicode());
    },
  };
}
/** The twin's pattern to ask of this text: the ASCII one for plain-ASCII text. */
export const patternFor = (pair: Twin, s: string): RegExp => (isAscii(s) ? pair.ascii : pair.unicode);
/** Some letter, in any script. */
export const LETTER = twin(/[A-Za-z]/, () => /\p{L}/u);
/** Not a letter or a digit, in any script; built on first use like a twin's Unicode pattern. */
let notWord: RegExp | undefined;
/**
 * Controls, spaces and punctuation outside ASCII that pages use between words ("Acme · Full-time",
 * "2019 – 2021", no-break spaces, quotes): none is a letter or a digit, so a stretch of them is a space in
 * a key without the Unicode word class (see `isAscii`; the test holds every character here to that).
 */
export const PUNCTUATION =
  /^[\u0080-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u3003]+$/;

/**
 * Comparison key: case, accents, punctuation and spacing ignored. The Unicode classes are asked only
 * of the non-ASCII stretches: matching them along a whole page's text costs tens of microseconds a call.
 */
export function nameKey(s: string | null | undefined): string {
  if (!s) return '';
  // Plain ASCII (most of a page) needs no Unicode normalisation: the same key, several times cheaper.
  if (isAscii(s))
    return s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\x80-\uffff]+/g, (run) =>
      PUNCTUATION.test(run) ? ' ' : run.replace((notWord ??= /[^\p{L}\p{N}]+/gu), ' '),
    )
    .replace(/[^a-z0-9\x80-\uffff]+/g, ' ')
    .trim();
}

/** A name without its parts in round brackets: "Julian (Beisenkötter) Amelung" → "Julian Amelung". */
export const withoutBrackets = (s: string): string =>
  s.includes('(') ? s.replace(/\s*\([^()]*\)\s*/g, ' ').trim() : s;

const squash = (s: string | null | undefined) => (s || '').replace(/[\s\u00a0]+/g, ' ').trim();

/** Text that could be a person's name: short, a few words, no digits, some letters. */
export function isNameLike(s: string): boolean {
  return (
    s.length >= 2 &&
    s.length <= 100 &&
    !/\d/.test(s) &&
    s.split(' ').length <= 8 &&
    patternFor(LETTER, s).test(s) &&
    !/[:|@]/.test(s)
  );
}

/** The slug spells the name: every name word of 3+ letters (accents dropped) is in the slug. */
export function slugSpellsName(slug: string, name: string): boolean {
  const s = nameKey(slug).replace(/ /g, '');
  const words = nameKey(name)
    .split(' ')
    .filter((w) => w.length >= 3);
  return words.length > 0 && words.every((w) => /^[a-z]+$/.test(w) && s.includes(w));
}

/**
 * The first and last name of the embedded-JSON entity whose publicIdentifier is `slug` (logged-in
 * pages embed the Voyager JSON in `<code>` blocks; stale blocks about other people carry other slugs).
 * `slug` is lower-case (profileSlug).
 */
export function jsonPerson(doc: Document, slug: string): { firstName: string; lastName: string } | null {
  for (const e of voyagerEntities(doc.getElementsByTagName('code'), slug)) {
    const fn = typeof e.firstName === 'string' ? squash(e.firstName) : '';
    const ln = typeof e.lastName === 'string' ? squash(e.lastName) : '';
    if (fn || ln) return { firstName: fn, lastName: ln };
  }
  return null;
}

function hrefSlug(a: Element | null): string | null {
  const href = a?.getAttribute('href');
  return href ? profileSlug(href) : null;
}

/** Inside a link to another member's profile (a card about someone else, or a stale page). */
function aboutSomeoneElse(el: Element, slug: string): boolean {
  const s = hrefSlug(el.closest('a[href*="/in/"]'));
  return !!s && s !== slug;
}

const NOT_SHOWN = /^(script|style|code|title|template|noscript)$/i;
const BLANK = /^[\s\u00a0]*$/;

/** The first text (in document order) whose whole text is `name`; capped so a huge page stays cheap. */
function textShowing(doc: Document, name: string, slug: string): Element | null {
  const body = doc.body;
  if (!body) return null;
  const want = nameKey(name);
  const longest = name.length + 40;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let n: Node | null;
  let seen = 0;
  while ((n = walker.nextNode()) && seen++ < 60_000) {
    const v = n.nodeValue;
    // Cheap tests first: most text nodes are long paragraphs or the whitespace between tags.
    if (!v || v.length > longest || v.length < 2 || BLANK.test(v)) continue;
    const parent = n.parentElement;
    if (!parent || NOT_SHOWN.test(parent.tagName)) continue;
    if (nameKey(v) === want && !aboutSomeoneElse(parent, slug)) return parent;
  }
  return null;
}

/** Whether `text` (an alt text, a label, a link's text) is the name `name`, whose key is `want`. */
function showsName(text: string | null | undefined, want: string, name: string): boolean {
  return !!text && text.length < name.length + 40 && nameKey(text) === want;
}

function photoShowing(doc: Document, name: string, slug: string): Element | null {
  const want = nameKey(name);
  const imgs = doc.getElementsByTagName('img');
  for (let i = 0; i < imgs.length && i < 2000; i++) {
    const img = imgs[i]!;
    const named = showsName(img.getAttribute('alt'), want, name) || showsName(img.getAttribute('title'), want, name);
    if (named && !aboutSomeoneElse(img, slug)) return img;
  }
  return null;
}

/**
 * The links to the URL's profile, in document order. The selector names the slug itself, so the browser
 * hands back a few links instead of every member link of the page, and only those are parsed as URLs.
 */
function linksTo(doc: Document, slug: string): Element[] {
  const enc = encodeURIComponent(slug).toLowerCase();
  // A slug is never quoted or escaped (profileSlug refuses quotes, backslashes and spaces); an encoded one
  // (non-Latin letters) may appear either way, so then every member link is read.
  const selector = enc === slug ? `a[href*="${slug}" i]` : 'a[href*="/in/"]';
  return Array.from(doc.querySelectorAll(selector)).filter((a) => {
    const h = a.getAttribute('href') || '';
    const lower = h.toLowerCase();
    return h.includes('/in/') && (lower.includes(slug) || lower.includes(enc)) && hrefSlug(a) === slug;
  });
}

/** The profile the page says it is (`<link rel="canonical">`, og:url), as a slug. */
function declaredSlug(doc: Document): string | null {
  const href =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return href ? profileSlug(href) : null;
}

/** Whether the link shows the name (key `want`): as its text, or as its image's alt text. */
function linkNames(a: Element, want: string, name: string): boolean {
  if (showsName(a.textContent, want, name)) return true;
  const imgs = a.getElementsByTagName('img');
  for (let i = 0; i < imgs.length && i < 3; i++) if (showsName(imgs[i]!.getAttribute('alt'), want, name)) return true;
  return false;
}

/** Whether a link to another member's profile shows the name (a card about that member). */
function linkedAsOther(doc: Document, name: string, slug: string): boolean {
  const want = nameKey(name);
  const links = doc.querySelectorAll('a[href*="/in/"]');
  for (let i = 0; i < links.length && i < 1000; i++) {
    const a = links[i]!;
    const s = hrefSlug(a);
    if (s && s !== slug && linkNames(a, want, name)) return true;
  }
  return false;
}

/**
 * Whether a link to the URL's profile shows that person under another name than `titled`: then the
 * title names the page ("Connections", "Manage Follows", "Tìm kiếm"), and the link is a list's entry
 * for the person ("John Keane", "Hari Iyer • 3rd+"). A name here: two to five words, each capitalised,
 * or any name the slug spells (any two-word name for a member-id URL).
 */
function namedOtherwise(links: Element[], titled: string, slug: string, memberId: boolean): boolean {
  const want = nameKey(titled);
  return links.some((a) => {
    const shown = squash(a.textContent).split(/\s*[•·]\s*/)[0]!;
    if (!shown || shown.length > 100 || !isNameLike(shown) || nameKey(shown) === want) return false;
    const words = shown.split(' ');
    if (words.length < 2) return false;
    // Capitalised: a word starting with a capital; one starting with no cased letter ("⚡") is neither.
    const cap = (w: string) => w[0] !== w[0]!.toLowerCase();
    const uncased = (w: string) => w[0]!.toLowerCase() === w[0]!.toUpperCase();
    const capitalised = words.length <= 5 && words.some(cap) && words.every((w) => cap(w) || uncased(w));
    return capitalised || memberId || slugSpellsName(slug, shown);
  });
}

/**
 * A link to one of a profile's own sub-pages: /in/<slug>/details/…, /recent-activity/…, /overlay/…; not
 * the profile in another language (/in/<slug>/en, /pt-br: public pages link other people's so).
 */
const SUB_PAGE = /\/in\/[^/?#]+\/(?![a-z]{2}(?:[-_][a-z]{2})?(?:[/?#]|$))[^/?#\s]/i;
const isSubPageLink = (a: Element) => SUB_PAGE.test(a.getAttribute('href') || '');

/** The first photo whose alt text is a name the slug spells (not on a link to someone else), and that name. */
function nameSpelledByPhoto(doc: Document, slug: string): { name: string; img: Element } | null {
  const imgs = doc.getElementsByTagName('img');
  for (let i = 0; i < imgs.length && i < 2000; i++) {
    const img = imgs[i]!;
    const alt = squash(img.getAttribute('alt'));
    if (alt && isNameLike(alt) && slugSpellsName(slug, alt) && !aboutSomeoneElse(img, slug)) return { name: alt, img };
  }
  return null;
}

/**
 * Whether the title's name is the URL's person: the slug spells it, the page declares the URL's
 * profile as its own (canonical, og:url), it links to one of that profile's own sub-pages (contact
 * info, details, activity, edit: a page links to those of its own person only), or it links to that
 * profile under the title's name (an activity page's card, April 2025: "Steve Hind" and his photo,
 * each a link to /in/shind/). A stale page's title names the previous person, whose links go to that
 * person's profile, not the URL's. The embedded JSON is the heading's own signal, checked after this
 * one. A member-id URL (/in/ACoAA…) names no vanity slug to compare: lenient.
 */
function titleIsUrls(
  doc: Document,
  slug: string,
  titled: string,
  memberId: boolean,
  slugLinks: () => Element[],
): boolean {
  if (memberId || slugSpellsName(slug, titled) || declaredSlug(doc) === slug) return true;
  const want = nameKey(titled);
  return slugLinks().some((a) => isSubPageLink(a) || (!!want && linkNames(a, want, titled)));
}

/**
 * Finds the URL's person on the page, or null when the page shows no person (bot stub, guest
 * home, auth wall, not-found, feed, search, company, a list of people) or shows someone else.
 *
 * Runs after every burst of changes on a profile, so each step is done only when needed: a heading the
 * title confirms ends the search before any link is read, JSON is parsed only when nothing else confirms.
 * `signals` holds the signals that settled it (the first two), not every signal the page has.
 */
export function findPersonAnchor(doc: Document, url: string): PersonAnchor | null {
  try {
    const slug = profileSlug(url);
    // The not-found page's markers cost a walk of the whole page each when absent (three walks on every
    // profile): they are asked only of an anchor no name heading gave. A heading that shows a name tied to
    // the URL's person is that person's page; it is asked whether it sits in a not-found box, no more.
    if (!slug || !doc.body || NOT_FOUND_TITLE.test(doc.title || '')) return null;
    const titled =
      nameFromLinkedInTitle(doc.title) ??
      nameFromLinkedInTitle(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'));
    const titleKey = nameKey(titled);
    let json: { firstName: string; lastName: string } | null | undefined;
    const jsonName = () => {
      if (json === undefined) json = jsonPerson(doc, slug);
      return json ? squash(`${json.firstName} ${json.lastName}`) : null;
    };
    let links: Element[] | undefined;
    const slugLinks = () => (links ??= linksTo(doc, slug));
    let keys: Set<string> | undefined;
    const linkKeys = () => (keys ??= new Set(slugLinks().map((a) => nameKey(a.textContent))));
    const memberId = isMemberIdSlug(slug);
    // The title names the page's person, but a stale page (after an in-app navigation) has a title
    // and a heading that agree on someone else: the title counts only when tied to the URL's person.
    let tied: boolean | undefined;
    const titleTied = () => (tied ??= !!titled && titleIsUrls(doc, slug, titled, memberId, slugLinks));
    // LinkedIn titles every page of a person "… | Name | LinkedIn" and every other page by what it is
    // ("Feed", "Messaging", "Motion: People"). Under a LinkedIn title that names someone else or no one,
    // a name the body shows is a post's author, a list's member, a card's subject: not the page's person.
    // Only a page saved without its <head> has no title to ask.
    const linkedInTitle = /\|\s*LinkedIn\s*$/i.test(doc.title || '');
    // The title's name, with a part in brackets on either side or neither ("Julian (Beisenkötter) Amelung").
    const titleBareKey = titled?.includes('(') ? nameKey(withoutBrackets(titled)) : titleKey;
    const isTitleName = (name: string, key = nameKey(name)) => {
      if (!titleKey) return false;
      const bare = withoutBrackets(name);
      return key === titleKey || (bare === name ? key : nameKey(bare)) === titleBareKey;
    };
    const titleAllows = (name: string) => !linkedInTitle || isTitleName(name);

    // 1. A name heading confirmed by a second signal.
    const heads = byTags(doc, ['h1', 'h2'], 80);
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!;
      const text = squash(h.textContent);
      if (text.length > 120) continue; // neither the title's words nor a name
      const key = nameKey(text);
      // A name with a part in brackets ("Julian (Beisenkötter) Amelung": a former name, a nickname)
      // where the title and the slug leave it out (a 2016 public page).
      const bare = withoutBrackets(text);
      // The title's own words need no name shape (a name may hold digits or markup-like text).
      const titledHere = isTitleName(text, key);
      if (!titledHere && (!isNameLike(text) || linkedInTitle)) continue;
      const wrapSlug = hrefSlug(h.closest('a'));
      // Wrapped in a link to another person: a card about someone else (or a stale page). A member-id
      // URL (/in/ACoAA…) names no vanity slug, so its page links to the person's vanity one.
      if (wrapSlug && wrapSlug !== slug && !memberId) continue;
      const second =
        titledHere && titleTied()
          ? 'title'
          : wrapSlug === slug || linkKeys().has(key)
            ? 'link'
            : slugSpellsName(slug, text) || (bare !== text && slugSpellsName(slug, bare))
              ? 'slug'
              : nameKey(jsonName()) === key
                ? 'json'
                : null;
      if (second) return inMissingProfileBox(h) ? null : { name: text, el: h, signals: ['heading', second] };
    }
    if (isMissingProfilePage(doc)) return null;

    // 2. A sub-page: the title's (or JSON's) name shown in the body.
    const fromTitle = !!titled && titleTied();
    const claimed = fromTitle ? titled : jsonName();
    if (claimed && isNameLike(claimed) && (fromTitle || titleAllows(claimed))) {
      const how = fromTitle ? 'title' : 'json';
      const photo = photoShowing(doc, claimed, slug);
      if (photo) return { name: claimed, el: photo, signals: [how, 'photo'] };
      const text = textShowing(doc, claimed, slug);
      if (text) return { name: claimed, el: text, signals: [how, 'text'] };
    }

    // 2b. A sub-page saved without its <head> (no title) and without JSON: a photo and a line show a name
    // the slug spells, and the page links to that profile's own sub-pages (a 2023 details page's sticky
    // header: "Thảo Nguyễn" at /in/thaonguyen2505/details/skills/). Three signals, as a feed showing the
    // person's posts links to their profile, never to its sub-pages.
    if (!linkedInTitle) {
      const shown = nameSpelledByPhoto(doc, slug);
      if (shown && textShowing(doc, shown.name, slug) && slugLinks().some(isSubPageLink))
        return { name: shown.name, el: shown.img, signals: ['slug', 'photo'] };
    }

    // 3. A sub-page with no name in its body: the title names the person and the page links back
    // to the URL's profile (the "Back" arrow of a details page). When the body does show the title's
    // name and nothing tied it to the URL, or links to another profile under it, it shows someone else
    // (a stale page that links onwards).
    if (
      titled &&
      isNameLike(titled) &&
      slugLinks().length &&
      !namedOtherwise(slugLinks(), titled, slug, memberId) &&
      (fromTitle ||
        (!photoShowing(doc, titled, slug) && !textShowing(doc, titled, slug) && !linkedAsOther(doc, titled, slug)))
    )
      return { name: titled, el: slugLinks()[0]!, signals: ['title', 'link'] };

    // 4. A contact-info overlay prints the URL's own profile address ("linkedin.com/in/<slug>").
    for (const a of slugLinks()) {
      const t = squash(a.textContent)
        .replace(/^https?:\/\//i, '')
        .replace(/^[a-z]{2,3}\./i, '')
        .replace(/\/$/, '');
      if (/^linkedin\.com\/in\//i.test(t) && profileSlug('https://www.' + t) === slug)
        return { name: null, el: a, signals: ['address'] };
    }
    return null;
  } catch {
    return null;
  }
}

/** The content-based predicate: the page shows the person of the profile URL it is at. */
export function pageShowsPerson(doc: Document, url: string): boolean {
  return findPersonAnchor(doc, url) !== null;
}
