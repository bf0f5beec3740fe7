/**
 * schema.org Person in `<script type="application/ld+json">` (LinkedIn public pages 2022–2024 put
 * Article/PublicationIssue items first and the Person later, sometimes inside `@graph`).
 * The subject is a top-level Person (not an Article's author).
 */
import { canonicalProfileUrl, isLinkedInUrl, profileSlug } from '../linkedin-url';
import type { Extractor, Findings } from '../types';
import { baseOf, clean, decodeWebsite } from '../text';
import { f, photoUrlOk, put } from './common';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const str = (x: unknown): string | null =>
  typeof x === 'string' ? clean(x) : typeof x === 'number' ? String(x) : null;
const first = (x: unknown): unknown => (Array.isArray(x) ? x[0] : x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x]);

function isPerson(o: Obj): boolean {
  return arr(o['@type']).some(
    (t) => t === 'Person' || t === 'http://schema.org/Person' || t === 'https://schema.org/Person',
  );
}

/** Top-level candidates: the item itself, array items, and `@graph` items (not nested authors). */
function topLevel(data: unknown): Obj[] {
  const out: Obj[] = [];
  for (const item of arr(data)) {
    if (!isObj(item)) continue;
    out.push(item);
    for (const g of arr(item['@graph'])) if (isObj(g)) out.push(g);
  }
  // schema.org ProfilePage: its mainEntity is the page's subject.
  for (const o of [...out]) {
    if (arr(o['@type']).includes('ProfilePage')) for (const m of arr(o.mainEntity)) if (isObj(m)) out.unshift(m);
  }
  return out;
}

/**
 * The page's `<script type="application/ld+json">`, from its `script` elements: the browser keeps a tag
 * lookup, where a selector with an attribute is matched element by element over the whole page.
 */
function ldScripts(doc: Document): Element[] {
  const scripts = doc.getElementsByTagName('script');
  const out: Element[] = [];
  for (let i = 0; i < scripts.length && i < 2000; i++)
    if (scripts[i]!.getAttribute('type')?.toLowerCase() === 'application/ld+json') out.push(scripts[i]!);
  return out;
}

export const jsonLd: Extractor = {
  id: 'json-ld',
  applies: (doc) => ldScripts(doc).length > 0,
  run(doc, url) {
    const out: Findings = {};
    const base = baseOf(doc, url);
    const slug = profileSlug(url);
    const persons: Obj[] = [];
    for (const s of ldScripts(doc)) {
      const txt = s.textContent || '';
      if (txt.length > 2_000_000 || !txt.includes('Person')) continue;
      try {
        for (const o of topLevel(JSON.parse(txt))) if (isPerson(o)) persons.push(o);
      } catch {
        /* malformed JSON-LD: contributes nothing */
      }
    }
    if (!persons.length) return { fields: out };
    // A team / directory page: several different top-level people and none is this page.
    const distinct = new Set(persons.slice(0, 50).map((x) => (str(x.name) ?? '').toLowerCase()));
    const pageIsOne = persons.some((x) =>
      [...arr(x.url), ...arr(x['@id'])].some(
        (u) => typeof u === 'string' && u.replace(/\/$/, '') === url.replace(/\/$/, ''),
      ),
    );
    if (distinct.size >= 3 && !pageIsOne && !slug) return { fields: out, signals: { manyPeople: true } };
    // Prefer the Person whose url/sameAs names this page's profile; else the first.
    let p = persons[0]!;
    if (slug) {
      const m = persons.find((x) =>
        [...arr(x.url), ...arr(x.sameAs)].some((u) => typeof u === 'string' && profileSlug(u) === slug),
      );
      if (m) p = m;
      else if (
        persons.some((x) => [...arr(x.url), ...arr(x.sameAs)].some((u) => typeof u === 'string' && profileSlug(u)))
      ) {
        // Persons here name other profiles only: none of them is this page's subject.
        return { fields: out };
      }
    }
    const name = str(p.name);
    put(out, 'name', f(name, 0.75));
    put(out, 'firstName', f(str(p.givenName), 0.7));
    put(out, 'lastName', f(str(p.familyName), 0.7));
    put(out, 'currentTitle', f(str(first(p.jobTitle)), 0.6));
    const works = arr(p.worksFor).filter(isObj);
    put(out, 'currentCompany', f(works.length ? str(works[0]!.name) : null, 0.6));
    const addr = first(p.address);
    if (isObj(addr)) {
      // LinkedIn puts the whole "City, Region, Country" in addressLocality and a 2-letter code in addressCountry.
      const locality = str(addr.addressLocality);
      const country = str(addr.addressCountry);
      const parts = [
        locality,
        str(addr.addressRegion),
        country && !(locality && /^[A-Z]{2,3}$/.test(country)) ? country : null,
      ].filter(Boolean);
      put(out, 'location', f(parts.length ? parts.join(', ') : null, 0.6));
    } else put(out, 'location', f(str(addr), 0.5));
    const img = first(p.image);
    const imgUrl = isObj(img) ? (str(img.contentUrl) ?? str(img.url)) : str(img);
    put(out, 'photoUrl', f(photoUrlOk(imgUrl, base), 0.6));
    put(out, 'email', f(str(first(p.email))?.replace(/^mailto:/i, ''), 0.7));
    put(out, 'phone', f(str(first(p.telephone)), 0.7));
    const pu = str(first(p.url));
    if (pu) {
      const c = canonicalProfileUrl(pu);
      put(out, 'profileUrl', f(c ?? (isLinkedInUrl(pu) ? null : pu), 0.5));
    }
    const desc = str(p.description);
    put(out, 'about', f(desc, 0.3));
    const sameAs = arr(p.sameAs)
      .map((u) => (typeof u === 'string' && !isLinkedInUrl(u) ? decodeWebsite(u, base) : null))
      .filter((x): x is string => !!x);
    if (sameAs.length) put(out, 'websites', f(sameAs, 0.4));
    return { fields: out, signals: { recognised: !!name } };
  },
};
