/**
 * OpenGraph / `profile:*` meta tags and the `<title>`.
 * LinkedIn public pages (2022–2024): og:type=profile, profile:first_name/last_name,
 * og:title "Name - Title - Company | LinkedIn". Logged-in pages: `<title>` "(3) Name | LinkedIn",
 * sub-pages "Experience | Name | LinkedIn".
 */
import { isLinkedInUrl } from '../linkedin-url';
import { nameFromLinkedInTitle } from '../page-person';
import type { Extractor, Findings } from '../types';
import { baseOf, clean } from '../text';
import { f, photoUrlOk, put } from './common';

/** The `<meta property|name>` this extractor reads. */
const KEYS = new Set(['og:type', 'og:title', 'og:image', 'profile:first_name', 'profile:last_name']);

/**
 * The head's `<meta property|name>` of `KEYS`, in one pass (first value wins). Only their `content` is
 * read: logged-in pages carry hundreds of kilobytes of configuration in other meta tags.
 */
function metaMap(doc: Document): Map<string, string> {
  const m = new Map<string, string>();
  const metas = (doc.head ?? doc).getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < 500; i++) {
    const el = metas[i]!;
    const k = (el.getAttribute('property') || el.getAttribute('name') || '').toLowerCase();
    if (!KEYS.has(k) || m.has(k)) continue;
    const v = el.getAttribute('content');
    if (v) m.set(k, v);
  }
  return m;
}

export const metaTags: Extractor = {
  id: 'meta',
  run(doc, url) {
    const out: Findings = {};
    const base = baseOf(doc, url);
    const li = isLinkedInUrl(url);
    const metas = metaMap(doc);
    const meta = (_d: Document, key: string) => clean(metas.get(key));
    const isProfileType = (meta(doc, 'og:type') ?? '').toLowerCase() === 'profile';
    const fn = meta(doc, 'profile:first_name');
    const ln = meta(doc, 'profile:last_name');
    put(out, 'firstName', f(fn, 0.7));
    put(out, 'lastName', f(ln, 0.7));
    if (fn && ln) put(out, 'name', f(`${fn} ${ln}`, 0.65));
    const titleEl = (doc.head ?? doc).getElementsByTagName('title')[0] ?? doc.querySelector('title');
    const title = clean(titleEl?.textContent);
    if (li) {
      const n = nameFromLinkedInTitle(title) ?? nameFromLinkedInTitle(meta(doc, 'og:title'));
      if (!out.name) put(out, 'name', f(n, 0.35));
    } else if (isProfileType) {
      put(out, 'name', out.name ?? f(meta(doc, 'og:title'), 0.4));
    }
    if (isProfileType) put(out, 'photoUrl', f(photoUrlOk(meta(doc, 'og:image'), base), 0.5));
    return { fields: out, signals: { recognised: isProfileType && !!out.name } };
  },
};
