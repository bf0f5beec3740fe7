import type { Contact } from './model';

/**
 * "The same person?": a person typed in by hand (a referral during a call, a manual entry) has no profile
 * URL, so saving their LinkedIn profile later makes a second record. Two records are offered as one person
 * when at least one has no profile URL, the names agree, and either the companies agree or the record
 * without a URL came through a referral. Never merged silently: the user confirms.
 */

export type MatchReason = 'company' | 'referral';

export interface SamePersonMatch {
  contact: Contact;
  reasons: MatchReason[];
}

/** A record made by hand has `manual:<id>` in place of a profile URL. */
export function hasProfileUrl(contact: Pick<Contact, 'profileUrl'>): boolean {
  return !contact.profileUrl.startsWith('manual:');
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Name words without accents, case, titles and what LinkedIn adds after the name ("Ana Pérez, PhD",
 * "Ana Pérez (she/her)", "Dr. Ana Pérez").
 */
export function nameWords(name: string | null): string[] {
  if (!name) return [];
  const bare = fold(name)
    .replace(/\(.*?\)/g, ' ')
    .split(/[,|]/)[0]!
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ');
  return bare
    .split(/\s+/)
    .filter(Boolean)
    .filter((w, i) => !(i === 0 && /^(dr|mr|mrs|ms|mx|prof)$/.test(w)));
}

/** Same full name, or the same first and last word (a middle name written on one side only). */
export function sameName(a: string | null, b: string | null): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  if (x.join(' ') === y.join(' ')) return true;
  return x.length > 1 && y.length > 1 && x[0] === y[0] && x[x.length - 1] === y[y.length - 1];
}

const LEGAL = new Set(['inc', 'ltd', 'llc', 'gmbh', 'corp', 'corporation', 'co', 'sa', 'ag', 'plc', 'bv', 'srl', 'sl']);

export function companyWords(company: string | null): string[] {
  if (!company) return [];
  return fold(company)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !LEGAL.has(w) && w !== 'the');
}

/** "Acme" and "ACME Inc." agree; so do "Acme" and "Acme Robotics" (one is the start of the other). */
export function sameCompany(a: string | null, b: string | null): boolean {
  const x = companyWords(a);
  const y = companyWords(b);
  if (!x.length || !y.length) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((w, i) => long[i] === w);
}

/** Every company a record names: the current one and any in its experience. */
function companiesOf(contact: Contact): (string | null)[] {
  return [contact.currentCompany, ...(contact.experience ?? []).map((job) => job.company)];
}

/** Why `a` and `b` look like one person, or null when they do not. */
export function samePersonReasons(a: Contact, b: Contact): MatchReason[] | null {
  if (a.id === b.id || (hasProfileUrl(a) && hasProfileUrl(b))) return null;
  if (!sameName(a.name, b.name)) return null;
  const reasons: MatchReason[] = [];
  if (companiesOf(a).some((x) => companiesOf(b).some((y) => sameCompany(x, y)))) reasons.push('company');
  const manual = [a, b].filter((c) => !hasProfileUrl(c));
  if (manual.some((c) => c.referredById !== null || c.mutualAcquaintance)) reasons.push('referral');
  return reasons.length ? reasons : null;
}

/** A key for a pair the user said are two people (order does not matter). */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The records that may be the same person as `contact`, except pairs the user already said are not. */
export function findSamePerson(
  contact: Contact,
  others: readonly Contact[],
  notSame: ReadonlySet<string> = new Set(),
): SamePersonMatch[] {
  const matches: SamePersonMatch[] = [];
  for (const other of others) {
    if (notSame.has(pairKey(contact.id, other.id))) continue;
    const reasons = samePersonReasons(contact, other);
    if (reasons) matches.push({ contact: other, reasons });
  }
  return matches;
}
