import { describe, expect, it } from 'vitest';
import { topCardMatchesUrl } from '../../../lib/capture/top-card';
import { load, parseHtml } from './parse';

describe('topCardMatchesUrl', () => {
  it.each([
    ['linkedin-2022-loggedin.html', 'priya-nandakumar-demo'],
    ['linkedin-2026-sdui.html', 'tomas-eberhardt-4f2'],
    ['linkedin-missing-sections.html', 'jo-minimal-77'],
  ])('%s shows %s and not someone else', (file, slug) => {
    const doc = load(file);
    expect(topCardMatchesUrl(doc, `https://www.linkedin.com/in/${slug}/`)).toBe(true);
    expect(topCardMatchesUrl(doc, `https://uk.linkedin.com/in/${slug}/details/experience/?x=1`)).toBe(true);
    // SPA navigation to another person while this DOM lingers.
    expect(topCardMatchesUrl(doc, 'https://www.linkedin.com/in/somebody-else-42/')).toBe(false);
  });

  it('is lenient when the page gives no way to tell', () => {
    expect(
      topCardMatchesUrl(parseHtml('<html><body><h1>Loading…</h1></body></html>'), 'https://www.linkedin.com/in/x/'),
    ).toBe(true);
    expect(topCardMatchesUrl(load('linkedin-2022-loggedin.html'), 'https://www.linkedin.com/feed/')).toBe(true);
  });

  it("asks a sticky toolbar only on the 2026 layout's pages, or where the layout is unknown", () => {
    const doc = parseHtml(
      '<html><body><div role="toolbar"><a href="/in/ola-other-9/">Ola Other</a></div><main><h1>Mara</h1></main></body></html>',
    );
    const url = 'https://www.linkedin.com/in/mara-quist-12/';
    expect(topCardMatchesUrl(doc, url, 'linkedin-2026')).toBe(false);
    expect(topCardMatchesUrl(doc, url)).toBe(false);
    // Other layouts have no toolbar, and a page with no layout's marker no top card to compare.
    for (const layout of ['linkedin-public', 'linkedin-2022', 'none'])
      expect(topCardMatchesUrl(doc, url, layout)).toBe(true);
  });

  it('capturePage refuses a lingering previous profile (no Save under the wrong URL)', async () => {
    const { capturePage } = await import('../../../lib/capture');
    for (const file of ['linkedin-2026-sdui.html', 'linkedin-2022-loggedin.html']) {
      const r = capturePage(load(file), 'https://www.linkedin.com/in/somebody-else-42/');
      expect(r.isProfile, file).toBe(false);
      expect(r.reviewReasons.join(' ')).toMatch(/previous profile/);
    }
  });

  it('member-id URLs (/in/ACoAA…) are lenient and take the page’s vanity slug', async () => {
    const { capturePage } = await import('../../../lib/capture');
    const url = 'https://www.linkedin.com/in/ACoAAFAKEURN0001abcdefghijklmnop/';
    expect(topCardMatchesUrl(load('linkedin-2026-sdui.html'), url)).toBe(true);
    const r = capturePage(load('linkedin-2026-sdui.html'), url);
    expect(r.isProfile).toBe(true);
    expect(r.profile.profileUrl).toBe('https://www.linkedin.com/in/tomas-eberhardt-4f2/');
  });
});
