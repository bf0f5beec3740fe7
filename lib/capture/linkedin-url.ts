/**
 * LinkedIn profile URL helpers. Tiny and import-free on purpose: this module is bundled into
 * the script injected on every LinkedIn page.
 */

/** Hosts like www.linkedin.com, linkedin.com, se.linkedin.com, mobile.linkedin.com. */
const HOST_RE = /^(?:[a-z0-9-]+\.)*linkedin\.com$/i;

/** First path segment that marks a person's profile (`/in/<slug>`; `/mwlite/in/<slug>` on the lite mobile site). */
const PROFILE_PREFIXES = ['in'];

function decodeSlug(raw: string): string | null {
  let s = raw;
  // Decode repeatedly (double-encoded slugs are seen in redirects) but stop on malformed input.
  for (let i = 0; i < 3 && s.includes('%'); i++) {
    try {
      const d = decodeURIComponent(s);
      if (d === s) break;
      s = d;
    } catch {
      return null;
    }
  }
  s = s.normalize('NFC').trim().toLowerCase();
  if (!s || s.length > 200) return null;
  // A slug never contains these; their presence means a malformed or hostile URL.
  if (/[\s/?#<>"'\\]/.test(s)) return null;
  return s;
}

/** The decoded, lower-cased profile slug of a LinkedIn person URL, or null. */
export function profileSlug(url: string): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  let u: URL;
  try {
    u = new URL(url.trim(), 'https://www.linkedin.com/');
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (!HOST_RE.test(u.hostname)) return null;
  const parts = u.pathname.split('/').filter(Boolean);
  let i = 0;
  if (parts[0] === 'mwlite') i = 1;
  const prefix = parts[i];
  const raw = parts[i + 1];
  if (!prefix || !PROFILE_PREFIXES.includes(prefix.toLowerCase()) || !raw) return null;
  return decodeSlug(raw);
}

/**
 * `https://www.linkedin.com/in/<slug>/` for any LinkedIn person URL (country subdomains, mobile,
 * query/hash, sub-paths like /details/experience/ or /overlay/contact-info/, percent-encoded
 * slugs); null for anything else (feed, search, company, `/in/` alone, `/pub/dir`…).
 */
export function canonicalProfileUrl(url: string): string | null {
  const slug = profileSlug(url);
  return slug ? `https://www.linkedin.com/in/${encodeURIComponent(slug)}/` : null;
}

export function isLinkedInProfileUrl(url: string): boolean {
  return canonicalProfileUrl(url) !== null;
}

/** True for any page on a linkedin.com host. */
export function isLinkedInUrl(url: string): boolean {
  try {
    return HOST_RE.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** `/in/ACoAA…` URLs name a member id, not the vanity slug the page links to. */
export function isMemberIdSlug(slug: string): boolean {
  return /^acoa[a-z0-9_-]{20,}$/i.test(slug);
}
