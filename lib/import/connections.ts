import { canonicalProfileUrl } from '../capture/linkedin-url';
import { newContact } from '../contacts/merge';
import { type CapturedProfile, type Contact, emptyCapturedProfile } from '../contacts/model';
import { guessSeparator, parseCsv, stripBom } from './csv';

/**
 * LinkedIn's data export `Connections.csv`: a few "Notes:" lines, then the header
 * First Name, Last Name, URL, Email Address, Company, Position, Connected On, then one row per person.
 * Rows become contacts with status "to ask", one per profile URL. A file without the URL column (an
 * older export, or one re-saved from a spreadsheet without it), or a row with an empty URL, still brings
 * its people in: without a profile link, under `manual:csv-<hash of name and connection date>`, so the
 * same row imported twice (again, or a batch re-sent after a worker restart) is still one person.
 */
export const MAX_CONNECTIONS_BYTES = 20 * 1024 * 1024;

export interface ConnectionRow {
  /** 1-based line of the file, for messages. */
  line: number;
  firstName: string;
  lastName: string;
  profileUrl: string;
  email: string;
  company: string;
  position: string;
  connectedOn: string;
}

export interface ParsedConnections {
  rows: ConnectionRow[];
  /** Rows left out, with why (no name and no URL, a URL that is not a LinkedIn profile, a repeat). */
  skipped: { line: number; reason: string }[];
  /** Rows kept without a profile link (no URL column, or an empty URL). */
  withoutLink: number;
}

export type ConnectionsParseResult = ({ ok: true } & ParsedConnections) | { ok: false; error: string };

const COLUMNS = {
  firstName: 'first name',
  lastName: 'last name',
  profileUrl: 'url',
  email: 'email address',
  company: 'company',
  position: 'position',
  connectedOn: 'connected on',
} as const;

const norm = (cell: string) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase();

export function parseConnections(text: string): ConnectionsParseResult {
  if (text.length > MAX_CONNECTIONS_BYTES) {
    return { ok: false, error: 'The file is too large for a LinkedIn connections export (over 20 MB).' };
  }
  const body = stripBom(text);
  // Find the header line: LinkedIn puts a few "Notes:" lines (with commas of their own) above it.
  const lines = body.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => {
    const cells = parseCsv(l, guessSeparator(l))[0]?.map(norm) ?? [];
    return cells.includes(COLUMNS.firstName) && cells.includes(COLUMNS.lastName);
  });
  if (headerIndex === -1) {
    return {
      ok: false,
      error:
        'This is not LinkedIn’s Connections.csv: no header with First Name and Last Name was found. Use the file from LinkedIn’s “Get a copy of your data”.',
    };
  }
  const separator = guessSeparator(lines[headerIndex]!);
  const fromHeader = lines.slice(headerIndex).join('\n');
  const table = parseCsv(fromHeader, separator);
  const header = (table[0] ?? []).map(norm);
  const col = {} as Record<keyof typeof COLUMNS, number>;
  for (const [key, name] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][])
    col[key] = header.indexOf(name);
  const rows: ConnectionRow[] = [];
  const skipped: ParsedConnections['skipped'] = [];
  const seen = new Set<string>();
  let withoutLink = 0;
  // Lines are counted from the header; quoted line breaks make this approximate, which is fine for messages.
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    const line = headerIndex + 1 + r;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const get = (key: keyof typeof COLUMNS) => (col[key] >= 0 ? (cells[col[key]] ?? '').trim() : '');
    const rawUrl = get('profileUrl');
    if (!rawUrl && !get('firstName') && !get('lastName')) {
      skipped.push({ line, reason: 'no name and no profile URL' });
      continue;
    }
    const profileUrl = rawUrl
      ? canonicalProfileUrl(rawUrl)
      : manualConnectionUrl(get('firstName'), get('lastName'), get('connectedOn'));
    if (!rawUrl) withoutLink++;
    if (!profileUrl) {
      skipped.push({ line, reason: `not a LinkedIn profile URL: ${rawUrl.slice(0, 80)}` });
      continue;
    }
    if (seen.has(profileUrl)) {
      if (!rawUrl) withoutLink--;
      skipped.push({ line, reason: 'the same person appears twice in the file' });
      continue;
    }
    seen.add(profileUrl);
    rows.push({
      line,
      firstName: get('firstName'),
      lastName: get('lastName'),
      profileUrl,
      email: get('email'),
      company: get('company'),
      position: get('position'),
      connectedOn: get('connectedOn'),
    });
  }
  return { ok: true, rows, skipped, withoutLink };
}

/** `manual:` prefix + `csv-` + 16 hex digits: the key of a person imported without a profile link. */
export const MANUAL_CONNECTION_URL = /^manual:csv-[0-9a-f]{16}$/;

/**
 * A stable key for a connection without a profile link: its name and the day it was made (neither changes
 * between two exports, unlike the company or position). Two 32-bit FNV-1a hashes with different seeds.
 */
export function manualConnectionUrl(firstName: string, lastName: string, connectedOn: string): string {
  const text = [firstName, lastName, connectedOn].map((part) => part.trim().toLowerCase()).join('\u0000');
  const fnv = (seed: number) => {
    let hash = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return `manual:csv-${fnv(0x811c9dc5)}${fnv(0x050c5d1f)}`;
}

export function connectionProfile(row: ConnectionRow): CapturedProfile {
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ') || null;
  return {
    ...emptyCapturedProfile(),
    name,
    firstName: row.firstName || null,
    lastName: row.lastName || null,
    currentTitle: row.position || null,
    currentCompany: row.company || null,
    headline: row.position && row.company ? `${row.position} at ${row.company}` : row.position || row.company || null,
    // A person without a link keeps the key `manual:<id>` that newContact gives (see contactsFromRows).
    profileUrl: MANUAL_CONNECTION_URL.test(row.profileUrl) ? null : row.profileUrl,
    email: row.email || null,
    connectedSince: row.connectedOn || null,
  };
}

export const CONNECTIONS_SOURCE = 'linkedin-connections-csv';

/**
 * The contacts a batch of rows adds: rows whose profile URL is already stored are left alone (the user's
 * own data wins) and counted as existing.
 */
export function contactsFromRows(
  rows: readonly ConnectionRow[],
  existingUrls: ReadonlySet<string>,
  opts: { now: number; newId: () => string },
): { contacts: Contact[]; existing: number } {
  const contacts: Contact[] = [];
  let existing = 0;
  for (const row of rows) {
    if (existingUrls.has(row.profileUrl)) {
      existing++;
      continue;
    }
    // Without a link, the id is the hash part of the manual key, so the contact's key is that same key.
    const id = MANUAL_CONNECTION_URL.test(row.profileUrl) ? row.profileUrl.slice('manual:'.length) : opts.newId();
    contacts.push(newContact(connectionProfile(row), { id, now: opts.now, sources: [CONNECTIONS_SOURCE] }));
  }
  return { contacts, existing };
}
