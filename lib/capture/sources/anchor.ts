/**
 * The last line: a layout-agnostic extractor for LinkedIn layouts no other extractor knows.
 * It uses no class names, ids or `componentkey`s. It anchors on the person (a name confirmed by
 * two independent signals, `page-person.ts`), then reads what follows the name in document order
 * by what each line is: pronouns, degree badges, the headline, a "Company · School" line, a
 * location row ending in "Contact info", a "N connections / followers" line. Sections are found
 * by their heading's words (`sections.ts`).
 *
 * Every value is below the layout extractors' confidence, so it fills blanks and never overrides
 * them; `capturePage` sends a disagreement to the review form. When a line cannot be told apart
 * (one line that may be a company or a school), it stays blank.
 */
import type { ExperienceEntry } from '../../contacts/model';
import { isDialogBox, personBox, readContactRows } from '../contact-rows';
import { readLines, type Line } from '../lines';
import { isMemberIdSlug, profileSlug } from '../linkedin-url';
import { findMiniCard, type MiniCard } from '../mini-card';
import { findPersonAnchor, isAscii, nameKey, patternFor, twin, type PersonAnchor } from '../page-person';
import {
  aboutText,
  educationEntries,
  experienceEntries,
  findSectionHeadings,
  isDateLine,
  sectionBox,
  sectionOf,
} from '../sections';
import { baseOf, clean, isPronouns, looselySame, splitName } from '../text';
import type { Extractor, Findings } from '../types';
import { structuralParent } from '../wrappers';
import { f, put, realPhoto } from './common';
import { inPageChrome, tagIn } from '../dom';

/** How sure this extractor is: below every layout extractor's reading, even their fallbacks (≥ 0.4). */
const SURE = 0.38;
const LESS_SURE = 0.32;

// "· 1st", "2nd", "3rd+", "1st degree connection", "1er", "2e", "2º", "1.", "2-й", "1度"…
const DEGREE = /^[·•]?\s*(?:[123](?:st|nd|rd|er|e|re|º|°|\.|-й)?\+?|3rd\+)(?:\s*(?:degree connection|degree|度|次))?$/i;
const SEPARATOR = /^[\s·•|,\-–—]+$/;
/** The "Contact info" link's words in LinkedIn's interface languages. */
const CONTACT_WORDS = [
  'contact info',
  'contact information',
  'coordonnées',
  'informations de contact',
  'kontaktinfo(?:rmationen)?',
  'información de contacto',
  'datos de contacto',
  'informações de contato',
  'dados de contato',
  'informazioni di contatto',
  'contactgegevens',
  'contactinformatie',
  'контактная информация',
  'контакты',
  'iletişim bilgileri',
  'معلومات الاتصال',
  'info kontak',
  'informasi kontak',
  '联系方式',
  '連絡先情報',
  'dane kontaktowe',
  'kontaktuppgifter',
];
const ANY_CONTACT = `(?:${CONTACT_WORDS.join('|')})`;
const ASCII_CONTACT = `(?:${CONTACT_WORDS.filter(isAscii).join('|')})`;
/**
 * The "Contact info" link that closes the top card's location row: alone, or after the location. The
 * ASCII twins (see `isAscii`) leave out the middle dot and the other scripts' words, which never match
 * plain-ASCII text: `i` with `u` costs about half a millisecond to compile.
 */
export const CONTACT_ALONE = twin(
  new RegExp(`^${ASCII_CONTACT}$`, 'i'),
  () => new RegExp(`^(?:[·•]\\s*)?${ANY_CONTACT}$`, 'iu'),
);
export const CONTACT_AFTER = twin(
  new RegExp(`^(.+?)\\s*${ASCII_CONTACT}$`, 'i'),
  () => new RegExp(`^(.+?)\\s*[·•]?\\s*${ANY_CONTACT}$`, 'iu'),
);
const isContact = (t: string) => patternFor(CONTACT_ALONE, t).test(t);
/** "N connections / followers" in LinkedIn's interface languages. */
const CONNECTION_WORDS = [
  'connections?',
  'followers?',
  'abonnés',
  'relations',
  'kontakte',
  'follower',
  'seguidores',
  'conexiones',
  'conexões',
  'collegamenti',
  'volgers',
  'connecties',
  'контакт\\p{L}*',
  'подписчик\\p{L}*',
  'bağlantı',
  'takipçi',
  'pengikut',
  'koneksi',
  'obserwując\\p{L}*',
  'kontakter',
  'följare',
  '联系人',
  '关注者',
  'つながり',
  'フォロワー',
];
const COUNT = '^\\d[\\d,.\\s]*\\+?\\s*';
/** Matched on lower-cased text (no `i` flag with `\p{L}`: see `DATE_RANGE` in sections.ts). */
export const CONNECTIONS = twin(
  new RegExp(`${COUNT}(${CONNECTION_WORDS.filter(isAscii).join('|')})`),
  () => new RegExp(`${COUNT}(${CONNECTION_WORDS.join('|')})`, 'u'),
);
const isConnections = (t: string) => {
  const lower = t.toLowerCase();
  return patternFor(CONNECTIONS, lower).test(lower);
};
/**
 * A place: words with commas between ("Brooklyn, New York, United States"), no digits or bars. Two to
 * four parts, each tested on its own: one pattern repeating the letter classes took milliseconds to build.
 */
export const PLACE_PART = twin(/^[A-Za-z][A-Za-z .'()-]*$/, () => /^\p{L}[\p{L}\p{M} .'’()-]*$/u);
function isPlace(t: string): boolean {
  const parts = t.split(',');
  const part = patternFor(PLACE_PART, t);
  return parts.length >= 2 && parts.length <= 4 && parts.every((p, i) => part.test(i ? p.replace(/^\s+/, '') : p));
}

/**
 * A mini card's line after the name may be its headline: not a badge, count, "Contact info" link,
 * section title, date, button, or a line about the person in the UI's words ("Message Rob").
 */
function mayBeHeadline(line: Line, name: string): boolean {
  const t = line.text;
  const first = nameKey(splitName(name).firstName);
  if (t.length < 2 || DEGREE.test(t) || SEPARATOR.test(t) || isConnections(t) || isContact(t)) return false;
  if (isPronouns(t) || sectionOf(t) || isDateLine(t) || line.el.closest('button, [role="button"]')) return false;
  return !(first.length >= 2 && nameKey(t).split(' ').includes(first));
}

interface TopCard {
  pronouns: string | null;
  headline: string | null;
  location: string | null;
  /** Lines between the headline and the location: "Company · School", or a company and a school. */
  between: string[];
  /** The card's shape was confirmed (a "Contact info" or connections line closed it). */
  closed: boolean;
  contactAnchored: boolean;
}

/** Whether `b` sits within `levels` ancestors of `a` (bare wrappers not counted). */
function near(a: Element, b: Element, levels: number): boolean {
  let box: Element | null = a;
  for (let i = 0; i <= levels && box; i++, box = structuralParent(box)) if (box.contains(b)) return true;
  return false;
}

/** Reads the lines after the name, by what they are. */
function readTopCard(doc: Document, anchor: PersonAnchor, schools: string[]): TopCard {
  const card: TopCard = {
    pronouns: null,
    headline: null,
    location: null,
    between: [],
    closed: false,
    contactAnchored: false,
  };
  const first = splitName(anchor.name).firstName;
  const firstKey = first && first.length >= 2 ? nameKey(first) : null;
  // The card's lines, read as far as needed: 12 lines first (the card usually closes within them),
  // then the whole 40 only when the loop ran out of lines (the same reading's prefix, so the same card).
  let lines = readLines(doc.body!, { after: anchor.el, max: 12 });
  const body: Line[] = [];
  let i = 0;
  for (; body.length < 8; i++) {
    if (i === lines.length) {
      if (lines.length !== 12) break;
      lines = readLines(doc.body!, { after: anchor.el, max: 40 });
      if (i === lines.length) break;
    }
    const { text: t, el } = lines[i]!;
    if (el.closest('form')) continue;
    if (sectionOf(t)) break;
    if (isPronouns(t)) {
      card.pronouns ??= t.replace(/^\(|\)$/g, '');
      continue;
    }
    if (DEGREE.test(t) || SEPARATOR.test(t)) continue;
    if (isConnections(t)) {
      card.closed = true;
      break;
    }
    const contact = isContact(t) ? [t, ''] : patternFor(CONTACT_AFTER, t).exec(t);
    if (contact) {
      // "Brooklyn, New York · Contact info" on one line, or the location on the line before.
      const before = clean(contact[1]);
      if (before) body.push({ text: before, el });
      card.location = body.length > 1 || before ? body.pop()!.text : null;
      card.closed = true;
      card.contactAnchored = true;
      break;
    }
    // Lines about the person in the UI's words ("Message Rob", "View Costa’s verifications").
    if (firstKey && nameKey(t).split(' ').includes(firstKey)) continue;
    body.push(lines[i]!);
  }
  // Too many lines before the closing one: not a top card's shape (a sign-in modal, a feed).
  if (body.length > 5) {
    card.closed = card.contactAnchored = false;
    card.location = null;
  }
  // The headline is never a button's text, a logo chip or a "Company · School" line (then the
  // card has none); without a closing line it must sit beside the name.
  const h = body[0];
  const schoolKeys = new Set(schools.map(nameKey));
  const chip =
    !!h &&
    (!!h.el.closest('button, [role="button"]') ||
      !!h.el.closest('a')?.querySelector('img') ||
      h.text.split(' · ').some((x) => schoolKeys.has(nameKey(x))));
  const rest = h && !chip && (card.closed || near(anchor.el, h.el, 4)) ? body.slice(1) : body;
  if (rest !== body) card.headline = h!.text;
  const texts = rest.map((l) => l.text);
  if (!card.contactAnchored && card.closed && card.headline && texts.length && isPlace(texts[texts.length - 1]!))
    card.location = texts.pop()!;
  card.between = card.closed ? texts : [];
  return card;
}

// An accessible label that says "profile photo" (a11y text, localised), on the photo's button or link.
const PHOTO_LABEL =
  /profile (photo|picture)|photo de profil|foto de perfil|profilbild|foto del profilo|profielfoto|фото профиля|profil fotoğrafı|zdjęcie profilowe|profilfoto|头像|プロフィール写真/i;
// LinkedIn's CDN names a member's own photo by what it is (not a class): "profile-displayphoto-…".
const MEMBER_PHOTO = /\/profile-(?:display|framed)photo-/;

/**
 * The subject's photo: near the name (inside the card that holds it, before the next section), an
 * image named after the person, labelled as the profile photo, or the first member photo that is
 * not a link to someone else (mutual-connection face-piles link to a search).
 */
function photoNear(anchor: PersonAnchor, slug: string | null, stops: Element[], base: string): string | null {
  if (!anchor.name) return null;
  const want = nameKey(anchor.name);
  if (tagIn(anchor.el, ['img'])) return realPhoto(anchor.el, base);
  const ok = (img: Element): boolean => {
    if (inPageChrome(img, 'nav, aside')) return false;
    if (nameKey(img.getAttribute('alt')) === want || nameKey(img.getAttribute('title')) === want) return true;
    const labelled = img.closest('[aria-label]')?.getAttribute('aria-label') ?? '';
    if (nameKey(labelled) === want || PHOTO_LABEL.test(labelled)) return true;
    // An unnamed member photo counts only in a top card, before the name (where every layout puts it).
    if (!anchor.signals.includes('heading') || !MEMBER_PHOTO.test(img.getAttribute('src') || '')) return false;
    if (!(img.compareDocumentPosition(anchor.el) & 4 /* anchor follows */)) return false;
    const href = img.closest('a[href]')?.getAttribute('href');
    return !href || (!!slug && profileSlug(href) === slug);
  };
  let box: Element | null = anchor.el;
  for (let i = 0; i < 14 && box; i++, box = structuralParent(box)) {
    if (tagIn(box, ['body', 'html', 'main']) || stops.some((x) => box!.contains(x))) break;
    for (const img of Array.from(box.getElementsByTagName('img'))) {
      if (!ok(img)) continue;
      const src = realPhoto(img, base);
      if (src) return src;
    }
  }
  return null;
}

/** A company line is trusted only when the experience list or the headline agrees. */
function companyFrom(
  card: TopCard,
  exp: ExperienceEntry[] | null,
  schools: string[],
  doc?: Document,
): { company: string | null; title: string | null } {
  const none = { company: null, title: null };
  const parts = card.between.flatMap((t) => t.split(' · ').map((x) => x.trim()));
  const candidate = parts.find((p) => p && !isDateLine(p) && !schools.some((s) => nameKey(s) === nameKey(p)));
  if (!candidate) return none;
  const current = (exp ?? []).filter((e) => e.current && e.company);
  const match = current.find((e) => nameKey(e.company) === nameKey(candidate));
  if (match) return { company: candidate, title: match.title };
  // "Co-Founder at Acme", "Engineer @ Acme": the headline names the company.
  const h = nameKey(card.headline);
  const c = nameKey(candidate);
  if (
    c.length >= 3 &&
    (h.includes(' at ' + c) || h.endsWith(' ' + c) || (card.headline ?? '').includes('@ ' + candidate))
  )
    return { company: candidate, title: null };
  // "Company · School" names the company first; the headline naming it as one of its parts confirms it
  // ("Founder | Acme - Translation services"), where a school on its own would not sit first.
  if (parts.length >= 2 && candidate === parts[0] && headlineParts(card.headline).includes(c))
    return { company: candidate, title: null };
  // Two lines (a company, then a school) name the company first; "Company · School" likewise.
  if (parts.length >= 2 && schools.length && schools.some((s) => looselySame(s, parts[1])) && candidate === parts[0])
    return { company: candidate, title: null };
  // The page links to the company's own page under that name, and to no school page by it.
  if (candidate === parts[0] && doc && pageNames(doc, '/company/', candidate) && !pageNames(doc, '/school/', candidate))
    return { company: candidate, title: null };
  return none;
}

/** A headline's parts, as name keys: "Founder & CEO | Acme - Translation services" → founder ceo, acme, translation services. */
function headlineParts(headline: string | null): string[] {
  return (headline ?? '')
    .split(/\s[|·•–—-]\s|\s*[|·•]\s*|,\s/)
    .map(nameKey)
    .filter(Boolean);
}

/**
 * Whether a link to a LinkedIn page of this kind (`/company/`, `/school/`) is named `name`: by its
 * text, its image's alt text, or an accessible label that ends with it ("View company: Acme").
 */
function pageNames(doc: Document, kind: string, name: string): boolean {
  const want = nameKey(name);
  if (want.length < 2) return false;
  const links = doc.querySelectorAll(`a[href*="${kind}"]`);
  for (let i = 0; i < links.length && i < 500; i++) {
    const a = links[i]!;
    const labels = [a.textContent, a.getAttribute('aria-label'), a.querySelector('img[alt]')?.getAttribute('alt')];
    for (const el of Array.from(a.querySelectorAll('[aria-label]')).slice(0, 3))
      labels.push(el.getAttribute('aria-label'));
    for (const l of labels) {
      const k = nameKey(l);
      if (k && k.length <= want.length + 40 && (k === want || k.endsWith(' ' + want))) return true;
    }
  }
  return false;
}

/** The first current position's company and title (a sub-page, or a top card that names no company). */
function putCurrentPosition(out: Findings, positions: ExperienceEntry[] | null): void {
  const current = positions?.find((e) => e.current && e.company);
  put(out, 'currentCompany', f(clean(current?.company), LESS_SURE));
  put(out, 'currentTitle', f(clean(current?.title), LESS_SURE));
}

/**
 * What the layout extractors already found with a layout's confidence (≥ 0.5), per field: those
 * fields are not read again, and their values stand in for this reader's own (the schools that tell
 * a "Company · School" line from a headline, the positions that confirm a company line).
 */
export type Known = Findings;

/**
 * Reads the page around the person. `known` spares the work a layout already did (the sections'
 * entries, About, the photo); the top card is always read, so a disagreement can reach the review.
 * Sections are looked for only when something is left to read from them.
 */
export function readAnchored(doc: Document, url: string, anchor: PersonAnchor, known: Known = {}): Findings {
  const out: Findings = {};
  const base = baseOf(doc, url);
  const named = !!anchor.name && anchor.signals.length >= 2;
  if (named) {
    put(out, 'name', f(clean(anchor.name), 0.5));
    const split = splitName(anchor.name);
    put(out, 'firstName', f(split.firstName, 0.45));
    put(out, 'lastName', f(split.lastName, 0.45));
  }
  const topCard = named && anchor.signals.includes('heading');

  // Sections, by their heading's words, only for what no layout read. Experience is read when a layout
  // left it or the current position open; Education when a layout left it and the top card needs its
  // schools (they tell a "Company · School" line from a headline); a layout's empty list stands in for none.
  const needExp = !known.experience || !known.currentCompany || !known.currentTitle;
  const needEdu = !known.education?.value?.length;
  const needAbout = !known.about;
  const needPhoto = named && !known.photoUrl;
  const needContact = !known.email || !known.phone || !known.websites;
  const heads =
    needExp || needEdu || needAbout || needPhoto
      ? findSectionHeadings(doc)
      : { experience: null, education: null, about: null };
  const { experience: expHead, education: eduHead, about: aboutHead } = heads;
  const exp = expHead && needExp ? experienceEntries(sectionBox(expHead)) : null;
  const edu = eduHead && needEdu ? educationEntries(sectionBox(eduHead)) : null;
  put(out, 'experience', f(exp, SURE));
  put(out, 'education', f(edu, SURE));
  if (aboutHead && needAbout) put(out, 'about', f(aboutText(aboutHead, sectionBox(aboutHead)), SURE));

  const positions = exp ?? (known.experience?.value?.length ? known.experience.value : null);
  // The top card: only under a name heading (a sub-page's mini card gives name and photo only).
  if (topCard) {
    const schools = (edu ?? known.education?.value ?? []).map((e) => e.school);
    const card = readTopCard(doc, anchor, schools);
    put(out, 'pronouns', f(card.pronouns, SURE));
    put(out, 'headline', f(clean(card.headline), SURE));
    put(out, 'location', f(clean(card.location), card.contactAnchored ? SURE : LESS_SURE));
    const { company, title } = companyFrom(card, positions, schools, known.currentCompany ? undefined : doc);
    put(out, 'currentCompany', f(clean(company), SURE));
    put(out, 'currentTitle', f(clean(title), SURE));
    // A card with no company line between headline and location (a 2021 page puts its company chip
    // after the "Contact info" link): the first current position names them, as on a sub-page, unless
    // a layout read them (from its top card: the position it shows may not be the first current one).
    if (!company && !card.between.length && !known.currentCompany) putCurrentPosition(out, positions);
  } else if (named) putCurrentPosition(out, positions); // a sub-page with no top card
  // No headline from a top card (a sub-page, a sticky header, a page cut short): the mini card's.
  const slug = profileSlug(url);
  let mini: MiniCard | null | undefined;
  const miniCard = (): MiniCard | null => {
    if (mini === undefined)
      mini =
        named && slug
          ? findMiniCard(doc, anchor.name!, slug, isMemberIdSlug(slug), (l) => mayBeHeadline(l, anchor.name!))
          : null;
    return mini;
  };
  if (named && !known.headline && !out.headline) put(out, 'headline', f(miniCard()?.headline, LESS_SURE));
  const stops = [expHead, eduHead, aboutHead].filter((x): x is Element => !!x);
  if (needPhoto) {
    const beside = photoNear(anchor, slug, stops, base);
    const card = beside ? null : miniCard()?.photo;
    put(out, 'photoUrl', beside ? f(beside, SURE) : f(card ? realPhoto(card, base) : null, LESS_SURE));
  }
  if (needContact) {
    const box = personBox(anchor.el, stops);
    const rows = readContactRows(box, base);
    put(out, 'email', f(rows.email, SURE));
    put(out, 'phone', f(rows.phone, SURE));
    if (rows.websites.length) put(out, 'websites', f(rows.websites, SURE));
    // A contact-info dialog's "Address" row says where the person is, when no top card did.
    if (!out.location && box !== anchor.el && isDialogBox(box)) put(out, 'location', f(rows.address, LESS_SURE));
  }
  return out;
}

export const anchorExtractor: Extractor = {
  id: 'anchor',
  run(doc, url) {
    const anchor = findPersonAnchor(doc, url);
    if (!anchor) return { fields: {} };
    return { fields: readAnchored(doc, url, anchor), signals: { recognised: true } };
  },
};
