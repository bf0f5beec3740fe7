import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl, isLinkedInProfileUrl } from '../../../lib/capture/linkedin-url';

describe('canonicalProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe/', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://www.linkedin.com/in/jane-doe', 'https://www.linkedin.com/in/jane-doe/'],
    ['http://linkedin.com/in/jane-doe', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://se.linkedin.com/in/jane-doe', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://uk.linkedin.com/in/jane-doe/?originalSubdomain=uk', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://mobile.linkedin.com/in/jane-doe', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://www.linkedin.com/mwlite/in/jane-doe', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://www.linkedin.com/in/Jane-Doe/?trk=abc#experience', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://www.linkedin.com/in/jane-doe/details/experience/', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://www.linkedin.com/in/jane-doe/overlay/contact-info/', 'https://www.linkedin.com/in/jane-doe/'],
    ['https://www.linkedin.com/in/jane-doe/?isSelfProfile=true', 'https://www.linkedin.com/in/jane-doe/'],
    ['/in/jane-doe/', 'https://www.linkedin.com/in/jane-doe/'],
    // Percent-encoded slugs: decoded, normalised, re-encoded the same way whatever the input form.
    ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/', 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/'],
    ['https://www.linkedin.com/in/José-García/', 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/'],
    ['https://www.linkedin.com/in/jos%C3%89-garc%C3%8Da/', 'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/'],
    ['https://www.linkedin.com/in/jose%CC%81/', 'https://www.linkedin.com/in/jos%C3%A9/'], // NFD → NFC
    [
      'https://www.linkedin.com/in/%D0%BC%D0%B8%D1%85%D0%B0%D0%B8%D0%BB/',
      'https://www.linkedin.com/in/%D0%BC%D0%B8%D1%85%D0%B0%D0%B8%D0%BB/',
    ],
  ])('%s → %s', (input, out) => {
    expect(canonicalProfileUrl(input)).toBe(out);
    expect(isLinkedInProfileUrl(input)).toBe(true);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/search/results/people/?keywords=jane',
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/school/kth/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in',
    'https://www.linkedin.com/pub/dir/jane/doe',
    'https://www.linkedin.com/',
    'https://example.com/in/jane-doe/',
    'https://linkedin.com.evil.example/in/jane-doe/',
    'https://evil-linkedin.com/in/jane-doe/',
    'javascript:alert(1)//www.linkedin.com/in/x',
    'https://www.linkedin.com/in/%E0%A4%A/', // malformed escape
    'not a url at all',
    '',
  ])('%s → null', (input) => {
    expect(canonicalProfileUrl(input)).toBeNull();
    expect(isLinkedInProfileUrl(input)).toBe(false);
  });

  it('never throws on odd input', () => {
    for (const x of [null, undefined, 42, {}, 'x'.repeat(100_000)])
      expect(canonicalProfileUrl(x as unknown as string)).toBeNull();
  });
});
