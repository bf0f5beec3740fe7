/**
 * The shared corpus of real saved pages (../shared/fixtures and ../shared/fixtures-new, never in the
 * repo): where it is, each page's ground truth, the URL it is served at, and how to score a capture.
 * Used by the corpus unit test and the real-pages e2e test.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Truth {
  kind: string;
  isProfile: boolean;
  name: string | null;
  headline: string | null;
  location: string | null;
  currentCompany: string | null;
  currentTitle: string | null;
  profileUrl: string | null;
  photo: boolean | null;
  aboutStartsWith: string | null;
  experienceCount: number | null;
  educationCount: number | null;
  email: string | null;
  phone: string | null;
  websites: string[] | null;
  notes?: string;
}

export interface CorpusPage {
  folder: string;
  page: string;
  htmlPath: string;
  truth: Truth;
}

const FOLDERS = ['fixtures', 'fixtures-new'];

/** `../shared` beside the clone (CI), or beside the worktrees folder (a helper's worktree). */
export const SHARED = [path.resolve(__dirname, '../../../../shared'), path.resolve(process.cwd(), '../shared')].find(
  (p) => FOLDERS.some((f) => existsSync(path.join(p, f))),
);

export function corpusPages(): CorpusPage[] {
  if (!SHARED) return [];
  const out: CorpusPage[] = [];
  for (const folder of FOLDERS) {
    const dir = path.join(SHARED, folder);
    if (!existsSync(dir)) continue;
    for (const tf of readdirSync(dir).sort()) {
      if (!tf.endsWith('.truth.json')) continue;
      const page = tf.replace(/\.truth\.json$/, '');
      const htmlPath = path.join(dir, page + '.html');
      if (!existsSync(htmlPath)) continue;
      out.push({ folder, page, htmlPath, truth: JSON.parse(readFileSync(path.join(dir, tf), 'utf8')) as Truth });
    }
  }
  return out;
}

/**
 * The URL the page was at: the one its notes give ("Served at https://…"), else the truth's
 * profile URL, else the page's own canonical slug, else an h-card base.
 */
export function urlFor(t: Truth, html: string, page = ''): string {
  const served = t.notes?.match(/Served at (https?:\/\/\S+)/);
  if (served) return served[1]!.replace(/[.,;)]+$/, '');
  // A details sub-page saved from /in/<slug>/details/<section>/ (named so in the file name).
  const sub = /-details-([a-z]+)$/.exec(page);
  if (t.profileUrl && sub) return `${t.profileUrl}details/${sub[1]}/`;
  if (t.profileUrl) return t.profileUrl;
  if (t.kind.startsWith('linkedin') || t.kind === 'not-a-profile') {
    const m = html.match(/rel="canonical" href="[^"]*\/in\/([^/"]+)/);
    return `https://www.linkedin.com/in/${m ? m[1] : 'unknown'}/`;
  }
  return 'http://example.com/';
}

export const FIELDS = [
  'name',
  'headline',
  'location',
  'currentCompany',
  'currentTitle',
  'profileUrl',
  'photo',
  'aboutStartsWith',
  'experienceCount',
  'educationCount',
  'email',
  'phone',
  'websites',
] as const;
export type ScoredField = (typeof FIELDS)[number];

/** What a capture gave for each scored field (the same shape as the truth). */
export interface Got {
  name: string | null;
  headline: string | null;
  location: string | null;
  currentCompany: string | null;
  currentTitle: string | null;
  profileUrl: string | null;
  photo: boolean;
  aboutStartsWith: string | null;
  experienceCount: number | null;
  educationCount: number | null;
  email: string | null;
  phone: string | null;
  websites: string[];
}

export interface ProfileLike {
  name: string | null;
  headline: string | null;
  location: string | null;
  currentCompany: string | null;
  currentTitle: string | null;
  profileUrl: string | null;
  photoUrl: string | null;
  about: string | null;
  experience: unknown[] | null;
  education: unknown[] | null;
  email: string | null;
  phone: string | null;
  websites: string[];
}

export function gotOf(p: ProfileLike): Got {
  return {
    name: p.name,
    headline: p.headline,
    location: p.location,
    currentCompany: p.currentCompany,
    currentTitle: p.currentTitle,
    profileUrl: p.profileUrl,
    photo: p.photoUrl !== null && p.photoUrl !== '',
    aboutStartsWith: p.about,
    experienceCount: p.experience ? p.experience.length : null,
    educationCount: p.education ? p.education.length : null,
    email: p.email,
    phone: p.phone,
    websites: p.websites ?? [],
  };
}

const norm = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : s);

export type Verdict = 'right' | 'wrong' | 'blank';

/**
 * Scores one field whose true value is known (`null` when the truth knows nothing: not scored).
 * A blank is a missing value; "wrong" is a value that differs from the truth (the one thing
 * capture must never do). `photo: false` is scored too: a photo that is not the subject's (a
 * ghost, the viewer's, another member's) is a wrong value.
 */
export function scoreField(field: ScoredField, want: unknown, got: Got): Verdict | null {
  if (want === null || want === undefined) return null;
  const g = got[field];
  if (field === 'photo') {
    if (want === true) return g ? 'right' : 'blank';
    return g ? 'wrong' : 'right';
  }
  if (field === 'websites') {
    const b = new Set((want as string[]).map((x) => x.trim()));
    const a = new Set((g as string[]).map((x) => x.trim()));
    if (b.size === 0) return null;
    if (a.size === 0) return 'blank';
    return a.size === b.size && [...b].every((x) => a.has(x)) ? 'right' : 'wrong';
  }
  if (g === null || g === undefined || g === '') return 'blank';
  if (field === 'aboutStartsWith') return (norm(g) as string).startsWith(norm(want) as string) ? 'right' : 'wrong';
  return norm(g) === norm(want) ? 'right' : 'wrong';
}

/**
 * Truth values this project disputes, with the evidence; scored as "disputed" (neither right nor
 * wrong) and listed in the report so the truth's author can settle them.
 */
export const DISPUTED: Record<string, Partial<Record<ScoredField, string>>> = {
  'linkedin-loggedin-2023-06-harith-al-safi-details-education': {
    photo:
      'the truth reads the name lockup as the messaging overlay, but it is the page-body sticky mini top card ' +
      '(section.scaffold-layout-toolbar > pv-profile-sticky-header-v2, the same markup as the Austin and Kireet ' +
      'details pages, whose truth is photo: true) showing the subject’s own real photo',
  },
};

export interface PageScore {
  page: string;
  right: number;
  wrong: number;
  blank: number;
  disputed: number;
  notes: string[];
}

/** The row of a page that was not scored: one without a person, or a person's page that was refused. */
export function unscored(page: string): PageScore {
  return { page, right: 0, wrong: 0, blank: 0, disputed: 0, notes: [] };
}

export function scorePage(page: string, truth: Truth, got: Got): PageScore {
  const s = unscored(page);
  for (const field of FIELDS) {
    const v = scoreField(field, truth[field], got);
    if (!v) continue;
    const dispute = DISPUTED[page]?.[field];
    if (dispute && v !== 'right') {
      s.disputed++;
      s.notes.push(`${field} disputed (got ${JSON.stringify(got[field])}): ${dispute}`);
      continue;
    }
    s[v]++;
    if (v !== 'right')
      s.notes.push(`${field} ${v}: want ${JSON.stringify(truth[field])} got ${JSON.stringify(got[field])}`);
  }
  return s;
}
