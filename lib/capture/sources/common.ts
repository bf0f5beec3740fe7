import type { EducationEntry, ExperienceEntry } from '../../contacts/model';
import type { Findings, Finding } from '../types';
import { MAX_ABOUT, clean } from '../text';

export function f<T>(value: T | null | undefined, confidence: number): Finding<T> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && !value) return undefined;
  return { value, confidence };
}

/** Set only defined findings (keeps `exactOptionalPropertyTypes`-style output clean). */
export function put<K extends keyof Findings>(out: Findings, key: K, finding: Findings[K] | undefined): void {
  if (finding !== undefined) out[key] = finding;
}

// No trailing \b: public pages glue the duration on ("Present1 year 10 months"). Words in other scripts
// stand outside the \b group: without the `u` flag \b knows ASCII letters only, so "\bнастоящее" never
// matched after a space (a 2021 page in Russian: "2021 – настоящее время").
const PRESENT_RE =
  /\b(present|current|heute|aujourd|actualidad|presente|idag|oggi|atual|heden|obecnie|günümüz|saat ini)|настоящее|現在|至今|目前|الحالي|–\s*$|-\s*$/i;
export function isCurrentDates(dates: string | null | undefined): boolean {
  return !!dates && PRESENT_RE.test(dates);
}

/** Pick current title/company from a list of experience entries (first current one). */
export function currentFromExperience(
  exp: ExperienceEntry[] | null,
  preferCompany?: string | null,
): { title: string | null; company: string | null } {
  if (!exp || !exp.length) return { title: null, company: null };
  const current = exp.filter((e) => e.current);
  if (!current.length) return { title: null, company: null };
  if (preferCompany) {
    const key = preferCompany.toLowerCase();
    const m = current.find(
      (e) =>
        e.company &&
        (e.company.toLowerCase() === key ||
          e.company.toLowerCase().includes(key) ||
          key.includes(e.company.toLowerCase())),
    );
    if (m) return { title: m.title, company: m.company };
  }
  return { title: current[0]!.title, company: current[0]!.company };
}

export function entry(
  title: string | null,
  company: string | null,
  dates: string | null,
  location: string | null,
): ExperienceEntry {
  return { title, company, dates, location, current: isCurrentDates(dates) };
}

export function edu(school: string | null, degree: string | null, dates: string | null): EducationEntry | null {
  if (!school) return null;
  return { school, degree, dates };
}

export function clampAbout(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim();
  if (!t) return null;
  return t.length > MAX_ABOUT ? t.slice(0, MAX_ABOUT) : t;
}

/** Ghost / placeholder / tiny-blank images are not a person's photo. */
export function realPhoto(img: Element | null | undefined, base: string): string | null {
  if (!img) return null;
  // src; else the lazy-load URL (public pages); else the first srcset candidate (SDUI).
  const srcset = img.getAttribute('srcset')?.trim().split(/\s+/)[0] ?? '';
  const src = (img.getAttribute('src') || img.getAttribute('data-delayed-url') || srcset || '').trim();
  if (!src) return null;
  // SDUI marks images that failed to load (the fallback silhouette shows instead).
  if (img.getAttribute('data-error') === 'true') return null;
  const ghost = img.getAttribute('data-ghost-url');
  if (ghost && ghost.trim() === src) return null;
  const cls = img.getAttribute('class') || '';
  if (/\bghost\b|--ghost\b|ghost-person/.test(cls) && !/real-image/.test(cls)) return null;
  return photoUrlOk(src, base);
}

export function photoUrlOk(src: string | null | undefined, base: string): string | null {
  if (!src) return null;
  const s = src.trim();
  if (/^data:/i.test(s)) {
    // SingleFile saves unloaded lazy images as tiny blank SVGs; a real inlined photo is a raster image.
    if (/^data:image\/svg/i.test(s) || s.length < 400) return null;
    if (s.length > 3_000_000) return null;
    return s;
  }
  // LinkedIn's static CDN serves ghost silhouettes and icons, never member photos.
  if (/static\.licdn\.com|static-exp\d*\.licdn\.com/i.test(s)) return null;
  if (/ghost|placeholder|default[-_]?avatar|silhouette|blank\.gif|spacer\.gif/i.test(s)) return null;
  let u: URL;
  try {
    u = new URL(s, base);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  return u.href;
}

export { clean };
