import * as v from 'valibot';
import { DB_VERSION, STORE_NAMES, type StoreName } from '../db/schema';
import { isPlausibleTime, type JsonValue, RECORD_SCHEMAS, SettingsSchema, type StoreRecords } from './schema';

/**
 * The backup file: one JSON document with a format version, every IndexedDB store and every
 * `settings:*` item of browser.storage.local. Pure functions only: the caller reads and writes.
 */
export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Refused before parsing: 10,000 contacts with 30,000 notes make about 20 MB. */
export const MAX_BACKUP_BYTES = 40 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The IndexedDB schema version the records were read from (for a future reader that must upgrade them). */
  dbVersion?: number;
  /** ISO time of export. */
  exportedAt: string;
  stores: StoreRecords;
  settings: Record<string, JsonValue>;
}

export interface ExportProblem {
  store: StoreName;
  index: number;
  id: string;
  message: string;
}

export interface ExportResult {
  text: string;
  /** Records that would not pass restore validation; they are still in the file (nothing is left out). */
  problems: ExportProblem[];
  counts: Record<StoreName, number>;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Builds the backup file. Records are passed through the same schemas restore uses (so their keys come
 * out in one stable order and export → restore → export gives the same file) and sorted by id.
 */
export function exportBackup(stores: StoreRecords, settings: Record<string, unknown>, now: number): ExportResult {
  const problems: ExportProblem[] = [];
  const out = {} as Record<StoreName, unknown[]>;
  const counts = {} as Record<StoreName, number>;
  for (const store of STORE_NAMES) {
    const schema = RECORD_SCHEMAS[store] as v.GenericSchema;
    const records = [...(stores[store] as { id: string }[])].sort(byId);
    out[store] = records.map((record, index) => {
      const result = v.safeParse(schema, record);
      if (result.success) return result.output;
      problems.push({ store, index, id: String(record.id), message: describeIssue(result.issues[0]) });
      return record;
    });
    counts[store] = records.length;
  }
  const settingKeys = Object.keys(settings)
    .filter((key) => key.startsWith('settings:'))
    .sort();
  const backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    dbVersion: DB_VERSION,
    exportedAt: new Date(now).toISOString(),
    stores: out,
    settings: Object.fromEntries(settingKeys.map((key) => [key, settings[key]])),
  };
  return { text: JSON.stringify(backup), problems, counts };
}

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

/**
 * The database version that added each store after the first. A file from before a store existed may
 * lack it; a file from after must have it (a missing store would empty that store on "replace").
 * A branch adding a store adds its line here.
 */
export const STORE_ADDED_IN: Partial<Record<StoreName, number>> = {};

const HeaderSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.pipe(v.number(), v.integer()),
  dbVersion: v.optional(v.pipe(v.number(), v.integer())),
  exportedAt: v.pipe(v.string(), v.maxLength(64)),
  stores: v.record(v.string(), v.unknown()),
  settings: v.unknown(),
});

/** Byte length of a string as UTF-8, without allocating it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** A header value as the user can read it in a message (short, quoted when text). */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A version number of the header: a positive whole number, or why not. */
function versionProblem(name: string, value: unknown): string | null {
  if (typeof value !== 'number') return `${name} ${shown(value)} is not a number`;
  if (!Number.isInteger(value)) return `${name} ${shown(value)} is not a whole number`;
  if (value < 1) return `${name} ${shown(value)} is not a positive whole number`;
  return null;
}

/** An ISO time of export that is a real date in the years every time of ours may have. */
function isExportDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return false;
  return isPlausibleTime(Date.parse(value));
}

/** The header of a file, checked field by field before any record is read. */
function checkHeader(raw: Record<string, unknown>): string | null {
  if (raw.format !== BACKUP_FORMAT) return 'This is not a Rapport backup (no "rapport-backup" format).';
  const formatProblem = versionProblem('format version', raw.formatVersion);
  if (formatProblem) return `This is not a Rapport backup: ${formatProblem}.`;
  if ((raw.formatVersion as number) > BACKUP_FORMAT_VERSION) {
    return `This backup was made by a newer Rapport (format ${raw.formatVersion as number}; this one reads up to ${BACKUP_FORMAT_VERSION}). Update Rapport, then restore it.`;
  }
  if (raw.dbVersion !== undefined) {
    const dbProblem = versionProblem('database version', raw.dbVersion);
    if (dbProblem) return `This is not a Rapport backup: ${dbProblem}.`;
    if ((raw.dbVersion as number) > DB_VERSION) {
      return `This backup was made by a newer Rapport (database version ${raw.dbVersion as number}; this one has ${DB_VERSION}). Update Rapport, then restore it.`;
    }
  }
  if (typeof raw.exportedAt !== 'string' || !isExportDate(raw.exportedAt)) {
    return `This is not a Rapport backup: its date of export, ${shown(raw.exportedAt)}, is not a real date.`;
  }
  if (!isPlainObject(raw.stores)) {
    const what = Array.isArray(raw.stores) ? 'a list' : raw.stores === null ? 'null' : typeof raw.stores;
    return `This is not a Rapport backup: "stores" is ${what}, not an object with one list per store.`;
  }
  return null;
}

/**
 * Reads and validates a whole backup file before anything is written. Errors name the record and the
 * field ("contacts[12] (id c-12), field status: …"). Unknown stores, keys and newer formats are refused.
 */
export function parseBackup(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: 'The file is not text.' };
  // Cheap bound first (a UTF-16 length is never more than the UTF-8 length), exact count only near the limit.
  if (text.length > MAX_BACKUP_BYTES || (text.length * 3 > MAX_BACKUP_BYTES && utf8Length(text) > MAX_BACKUP_BYTES)) {
    return {
      ok: false,
      error: `The file is too large (${mb(utf8Length(text))}); a Rapport backup is at most ${mb(MAX_BACKUP_BYTES)}.`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return {
      ok: false,
      error: `The file is not valid JSON (it may be cut short): ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!isPlainObject(raw)) {
    return { ok: false, error: 'This is not a Rapport backup: the file does not hold a JSON object.' };
  }
  const headerProblem = checkHeader(raw);
  if (headerProblem) return { ok: false, error: headerProblem };
  const header = v.safeParse(HeaderSchema, raw);
  if (!header.success) return { ok: false, error: `Backup header: ${describeIssue(header.issues[0])}` };

  const storesIn = header.output.stores;
  for (const key of Object.keys(storesIn)) {
    if (!(STORE_NAMES as readonly string[]).includes(key)) {
      return { ok: false, error: `The backup has a store this Rapport does not know: "${key.slice(0, 80)}".` };
    }
  }
  const fileDbVersion = header.output.dbVersion ?? 1;
  const stores = {} as Record<StoreName, unknown[]>;
  for (const store of STORE_NAMES) {
    const records = storesIn[store];
    if (records === undefined) {
      if ((STORE_ADDED_IN[store] ?? 1) <= fileDbVersion) {
        return { ok: false, error: `stores.${store} is missing: a Rapport backup has every store, even when empty.` };
      }
      stores[store] = [];
      continue;
    }
    if (!Array.isArray(records)) return { ok: false, error: `stores.${store} is not a list.` };
    const schema = RECORD_SCHEMAS[store] as v.GenericSchema;
    const seen = new Set<string>();
    const output: unknown[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const result = v.safeParse(schema, records[i]);
      if (!result.success)
        return { ok: false, error: `${recordName(store, i, records[i])}: ${describeIssue(result.issues[0])}` };
      const recordId = (result.output as { id: string }).id;
      if (seen.has(recordId)) return { ok: false, error: `${recordName(store, i, records[i])}: the id appears twice.` };
      seen.add(recordId);
      output[i] = result.output;
    }
    stores[store] = output;
  }
  const links = checkLinks(stores as unknown as StoreRecords);
  if (links) return { ok: false, error: links };
  const settings = v.safeParse(SettingsSchema, header.output.settings ?? {});
  if (!settings.success) return { ok: false, error: `Settings: ${describeIssue(settings.issues[0])}` };

  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      formatVersion: header.output.formatVersion,
      dbVersion: header.output.dbVersion,
      exportedAt: header.output.exportedAt,
      stores: stores as unknown as StoreRecords,
      settings: settings.output,
    },
  };
}

/**
 * Links between records that Rapport keeps true: one contact per profile, and every note, meeting and
 * follow-up belongs to a contact of the same file (deleting a person deletes those with them).
 */
function checkLinks(stores: StoreRecords): string | null {
  const urls = new Map<string, string>();
  for (const [i, contact] of stores.contacts.entries()) {
    const other = urls.get(contact.profileUrl);
    if (other !== undefined) {
      return `${recordName('contacts', i, contact)}, field profileUrl: the same profile as contact ${other}.`;
    }
    urls.set(contact.profileUrl, contact.id);
  }
  const contactIds = new Set(stores.contacts.map((c) => c.id));
  for (const store of ['timeline', 'meetings', 'followups'] as const) {
    for (const [i, record] of (stores[store] as { id: string; contactId: string }[]).entries()) {
      if (!contactIds.has(record.contactId)) {
        return `${recordName(store, i, record)}, field contactId: no contact with the id ${record.contactId} in this backup.`;
      }
    }
  }
  return null;
}

function recordName(store: StoreName, index: number, record: unknown): string {
  const recordId = (record as { id?: unknown } | null)?.id;
  return typeof recordId === 'string' ? `${store}[${index}] (id ${recordId.slice(0, 80)})` : `${store}[${index}]`;
}

/** "field status: is not one of …" with the full dotted path of the field. */
export function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'invalid';
  const path = v.getDotPath(issue);
  const received = issue.received.length > 60 ? `${issue.received.slice(0, 57)}...` : issue.received;
  const what = issue.message.startsWith('Invalid') ? `${issue.message}` : `${issue.message} (got ${received})`;
  return path ? `field ${path}: ${what}` : what;
}
