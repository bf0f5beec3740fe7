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
import { profileSlug } from './linkedin-url';

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

// "Profile not found" pages. Selectors newest first, each with where it was seen.
const NOT_FOUND_SELECTORS = [
  '.page-not-found__headline', // public (logged-out) page, 2024: <h1 class="page-not-found__headline">
  'main.not-found', // logged-in 404 page, 2022–2026
  '.error-container',
].join(',');
const NOT_FOUND_TITLE = /^\s*(?:\(\d+\)\s*)?(?:profile not found|page not found)\b/i;

/** LinkedIn's "profile not found" page (any URL). */
export function isMissingProfilePage(doc: Document): boolean {
  try {
    return NOT_FOUND_TITLE.test(doc.title || '') || doc.querySelector(NOT_FOUND_SELECTORS) !== null;
  } catch {
    return false;
  }
}

/** Comparison key: case, accents, punctuation and spacing ignored. */
export function nameKey(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const squash = (s: string | null | undefined) => (s || '').replace(/[\s\u00a0]+/g, ' ').trim();

/** Text that could be a person's name: short, a few words, no digits, some letters. */
export function isNameLike(s: string): boolean {
  return (
    s.length >= 2 &&
    s.length <= 100 &&
    !/\d/.test(s) &&
    s.split(' ').length <= 8 &&
    /\p{L}/u.test(s) &&
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

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * The first and last name of the embedded-JSON entity whose publicIdentifier is `slug` (logged-in
 * pages embed the Voyager JSON in `<code>` blocks; stale blocks about other people carry other slugs).
 */
export function jsonPerson(doc: Document, slug: string): { firstName: string; lastName: string } | null {
  const needle = '"publicidentifier":"' + slug + '"';
  const codes = doc.getElementsByTagName('code');
  for (let i = 0; i < codes.length && i < 400; i++) {
    const txt = codes[i]!.textContent || '';
    if (txt.length > 3_000_000 || !txt.toLowerCase().includes(needle)) continue;
    let data: unknown;
    try {
      data = JSON.parse(txt);
    } catch {
      continue;
    }
    const roots: unknown[] = [];
    if (isObj(data)) {
      if (Array.isArray(data.included)) roots.push(...(data.included as unknown[]));
      if (isObj(data.data)) roots.push(data.data);
    }
    for (const r of roots) {
      if (!isObj(r) || typeof r.publicIdentifier !== 'string' || r.publicIdentifier.toLowerCase() !== slug) continue;
      const fn = typeof r.firstName === 'string' ? squash(r.firstName) : '';
      const ln = typeof r.lastName === 'string' ? squash(r.lastName) : '';
      if (fn || ln) return { firstName: fn, lastName: ln };
    }
  }
  return null;
}

function hrefSlug(a: Element | null): string | null {
  const href = a?.getAttribute('href');
  return href ? profileSlug(href) : null;
}

/** Text nodes (in document order) whose whole text is `name`; capped so a huge page stays cheap. */
function textShowing(doc: Document, name: string): Element | null {
  const body = doc.body;
  if (!body) return null;
  const want = nameKey(name);
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let n: Node | null;
  let seen = 0;
  while ((n = walker.nextNode()) && seen++ < 60_000) {
    const v = n.nodeValue;
    if (!v || v.length > name.length + 40 || v.length < 2) continue;
    const parent = n.parentElement;
    if (!parent || /^(script|style|code|title|template|noscript)$/i.test(parent.tagName)) continue;
    if (nameKey(v) === want) return parent;
  }
  return null;
}

function photoShowing(doc: Document, name: string): Element | null {
  const want = nameKey(name);
  const imgs = doc.getElementsByTagName('img');
  for (let i = 0; i < imgs.length && i < 2000; i++) {
    const img = imgs[i]!;
    if (nameKey(img.getAttribute('alt')) === want || nameKey(img.getAttribute('title')) === want) return img;
  }
  return null;
}

/**
 * Finds the URL's person on the page, or null when the page shows no person (bot stub, guest
 * home, auth wall, not-found, feed, search, company, a list of people) or shows someone else.
 */
export function findPersonAnchor(doc: Document, url: string): PersonAnchor | null {
  try {
    const slug = profileSlug(url);
    if (!slug || !doc.body || isMissingProfilePage(doc)) return null;
    const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
    const titled = nameFromLinkedInTitle(doc.title) ?? nameFromLinkedInTitle(og);
    const titleKey = nameKey(titled);
    let json: { firstName: string; lastName: string } | null | undefined;
    const jsonName = () => {
      if (json === undefined) json = jsonPerson(doc, slug);
      return json ? squash(`${json.firstName} ${json.lastName}`) : null;
    };
    const slugLinks = Array.from(doc.querySelectorAll('a[href*="/in/"]')).filter((a) => hrefSlug(a) === slug);
    const linkKeys = new Set(slugLinks.map((a) => nameKey(a.textContent)));

    // 1. A name heading confirmed by a second signal.
    const heads = doc.querySelectorAll('h1, h2');
    for (let i = 0; i < heads.length && i < 80; i++) {
      const h = heads[i]!;
      const text = squash(h.textContent);
      const key = nameKey(text);
      // The title's own words need no name shape (a name may hold digits or markup-like text).
      const titledHere = !!titleKey && key === titleKey && text.length <= 120;
      if (!titledHere && !isNameLike(text)) continue;
      const wrap = h.closest('a');
      const wrapSlug = hrefSlug(wrap);
      // Wrapped in a link to another person: a card about someone else (or a stale page).
      if (wrapSlug && wrapSlug !== slug) continue;
      const signals = ['heading'];
      if (titledHere) signals.push('title');
      if (wrapSlug === slug || linkKeys.has(key)) signals.push('link');
      if (signals.length === 1 && slugSpellsName(slug, text)) signals.push('slug');
      if (signals.length === 1 && nameKey(jsonName()) === key) signals.push('json');
      if (signals.length > 1) return { name: text, el: h, signals };
    }

    // 2. A sub-page: the title's (or JSON's) name shown in the body.
    const claimed = titled ?? jsonName();
    if (claimed && isNameLike(claimed)) {
      const how = titled ? 'title' : 'json';
      const photo = photoShowing(doc, claimed);
      if (photo) return { name: claimed, el: photo, signals: [how, 'photo'] };
      const text = textShowing(doc, claimed);
      if (text) return { name: claimed, el: text, signals: [how, 'text'] };
    }

    // 3. A sub-page with no name in its body: the title names the person and the page links back
    // to the URL's profile (the "Back" arrow of a details page).
    if (titled && isNameLike(titled) && slugLinks.length)
      return { name: titled, el: slugLinks[0]!, signals: ['title', 'link'] };

    // 4. A contact-info overlay prints the URL's own profile address ("linkedin.com/in/<slug>").
    for (const a of slugLinks) {
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
