/**
 * Embedded Voyager JSON in `<code id="bpr-guid-…">` (LinkedIn logged-in Ember pages, 2019–2024).
 * SPA navigation leaves stale JSON about OTHER people (the viewer's /me, the search page we came
 * from), so an entity is used ONLY when its publicIdentifier equals this URL's slug.
 * A cheap string check rules out blocks before any JSON.parse.
 */
import { profileSlug } from '../linkedin-url';
import type { Extractor, Findings } from '../types';
import { clean, pickAll } from '../text';
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

export const linkedinJson: Extractor = {
  id: 'linkedin-json',
  applies: (doc) => !!doc.querySelector('code[id^="bpr-guid-"]'),
  run(doc, url) {
    const out: Findings = {};
    const slug = profileSlug(url);
    if (!slug) return { fields: out };
    // The slug as it appears inside JSON (the publicIdentifier is stored as typed, usually lower-case).
    const needle = `"publicIdentifier":"`;
    for (const code of pickAll(doc, 'code[id^="bpr-guid-"]')) {
      const txt = code.textContent || '';
      if (txt.length > MAX_BLOCK || !txt.includes(needle)) continue;
      const lower = txt.toLowerCase();
      if (!lower.includes(needle.toLowerCase() + slug + '"')) continue;
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
