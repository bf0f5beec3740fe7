/**
 * h-card microformats: v2 (`h-card`, `p-name`, `u-photo`…) and v1 (`vcard`, `fn`, `photo`…).
 * The subject is the first top-level card; nested cards (agents, authors) are someone else.
 * Several distinct top-level people means a directory/list page, not a profile.
 */
import type { ExperienceEntry } from '../../contacts/model';
import type { Extractor, Findings } from '../types';
import { baseOf, clean, cleanText, decodeWebsite, looseKey, pickAll, resolveUrl, textOf } from '../text';
import { clampAbout, f, photoUrlOk, put } from './common';

const CARD = '.h-card, .vcard';

function props(card: Element, sel: string): Element[] {
  const out: Element[] = [];
  for (const el of pickAll(card, sel)) {
    // The property belongs to the nearest enclosing card; a nested card's own class counts as nested.
    const owner = el.parentElement?.closest(CARD);
    if (owner !== card) continue;
    if (el !== card && el.matches(CARD) && !/\b(p-name|fn)\b/.test(el.getAttribute('class') || '')) continue;
    out.push(el);
  }
  return out;
}

function valueOf(el: Element): string | null {
  const v = el.querySelector('.value');
  if (v) return cleanText(v);
  const tag = el.tagName.toUpperCase();
  if (tag === 'A' || tag === 'AREA') return cleanText(el) ?? clean(el.getAttribute('href'));
  if (tag === 'IMG') return clean(el.getAttribute('alt'));
  if (tag === 'ABBR') return clean(el.getAttribute('title')) ?? cleanText(el);
  return cleanText(el);
}

function urlOf(el: Element, base: string): string | null {
  const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data') ?? el.textContent;
  return resolveUrl(raw, base);
}

/** mf2 implied name: only for a v2 card with no other properties (v1 vcards require `fn`). */
function impliedName(card: Element): string | null {
  if (!/\bh-card\b/.test(card.getAttribute('class') || '')) return null;
  for (const el of pickAll(card, '[class*="p-"], [class*="u-"], [class*="e-"], [class*="dt-"]'))
    if (/(^|\s)(p|u|e|dt)-[a-z]/.test(el.getAttribute('class') || '')) return null;
  const tag = card.tagName.toUpperCase();
  if (tag === 'IMG' || tag === 'AREA') return clean(card.getAttribute('alt'));
  if (tag === 'ABBR') return clean(card.getAttribute('title'));
  const only = card.children.length === 1 ? card.children[0]! : null;
  if (only && only.tagName.toUpperCase() === 'IMG' && !clean(card.textContent)) return clean(only.getAttribute('alt'));
  const t = cleanText(card);
  return t && t.length <= 100 ? t : null;
}

function impliedPhoto(card: Element, base: string): string | null {
  const tag = card.tagName.toUpperCase();
  if (tag === 'IMG') return resolveUrl(card.getAttribute('src'), base);
  if (tag === 'OBJECT') return resolveUrl(card.getAttribute('data'), base);
  // One img/object child (or grandchild through a single child), not itself a card.
  let el: Element = card;
  for (let depth = 0; depth < 2; depth++) {
    const kids = Array.from(el.children);
    if (kids.length !== 1) return null;
    const k = kids[0]!;
    if (k.matches(CARD)) return null;
    const t = k.tagName.toUpperCase();
    if (t === 'IMG') return resolveUrl(k.getAttribute('src'), base);
    if (t === 'OBJECT') return resolveUrl(k.getAttribute('data'), base);
    el = k;
  }
  return null;
}

/** Top-level cards, leaving out authors/commenters of entries (h-entry/h-cite/hentry own them). */
export function topLevelCards(doc: Document): Element[] {
  return pickAll(doc, CARD).filter(
    (c) => !c.parentElement?.closest(CARD) && !c.parentElement?.closest('.h-entry, .h-cite, .hentry, .h-feed .h-entry'),
  );
}

function sameUrl(a: string | null, b: string): boolean {
  if (!a) return false;
  const strip = (x: string) => x.replace(/#.*$/, '').replace(/\/$/, '').toLowerCase();
  return strip(a) === strip(b);
}

export const hcard: Extractor = {
  id: 'h-card',
  applies: (doc) => !!doc.querySelector(CARD),
  run(doc, url) {
    const out: Findings = {};
    const base = baseOf(doc, url);
    const cards = topLevelCards(doc);
    if (!cards.length) return { fields: out };
    // The representative card (its u-url/u-uid is this page) is the subject; else the first one.
    const rep = cards.find((c) => props(c, '.u-url, .u-uid, .url, .uid').some((u) => sameUrl(urlOf(u, base), url)));
    const card = rep ?? cards[0]!;
    const nameEl = props(card, '.p-name, .fn')[0];
    const name = nameEl ? valueOf(nameEl) : impliedName(card);
    put(out, 'name', f(name && name.length <= 200 ? name : null, 0.8));
    put(out, 'firstName', f(props(card, '.p-given-name, .given-name').map((e) => cleanText(e))[0], 0.8));
    put(out, 'lastName', f(props(card, '.p-family-name, .family-name').map((e) => cleanText(e))[0], 0.8));
    const photoEl = props(card, '.u-photo, .photo')[0];
    put(out, 'photoUrl', f(photoUrlOk(photoEl ? urlOf(photoEl, base) : impliedPhoto(card, base), base), 0.8));
    const notes = props(card, '.p-note, .note').map((e) => textOf(e, { multiline: true }));
    put(out, 'about', f(clampAbout(notes.filter(Boolean).join('\n\n')), 0.8));
    const orgs = props(card, '.p-org, .org').map((e) => valueOf(e));
    const titles = props(card, '.p-job-title, .title').map((e) => valueOf(e));
    put(out, 'currentCompany', f(orgs[0], 0.8));
    put(out, 'currentTitle', f(titles[0], 0.8));
    const n = Math.max(orgs.length, titles.length);
    if (n) {
      const exp: ExperienceEntry[] = [];
      for (let i = 0; i < n; i++)
        exp.push({ title: titles[i] ?? null, company: orgs[i] ?? null, dates: null, location: null, current: i === 0 });
      put(out, 'experience', f(exp, 0.6));
    }
    const emailEl = props(card, '.u-email, .email')[0];
    if (emailEl) {
      const href = emailEl.getAttribute('href');
      const e = href && /^mailto:/i.test(href) ? href.slice(7).split('?')[0] : valueOf(emailEl);
      put(out, 'email', f(clean(e), 0.85));
    }
    const telEl = props(card, '.p-tel, .tel')[0];
    if (telEl) {
      const href = telEl.getAttribute('href');
      put(out, 'phone', f(href && /^tel:/i.test(href) ? clean(href.slice(4)) : valueOf(telEl), 0.85));
    }
    const sites: string[] = [];
    for (const u of props(card, '.u-url, .url')) {
      const w = decodeWebsite(urlOf(u, base), base);
      if (w && !sites.includes(w)) sites.push(w);
    }
    if (sites.length) put(out, 'websites', f(sites, 0.7));
    const adr = props(card, '.p-adr, .adr, .h-adr')[0];
    const locality = adr
      ? cleanText(adr.querySelector('.p-locality, .locality'))
      : props(card, '.p-locality, .locality').map((e) => cleanText(e))[0];
    const country = adr
      ? cleanText(adr.querySelector('.p-country-name, .country-name'))
      : props(card, '.p-country-name, .country-name').map((e) => cleanText(e))[0];
    const loc = [locality, country].filter(Boolean).join(', ');
    put(out, 'location', f(loc || null, 0.7));
    // Several different people at top level: a list page.
    const names = new Set(
      cards.slice(0, 50).map((c) => looseKey(props(c, '.p-name, .fn')[0]?.textContent ?? impliedName(c) ?? '')),
    );
    // Even a representative card does not make a page of many different people a profile.
    const manyPeople = names.size >= 3 || (cards.length >= 3 && names.size >= 2);
    return { fields: out, signals: { recognised: !!name && !manyPeople, manyPeople } };
  },
};
