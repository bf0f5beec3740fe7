/**
 * LinkedIn public (logged-out) profile, desktop and mobile (`public_profile_v3_*`, seen 2022–2024):
 * `section.top-card-layout`, `.top-card-layout__title/headline/first-subline/second-subline`,
 * `li.experience-item`, `li.experience-group-position`, `li.education__list-item`.
 * All selectors for this layout live here.
 */
import type { EducationEntry, ExperienceEntry } from '../../contacts/model';
import type { Extractor, Findings } from '../types';
import { baseOf, cleanText, decodeWebsite, pick, pickAll, pickText, textOf } from '../text';
import { clampAbout, currentFromExperience, edu, entry, f, put, realPhoto } from './common';

export const SEL = {
  topCard: ['section.top-card-layout', '.top-card-layout'],
  name: ['h1.top-card-layout__title', '.top-card-layout__title', 'h1'],
  headline: [
    '.top-card-layout__headline', // 2022–2024
    '.top-card-layout__entity-info > h2:not([id])', // same slot when the class is renamed
  ],
  location: [
    '.profile-info-subheader .not-first-middot > span:first-child', // desktop 2024-03
    '.top-card-layout__first-subline .not-first-middot > span:first-child',
    '.top-card-layout__first-subline div.top-card__subline-item', // desktop 2023-04
    '.top-card-layout__second-subline div.top-card__subline-item', // mobile 2022-10
    '.top-card__subline-item:not(.top-card__position-info):not(.top-card__subline-item--bullet)',
  ],
  currentCompany: [
    '[data-section="currentPositionsDetails"] .top-card-link__description', // desktop 2024-03
    '[data-section="currentPositionsDetails"] a', // desktop 2023-04
    '.top-card__position-info', // mobile 2022-10 (plain text)
    '[data-section="currentPositionsDetails"]', // 2024-03 plain-text variant
  ],
  photo: ['img.top-card__profile-image', '[data-section="picture"] img', '.top-card-layout__entity-image'],
  websites: ['[data-section="websites"] a[href]'],
  about: [
    'section[data-section="summary"] .core-section-container__content',
    'section.summary .core-section-container__content',
  ],
  experienceSection: ['section[data-section="experience"]', 'section.experience'],
  educationSection: ['section.education', 'section[data-section="educationsDetails"]'],
  notFound: ['.page-not-found', '.profile-unavailable', '[data-test-id="page-not-found"]'],
} as const;

function itemFields(li: Element) {
  const title = pickText(li, ['.experience-item__title', '.profile-section-card__title', 'h3']);
  const company = pickText(li, ['.experience-item__subtitle', '.profile-section-card__subtitle', 'h4']);
  const dates = pickText(li, ['.date-range', '.experience-item__duration', '.experience-group-position__duration']);
  const location = pickText(li, ['.experience-item__location', '.experience-group-position__location']);
  return { title, company, dates, location };
}

function parseExperience(sec: Element | null): ExperienceEntry[] | null {
  if (!sec) return null;
  const out: ExperienceEntry[] = [];
  // Entries are the outermost cards (a group's positions are cards inside it); structural, so a
  // renamed `experience-item` class does not lose entries.
  const cards = pickAll(sec, 'li.experience-item, li.experience-group, li.profile-section-card');
  const items = cards.filter((c) => !cards.some((o) => o !== c && o.contains(c)));
  for (const li of items) {
    const positions = pickAll(li, 'li.experience-group-position, li.profile-section-card');
    const isGroup = /\bexperience-group\b/.test(li.getAttribute('class') || '') || positions.length > 0;
    if (isGroup && positions.length) {
      const company = pickText(li, ['.experience-group-header__company', '.experience-group-header h3', 'h3']);
      for (const pos of positions) {
        const r = itemFields(pos);
        const datesText = pickText(pos, [
          '.date-range',
          '.experience-group-position__duration',
          '.experience-item__meta-item',
        ]);
        out.push(entry(r.title, company, datesText, r.location));
      }
    } else {
      const r = itemFields(li);
      const datesText = r.dates ?? pickText(li, ['.experience-item__meta-item']);
      out.push(entry(r.title, r.company, datesText, r.location));
    }
  }
  return out;
}

function parseEducation(sec: Element | null): EducationEntry[] | null {
  if (!sec) return null;
  const out: EducationEntry[] = [];
  for (const li of pickAll(sec, 'li.education__list-item')) {
    const school = pickText(li, ['.profile-section-card__title', 'h3']);
    const degree = pickText(li, ['.profile-section-card__subtitle', 'h4']);
    const dates = pickText(li, ['.date-range', '.education__item--duration']);
    const e = edu(school, degree, dates);
    if (e) out.push(e);
  }
  return out;
}

export const linkedinPublic: Extractor = {
  id: 'linkedin-public',
  layout: true,
  sniff: '.top-card-layout, .page-not-found, .profile-unavailable',
  applies: (doc) => !!doc.querySelector(linkedinPublic.sniff!),
  run(doc, url) {
    const out: Findings = {};
    // Each marker on its own: a class is looked up by the browser's fast path, a list of selectors is
    // matched element by element (several times the cost of the three lookups).
    if (pick(doc, SEL.notFound)) return { fields: out, signals: { notFound: true } };
    const top = pick(doc, SEL.topCard);
    if (!top) return { fields: out };
    const base = baseOf(doc, url);
    const name = pickText(top, SEL.name);
    put(out, 'name', f(name, 0.95));
    put(out, 'headline', f(pickText(top, SEL.headline), 0.9));
    let loc: string | null = null;
    for (const s of SEL.location) {
      for (const el of pickAll(top, s)) {
        const t = cleanText(el);
        if (t && !/\b(followers?|connections?|contact info)\b/i.test(t)) {
          loc = t;
          break;
        }
      }
      if (loc) break;
    }
    put(out, 'location', f(loc, 0.85));
    const company = pickText(top, SEL.currentCompany);
    put(out, 'currentCompany', f(company, 0.9));
    let photo: string | null = null;
    for (const s of SEL.photo) {
      const img = top.querySelector(s);
      if (img) {
        photo = realPhoto(img, base);
        break;
      }
    }
    put(out, 'photoUrl', f(photo, 0.9));
    const sites: string[] = [];
    for (const a of pickAll(top, SEL.websites[0])) {
      const w = decodeWebsite(a.getAttribute('href'), base);
      if (w && !sites.includes(w)) sites.push(w);
    }
    if (sites.length) put(out, 'websites', f(sites, 0.9));

    const about = clampAbout(textOf(pick(doc, SEL.about), { multiline: true, skipButtons: true }));
    put(out, 'about', f(about, 0.9));
    const exp = parseExperience(pick(doc, SEL.experienceSection));
    put(out, 'experience', f(exp, 0.9));
    put(out, 'education', f(parseEducation(pick(doc, SEL.educationSection)), 0.9));
    const cur = currentFromExperience(exp, company);
    put(out, 'currentTitle', f(cur.title, 0.8));
    if (!company) put(out, 'currentCompany', f(cur.company, 0.7));
    return { fields: out, signals: { recognised: !!name } };
  },
};
