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
});
