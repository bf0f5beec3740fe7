/**
 * Metamorphic tests on the repository's invented pages: the same content in other markup must give
 * the same capture, or a blank, never a different value. The unknown-layout page has no marker any
 * layout extractor knows, so what it gives comes from the layout-agnostic reader alone.
 */
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';
import type { CapturedProfile } from '../../../lib/contacts/model';
import { load } from './parse';
import { everything, VARIANTS, type Variant } from './variants';

const PAGES: { file: string; url: string }[] = [
  { file: 'linkedin-unknown-layout.html', url: 'https://www.linkedin.com/in/ingrid-solberg-maehle-3f9/' },
  { file: 'linkedin-2022-loggedin.html', url: 'https://www.linkedin.com/in/priya-nandakumar-demo/' },
  { file: 'linkedin-2026-sdui.html', url: 'https://www.linkedin.com/in/tomas-eberhardt-4f2/' },
  { file: 'linkedin-public.html', url: 'https://www.linkedin.com/in/marguerite-osei/' },
  { file: 'linkedin-public-mobile.html', url: 'https://www.linkedin.com/in/kenji-watanabe-sound/' },
  {
    file: 'linkedin-details-experience.html',
    url: 'https://www.linkedin.com/in/priya-nandakumar-demo/details/experience/',
  },
];

/** The company line shown without its " · School" part. */
const companyWithoutSchool: Variant = (doc) => {
  for (const el of Array.from(doc.querySelectorAll('div, p'))) {
    const spans = Array.from(el.children);
    if (spans.length === 2 && / · /.test(el.textContent ?? '') && !el.querySelector('a, p, div')) {
      spans[1]!.remove();
      for (const n of Array.from(el.childNodes)) if (n.nodeType === 3) n.remove();
    }
  }
};

const ALL: Record<string, Variant> = { ...VARIANTS, everything, companyWithoutSchool };

type Flat = Record<string, string | number | null>;
function flat(p: CapturedProfile): Flat {
  return {
    name: p.name,
    pronouns: p.pronouns,
    headline: p.headline,
    location: p.location,
    currentCompany: p.currentCompany,
    currentTitle: p.currentTitle,
    profileUrl: p.profileUrl,
    photoUrl: p.photoUrl,
    about: p.about ? p.about.replace(/\s+/g, ' ').slice(0, 60) : null,
    experience: p.experience?.length ?? null,
    education: p.education?.length ?? null,
    email: p.email,
    phone: p.phone,
    websites: p.websites.length ? p.websites.join(' ') : null,
  };
}

describe('metamorphic: other markup, same capture or a blank', () => {
  for (const { file, url } of PAGES) {
    const base = capturePage(load(file), url);
    const want = flat(base.profile);
    it(`${file}: every variant keeps each value or leaves it blank`, () => {
      expect(base.isProfile).toBe(true);
      const changed: string[] = [];
      for (const [name, variant] of Object.entries(ALL)) {
        const doc = load(file);
        variant(doc);
        const r = capturePage(doc, url);
        expect(r.isProfile, `${name}: still a profile`).toBe(true);
        const got = flat(r.profile);
        for (const [k, v] of Object.entries(got)) {
          if (v !== null && v !== want[k])
            changed.push(`${name}.${k}: ${JSON.stringify(want[k])} → ${JSON.stringify(v)}`);
        }
      }
      expect(changed).toEqual([]);
    });
  }

  it('reads a layout nobody has seen by what its lines are', () => {
    const r = capturePage(load('linkedin-unknown-layout.html'), PAGES[0]!.url);
    expect(flat(r.profile)).toEqual({
      name: 'Ingrid Solberg-Mæhle',
      pronouns: 'She/Her',
      headline: 'Marine biologist turned data scientist | Ocean circulation models',
      location: 'Bergen, Vestland, Norway',
      currentCompany: 'Tidewater Labs',
      currentTitle: 'Senior Data Scientist',
      profileUrl: 'https://www.linkedin.com/in/ingrid-solberg-maehle-3f9/',
      photoUrl: 'https://media.licdn.com/dms/image/v2/FAKEINGRID/profile-displayphoto-shrink_400_400/0/2?e=1&v=beta',
      about: 'I build models of coastal currents and teach machines to rea',
      experience: 4,
      education: 2,
      email: null,
      phone: null,
      websites: null,
    });
    // No layout extractor knows this page: every value is the last line's, below a layout's confidence.
    expect(r.sources.headline).toBe('anchor');
    expect(r.reviewReasons).toEqual([]);
  });

  it('on the unknown layout, most values survive every variant (not just blanks)', () => {
    const url = PAGES[0]!.url;
    let kept = 0;
    let total = 0;
    const want = flat(capturePage(load('linkedin-unknown-layout.html'), url).profile);
    for (const variant of Object.values(ALL)) {
      const doc = load('linkedin-unknown-layout.html');
      variant(doc);
      const got = flat(capturePage(doc, url).profile);
      for (const k of Object.keys(want)) {
        if (want[k] === null) continue;
        total++;
        if (got[k] === want[k]) kept++;
      }
    }
    expect(kept / total).toBeGreaterThanOrEqual(0.95);
  });

  it('a company line without " · School" still names the company, and the school alone never does', () => {
    const url = PAGES[0]!.url;
    let doc = load('linkedin-unknown-layout.html');
    companyWithoutSchool(doc);
    expect(capturePage(doc, url).profile.currentCompany).toBe('Tidewater Labs');
    // Only the school on the line, and no current position to confirm anything: a blank.
    doc = load('linkedin-unknown-layout.html');
    const line = Array.from(doc.querySelectorAll('div')).find(
      (d) => d.textContent === 'Tidewater Labs · University of Bergen',
    )!;
    line.textContent = 'University of Bergen';
    doc.querySelector('ul')!.firstElementChild!.remove();
    for (const li of Array.from(doc.querySelectorAll('section li')).slice(0, 1)) li.remove();
    expect(capturePage(doc, url).profile.currentCompany).toBeNull();
  });
});
