import { describe, expect, it } from 'vitest';
import { authorize, RefusedSenderError } from '@/lib/background/handle';
import { samePerson, savePageTarget } from '@/lib/background/contacts';
import type { ProtocolMap } from '@/lib/messaging/protocol';

const ID = 'rapportid';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}popup.html` };
const contentScript = {
  id: ID,
  url: 'https://www.linkedin.com/in/ana/',
  tab: { id: 7, url: 'https://www.linkedin.com/in/ana/' },
};
const otherExtension = { id: 'other', url: 'chrome-extension://other/x.html' };

describe('authorize', () => {
  it.each([
    ['savePage', contentScript, 'content-script'],
    ['saveReviewed', contentScript, 'content-script'],
    ['lookupProfile', contentScript, 'content-script'],
    ['saveProfile', contentScript, 'refused'],
    ['updateContact', contentScript, 'refused'],
    ['deleteContact', contentScript, 'refused'],
    ['deleteContact', page, 'extension-page'],
    ['saveProfile', page, 'extension-page'],
    ['savePage', otherExtension, 'refused'],
  ] as [keyof ProtocolMap, object, string][])('%s from %o → %s', (type, sender, expected) => {
    if (expected === 'refused') {
      expect(() => authorize(type, sender, ID, ORIGIN)).toThrow(RefusedSenderError);
    } else {
      expect(authorize(type, sender, ID, ORIGIN)).toBe(expected);
    }
  });
});

describe('savePageTarget', () => {
  it.each([
    ['a content script asking for another tab gets its own', 'content-script', 99, { id: 7 }, 7],
    ['a content script without a tab gets none', 'content-script', 99, undefined, undefined],
    ['the popup names the active tab', 'extension-page', 3, undefined, 3],
    ['the side panel opened as a tab, naming none, gets its own', 'extension-page', undefined, { id: 5 }, 5],
  ] as const)('%s', (_label, kind, requested, tab, expected) => {
    expect(savePageTarget(kind, requested, tab)).toBe(expected);
  });
});

describe('samePerson', () => {
  it.each([
    ['https://www.linkedin.com/in/ana/', 'https://se.linkedin.com/in/ana/details/experience/?trk=x', true],
    ['https://www.linkedin.com/in/ana/', 'https://www.linkedin.com/in/bo/', false],
    ['https://example.org/ana', 'https://example.org/ana', true],
    ['https://example.org/ana', 'https://example.org/bo', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(samePerson(a, b)).toBe(expected);
  });
});
