/**
 * LinkedIn logged-in 2025–2026 "SDUI" React layout: hashed class names (never used here), no h1.
 * Anchors: `componentkey`/`id` naming cards (`com.linkedin.sdui.profile.card.ref<URN>Topcard`,
 * `…About`, `…ContactInfoDetailSection`), `data-sdui-screen`, element order inside the top card,
 * aria labels, fallback icon ids (`company-accent-4`, `school-accent-4`), `role="toolbar"`.
 * All selectors for this layout live here.
 */
import type { EducationEntry, ExperienceEntry } from '../../contacts/model';
import type { Extractor, Findings } from '../types';
import { profileSlug } from '../linkedin-url';
import { baseOf, clean, cleanText, decodeWebsite, escapeRegExp, isPronouns, pick, pickAll, textOf } from '../text';
import { clampAbout, currentFromExperience, edu, entry, f, put, realPhoto } from './common';
import { isEmploymentType } from '../sections';

export const SEL = {
  topCard: [
    '[componentkey^="com.linkedin.sdui.profile.card"][componentkey$="Topcard"]', // 2026 profile
    '[id^="com.linkedin.sdui.profile.card"][id$="Topcard"]',
  ],
  about: [
    '[componentkey^="com.linkedin.sdui.profile.card"][componentkey$="About"]',
    '[id^="com.linkedin.sdui.profile.card"][id$="About"]',
  ],
  aboutText: ['[data-testid="expandable-text-box"]', 'p'],
  name: ['h1', 'h2'],
  photo: [
    '[componentkey="topcard-logo-image-referencekey"] img', // 2026: the profile photo link/button
    '[aria-label="Profile photo"] img',
  ],
  /**
   * Experience / Education cards (2026): the card key names the section; `…DetailsSection` on
   * /details/* sub-pages; `data-testid="profile_<Name>TopLevelSection_<slug>"` seen on some builds.
   */
  section: (name: 'Experience' | 'Education') => [
    // One selector list = one document scan.
    [
      `[componentkey$="${name}TopLevelSection"]`,
      `[id$="${name}TopLevelSection"]`,
      `[data-testid^="profile_${name}TopLevelSection"]`,
      `[componentkey$="${name}DetailsSection"]`,
      `[id$="${name}DetailsSection"]`,
    ].join(', '),
  ],
  /** One entry per element keyed `entity-collection-item-…` (outermost only: entries nest keyed links). */
  entry: '[componentkey^="entity-collection-item"]',
  /** Ignore text inside these (name-pronunciation player, its hidden dialogs, badges). */
  noise: '[data-vjs-player], [role="dialog"], [aria-hidden="true"], audio, button',
  /** Sticky profile toolbar before <main> (name, headline, photo). */
  toolbar: ['[role="toolbar"]'],
  contactScreen: [
    '[data-sdui-screen*="ProfileContactDetailsOverlay"]', // 2026 overlay/dialog
    '[componentkey$="ContactInfoDetailSection"]',
  ],
  websiteRow: /^(websites?|site web|sitio web|webseite|website|сайт|веб-сайт)$/i,
  phoneRow: /^(phone|téléphone|telefon|teléfono|телефон)$/i,
  emailRow: /^(e-?mail|courriel|correo electrónico|эл\. почта)$/i,
  addressRow: /^(address|adresse|dirección|адрес)$/i,
  connectedRow: /^(connected since|connecté depuis|verbunden seit|в контактах с)$/i,
} as const;

function isNoise(el: Element, root: Element): boolean {
  const n = el.closest(SEL.noise);
  return !!n && root.contains(n);
}

/** A location row: a container whose children are `<p>`s, one being a lone "·" separator. */
function isLocationRow(el: Element | null): boolean {
  if (!el) return false;
  const kids = Array.from(el.children);
  return (
    kids.length >= 2 &&
    kids.every((k) => k.tagName.toUpperCase() === 'P') &&
    kids.some((k) => (k.textContent || '').trim() === '·')
  );
}

interface Chip {
  text: string;
  kind: 'company' | 'school' | 'unknown';
}

function chips(top: Element): Chip[] {
  const out: Chip[] = [];
  for (const fig of pickAll(top, 'figure')) {
    const icon = fig.querySelector('svg[id]')?.getAttribute('id') ?? '';
    const kind = /^company-/i.test(icon) ? 'company' : /^school-/i.test(icon) ? 'school' : 'unknown';
    // Entity chips are buttons holding a logo figure and a name; links (mutual connections) are not chips.
    const holder =
      kind === 'unknown'
        ? fig.closest('[role="button"]')
        : (fig.closest('[role="button"], a, button') ?? fig.parentElement);
    if (!holder || holder.closest('[componentkey="topcard-logo-image-referencekey"]')) continue;
    const p = pick(holder, ['p span', 'p']);
    const t = p ? cleanText(p) : null;
    if (t) out.push({ text: t, kind });
  }
  return out;
}

const DATE_RE = /\b(19|20)\d{2}\b|\bpresent\b/i;
const isDate = (t: string) => t.length < 80 && DATE_RE.test(t);

/** Visible `<p>` texts of an element in order, without descriptions / "see more" / hidden copies. */
function lines(el: Element, skipLists: boolean): string[] {
  const out: string[] = [];
  for (const p of pickAll(el, 'p')) {
    if (
      isNoise(p, el) ||
      p.querySelector('[data-testid="expandable-text-box"]') ||
      p.closest('[data-testid="expandable-text-box"]')
    )
      continue;
    if (skipLists) {
      const li = p.closest('li');
      if (li && el.contains(li)) continue;
    }
    const t = cleanText(p);
    if (t) out.push(t);
  }
  return out;
}

function outermost(els: Element[]): Element[] {
  return els.filter((e) => !els.some((o) => o !== e && o.contains(e)));
}

function entries(sec: Element): Element[] {
  const keyed = pickAll(sec, SEL.entry);
  if (keyed.length) return outermost(keyed);
  // Fallback (education rows have plain-UUID keys): outermost keyed blocks that hold text lines.
  // The card's own keyed wrapper holds the heading: not an entry.
  return outermost(
    pickAll(sec, '[componentkey]').filter(
      (e) => e !== sec && !/^(A|BUTTON)$/i.test(e.tagName) && e.querySelector('p') && !e.querySelector('h1, h2, h3'),
    ),
  );
}

export function sduiExperience(sec: Element | null): ExperienceEntry[] | null {
  if (!sec) return null;
  const out: ExperienceEntry[] = [];
  for (const item of entries(sec)) {
    const roles = pickAll(item, 'li').filter((li) => li.querySelector('p'));
    const head = lines(item, roles.length > 0);
    if (roles.length) {
      // Grouped: the entry leads with the company (and its tenure), then one <li> per role.
      const company = head[0] ?? null;
      for (const li of roles) {
        const t = lines(li, false);
        const dates = t.find(isDate) ?? null;
        const rest = t.filter((x) => x !== dates);
        // A role's line after its title is its employment type ("Full-time", Feb 2026) or its place.
        const place = rest.find((x, i) => i > 0 && x.length < 80 && !isEmploymentType(x)) ?? null;
        out.push(entry(rest[0] ?? null, company, dates, place));
      }
    } else {
      if (!head.length) continue;
      const dates = head.find(isDate) ?? null;
      const title = head[0] !== dates ? head[0]! : null;
      const second = head[1] && head[1] !== dates ? head[1] : null;
      const company = second ? second.split(' · ')[0]!.trim() || null : null;
      const after = dates
        ? (head.slice(head.indexOf(dates) + 1).find((x) => !isDate(x) && x.length < 80) ?? null)
        : null;
      out.push(entry(title, company, dates, after));
    }
  }
  return out;
}

export function sduiEducation(sec: Element | null): EducationEntry[] | null {
  if (!sec) return null;
  const out: EducationEntry[] = [];
  for (const item of entries(sec)) {
    const t = lines(item, false);
    const dates = t.find(isDate) ?? null;
    const rest = t.filter((x) => x !== dates);
    const e = edu(rest[0] ?? null, rest[1] ?? null, dates);
    if (e) out.push(e);
  }
  return out;
}

/**
 * Profile cards near the top card, found by their key suffix with a shallow walk of the page's
 * card column (attribute-suffix selectors over a whole hashed-class page cost ~0.3 ms each).
 */
function findCard(root: Element, suffix: string, maxDepth = 6): Element | null {
  let level: Element[] = [root];
  for (let d = 0; d < maxDepth && level.length; d++) {
    const next: Element[] = [];
    for (const el of level) {
      for (const c of Array.from(el.children)) {
        const key = c.getAttribute('componentkey') || c.getAttribute('id') || '';
        if (key.endsWith(suffix) || (c.getAttribute('data-testid') || '').startsWith(`profile_${suffix}`)) return c;
        // Do not descend into other profile cards.
        if (!key.startsWith('com.linkedin.sdui.profile.card')) next.push(c);
      }
    }
    level = next;
  }
  return null;
}

function contactInfo(doc: Document, out: Findings, base: string, url: string, top: Element | null): boolean {
  // On a full profile the overlay opens in a <dialog> (cheap to list); a page without a top card
  // (saved overlay, fragment) or an /overlay/ URL gets a document scan.
  let screen: Element | null = null;
  const roots: ParentNode[] = top && !/\/overlay\//i.test(url) ? Array.from(doc.getElementsByTagName('dialog')) : [doc];
  for (const el of roots.flatMap((r) => pickAll(r, '[data-sdui-screen]'))) {
    if ((el.getAttribute('data-sdui-screen') || '').includes('ProfileContactDetailsOverlay')) {
      screen = el;
      break;
    }
  }
  if (!screen && /\/overlay\/contact-info/i.test(url)) screen = pick(doc, SEL.contactScreen);
  if (!screen) return false;
  const slug = profileSlug(url);
  const sites: string[] = [];
  for (const p of pickAll(screen, 'p')) {
    const label = clean(p.textContent);
    if (!label || label.length > 40) continue;
    const values: Element[] = [];
    for (let s = p.nextElementSibling; s; s = s.nextElementSibling) values.push(s);
    if (!values.length) continue;
    if (SEL.websiteRow.test(label)) {
      for (const v of values)
        for (const a of pickAll(v, 'a[href]')) {
          const w = decodeWebsite(a.getAttribute('href'), base);
          if (w && !/(^|\.)linkedin\.com\//i.test(w.replace(/^https?:\/\//, '')) && !sites.includes(w)) sites.push(w);
        }
    } else if (SEL.phoneRow.test(label)) {
      const v = values[0]!;
      const t = cleanText(v.querySelector('span') ?? v) ?? '';
      const m = t.match(/\+?[\d][\d\s().-]{4,}\d/);
      put(out, 'phone', f(m ? m[0].trim() : clean(t.replace(/\([^)]*\)\s*$/, '')), 0.9));
    } else if (SEL.emailRow.test(label)) {
      const a = values[0]!.querySelector('a[href^="mailto:"]');
      const e = a
        ? decodeURIComponent((a.getAttribute('href') || '').slice(7).split('?')[0] || '')
        : cleanText(values[0]);
      put(out, 'email', f(clean(e), 0.95));
    } else if (SEL.addressRow.test(label)) {
      put(out, 'location', f(cleanText(values[0]), 0.5));
    } else if (SEL.connectedRow.test(label)) {
      put(out, 'connectedSince', f(cleanText(values[0]), 0.9));
    } else {
      // "<First name>’s profile" row with the profile link: first name only.
      const a = values[0]!.querySelector('a[href*="/in/"]');
      const m = label.match(/^(.+?)[’']s profile$/i);
      if (a && m && (!slug || profileSlug(a.getAttribute('href') || '') === slug))
        put(out, 'firstName', f(clean(m[1]), 0.5));
    }
  }
  if (!out.email) {
    const a = screen.querySelector('a[href^="mailto:"]');
    if (a) put(out, 'email', f(clean((a.getAttribute('href') || '').slice(7).split('?')[0]), 0.8));
  }
  if (sites.length) put(out, 'websites', f(sites, 0.9));
  return true;
}

export const linkedinSdui: Extractor = {
  id: 'linkedin-2026',
  layout: true,
  sniff: '[componentkey], [data-sdui-screen]',
  applies: (doc) => !!doc.querySelector(linkedinSdui.sniff!),
  run(doc, url) {
    const out: Findings = {};
    const base = baseOf(doc, url);
    const slug = profileSlug(url);
    let recognised = false;
    const top = pick(doc, SEL.topCard);
    if (top) {
      // One ordered pass over headings and paragraphs (compareDocumentPosition is unreliable in some DOMs).
      const seq = pickAll(top, 'h1, h2, p');
      const nameIdx = seq.findIndex((h) => /^H[12]$/i.test(h.tagName) && !isNoise(h, top) && cleanText(h));
      const nameEl = nameIdx >= 0 ? seq[nameIdx] : undefined;
      const name = cleanText(nameEl);
      if (name) {
        recognised = true;
        put(out, 'name', f(name, 0.9));
      }
      // The lines after the name, in order: [pronouns] headline [company · school] location-row.
      const ps = seq.slice(nameIdx + 1).filter((p) => p.tagName.toUpperCase() === 'P' && !isNoise(p, top));
      let headline: string | null = null;
      let chipLine: string | null = null;
      const cs = chips(top);
      const chipTexts = new Set(cs.map((c) => c.text));
      // "Company · School" repeats the chips: never a headline.
      const isChipLine = (t: string) => chipTexts.size > 0 && t.split(' · ').every((x) => chipTexts.has(x.trim()));
      for (const p of ps) {
        if (p.closest('[data-display-contents] a, a[href*="/search/"], figure') || p.querySelector('a, strong'))
          continue;
        if (p.closest('[role="button"]')) continue;
        const t = cleanText(p);
        if (!t || t === '·' || /^·\s*\S+$/.test(t)) continue; // degree "· 2nd"
        if (isLocationRow(p.parentElement)) {
          const first = p.parentElement!.children[0];
          if (first === p) put(out, 'location', f(t, 0.85));
          break;
        }
        if (isPronouns(t)) {
          put(out, 'pronouns', f(t, 0.8));
          continue;
        }
        // "268 connections", "15,903 followers", "2K followers": a number and one word end the identity
        // lines (a headline such as "10 years in fintech | …" has more words).
        if (t.length < 40 && /^\d[\d,.\u00a0\u202f]*[KkMm]?\+?\s+\S+$/.test(t)) break;
        if (isChipLine(t)) {
          chipLine = t;
          continue;
        }
        if (!headline) headline = t;
        else if (!chipLine) chipLine = t;
      }
      put(out, 'headline', f(headline, 0.85));
      // Company / school chips are told apart by their fallback icons, never by text.
      const co = cs.find((c) => c.kind === 'company');
      if (co) put(out, 'currentCompany', f(co.text, 0.85));
      else if (!cs.some((c) => c.kind !== 'unknown')) {
        // No fallback icons (logos loaded without them): a chip named in the headline after
        // "at"/"@" is the employer; with two chips, LinkedIn lists the position before the school.
        const unique = [...new Set(cs.map((c) => c.text))];
        const inHeadline = unique.find(
          (t) => headline && new RegExp(`(\\bat|@)\\s*${escapeRegExp(t)}`, 'i').test(headline),
        );
        if (inHeadline) put(out, 'currentCompany', f(inHeadline, 0.6));
        else if (unique.length === 2) put(out, 'currentCompany', f(unique[0], 0.45));
      }
      // Top-card website button ("Visit my website"), behind /safety/go/ or /redir/redirect.
      const sites: string[] = [];
      for (const a of pickAll(top, 'a[href*="/safety/go"], a[href*="/redir/redirect"]')) {
        const w = decodeWebsite(a.getAttribute('href'), base);
        if (w && !sites.includes(w)) sites.push(w);
      }
      if (sites.length) put(out, 'websites', f(sites, 0.8));
      for (const s of SEL.photo) {
        const img = top.querySelector(s);
        if (img) {
          const p = realPhoto(img, base);
          if (p) {
            put(out, 'photoUrl', f(p, 0.9));
            break;
          }
        }
      }
    }
    // Sticky toolbar: name + headline + photo; trusted only when it links to this URL's person.
    for (const tb of pickAll(doc, SEL.toolbar[0])) {
      const link = tb.querySelector('a[href*="/in/"]');
      if (!link || (slug && profileSlug(link.getAttribute('href') || '') !== slug)) continue;
      const hidden = tb.getAttribute('aria-hidden') === 'true' || tb.hasAttribute('inert');
      const conf = hidden ? 0.4 : 0.7;
      const label = clean(link.querySelector('[aria-label]')?.getAttribute('aria-label'));
      const ps = pickAll(link, 'p')
        .map((p) => cleanText(p))
        .filter((x): x is string => !!x);
      const name = label ?? ps[0] ?? null;
      put(out, 'name', out.name ?? f(name, conf));
      const hl = ps.find((t) => t !== name) ?? null;
      put(out, 'headline', out.headline ?? f(hl, conf));
      if (!out.photoUrl) put(out, 'photoUrl', f(realPhoto(link.querySelector('img'), base), conf - 0.1));
      recognised = recognised || !!name;
      break;
    }
    // Cards live in the column holding the top card; without a top card (details sub-pages,
    // overlays) fall back to one document scan each.
    const column = top ? (top.closest('main, [data-testid="lazy-column"]') ?? doc.body) : null;
    const card = (suffix: string, fallback: readonly string[]) =>
      column ? findCard(column, suffix) : pick(doc, fallback);
    const aboutCard = card('About', SEL.about);
    if (aboutCard) {
      const box = pick(aboutCard, SEL.aboutText);
      put(out, 'about', f(clampAbout(textOf(box, { multiline: true, skipButtons: true })), 0.9));
    }
    // Experience / Education: only when the card has rendered entries (lazy skeletons → null).
    const expSec = card('ExperienceTopLevelSection', SEL.section('Experience'));
    const exp = expSec && expSec.querySelector('p') ? sduiExperience(expSec) : null;
    put(out, 'experience', f(exp, 0.8));
    const eduSec = card('EducationTopLevelSection', SEL.section('Education'));
    put(out, 'education', f(eduSec && eduSec.querySelector('p') ? sduiEducation(eduSec) : null, 0.8));
    const cur = currentFromExperience(exp, out.currentCompany?.value ?? null);
    if (
      cur.title &&
      (!out.currentCompany || (cur.company && cur.company.toLowerCase() === out.currentCompany.value!.toLowerCase()))
    )
      put(out, 'currentTitle', f(cur.title, 0.75));
    if (cur.company && (!out.currentCompany || out.currentCompany.confidence < 0.65))
      put(out, 'currentCompany', f(cur.company, 0.65));
    const hasContact = contactInfo(doc, out, base, url, top);
    // A /details/experience/ sub-page has no top card: its entries still make it this person's page.
    const detailsPage =
      /\/details\/(experience|education)/i.test(url) && !!(exp?.length || out.education?.value?.length);
    return { fields: out, signals: { recognised: recognised || hasContact || detailsPage } };
  },
};
