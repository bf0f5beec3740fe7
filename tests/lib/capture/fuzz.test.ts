/**
 * Property test: mutated fixtures (renamed/removed classes, shuffled and duplicated sections,
 * truncated HTML) never make capturePage throw, stay fast, and never yield another person's data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';
import { applyDomMutations, applyStringMutations, mutation } from './mutate';
import { parseHtml, readFixture } from './parse';

interface Subject {
  file: string;
  url: string;
  name: string;
}

const SUBJECTS: Subject[] = [
  {
    file: 'linkedin-2022-loggedin.html',
    url: 'https://www.linkedin.com/in/priya-nandakumar-demo/',
    name: 'Priya Nandakumar',
  },
  {
    file: 'linkedin-details-experience.html',
    url: 'https://www.linkedin.com/in/priya-nandakumar-demo/details/experience/',
    name: 'Priya Nandakumar',
  },
  { file: 'linkedin-2026-sdui.html', url: 'https://www.linkedin.com/in/tomas-eberhardt-4f2/', name: 'Tomás Eberhardt' },
  {
    file: 'linkedin-contact-info-overlay.html',
    url: 'https://www.linkedin.com/in/tomas-eberhardt-4f2/overlay/contact-info/',
    name: 'Tomás Eberhardt',
  },
  { file: 'linkedin-public.html', url: 'https://www.linkedin.com/in/marguerite-osei/', name: 'Marguerite Osei' },
  {
    file: 'linkedin-public-mobile.html',
    url: 'https://www.linkedin.com/in/kenji-watanabe-sound/',
    name: 'Kenji Watanabe',
  },
  {
    file: 'linkedin-sdui-details-experience.html',
    url: 'https://www.linkedin.com/in/tomas-eberhardt-4f2/details/experience/',
    name: 'Tomás Eberhardt',
  },
  {
    file: 'linkedin-2022-contact-info-overlay.html',
    url: 'https://www.linkedin.com/in/priya-nandakumar-demo/',
    name: 'Priya Nandakumar',
  },
  { file: 'other-hcard.html', url: 'https://rafael.example.pe/', name: 'Rafael Quispe' },
  { file: 'other-jsonld-person.html', url: 'https://amara.example.se/about', name: 'Amara Lindqvist-Obi' },
];

/** Other people who appear on the fixture pages (viewer, suggestions, reposts, upsells, authors). */
const OTHERS = [
  'Viewer',
  'Otherperson',
  'Mayknow',
  'Ruth',
  'Ines',
  'Kojo',
  'Someoneelse',
  'BORIS',
  'Lucía',
  'Guest Writer',
  'Elsewhere',
  'Nowhere',
];

const HTML = new Map(SUBJECTS.map((s) => [s.file, readFixture(s.file)]));

describe('capturePage under mutation', () => {
  it('never throws, stays fast, never returns another person', () => {
    let maxMs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SUBJECTS), fc.array(mutation, { maxLength: 4 }), (subject, muts) => {
        const doc = parseHtml(applyStringMutations(HTML.get(subject.file)!, muts));
        applyDomMutations(doc, muts);
        const t0 = performance.now();
        const r = capturePage(doc, subject.url);
        const ms = performance.now() - t0;
        expect(ms).toBeLessThan(1000);
        maxMs = Math.max(maxMs, ms);
        const p = r.profile;
        if (p.name !== null) {
          // The subject's name, or (on a truncated page) a prefix of it; never someone else's.
          expect(subject.name.startsWith(p.name) || p.name === subject.name, `name ${p.name}`).toBe(true);
        }
        for (const v of [p.name, p.firstName, p.lastName, p.headline, p.currentTitle, p.currentCompany]) {
          if (v) for (const o of OTHERS) expect(v.includes(o), `${o} leaked into ${v}`).toBe(false);
        }
        if (r.isProfile && !p.name) expect(r.reviewReasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 20260101 },
    );
    console.log(`slowest mutated capture: ${maxMs.toFixed(1)} ms`);
  });

  it('handles random HTML soup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.webUrl(), (html, url) => {
        const r = capturePage(parseHtml(html), url);
        expect(typeof r.isProfile).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

const SHARED = [
  path.resolve(__dirname, '../../../../shared/fixtures'),
  path.resolve(process.cwd(), '../shared/fixtures'),
].find((p) => existsSync(p));

describe.skipIf(!SHARED)('capturePage under mutation of real saved pages (../shared/fixtures)', () => {
  const pages = SHARED
    ? readdirSync(SHARED)
        .filter((f) => f.endsWith('.truth.json'))
        .map((f) => ({
          file: f.replace(/\.truth\.json$/, '.html'),
          truth: JSON.parse(readFileSync(path.join(SHARED, f), 'utf8')) as {
            name: string | null;
            profileUrl: string | null;
            isProfile: boolean;
          },
        }))
        .filter((p) => p.truth.isProfile && p.truth.name && p.truth.profileUrl)
    : [];
  const html = new Map(pages.map((p) => [p.file, readFileSync(path.join(SHARED!, p.file), 'utf8')]));

  it('never throws and never names someone else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pages), fc.array(mutation, { minLength: 1, maxLength: 3 }), (page, muts) => {
        const doc = parseHtml(applyStringMutations(html.get(page.file)!, muts));
        applyDomMutations(doc, muts);
        const r = capturePage(doc, page.truth.profileUrl!);
        const name = r.profile.name;
        if (name !== null) expect(page.truth.name!.startsWith(name), `${page.file}: name ${name}`).toBe(true);
      }),
      { numRuns: 60, seed: 7 },
    );
  }, 120_000);
});
