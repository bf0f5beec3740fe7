/**
 * Embedded Voyager JSON in `<code id="bpr-guid-…">` (LinkedIn logged-in Ember pages, 2019–2024).
 * SPA navigation leaves stale JSON about OTHER people (the viewer's /me, the search page we came
 * from), so an entity is used ONLY when its publicIdentifier equals this URL's slug.
 * A cheap string check rules out blocks before any JSON.parse.
 */
import { profileSlug } from '../linkedin-url';
import type { Extractor, Findings } from '../types';
import { clean } from '../text';
import { f, put } from './common';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const MAX_BLOCK = 3_000_000;

function findProfile(data: unknown, slug: string): Obj | null {
  const roots: unknown[] = [];
  if (isObj(data)) {
    if (Array.isArray(data.included)) roots.push(...(data.included as unknown[]));
    if (isObj(data.data)) roots.push(data.data);
  }
  for (const r of roots) {
    if (!isObj(r)) continue;
    const pid = r.publicIdentifier;
    if (
      typeof pid === 'string' &&
      pid.toLowerCase() === slug &&
      (typeof r.firstName === 'string' || typeof r.lastName === 'string')
    )
      return r;
  }
  return null;
}

/**
 * Whether some `"publicIdentifier":"<slug>"` in the text names the slug (case-insensitively): only the
 * few characters after each key are compared, never the whole block lowercased (blocks run to MBs).
 */
export function namesSlug(txt: string, needle: string, slug: string): boolean {
  for (let i = txt.indexOf(needle); i >= 0; i = txt.indexOf(needle, i + 1)) {
    const at = i + needle.length;
    if (txt.charAt(at + slug.length) === '"' && txt.slice(at, at + slug.length).toLowerCase() === slug) return true;
  }
  return false;
}

/**
 * The `<code id="bpr-guid-…">` blocks, from the page's `code` elements: a tag lookup is cheaper than
 * a selector scan, and the browser keeps it for the person check's own look at the same blocks.
 */
function blocks(doc: Document): Element[] {
  const codes = doc.getElementsByTagName('code');
  const out: Element[] = [];
  for (let i = 0; i < codes.length && i < 400; i++) if (codes[i]!.id.startsWith('bpr-guid-')) out.push(codes[i]!);
  return out;
}

export const linkedinJson: Extractor = {
  id: 'linkedin-json',
  applies: (doc) => blocks(doc).length > 0,
  run(doc, url) {
    const out: Findings = {};
    const slug = profileSlug(url);
    if (!slug) return { fields: out };
    // The slug as it appears inside JSON (the publicIdentifier is stored as typed, usually lower-case).
    const needle = `"publicIdentifier":"`;
    for (const code of blocks(doc)) {
      const txt = code.textContent || '';
      if (txt.length > MAX_BLOCK || !namesSlug(txt, needle, slug)) continue;
      let data: unknown;
      try {
        data = JSON.parse(txt);
      } catch {
        continue;
      }
      const p = findProfile(data, slug);
      if (!p) continue;
      const fn = typeof p.firstName === 'string' ? clean(p.firstName) : null;
      const ln = typeof p.lastName === 'string' ? clean(p.lastName) : null;
      put(out, 'firstName', f(fn, 0.6));
      put(out, 'lastName', f(ln, 0.6));
      put(out, 'name', f(clean([fn, ln].filter(Boolean).join(' ')), 0.6));
      const hl = typeof p.headline === 'string' ? p.headline : typeof p.occupation === 'string' ? p.occupation : null;
      put(out, 'headline', f(clean(hl), 0.55));
      put(out, 'about', f(typeof p.summary === 'string' ? clean(p.summary, 20_000) : null, 0.4));
      break;
    }
    return { fields: out, signals: { recognised: !!out.name } };
  },
};
