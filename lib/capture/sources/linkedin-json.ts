/**
 * Embedded Voyager JSON in `<code id="bpr-guid-…">` (LinkedIn logged-in Ember pages, 2019–2024).
 * SPA navigation leaves stale JSON about OTHER people (the viewer's /me, the search page we came
 * from), so an entity is used ONLY when its publicIdentifier equals this URL's slug.
 * A cheap string check rules out blocks before any JSON.parse.
 */
import { profileSlug } from '../linkedin-url';
import type { Extractor, Findings } from '../types';
import { clean } from '../text';
import { voyagerEntities } from '../voyager';
import { f, put } from './common';

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
    const p = voyagerEntities(blocks(doc), slug).find(
      (e) => typeof e.firstName === 'string' || typeof e.lastName === 'string',
    );
    if (p) {
      const fn = typeof p.firstName === 'string' ? clean(p.firstName) : null;
      const ln = typeof p.lastName === 'string' ? clean(p.lastName) : null;
      put(out, 'firstName', f(fn, 0.6));
      put(out, 'lastName', f(ln, 0.6));
      put(out, 'name', f(clean([fn, ln].filter(Boolean).join(' ')), 0.6));
      const hl = typeof p.headline === 'string' ? p.headline : typeof p.occupation === 'string' ? p.occupation : null;
      put(out, 'headline', f(clean(hl), 0.55));
      put(out, 'about', f(typeof p.summary === 'string' ? clean(p.summary, 20_000) : null, 0.4));
    }
    return { fields: out, signals: { recognised: !!out.name } };
  },
};
