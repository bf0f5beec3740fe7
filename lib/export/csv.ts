import type { Contact } from '../contacts/model';
import { isPlausibleTime } from '../backup/schema';
import type { Followup } from '../db/schema';
import { type ExportFile, formatEach, UnwritableValue } from './skipped';

/**
 * Contacts as CSV that opens right in Excel and Google Sheets: UTF-8 with a BOM (Excel guesses the
 * encoding otherwise), CRLF rows, every field quoted when needed (RFC 4180), and cells a spreadsheet would
 * run as a formula prefixed with an apostrophe. A row that cannot be written (a date outside the calendar,
 * a value of the wrong shape) is left out and named; the rest of the file is still written.
 */
export const CSV_BOM = '\uFEFF';

/**
 * A cell a spreadsheet would read as a formula: = + - @ (also their full-width forms ＝＋－＠, which
 * spreadsheets fold to ASCII), after any leading whitespace (Sheets and LibreOffice trim it), or a cell
 * starting with a tab or carriage return.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

export const CONTACT_CSV_COLUMNS = [
  'Name',
  'First name',
  'Last name',
  'Headline',
  'Role',
  'Company',
  'Location',
  'Email',
  'Phone',
  'Profile URL',
  'Status',
  'Tags',
  'Target field',
  'Target employer',
  'Mutual acquaintance',
  'Next follow-up',
  'Next follow-up date',
  'Saved on',
] as const;

/** Local calendar date as YYYY-MM-DD (what both spreadsheets read as a date). */
export function isoDate(ms: number): string {
  if (!isPlausibleTime(ms)) throw new UnwritableValue(`a date outside the years 1900–2200 (${String(ms)})`);
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The earliest open follow-up of each contact. */
export function nextFollowups(followups: readonly Followup[]): Map<string, Followup> {
  const next = new Map<string, Followup>();
  for (const f of followups) {
    if (f.status !== 'pending' && f.status !== 'snoozed') continue;
    const current = next.get(f.contactId);
    if (!current || f.dueAt < current.dueAt) next.set(f.contactId, f);
  }
  return next;
}

function contactRow(c: Contact, f: Followup | undefined): string {
  return csvRow([
    c.name,
    c.firstName,
    c.lastName,
    c.headline,
    c.currentTitle,
    c.currentCompany,
    c.location,
    c.email,
    c.phone,
    c.profileUrl.startsWith('manual:') ? '' : c.profileUrl,
    c.status,
    c.tags.join('; '),
    c.targetField,
    c.targetEmployer,
    c.mutualAcquaintance,
    f?.title ?? '',
    f ? isoDate(f.dueAt) : '',
    isoDate(c.createdAt),
  ]);
}

export function contactsCsv(contacts: readonly Contact[], followups: readonly Followup[]): ExportFile {
  const next = nextFollowups(followups);
  const { parts, skipped } = formatEach(
    contacts,
    (c) => contactRow(c, next.get(c.id)),
    (c) => ({ id: String(c.id), label: c.name ?? String(c.id) }),
  );
  return { text: CSV_BOM + [csvRow(CONTACT_CSV_COLUMNS), ...parts].join('\r\n') + '\r\n', skipped };
}
