/**
 * Accuracy against the shared corpus of real saved pages (../shared/fixtures and
 * ../shared/fixtures-new, never in the repo), each served at the URL its truth's notes give.
 * Skips when the folders are absent (a user's clone).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';
import { pageShowsPerson } from '../../../lib/capture/page-person';
import { corpusPages, gotOf, scorePage, SHARED, unscored, urlFor, type PageScore } from './corpus-files';
import { parseHtml } from './parse';
import { everything, VARIANTS, type Variant } from './variants';

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

describe.skipIf(!SHARED)('capture corpus (../shared/fixtures, ../shared/fixtures-new)', () => {
  if (!SHARED) {
    it('shared fixtures not found (../shared): corpus accuracy not measured', (ctx) => ctx.skip());
    return;
  }
  const pages = corpusPages().map((p) => {
    const html = readFileSync(p.htmlPath, 'utf8');
    return { ...p, html, url: urlFor(p.truth, html, p.page) };
  });

  it('reaches ≥ 98% with no wrong value, no real profile refused and no non-profile accepted', () => {
    const rows: (PageScore & { folder: string; verdict: string })[] = [];
    const failures: string[] = [];
    for (const p of pages) {
      const r = capturePage(parseHtml(p.html), p.url);
      if (!p.truth.isProfile) {
        const ok = !r.isProfile;
        rows.push({ ...unscored(p.page), folder: p.folder, verdict: ok ? 'refused' : 'ACCEPTED' });
        if (!ok) failures.push(`${p.page}: a page without a person was accepted`);
        continue;
      }
      const s = scorePage(p.page, p.truth, gotOf(r.profile));
      rows.push({ ...s, folder: p.folder, verdict: r.isProfile ? 'profile' : 'REFUSED' });
      if (!r.isProfile) failures.push(`${p.page}: a real profile was refused`);
      for (const note of s.notes) failures.push(`${p.page}: ${note}`);
    }
    console.table(
      rows.map((r) => ({
        folder: r.folder,
        page: r.page,
        verdict: r.verdict,
        right: r.right,
        wrong: r.wrong,
        blank: r.blank,
        disputed: r.disputed,
      })),
    );
    const right = rows.reduce((a, r) => a + r.right, 0);
    const wrong = rows.reduce((a, r) => a + r.wrong, 0);
    const total = rows.reduce((a, r) => a + r.right + r.wrong + r.blank, 0);
    const disputed = rows.reduce((a, r) => a + r.disputed, 0);
    console.log(
      `corpus: ${right}/${total} right (${((100 * right) / total).toFixed(1)}%), ${wrong} wrong, ${disputed} disputed truth value(s)`,
    );
    if (failures.length) console.log('Misses:\n  ' + failures.join('\n  '));
    expect(rows.filter((r) => r.verdict === 'REFUSED' || r.verdict === 'ACCEPTED').map((r) => r.page)).toEqual([]);
    expect(wrong).toBe(0);
    expect(right / total).toBeGreaterThanOrEqual(0.98);
  });

  it('the page script shows the button exactly on the pages that show their person', () => {
    const wrong = pages
      .filter((p) => p.truth.kind.startsWith('linkedin') || p.truth.kind === 'not-a-profile')
      .filter((p) => pageShowsPerson(parseHtml(p.html), p.url) !== p.truth.isProfile)
      .map((p) => `${p.page} (${p.truth.isProfile ? 'refused' : 'accepted'})`);
    expect(wrong).toEqual([]);
  });

  it('keeps ≥ 95% of top-card fields when any one leaned-on class is renamed', () => {
    const docs = pages
      .filter((x) => x.truth.isProfile && x.truth.profileUrl)
      .map((x) => ({ ...x, doc: parseHtml(x.html) }));
    const rows: { renamed: string; correct: number; total: number; wrong: number }[] = [];
    for (const tok of LEANED_ON) {
      let ok = 0;
      let total = 0;
      let wrong = 0;
      for (const { truth, doc, url, page } of docs) {
        const els = Array.from(doc.getElementsByClassName(tok));
        for (const el of els) el.classList.replace(tok, 'renamed-by-test');
        const got = gotOf(capturePage(doc, url).profile);
        for (const el of els) el.classList.replace('renamed-by-test', tok);
        const s = scorePage(
          page,
          { ...truth, profileUrl: null, aboutStartsWith: null, email: null, phone: null, websites: null },
          got,
        );
        ok += s.right;
        wrong += s.wrong;
        total += s.right + s.wrong + s.blank;
      }
      rows.push({ renamed: tok, correct: ok, total, wrong });
    }
    console.table(rows);
    for (const r of rows) {
      expect(r.correct / r.total, r.renamed).toBeGreaterThanOrEqual(0.95);
      expect(r.wrong, r.renamed).toBe(0);
    }
  }, 120_000);

  it('structural variants of the real pages (classes, ids, tags, wrappers, order changed) stay ≥ 98%, never wrong', () => {
    const variants: Record<string, Variant> = { ...VARIANTS, everything };
    const rows: { variant: string; right: number; total: number; wrong: number; pct: string }[] = [];
    const misses: string[] = [];
    for (const [name, variant] of Object.entries(variants)) {
      let right = 0;
      let total = 0;
      let wrong = 0;
      for (const p of pages) {
        if (!p.truth.kind.startsWith('linkedin') && p.truth.kind !== 'not-a-profile') continue;
        const doc = parseHtml(p.html);
        variant(doc);
        const r = capturePage(doc, p.url);
        if (r.isProfile !== p.truth.isProfile) {
          wrong += p.truth.isProfile ? 0 : 1;
          misses.push(`${name} ${p.page}: isProfile ${r.isProfile}`);
          if (!p.truth.isProfile) continue;
        }
        if (!p.truth.isProfile) continue;
        const s = scorePage(p.page, p.truth, gotOf(r.profile));
        right += s.right;
        wrong += s.wrong;
        total += s.right + s.wrong + s.blank;
        for (const note of s.notes) misses.push(`${name} ${p.page}: ${note}`);
      }
      rows.push({ variant: name, right, total, wrong, pct: ((100 * right) / total).toFixed(1) });
    }
    console.table(rows);
    if (misses.length) console.log('Variant misses:\n  ' + misses.join('\n  '));
    // Never a wrong value; what the layout extractors lose there, the layout-agnostic reader keeps
    // (≥ 98% for each kind of change, and for all of them at once).
    for (const r of rows) {
      expect(r.wrong, r.variant).toBe(0);
      expect(r.right / r.total, r.variant).toBeGreaterThanOrEqual(0.98);
    }
  }, 600_000);
});
