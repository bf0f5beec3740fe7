import * as v from 'valibot';
import { DB_VERSION, STORE_NAMES, type StoreName } from '../db/schema';
import { type JsonValue, RECORD_SCHEMAS, SettingsSchema, type StoreRecords } from './schema';

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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'This is not a Rapport backup: the file does not hold a JSON object.' };
  }
  const rawFormat = (raw as { format?: unknown }).format;
  if (rawFormat !== BACKUP_FORMAT)
    return { ok: false, error: 'This is not a Rapport backup (no "rapport-backup" format).' };
  const rawVersion = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof rawVersion === 'number' && rawVersion > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer Rapport (format ${rawVersion}; this one reads up to ${BACKUP_FORMAT_VERSION}). Update Rapport, then restore it.`,
    };
  }
  const rawDbVersion = (raw as { dbVersion?: unknown }).dbVersion;
  if (typeof rawDbVersion === 'number' && rawDbVersion > DB_VERSION) {
    return {
      ok: false,
      error: `This backup was made by a newer Rapport (database version ${rawDbVersion}; this one has ${DB_VERSION}). Update Rapport, then restore it.`,
    };
  }
  const header = v.safeParse(HeaderSchema, raw);
  if (!header.success) return { ok: false, error: `Backup header: ${describeIssue(header.issues[0])}` };
  if (header.output.formatVersion < 1) return { ok: false, error: 'Backup header: unknown format version.' };

  const storesIn = header.output.stores;
  for (const key of Object.keys(storesIn)) {
    if (!(STORE_NAMES as readonly string[]).includes(key)) {
      return { ok: false, error: `The backup has a store this Rapport does not know: "${key}".` };
    }
  }
  const stores = {} as Record<StoreName, unknown[]>;
  for (const store of STORE_NAMES) {
    const records = storesIn[store] ?? [];
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
  const urls = new Map<string, string>();
  for (const [i, contact] of (stores.contacts as StoreRecords['contacts']).entries()) {
    const other = urls.get(contact.profileUrl);
    if (other !== undefined) {
      return {
        ok: false,
        error: `${recordName('contacts', i, contact)}, field profileUrl: the same profile as contact ${other}.`,
      };
    }
    urls.set(contact.profileUrl, contact.id);
  }
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
