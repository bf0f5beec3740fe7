import { describe, expect, it } from 'vitest';
import { contactVCard, contactsVCard, escapeText, foldLine } from '@/lib/export/vcard';
import { sampleStores } from '../backup/factory';
import { unfold, unescapeText } from './ics-parser';

describe('vCard 3.0', () => {
  it('escapes text and folds at 75 octets', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = foldLine(`NOTE:${'ü'.repeat(100)}`);
    for (const line of long.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(long.replace(/\r\n /g, '')).toBe(`NOTE:${'ü'.repeat(100)}`);
  });

  it('one card per contact, with name, organisation, title, profile URL and tags', () => {
    const stores = sampleStores({ contacts: 2 });
    const c = { ...stores.contacts[1]!, email: 'p@example.org', currentCompany: 'Tide, Inc.' };
    const lines = unfold(contactVCard(c));
    expect(lines[0]).toBe('BEGIN:VCARD');
    expect(lines).toContain('VERSION:3.0');
    expect(lines).toContain('ORG:Tide\\, Inc.');
    expect(lines).toContain('EMAIL;TYPE=INTERNET:p@example.org');
    expect(lines).toContain(`URL:${c.profileUrl}`);
    expect(lines).toContain('CATEGORIES:data,hiring\\; soon');
    expect(unescapeText(lines.find((l) => l.startsWith('FN:'))!.slice(3))).toBe(c.name);
    expect(lines.at(-1)).toBe('END:VCARD');
    expect(contactsVCard(stores.contacts).text.match(/BEGIN:VCARD/g)).toHaveLength(2);
  });

  it.each([
    [
      'a profile URL with CR/LF',
      { profileUrl: 'https://www.linkedin.com/in/x/\r\nEMAIL:evil@example.com' },
      /profile address/,
    ],
    ['a website with a line break', { websites: ['https://example.org/\nTEL:1'] }, /a website/],
    ['a javascript: website', { websites: ['javascript:alert(1)'] }, /a website/],
    ['an id with CR/LF', { id: 'c1\r\nEMAIL:evil@example.com' }, /its id/],
  ])('%s: that card is left out and named, the others written', (_what, change, reason) => {
    const stores = sampleStores({ contacts: 3 });
    const contacts = stores.contacts.map((c, i) => (i === 1 ? { ...c, ...change } : c));
    const { text, skipped } = contactsVCard(contacts);
    expect(skipped).toEqual([{ id: contacts[1]!.id, label: contacts[1]!.name, reason: expect.stringMatching(reason) }]);
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    // No line of the file is a property the data smuggled in.
    expect(unfold(text).filter((l) => /^(EMAIL|TEL)/.test(l))).toEqual([]);
    expect(text).not.toMatch(/[^\r]\n|\r(?!\n)/);
  });

  it('text with line breaks and control characters stays inside its property', () => {
    const [c] = sampleStores({ contacts: 1 }).contacts;
    const card = contactVCard({
      ...c!,
      name: 'Ana\r\nEMAIL:evil@example.com',
      headline: 'Bell\u0007 and NUL\u0000 and tab\u000b',
      tags: ['a,b', 'c\nd'],
    });
    const lines = unfold(card);
    expect(lines.filter((l) => l.startsWith('EMAIL'))).toEqual([]);
    expect(lines).toContain('FN:Ana\\nEMAIL:evil@example.com');
    expect(lines).toContain('NOTE:Bell and NUL and tab');
    expect(lines).toContain('CATEGORIES:a\\,b,c\\nd');
    for (const line of card.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it("a stable UID: urn:uuid for Rapport's own ids, a plain one for others (manual imports)", () => {
    const [c] = sampleStores({ contacts: 1 }).contacts;
    expect(unfold(contactVCard({ ...c!, id: '0f8fad5b-d9cb-469f-a165-70867728950e' }))).toContain(
      'UID:urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
    );
    expect(
      unfold(contactVCard({ ...c!, id: 'csv-0123456789abcdef', profileUrl: 'manual:csv-0123456789abcdef' })),
    ).toContain('UID:rapport-csv-0123456789abcdef');
  });
});
