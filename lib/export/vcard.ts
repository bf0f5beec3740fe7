import type { Contact } from '../contacts/model';

/**
 * Contacts as vCard 3.0 (RFC 2426), the version every address book imports: CRLF lines, text escaped
 * (backslash, comma, semicolon, newline), long lines folded at 75 octets without splitting a character.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets of UTF-8 (RFC 5545 3.1 / RFC 2425 5.8.1): CRLF + one space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

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
