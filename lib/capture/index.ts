/**
 * Capture engine: pure functions over a Document, no browser APIs.
 * Every extractor reads one source and returns fields with confidences; `merge` picks per field.
 */
import { emptyCapturedProfile, type CapturedProfile } from '../contacts/model';
import { canonicalProfileUrl, isLinkedInUrl, isMemberIdSlug, profileSlug } from './linkedin-url';
import { findPersonAnchor, withoutBrackets, type PersonAnchor } from './page-person';
import { anchorExtractor, readAnchored, type Known } from './sources/anchor';
import { hcard } from './sources/hcard';
import { jsonLd } from './sources/json-ld';
import { linkedin2022 } from './sources/linkedin-2022';
import { linkedinJson } from './sources/linkedin-json';
import { linkedinPublic } from './sources/linkedin-public';
import { linkedinSdui } from './sources/linkedin-sdui';
import { metaTags } from './sources/meta';
import { NO_LAYOUT, topCardMatchesUrl as tcm, topCardSlugs } from './top-card';
import { MAX_ABOUT, looseKey, looselySame, splitName } from './text';
import type { CaptureResult, Extractor, ExtractorOutput, Finding, PageSignals } from './types';

export type { CaptureResult } from './types';
export { canonicalProfileUrl, isLinkedInProfileUrl } from './linkedin-url';
export { topCardMatchesUrl } from './top-card';

/** LinkedIn extractors first (most trusted DOM first); the order breaks confidence ties. */
export const LINKEDIN_EXTRACTORS: readonly Extractor[] = [
  linkedinPublic,
  linkedin2022,
  linkedinSdui,
  linkedinJson,
  jsonLd,
  anchorExtractor, // the last line: layout-agnostic, below every layout's confidence
  metaTags,
];
export const GENERIC_EXTRACTORS: readonly Extractor[] = [jsonLd, hcard, metaTags];

/**
 * The page's layout: the first element matching any layout's `sniff` selector names it, so the other
 * layout extractors (and their full-document scans) are skipped.
 */
export function sniffLayout(doc: Document, extractors: readonly Extractor[]): Extractor | null {
  const found = sniff(doc, extractors, null);
  return found === NO_LAYOUT || found === UNSURE ? null : found;
}

const UNSURE = 'unsure';
/**
 * The page's layout; NO_LAYOUT when no layout's marker is on the page (then no layout extractor
 * applies, and none runs); UNSURE when the scan failed (every layout extractor is tried).
 *
 * When the person's name heading was found, the layout is the one whose marker holds that heading: its
 * ancestors are checked (a few elements), and a heading held by no marker means no known layout. Only
 * without such a heading is the whole page scanned: a list of selectors is matched element by element,
 * about ten times the cost of one simple selector, and a page with no marker pays it in full.
 */
function sniff(
  doc: Document,
  extractors: readonly Extractor[],
  person: PersonAnchor | null,
): Extractor | typeof NO_LAYOUT | typeof UNSURE {
  try {
    const layouts = extractors.filter((e) => e.layout);
    if (layouts.some((e) => !e.sniff)) return UNSURE;
    const list = layouts.map((e) => e.sniff).join(', ');
    let el: Element | null = null;
    if (person?.signals.includes('heading')) {
      for (let a: Element | null = person.el; a && !el; a = a.parentElement) if (a.matches(list)) el = a;
    } else el = doc.querySelector(list);
    if (!el) return NO_LAYOUT;
    const found = el;
    return layouts.find((e) => found.matches(e.sniff!)) ?? UNSURE;
  } catch {
    return UNSURE;
  }
}

export interface RunRecord {
  id: string;
  output: ExtractorOutput;
}

/**
 * Run one extractor; a throwing extractor contributes nothing. `applies` is skipped when the caller
 * already knows (the sniffed layout: its marker is what `applies` would look for).
 */
export function runExtractor(ex: Extractor, doc: Document, url: string, knownToApply = false): ExtractorOutput {
  try {
    if (!knownToApply && ex.applies && !ex.applies(doc, url)) return { fields: {} };
    const o = ex.run(doc, url);
    return o && typeof o === 'object' && o.fields ? o : { fields: {} };
  } catch {
    return { fields: {} };
  }
}

type Field = keyof CapturedProfile;
const FIELDS = Object.keys(emptyCapturedProfile()) as Field[];

/** null/''/undefined are "not found"; an empty array is a finding (a section with no entries). */
function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

export function merge(runs: RunRecord[]): { profile: CapturedProfile; sources: CaptureResult['sources'] } {
  const profile = emptyCapturedProfile();
  const sources: CaptureResult['sources'] = {};
  for (const field of FIELDS) {
    let best: { f: Finding<unknown>; id: string } | null = null;
    for (const r of runs) {
      const fi = (r.output.fields as Record<string, Finding<unknown> | undefined>)[field];
      if (!fi || isEmptyValue(fi.value)) continue;
      if (field === 'websites' && Array.isArray(fi.value) && fi.value.length === 0) continue;
      if (!best || fi.confidence > best.f.confidence) best = { f: fi, id: r.id };
    }
    if (best) {
      (profile as unknown as Record<string, unknown>)[field] = best.f.value;
      sources[field] = best.id;
    }
  }
  return { profile, sources };
}

function allFindings(runs: RunRecord[], field: Field): { value: string; id: string; confidence: number }[] {
  const out: { value: string; id: string; confidence: number }[] = [];
  for (const r of runs) {
    const fi = (r.output.fields as Record<string, Finding<unknown> | undefined>)[field];
    if (fi && typeof fi.value === 'string' && fi.value)
      out.push({ value: fi.value, id: r.id, confidence: fi.confidence });
  }
  return out;
}

export function capturePage(doc: Document, url: string): CaptureResult {
  const reviewReasons: string[] = [];
  try {
    const safeUrl = typeof url === 'string' ? url : '';
    const li = isLinkedInUrl(safeUrl);
    const extractors = li ? LINKEDIN_EXTRACTORS : GENERIC_EXTRACTORS;
    const runs: RunRecord[] = [];
    const signals: PageSignals = {};
    let layout: string | null = null;
    // LinkedIn: the page must show the URL's person (by content, whatever the layout or URL).
    const person = li ? findPersonAnchor(doc, safeUrl) : null;
    const sniffed = li ? sniff(doc, extractors, person) : UNSURE;
    for (const ex of extractors) {
      if (ex === anchorExtractor) {
        // The last line reads only what the layouts left open (plus the top card, to check them).
        if (!person) continue;
        const known: Known = {};
        for (const r of runs)
          for (const [k, v] of Object.entries(r.output.fields) as [Field, Finding<unknown> | undefined][])
            if (v && v.confidence >= 0.5 && !isEmptyValue(v.value) && v.confidence > (known[k]?.confidence ?? 0))
              (known as Record<Field, Finding<unknown>>)[k] = v;
        runs.push({ id: ex.id, output: { fields: readAnchored(doc, safeUrl, person, known) } });
        continue;
      }
      if (ex.layout && (layout || (sniffed !== UNSURE && ex !== sniffed))) continue;
      const output = runExtractor(ex, doc, safeUrl, ex === sniffed);
      if (ex.layout && (output.signals?.recognised || output.signals?.notFound)) layout = ex.id;
      runs.push({ id: ex.id, output });
      if (output.signals?.notFound) signals.notFound = true;
      if (output.signals?.manyPeople) signals.manyPeople = true;
      if (output.signals?.recognised) signals.recognised = true;
    }
    const { profile, sources } = merge(runs);
    // Where the top card is looked for: the recognised layout's; none when the page has no layout's marker.
    const cardLayout = layout ?? (sniffed === NO_LAYOUT ? NO_LAYOUT : null);

    // Profile URL: the canonical LinkedIn URL of the page; the page URL elsewhere.
    let canonical = canonicalProfileUrl(safeUrl);
    const urlSlug = profileSlug(safeUrl);
    if (li && urlSlug && isMemberIdSlug(urlSlug)) {
      // `/in/ACoAA…` (member id) URL: the page's own vanity slug is the canonical one.
      const vanity = safeTopCardSlugs(doc, cardLayout).find((x) => !isMemberIdSlug(x));
      if (vanity) canonical = canonicalProfileUrl(`https://www.linkedin.com/in/${vanity}/`);
    }
    if (li) {
      profile.profileUrl = canonical;
      if (canonical) sources.profileUrl = 'page-url';
      else delete sources.profileUrl;
    } else if (!profile.profileUrl && safeUrl) {
      profile.profileUrl = safeUrl;
      sources.profileUrl = 'page-url';
    }

    // First / last name must belong to the chosen full name; else they are derived from it.
    if (profile.name) {
      const full = looseKey(profile.name);
      if (profile.firstName && !full.includes(looseKey(profile.firstName))) {
        profile.firstName = null;
        delete sources.firstName;
      }
      if (profile.lastName && !full.includes(looseKey(profile.lastName))) {
        profile.lastName = null;
        delete sources.lastName;
      }
    }
    if (profile.name && (!profile.firstName || !profile.lastName)) {
      const s = splitName(profile.name);
      if (!profile.firstName) {
        profile.firstName = s.firstName;
        if (s.firstName) sources.firstName = sources.name!;
      }
      if (!profile.lastName && s.lastName && profile.firstName === s.firstName) {
        profile.lastName = s.lastName;
        sources.lastName = sources.name!;
      }
    }

    let isProfile: boolean;
    if (signals.notFound) profile.profileUrl = null;
    if (signals.notFound || signals.manyPeople) isProfile = false;
    // LinkedIn: the page shows the URL's person (a name confirmed by two signals, or the contact
    // overlay's own profile address); the same predicate decides whether the Save button shows.
    else if (li) {
      isProfile = !!canonical && person !== null;
      // A layout shows someone, but not the URL's person: the previous one, after an in-app navigation.
      if (!isProfile && canonical && signals.recognised && urlSlug && !topCardMatchesUrlSafe(doc, safeUrl, cardLayout))
        reviewReasons.push('The page still shows the previous profile: wait for it to load and capture again.');
    } else isProfile = !!profile.name && signals.recognised === true;

    if (isProfile) {
      if (!profile.name) reviewReasons.push('No full name was found on the page: please type it.');
      const names = allFindings(runs, 'name').filter((n) => n.confidence >= 0.3);
      // A name's part in brackets (a former name, a nickname) that another source leaves out is no clash.
      const clash = names.find(
        (n) =>
          !looselySame(n.value, profile.name) &&
          !looselySame(withoutBrackets(n.value), withoutBrackets(profile.name ?? '')),
      );
      if (profile.name && clash)
        reviewReasons.push(
          `Sources disagree on the name: "${profile.name}" (${sources.name}) vs "${clash.value}" (${clash.id}).`,
        );
      else if (profile.name && names.length && Math.max(...names.map((n) => n.confidence)) < 0.5) {
        // A weak (title-only) name is confirmed when another source shows the same first name.
        const first = looseKey(profile.name).split(' ')[0];
        const confirmed = allFindings(runs, 'firstName').some(
          (n) => n.confidence >= 0.5 && n.id !== sources.name && looseKey(n.value) === first,
        );
        if (!confirmed) reviewReasons.push('The name comes only from the page title: please check it.');
      }
      const cos = allFindings(runs, 'currentCompany').filter((n) => n.confidence >= 0.5);
      const coClash = cos.find((n) => !looselySame(n.value, profile.currentCompany));
      if (profile.currentCompany && coClash)
        reviewReasons.push(
          `Sources disagree on the current company: "${profile.currentCompany}" vs "${coClash.value}".`,
        );
      for (const reason of disagreements(runs, profile, sources)) reviewReasons.push(reason);
      if (profile.about && profile.about.length >= MAX_ABOUT)
        reviewReasons.push(`The About text was cut to ${MAX_ABOUT} characters.`);
      if (li && urlSlug && !topCardMatchesUrlSafe(doc, safeUrl, cardLayout)) {
        // SPA navigation: the DOM still shows the previous person. Saving now would file their
        // data under this URL, so the page is not offered as a profile until it updates.
        isProfile = false;
        reviewReasons.push('The page still shows the previous profile: wait for it to load and capture again.');
      }
    }
    return { isProfile, profile, sources, reviewReasons };
  } catch {
    return {
      isProfile: false,
      profile: emptyCapturedProfile(),
      sources: {},
      reviewReasons: ['Capture failed on this page.'],
    };
  }
}

const CHECKED: readonly Field[] = ['headline', 'location', 'currentCompany', 'currentTitle', 'pronouns'];

/**
 * The layout-agnostic reader checks the layout extractors: when both found a value and they
 * differ, the user confirms (never a silent wrong value).
 */
function disagreements(runs: RunRecord[], profile: CapturedProfile, sources: CaptureResult['sources']): string[] {
  const anchor = runs.find((r) => r.id === anchorExtractor.id)?.output.fields;
  if (!anchor) return [];
  const out: string[] = [];
  for (const field of CHECKED) {
    const mine = (anchor as Record<string, Finding<unknown> | undefined>)[field]?.value;
    const chosen = profile[field];
    if (typeof mine !== 'string' || typeof chosen !== 'string' || sources[field] === anchorExtractor.id) continue;
    if (!looselySame(mine, chosen))
      out.push(`Two readings of the ${FIELD_WORDS[field] ?? field} disagree: "${chosen}" or "${mine}".`);
  }
  return out;
}
const FIELD_WORDS: Partial<Record<Field, string>> = {
  headline: 'headline',
  location: 'location',
  currentCompany: 'current company',
  currentTitle: 'current title',
  pronouns: 'pronouns',
};

function safeTopCardSlugs(doc: Document, layout: string | null): string[] {
  try {
    return topCardSlugs(doc, layout);
  } catch {
    return [];
  }
}

function topCardMatchesUrlSafe(doc: Document, url: string, layout: string | null): boolean {
  try {
    return tcm(doc, url, layout);
  } catch {
    return true;
  }
}
