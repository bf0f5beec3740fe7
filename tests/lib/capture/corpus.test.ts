/**
 * Accuracy against the shared corpus of real saved pages (../shared/fixtures, not in the repo).
 * Skips when that folder is absent (a user's clone).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';
import { parseHtml } from './parse';

const FIXTURES = [
  path.resolve(__dirname, '../../../../shared/fixtures'),
  path.resolve(process.cwd(), '../shared/fixtures'),
].find((p) => existsSync(p));

interface Truth {
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
}

const n = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : s);

/** The URL the page was at: the truth's profile URL, else the page's own canonical/slug, else the h-card base. */
function urlFor(t: Truth, html: string): string {
  if (t.profileUrl) return t.profileUrl;
  if (t.kind.startsWith('linkedin') || t.kind === 'not-a-profile') {
    const m = html.match(/rel="canonical" href="[^"]*\/in\/([^/"]+)/);
    return `https://www.linkedin.com/in/${m ? m[1] : 'unknown'}/`;
  }
  return 'http://example.com/';
}

const FIELDS = [
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

/** Class names the layouts lean on; each is renamed in turn to check the fallbacks. */
const LEANED_ON = [
  'text-heading-xlarge',
  'pv-text-details__left-panel',
  'text-body-medium',
  'pv-top-card',
  'pvs-entity',
  'visually-hidden',
  'top-card-layout__title',
  'top-card-layout__headline',
  'top-card__subline-item',
  'experience-item',
  'profile-section-card__title',
  'top-card__profile-image',
  'core-section-container__content',
  'profile-info-subheader',
  'top-card-link__description',
];

describe.skipIf(!FIXTURES)('capture corpus (../shared/fixtures)', () => {
  if (!FIXTURES) {
    it('shared fixtures not found (../shared/fixtures): corpus accuracy not measured', (ctx) => ctx.skip());
    return;
  }
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.truth.json'))
    .sort();

  it('reaches ≥ 98% field accuracy and refuses every non-profile', () => {
    const stats: Record<string, { ok: number; total: number }> = {};
    const failures: string[] = [];
    let refusedOk = 0;
    let refusedTotal = 0;
    const times: number[] = [];
    for (const tf of files) {
      const page = tf.replace(/\.truth\.json$/, '');
      const htmlPath = path.join(FIXTURES, page + '.html');
      if (!existsSync(htmlPath)) continue;
      const truth = JSON.parse(readFileSync(htmlPath.replace(/\.html$/, '.truth.json'), 'utf8')) as Truth;
      const html = readFileSync(htmlPath, 'utf8');
      const doc = parseHtml(html);
      const url = urlFor(truth, html);
      const t0 = performance.now();
      const r = capturePage(doc, url);
      times.push(performance.now() - t0);
      if (!truth.isProfile) {
        refusedTotal++;
        if (!r.isProfile) refusedOk++;
        else failures.push(`${page}: isProfile should be false`);
        continue;
      }
      if (!r.isProfile) failures.push(`${page}: isProfile should be true`);
      const p = r.profile;
      const got: Record<string, unknown> = {
        name: p.name,
        headline: p.headline,
        location: p.location,
        currentCompany: p.currentCompany,
        currentTitle: p.currentTitle,
        profileUrl: p.profileUrl,
        photo: p.photoUrl !== null,
        aboutStartsWith: p.about,
        experienceCount: p.experience ? p.experience.length : null,
        educationCount: p.education ? p.education.length : null,
        email: p.email,
        phone: p.phone,
        websites: p.websites,
      };
      for (const field of FIELDS) {
        const want = truth[field];
        if (want === null || want === undefined) continue;
        if (field === 'websites' && Array.isArray(want) && want.length === 0) continue;
        const st = (stats[field] ??= { ok: 0, total: 0 });
        st.total++;
        let ok: boolean;
        if (field === 'aboutStartsWith')
          ok =
            typeof got.aboutStartsWith === 'string' && (n(got.aboutStartsWith) as string).startsWith(n(want) as string);
        else if (field === 'websites') {
          const a = new Set((got.websites as string[]).map((x) => x.trim()));
          const b = new Set((want as string[]).map((x) => x.trim()));
          ok = a.size === b.size && [...b].every((x) => a.has(x));
        } else ok = n(got[field]) === n(want);
        if (ok) st.ok++;
        else failures.push(`${page}: ${field} want ${JSON.stringify(want)} got ${JSON.stringify(got[field])}`);
      }
    }
    const rows = Object.entries(stats).map(([field, s]) => ({
      field,
      correct: s.ok,
      total: s.total,
      pct: ((100 * s.ok) / s.total).toFixed(1),
    }));
    const ok = rows.reduce((a, r) => a + r.correct, 0);
    const total = rows.reduce((a, r) => a + r.total, 0);
    rows.push({ field: 'ALL', correct: ok, total, pct: ((100 * ok) / total).toFixed(1) });
    rows.push({
      field: 'not-a-profile refused',
      correct: refusedOk,
      total: refusedTotal,
      pct: ((100 * refusedOk) / Math.max(1, refusedTotal)).toFixed(1),
    });
    console.table(rows);
    times.sort((a, b) => a - b);
    console.log(
      `capturePage time per page (${process.env.VITEST_POOL_ID ? 'test DOM' : ''}): median ${times[times.length >> 1]!.toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms`,
    );
    if (failures.length) console.log('Mismatches:\n  ' + failures.join('\n  '));
    expect(refusedOk).toBe(refusedTotal);
    expect(ok / total).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps ≥ 95% of top-card fields when any one leaned-on class is renamed', () => {
    const docs = files
      .map((tf) => ({
        truth: JSON.parse(readFileSync(path.join(FIXTURES, tf), 'utf8')) as Truth,
        htmlPath: path.join(FIXTURES, tf.replace(/\.truth\.json$/, '.html')),
      }))
      .filter((x) => x.truth.isProfile && x.truth.profileUrl && existsSync(x.htmlPath))
      .map((x) => ({ ...x, doc: parseHtml(readFileSync(x.htmlPath, 'utf8')) }));
    const rows: { renamed: string; correct: number; total: number }[] = [];
    for (const tok of LEANED_ON) {
      let ok = 0;
      let total = 0;
      for (const { truth, doc } of docs) {
        const els = Array.from(doc.getElementsByClassName(tok));
        for (const el of els) el.classList.replace(tok, 'renamed-by-test');
        const p = capturePage(doc, truth.profileUrl!).profile;
        for (const el of els) el.classList.replace('renamed-by-test', tok);
        const got: Record<string, unknown> = {
          name: p.name,
          headline: p.headline,
          location: p.location,
          currentCompany: p.currentCompany,
          currentTitle: p.currentTitle,
          photo: p.photoUrl !== null,
          experienceCount: p.experience?.length ?? null,
          educationCount: p.education?.length ?? null,
        };
        for (const [k, v] of Object.entries(got)) {
          const want = truth[k as keyof Truth];
          if (want === null || want === undefined) continue;
          total++;
          if (n(v) === n(want)) ok++;
        }
      }
      rows.push({ renamed: tok, correct: ok, total });
    }
    console.table(rows);
    for (const r of rows) expect(r.correct / r.total, r.renamed).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
