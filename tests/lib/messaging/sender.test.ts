import { describe, expect, it } from 'vitest';
import { classifySender } from '@/lib/messaging/sender';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it.each([
    ['our popup', { id: ID, url: `${ORIGIN}popup.html` }, 'extension-page'],
    ['our side panel opened as a tab', { id: ID, url: `${ORIGIN}sidepanel.html`, tab: { id: 3 } }, 'extension-page'],
    [
      'our content script on a profile',
      { id: ID, url: 'https://www.linkedin.com/in/x/', tab: { id: 1 } },
      'content-script',
    ],
    [
      'our content script on a country subdomain',
      { id: ID, url: 'https://se.linkedin.com/in/x/', tab: { id: 1 } },
      'content-script',
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/x.html' }, null],
    ['a look-alike host', { id: ID, url: 'https://www.linkedin.com.evil.test/in/x/', tab: { id: 1 } }, null],
    ['plain http', { id: ID, url: 'http://www.linkedin.com/in/x/', tab: { id: 1 } }, null],
    ['some other site', { id: ID, url: 'https://example.org/', tab: { id: 1 } }, null],
    ['no url at all', { id: ID }, null],
    ['a linkedin url without a tab', { id: ID, url: 'https://www.linkedin.com/in/x/' }, null],
  ])('%s', (_label, sender, expected) => {
    expect(classifySender(sender, ID, ORIGIN)).toBe(expected);
  });
});
