import { ID_PATTERN, WEB_URL_PATTERN } from '../backup/schema';
import type { Contact } from '../contacts/model';
import { type ExportFile, formatEach, UnwritableValue } from './skipped';
import { escapeText, foldLine } from './text-format';

/**
 * Contacts as vCard 3.0 (RFC 2426), the version every address book imports: CRLF lines, text escaped
 * (backslash, comma, semicolon, newline), long lines folded at 75 octets without splitting a character.
 * Addresses (URL) are URIs, not text: one with a line break or space in it could add a property of its
 * own (`URL:…\r\nEMAIL:…`), so such a person is left out of the file and named instead.
 */
export { escapeText, foldLine };

/** Control characters other than line breaks: address books refuse a card holding them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function text(value: string): string {
  return escapeText(value.replace(CONTROL, ''));
}

function prop(name: string, value: string | null | undefined): string[] {
  return value ? [foldLine(`${name}:${text(value)}`)] : [];
}

function url(value: string, field: string): string {
  if (!WEB_URL_PATTERN.test(value)) throw new UnwritableValue(`${field} is not a plain web address`);
  return foldLine(`URL:${value}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function contactVCard(c: Contact): string {
  if (!ID_PATTERN.test(c.id)) throw new UnwritableValue('its id has characters a card cannot hold');
  const last = c.lastName ?? '';
  const first = c.firstName ?? '';
  const fullName = c.name ?? ([first, last].filter(Boolean).join(' ') || 'Unnamed');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    foldLine(`FN:${text(fullName)}`),
    foldLine(`N:${text(last)};${text(first)};;;`),
    ...prop('ORG', c.currentCompany),
    ...prop('TITLE', c.currentTitle),
    ...(c.email ? [foldLine(`EMAIL;TYPE=INTERNET:${text(c.email)}`)] : []),
    ...(c.phone ? [foldLine(`TEL:${text(c.phone)}`)] : []),
    ...(c.profileUrl.startsWith('manual:') ? [] : [url(c.profileUrl, 'the profile address')]),
    ...c.websites.map((site) => url(site, 'a website')),
    ...prop('NOTE', c.headline),
    ...(c.tags.length ? [foldLine(`CATEGORIES:${c.tags.map(text).join(',')}`)] : []),
    // A stable UID, so importing again updates a card instead of adding one.
    foldLine(UUID.test(c.id) ? `UID:urn:uuid:${c.id}` : `UID:rapport-${c.id}`),
    'END:VCARD',
  ];
  return lines.join('\r\n') + '\r\n';
}

/** Every card that can be written; the others are named in `skipped`. */
export function contactsVCard(contacts: readonly Contact[]): ExportFile {
  const { parts, skipped } = formatEach(contacts, contactVCard, (c) => ({
    id: String(c.id),
    label: c.name ?? String(c.id),
  }));
  return { text: parts.join(''), skipped };
}
