/**
 * OpenGraph / `profile:*` meta tags and the `<title>`.
 * LinkedIn public pages (2022–2024): og:type=profile, profile:first_name/last_name,
 * og:title "Name - Title - Company | LinkedIn". Logged-in pages: `<title>` "(3) Name | LinkedIn",
 * sub-pages "Experience | Name | LinkedIn".
 */
import { isLinkedInUrl } from '../linkedin-url';
import type { Extractor, Findings } from '../types';
import { baseOf, clean } from '../text';
import { f, photoUrlOk, put } from './common';

/** All `<meta property|name>` of the head in one pass (first value wins). */
function metaMap(doc: Document): Map<string, string> {
  const m = new Map<string, string>();
  const metas = (doc.head ?? doc).getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < 500; i++) {
    const el = metas[i]!;
    const k = (el.getAttribute('property') || el.getAttribute('name') || '').toLowerCase();
    const v = el.getAttribute('content');
    if (k && v && !m.has(k)) m.set(k, v);
  }
  return m;
}

/** Titles of LinkedIn pages that are not a person (checked after stripping "| LinkedIn"). */
const NON_PERSON_TITLE =
  /^(linkedin|feed|profile not found|page not found|sign ?up|sign in|log ?in|join linkedin|search|messaging|notifications|my network|jobs|security verification|linkedin login.*|.*\bcould not be found\b.*)$/i;

export function nameFromLinkedInTitle(title: string | null): string | null {
  if (!title) return null;
  let t = title.replace(/^\(\d+\+?\)\s*/, '').trim();
  if (!/\|\s*LinkedIn\s*$/i.test(t)) return null;
  t = t.replace(/\s*\|\s*LinkedIn\s*$/i, '');
  const segs = t.split(' | ');
  t = segs[segs.length - 1]!.trim();
  t = t.split(' - ')[0]!.trim();
  if (!t || t.length > 120 || NON_PERSON_TITLE.test(t)) return null;
  return t;
}

export const metaTags: Extractor = {
  id: 'meta',
  run(doc, url) {
    const out: Findings = {};
    const base = baseOf(doc, url);
    const li = isLinkedInUrl(url);
    const metas = metaMap(doc);
    const meta = (_d: Document, key: string) => clean(metas.get(key));
    const isProfileType = /^profile$/i.test(meta(doc, 'og:type') ?? '');
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
