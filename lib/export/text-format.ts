/**
 * Text rules shared by the iCalendar (RFC 5545) and vCard (RFC 2426) writers: TEXT escaping, line folding
 * at 75 octets and UTC date-times.
 */

/** Escapes a TEXT value: backslash, newline, comma, semicolon. */
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

/** 2026-03-05T14:00:07Z → "20260305T140007Z" (a UTC DATE-TIME). */
export function icsDateTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
