/**
 * LinkedIn logged-in "Voyager"/Ember layout (seen 2021–2024): `h1.text-heading-xlarge`,
 * `.pv-text-details__*`, `pvs-*` profile cards, text duplicated in `span[aria-hidden]` +
 * `span.visually-hidden`. All selectors for this layout live here.
 */
import type { EducationEntry, ExperienceEntry } from '../../contacts/model';
import type { Extractor, Findings } from '../types';
import { baseOf, clean, cleanText, decodeWebsite, isPronouns, pick, pickAll, pickText, textOf } from '../text';
import { clampAbout, currentFromExperience, edu, entry, f, put, realPhoto } from './common';
import { YEAR } from '../sections';

export const SEL = {
  /** The top card: the section around the big name (2022-03 saved pages). */
  topCard: ['section.pv-top-card', '.pv-top-card', '.ph5.pb5'],
  name: [
    'h1.text-heading-xlarge', // 2022-03 profile page
    '.pv-text-details__left-panel h1',
    '.pv-top-card h1',
    '.pv-top-card--list li.inline.t-24', // 2020–2021 Ember top card
    '.pv-top-card-section__name', // 2018–2019
  ],
  /** Sticky mini top card: the only name/headline on /details/* sub-pages (2022-03). */
  stickyName: ['.pv-profile-sticky-header-v2__mini-profile-container .artdeco-entity-lockup__title'],
  stickyHeadline: ['.pv-profile-sticky-header-v2__mini-profile-container .artdeco-entity-lockup__subtitle'],
  stickyPhoto: ['.pv-profile-sticky-header-v2__mini-profile-container img'],
  headline: [
    '.pv-text-details__left-panel .text-body-medium', // 2022-03
    '.pv-top-card .text-body-medium',
    '.pv-top-card h2.mt1.t-18', // 2020–2021
    '.pv-top-card-section__headline', // 2018–2019
  ],
  location: [
    '.pv-text-details__left-panel span.text-body-small.inline.t-black--light', // 2022-03
    '.pv-top-card--list-bullet li.t-16', // 2020–2021
    '.pv-top-card-section__location', // 2018–2019
    'span.text-body-small.inline.t-black--light.break-words', // 2022-03, panel class renamed
  ],
  pronouns: ['.pv-text-details__left-panel .text-body-small.v-align-middle:not(.distance-badge)'],
  currentCompany: [
    '.pv-text-details__right-panel [aria-label="Current company"]', // 2022-03
    '.pv-text-details__right-panel a[href="#experience"] h2',
    'button[aria-label^="Current company"] span',
  ],
  photo: [
    'img.pv-top-card-profile-picture__image', // non-self view 2022-03
    'img.profile-photo-edit__preview', // self view 2022-03
    '.pv-top-card__photo img',
    '.pv-top-card--photo img',
  ],
  contactInfoLink: ['#top-card-text-details-contact-info', 'a[href*="/overlay/contact-info"]'],
  /** Contact-info overlay (`/overlay/contact-info/`, 2019–2024): one section per kind, `ci-*` classes. */
  contactSection: 'section.pv-contact-info__contact-type',
  ciEmail: ['.ci-email a[href^="mailto:"]', 'a[href^="mailto:"]'],
  ciPhone: ['.ci-phone li span.t-14', '.ci-phone li span', '.ci-phone li'],
  ciWebsites: '.ci-websites a[href]',
  ciConnected: ['.ci-connected span', '.ci-connected .pv-contact-info__contact-item'],
} as const;

function sectionByAnchor(doc: Document, id: string): Element | null {
  const anchor = doc.getElementById(id);
  return anchor?.closest('section') ?? null;
}

/** Text of the first `span[aria-hidden=true]` (the visible copy) of an element, else its text. */
function visibleCopy(el: Element | null | undefined): string | null {
  if (!el) return null;
  const span = el.querySelector(':scope > span[aria-hidden="true"]') ?? el.querySelector('span[aria-hidden="true"]');
  return cleanText(span ?? el);
}

/** Direct entries of a `ul.pvs-list`: its `li` children. */
function topLevelItems(list: Element): Element[] {
  const out: Element[] = [];
  for (const c of Array.from(list.children)) if (c.tagName.toUpperCase() === 'LI') out.push(c);
  return out;
}

/** The entity box of a list item: `.pvs-entity` (2022), else the item itself (class renamed). */
function entityOf(li: Element): Element {
  return li.querySelector('.pvs-entity') ?? li;
}

function entityFields(ent: Element): { bold: string | null; normal: string | null; light: string[] } {
  // Only this entity's own spans: skip those inside nested entities / sub-component lists.
  const hostSel = /\bpvs-entity\b/.test(ent.getAttribute('class') || '') ? '.pvs-entity' : 'li';
  const own = (sel: string) =>
    pickAll(ent, sel).filter((s) => {
      if (s.closest(hostSel) !== ent) return false;
      const sub = s.closest('.pvs-entity__sub-components, .pvs-list__outer-container');
      return !sub || !ent.contains(sub);
    });
  const bold = own('.t-bold')[0] ?? own('.mr1')[0];
  const normal = own('span.t-14.t-normal:not(.t-black--light)')[0];
  const light = own('span.t-14.t-normal.t-black--light')
    .map((s) => visibleCopy(s))
    .filter((x): x is string => !!x);
  return { bold: visibleCopy(bold), normal: visibleCopy(normal), light };
}

/**
 * Roles nested in a grouped entry: inner entities, or (classes renamed) inner items with a bold title.
 * A group's header shows the company and a total length ("4 yrs 2 mos"), never a year. Under a header
 * that shows its own dates, a position's, an inner item is a role only with a year of its own: one
 * without is an attachment (a media thumbnail with a bold caption, seen on logged-in pages in July 2024).
 */
function nestedRoles(li: Element, ent: Element, headDated: boolean): Element[] {
  const role = (x: Element) => !headDated || YEAR.test(x.textContent ?? '');
  const inner = pickAll(ent, '.pvs-entity').filter((n) => n !== ent && role(n));
  if (inner.length || ent !== li) return inner;
  const withTitle = pickAll(li, 'li').filter((x) => x.querySelector('.t-bold'));
  // Innermost only.
  return withTitle.filter((x) => !withTitle.some((o) => o !== x && x.contains(o)) && role(x));
}

function splitDot(s: string | null): string | null {
  if (!s) return null;
  const first = s.split(' · ')[0]?.trim();
  return first || null;
}

export function parseExperienceList(section: Element | null): ExperienceEntry[] | null {
  if (!section) return null;
  const list = pick(section, ['ul.pvs-list', 'ul']);
  if (!list) return [];
  const out: ExperienceEntry[] = [];
  for (const li of topLevelItems(list)) {
    const ent = entityOf(li);
    const head = entityFields(ent);
    const nested = nestedRoles(
      li,
      ent,
      [head.bold, head.normal, ...head.light].some((t) => !!t && YEAR.test(t)),
    );
    if (!head.bold) continue;
    if (nested.length) {
      // Group: header is the company, each nested entity is a role.
      for (const n of nested) {
        const r = entityFields(n);
        out.push(entry(r.bold, head.bold, r.light[0] ?? null, r.light[1] ?? null));
      }
    } else {
      const looksLikeDates = (s: string | null) => !!s && /\d{4}|present/i.test(s);
      let dates = head.light[0] ?? null;
      let location = head.light[1] ?? null;
      if (!looksLikeDates(dates) && looksLikeDates(location)) [dates, location] = [location, dates];
      out.push(entry(head.bold, splitDot(head.normal), dates, location));
    }
  }
  return out;
}

export function parseEducationList(section: Element | null): EducationEntry[] | null {
  if (!section) return null;
  const list = pick(section, ['ul.pvs-list', 'ul']);
  if (!list) return [];
  const out: EducationEntry[] = [];
  for (const li of topLevelItems(list)) {
    const r = entityFields(entityOf(li));
    const e = edu(r.bold, r.normal, r.light[0] ?? null);
    if (e) out.push(e);
  }
  return out;
}

function contactOverlay(doc: Document, out: Findings, base: string): boolean {
  const first = doc.querySelector(SEL.contactSection);
  if (!first) return false;
  const root = first.parentElement ?? first;
  // The overlay's heading is the subject's full name (h1#pv-contact-info, 2019–2023).
  const h = doc.getElementById('pv-contact-info');
  if (!out.name && h && /^H\d$/i.test(h.tagName)) put(out, 'name', f(cleanText(h), 0.7));
  const mail = pick(root, SEL.ciEmail);
  if (mail)
    put(
      out,
      'email',
      f(clean(decodeURIComponent((mail.getAttribute('href') || '').slice(7).split('?')[0] || '')), 0.95),
    );
  const phone = pickText(root, SEL.ciPhone);
  const m = phone?.match(/\+?\d[\d\s().-]{4,}\d/);
  put(out, 'phone', f(m ? m[0] : phone, 0.9));
  const sites: string[] = [];
  for (const a of pickAll(root, SEL.ciWebsites)) {
    const w = decodeWebsite(a.getAttribute('href'), base);
    if (w && !/^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\//i.test(w) && !sites.includes(w)) sites.push(w);
  }
  if (sites.length) put(out, 'websites', f(sites, 0.9));
  put(out, 'connectedSince', f(pickText(root, SEL.ciConnected), 0.9));
  return true;
}

export const linkedin2022: Extractor = {
  id: 'linkedin-2022',
  layout: true,
  sniff:
    '.pv-text-details__left-panel, .pv-top-card, .pv-profile-sticky-header-v2__container, .pvs-list, h1.text-heading-xlarge, .pv-contact-info',
  applies: (doc) => !!doc.querySelector(linkedin2022.sniff!),
  run(doc, url) {
    const out: Findings = {};
    const base = baseOf(doc, url);
    const nameEl = pick(doc, SEL.name);
    const top = nameEl?.closest('section') ?? (nameEl ? pick(doc, SEL.topCard) : null);
    const name = cleanText(nameEl);
    const recognised = !!name;
    put(out, 'name', f(name, 0.95));
    // Top-card fields only when there is a top card (details sub-pages have none: no full scans).
    put(out, 'headline', f(pickText(top, SEL.headline), 0.9));
    put(out, 'location', f(pickText(top, SEL.location), 0.9));
    const pr = pickText(top, SEL.pronouns);
    if (pr && isPronouns(pr)) put(out, 'pronouns', f(pr, 0.8));
    const company = pickText(top, SEL.currentCompany);
    put(out, 'currentCompany', f(company, 0.9));
    let photo: string | null = null;
    for (const s of top ? SEL.photo : []) {
      photo = realPhoto(top!.querySelector(s), base);
      if (photo) break;
    }
    // Sticky mini top card (details sub-pages, or when the top card is absent).
    const stickyName = pickText(doc, SEL.stickyName);
    if (stickyName) {
      put(out, 'name', out.name ?? f(stickyName, 0.8));
      if (!out.headline) put(out, 'headline', f(pickText(doc, SEL.stickyHeadline), 0.75));
      if (!photo) {
        const img = pick(doc, SEL.stickyPhoto);
        const alt = img?.getAttribute('alt');
        // Only when the image is labelled with the subject's name (not a viewer avatar).
        if (img && (!alt || alt.trim() === (name ?? stickyName))) photo = realPhoto(img, base);
      }
    }
    put(out, 'photoUrl', f(photo, 0.85));

    // About: text after the #about anchor, visible copy only.
    const aboutSec = sectionByAnchor(doc, 'about');
    if (aboutSec) {
      const box = pick(aboutSec, [
        '.pv-shared-text-with-see-more .inline-show-more-text',
        '.inline-show-more-text',
        '.pv-about__summary-text',
        // Aug 2024: the base class gone, a hashed one and the state modifier left.
        '.inline-show-more-text--is-collapsed',
        '.inline-show-more-text--is-expanded',
      ]);
      const about = clampAbout(textOf(box, { multiline: true, skipButtons: true }));
      put(out, 'about', f(about, 0.9));
    }

    // Experience: #experience card on the profile, or the /details/experience/ sub-page list.
    let expSec = sectionByAnchor(doc, 'experience');
    if (!expSec && /\/details\/experience/i.test(url))
      expSec = pick(doc, ['main section.artdeco-card', 'main section']);
    if (!expSec && !top)
      expSec = doc.querySelector('main li[id*="EXPERIENCE-VIEW-DETAILS"]')?.closest('section') ?? null;
    const exp = expSec && expSec.querySelector('.pvs-entity, .t-bold') ? parseExperienceList(expSec) : null;
    put(out, 'experience', f(exp, 0.85));
    let eduSec = sectionByAnchor(doc, 'education');
    if (!eduSec && /\/details\/education/i.test(url)) eduSec = pick(doc, ['main section.artdeco-card', 'main section']);
    const eduList = eduSec && eduSec.querySelector('.pvs-entity, .t-bold') ? parseEducationList(eduSec) : null;
    put(out, 'education', f(eduList, 0.85));

    const cur = currentFromExperience(exp, company);
    put(out, 'currentTitle', f(cur.title, 0.8));
    if (!company) put(out, 'currentCompany', f(cur.company, 0.7));
    const contact = contactOverlay(doc, out, base);
    return { fields: out, signals: { recognised: recognised || !!stickyName || contact } };
  },
};
