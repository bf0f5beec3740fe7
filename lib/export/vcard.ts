import type { Contact } from '../contacts/model';
import { escapeText, foldLine } from './text-format';

/**
 * Contacts as vCard 3.0 (RFC 2426), the version every address book imports: CRLF lines, text escaped
 * (backslash, comma, semicolon, newline), long lines folded at 75 octets without splitting a character.
 */
export { escapeText, foldLine };

function prop(name: string, value: string | null | undefined): string[] {
  return value ? [foldLine(`${name}:${escapeText(value)}`)] : [];
}

export function contactVCard(c: Contact): string {
  const last = c.lastName ?? '';
  const first = c.firstName ?? '';
  const fullName = c.name ?? ([first, last].filter(Boolean).join(' ') || 'Unnamed');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    foldLine(`FN:${escapeText(fullName)}`),
    foldLine(`N:${escapeText(last)};${escapeText(first)};;;`),
    ...prop('ORG', c.currentCompany),
    ...prop('TITLE', c.currentTitle),
    ...(c.email ? [foldLine(`EMAIL;TYPE=INTERNET:${escapeText(c.email)}`)] : []),
    ...(c.phone ? [foldLine(`TEL:${escapeText(c.phone)}`)] : []),
    ...(c.profileUrl.startsWith('manual:') ? [] : [foldLine(`URL:${c.profileUrl}`)]),
    ...c.websites.map((site) => foldLine(`URL:${site}`)),
    ...prop('NOTE', c.headline),
    ...(c.tags.length ? [foldLine(`CATEGORIES:${c.tags.map(escapeText).join(',')}`)] : []),
    foldLine(`UID:urn:uuid:${c.id}`),
    'END:VCARD',
  ];
  return lines.join('\r\n') + '\r\n';
}

export function contactsVCard(contacts: readonly Contact[]): string {
  return contacts.map(contactVCard).join('');
}
