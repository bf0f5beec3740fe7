/**
 * Deterministic generated data for the bench: invented people only. Names are built from syllables, companies
 * and places are made up, every URL is a fake slug. Same seed, same records, on every run.
 */
import { CONTACT_STATUSES, emptyCapturedProfile, type CapturedProfile, type Contact } from '../../lib/contacts/model';
import type { Followup, TimelineEntry } from '../../lib/db/schema';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'ta',
  'vo',
  'shi',
  'den',
  'ar',
  'qui',
  'bel',
  'zu',
  'no',
  'fa',
  'tri',
  'om',
  'sel',
  'ga',
  'pe',
  'yon',
];
const ROLES = [
  'Product Designer',
  'Data Engineer',
  'Nurse Educator',
  'Policy Analyst',
  'Sound Engineer',
  'Urban Planner',
  'Recruiter',
  'Staff Engineer',
  'Research Scientist',
  'Head of Partnerships',
  'Field Biologist',
  'UX Writer',
];
const COMPANY_PARTS = [
  'Lumen',
  'Tide',
  'Brightwater',
  'Cobalt',
  'Fernhill',
  'Quillstone',
  'Northgate',
  'Saffron',
  'Marlow',
  'Oakridge',
  'Velvet',
  'Harbor',
];
const COMPANY_ENDS = ['Labs', 'Works', 'Collective', 'Studio', 'Health', 'Systems', 'Partners', 'Foundry'];
const PLACES = [
  'Riverton, Fairhaven',
  'Port Aldous',
  'New Calder',
  'Maple Hollow',
  'Ostwick',
  'Saint Lune',
  'Greyfield',
  'Kestrel Bay',
];
const WORDS = [
  'mentoring',
  'career change',
  'hiring',
  'remote teams',
  'climate',
  'health data',
  'design systems',
  'field work',
  'grants',
  'onboarding',
  'portfolio',
  'interview',
  'salary',
  'culture',
  'referral',
  'networking',
];
const TAGS = ['design', 'data', 'health', 'policy', 'alumni', 'referral', 'warm', 'cold', 'priority'];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function word(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rand, SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rand, WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** An invented person as a capture would have found them. `i` makes the slug unique. */
export function makeProfile(rand: () => number, i: number): CapturedProfile {
  const firstName = word(rand, 2, 3);
  const lastName = word(rand, 2, 4);
  const title = pick(rand, ROLES);
  const company = `${pick(rand, COMPANY_PARTS)} ${pick(rand, COMPANY_ENDS)}`;
  const location = pick(rand, PLACES);
  return {
    ...emptyCapturedProfile(),
    name: `${firstName} ${lastName}`,
    firstName,
    lastName,
    headline: `${title} at ${company} | ${pick(rand, WORDS)}`,
    currentTitle: title,
    currentCompany: company,
    location,
    profileUrl: `https://www.linkedin.com/in/${firstName.toLowerCase()}-${lastName.toLowerCase()}-${i.toString(36)}/`,
    about: sentence(rand, 25),
    experience: [
      { title, company, dates: 'Jan 2021 - Present', location, current: true },
      {
        title: pick(rand, ROLES),
        company: `${pick(rand, COMPANY_PARTS)} ${pick(rand, COMPANY_ENDS)}`,
        dates: '2016 - 2020',
        location: null,
        current: false,
      },
    ],
    education: [{ school: `University of ${word(rand, 2, 3)}`, degree: 'BSc', dates: '2012 - 2016' }],
    websites: [],
  };
}

/** `n` complete contact records, ids `bench-<seed>-<i>`, updatedAt spread over the last year. */
export function makeContacts(n: number, seed = 1, now = Date.UTC(2026, 10, 1)): Contact[] {
  const rand = rng(seed);
  const out: Contact[] = [];
  for (let i = 0; i < n; i++) {
    const profile = makeProfile(rand, i);
    const at = now - Math.floor(rand() * 365 * 864e5);
    out.push({
      ...profile,
      id: `bench-${seed}-${i}`,
      profileUrl: profile.profileUrl!,
      photoThumb: null,
      status: pick(rand, CONTACT_STATUSES),
      tags: rand() < 0.5 ? [pick(rand, TAGS)] : [pick(rand, TAGS), pick(rand, TAGS)],
      targetField: rand() < 0.5 ? pick(rand, WORDS) : null,
      targetEmployer: rand() < 0.3 ? `${pick(rand, COMPANY_PARTS)} ${pick(rand, COMPANY_ENDS)}` : null,
      referredById: null,
      mutualAcquaintance: null,
      editedFields: [],
      sources: ['linkedin-public'],
      createdAt: at,
      updatedAt: at,
      rev: 1,
      capturedAt: at,
    });
  }
  return out;
}

/** `perContact` notes for each contact, a sentence or three each. */
export function makeNotes(contacts: readonly Contact[], perContact: number, seed = 2): TimelineEntry[] {
  const rand = rng(seed);
  const out: TimelineEntry[] = [];
  for (const contact of contacts) {
    for (let j = 0; j < perContact; j++) {
      out.push({
        id: `${contact.id}-note-${j}`,
        contactId: contact.id,
        at: contact.createdAt + j * 36e5,
        kind: 'note',
        text: `${sentence(rand, 8)} ${sentence(rand, 12)}`,
      });
    }
  }
  return out;
}

/** One pending follow-up per contact, due within the next 90 days of `now`. */
export function makeFollowups(contacts: readonly Contact[], now: number, seed = 3): Followup[] {
  const rand = rng(seed);
  return contacts.map((contact, i) => ({
    id: `${contact.id}-fu`,
    contactId: contact.id,
    meetingId: null,
    kind: i % 3 === 0 ? 'thank-you' : i % 3 === 1 ? 'check-in' : 'nudge',
    title: `Follow up with ${contact.name}`,
    dueAt: now + Math.floor(rand() * 90 * 864e5),
    recurrenceMonths: i % 3 === 1 ? 3 : null,
    status: 'pending',
    notifiedAt: null,
    history: [],
    createdAt: now - 864e5,
    updatedAt: now - 864e5,
  }));
}
