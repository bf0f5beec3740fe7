import * as v from 'valibot';
import {
  CONTACT_STATUSES,
  type CapturedField,
  type Contact,
  type EducationEntry,
  type ExperienceEntry,
} from '../contacts/model';
import type { Followup, Meeting, Question, StoreName, TimelineEntry } from '../db/schema';
import { FOLLOWUP_KINDS } from '../db/schema';
import { type ConnectionRow, MANUAL_CONNECTION_URL } from '../import/connections';

/**
 * The one module of valibot schemas for everything a backup may carry. Each record schema is checked at
 * the type level against its TypeScript record type (bottom of the file): a field added to lib/db/schema.ts
 * or lib/contacts/model.ts without its validator here fails `tsc`.
 */

/** No single text field of ours comes near this; a hostile file's giant string is refused by name. */
export const MAX_STRING = 1_000_000;
/** Settings are small JSON values; deeper nesting than this is refused. */
export const MAX_SETTINGS_DEPTH = 32;

const str = v.pipe(v.string(), v.maxLength(MAX_STRING, `is longer than ${MAX_STRING} characters`));
const nstr = v.nullable(str);

/** Ids become keys, file names, iCalendar UIDs and vCard UIDs: letters, digits and `._:-` only (no CR/LF, no spaces). */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
const id = v.pipe(
  v.string(),
  v.minLength(1, 'is empty'),
  v.maxLength(200, 'is longer than 200 characters'),
  v.regex(ID_PATTERN, 'has a character other than letters, digits and . _ : -'),
);

/**
 * Every time of ours is epoch ms that `new Date()` can show and a calendar can hold: years 1900–2200.
 * A time outside it (1e300, one ms past the Date range) would make views and exports throw `RangeError`.
 */
export const MIN_TIME = Date.UTC(1900, 0, 1);
export const MAX_TIME = Date.UTC(2201, 0, 1) - 1;
export function isPlausibleTime(value: number): boolean {
  return Number.isFinite(value) && value >= MIN_TIME && value <= MAX_TIME;
}
const time = v.pipe(
  v.number(),
  v.finite('is not a finite number'),
  v.check(isPlausibleTime, 'is not a time between the years 1900 and 2200'),
);
/** A whole number from `min` to `max` (counters, minutes, months). */
const whole = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(),
    v.integer('is not a whole number'),
    v.minValue(min, `is not ${what} from ${min} to ${max.toLocaleString('en')}`),
    v.maxValue(max, `is not ${what} from ${min} to ${max.toLocaleString('en')}`),
  );
/** Revision counters: one per write, so any real one is far below this. */
const rev = whole(0, Number.MAX_SAFE_INTEGER, 'a revision');
/** A key of a small map inside a record (checklist items, question notes). */
const key = v.pipe(v.string(), v.maxLength(200, 'is a key longer than 200 characters'));
const strList = v.pipe(v.array(str), v.maxLength(10_000, 'has more than 10,000 items'));

/** The web-URL rule of websites (they become links): http(s), no whitespace, quotes or angle brackets. */
export const WEB_URL_PATTERN = /^https?:\/\/[^\s<>"]+$/i;
const MAX_URL = 8_192;
const webUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_URL, `is longer than ${MAX_URL} characters`),
  v.regex(WEB_URL_PATTERN, 'is not an http(s) web address'),
);
const webUrlList = v.pipe(v.array(webUrl), v.maxLength(10_000, 'has more than 10,000 items'));
/** The store's key for a person: a web address, or `manual:<id>` for someone without a profile link. */
const profileUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_URL, `is longer than ${MAX_URL} characters`),
  v.check(
    (value) => WEB_URL_PATTERN.test(value) || /^manual:[A-Za-z0-9._:-]{1,200}$/.test(value),
    'is neither an http(s) web address nor manual:<id>',
  ),
);
/** A raster image inlined as a data: URL (never SVG, which can carry script), with no whitespace. */
const IMAGE_DATA_URL = /^data:image\/(?!svg)[a-z0-9.+-]+(;[a-z0-9=.+-]+)*,[^\s"<>]*$/i;
const imageDataUrl = v.pipe(str, v.regex(IMAGE_DATA_URL, 'is not an inlined raster image (data:image/…)'));
/** A photo: its web address, or the image itself when a saved page had it inlined. */
const photoUrl = v.nullable(
  v.pipe(
    str,
    v.check((value) => WEB_URL_PATTERN.test(value) || IMAGE_DATA_URL.test(value), 'is not a web address or an image'),
  ),
);

const ExperienceSchema = v.strictObject({
  title: nstr,
  company: nstr,
  dates: nstr,
  location: nstr,
  current: v.boolean(),
});

const EducationSchema = v.strictObject({
  school: str,
  degree: nstr,
  dates: nstr,
});

const CAPTURED_FIELD_NAMES = [
  'name',
  'firstName',
  'lastName',
  'pronouns',
  'headline',
  'currentTitle',
  'currentCompany',
  'location',
  'profileUrl',
  'photoUrl',
  'about',
  'experience',
  'education',
  'email',
  'phone',
  'websites',
  'connectedSince',
] as const;

export const ContactSchema = v.strictObject({
  id,
  name: nstr,
  firstName: nstr,
  lastName: nstr,
  pronouns: nstr,
  headline: nstr,
  currentTitle: nstr,
  currentCompany: nstr,
  location: nstr,
  profileUrl,
  photoUrl,
  about: nstr,
  experience: v.nullable(v.array(ExperienceSchema)),
  education: v.nullable(v.array(EducationSchema)),
  email: nstr,
  phone: nstr,
  websites: webUrlList,
  connectedSince: nstr,
  photoThumb: v.nullable(imageDataUrl),
  status: v.picklist(CONTACT_STATUSES, `is not one of ${CONTACT_STATUSES.join(', ')}`),
  tags: strList,
  targetField: nstr,
  targetEmployer: nstr,
  referredById: v.nullable(id),
  mutualAcquaintance: nstr,
  editedFields: v.array(v.picklist(CAPTURED_FIELD_NAMES)),
  sources: strList,
  createdAt: time,
  updatedAt: time,
  rev,
  capturedAt: v.nullable(time),
});

const TIMELINE_KINDS = ['note', 'message', 'status', 'job-change', 'meeting', 'capture'] as const;

export const TimelineSchema = v.strictObject({
  id,
  contactId: id,
  at: time,
  kind: v.picklist(TIMELINE_KINDS, `is not one of ${TIMELINE_KINDS.join(', ')}`),
  text: str,
  data: v.optional(v.record(key, v.union([str, v.number(), v.boolean(), v.null()]))),
});

export const MeetingSchema = v.strictObject({
  id,
  contactId: id,
  startsAt: v.nullable(time),
  durationMin: v.pipe(
    v.number(),
    v.finite('is not a finite number'),
    v.minValue(1, 'is not from 1 to 1,440 minutes'),
    v.maxValue(1440, 'is not from 1 to 1,440 minutes'),
  ),
  medium: v.picklist(['video', 'phone', 'in-person']),
  where: str,
  goals: str,
  checklist: v.record(key, v.boolean()),
  questionIds: v.array(id),
  askedQuestionIds: v.array(id),
  questionNotes: v.record(key, str),
  notes: str,
  reflectionLearned: str,
  reflectionNext: str,
  status: v.picklist(['planned', 'done', 'cancelled']),
  endedAt: v.nullable(time),
  startedAt: v.optional(v.nullable(time)),
  pausedAt: v.optional(v.nullable(time)),
  rev: v.optional(rev),
  createdAt: time,
  updatedAt: time,
});

export const FollowupSchema = v.strictObject({
  id,
  contactId: id,
  meetingId: v.nullable(id),
  kind: v.picklist(FOLLOWUP_KINDS),
  title: str,
  dueAt: time,
  recurrenceMonths: v.nullable(whole(1, 120, 'a number of months')),
  status: v.picklist(['pending', 'done', 'snoozed', 'dismissed']),
  notifiedAt: v.nullable(time),
  history: v.array(v.strictObject({ at: time, action: str })),
  createdAt: time,
  updatedAt: time,
  deadlineAt: v.optional(v.nullable(time)),
  aboutContactId: v.optional(v.nullable(id)),
  attempt: v.optional(whole(0, 1_000, 'an attempt number')),
});

export const QuestionSchema = v.strictObject({
  id,
  topic: str,
  text: str,
  searchable: v.boolean(),
  builtin: v.boolean(),
  starred: v.boolean(),
  createdAt: time,
});

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A plain JSON value no deeper than MAX_SETTINGS_DEPTH (what browser.storage holds for a setting). */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > MAX_SETTINGS_DEPTH) return false;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, unknown>).every((item) => isJsonValue(item, depth + 1));
  }
  return false;
}

const JsonSchema = v.custom<JsonValue>(
  (value) => isJsonValue(value),
  `is not plain JSON (or is nested deeper than ${MAX_SETTINGS_DEPTH} levels)`,
);

export const SettingsSchema = v.record(
  v.pipe(v.string(), v.startsWith('settings:', 'is not a settings key (settings:…)')),
  JsonSchema,
);

export const RECORD_SCHEMAS = {
  contacts: ContactSchema,
  timeline: TimelineSchema,
  meetings: MeetingSchema,
  followups: FollowupSchema,
  questions: QuestionSchema,
} as const satisfies Record<StoreName, v.GenericSchema>;

export interface StoreRecords {
  contacts: Contact[];
  timeline: TimelineEntry[];
  meetings: Meeting[];
  followups: Followup[];
  questions: Question[];
}

// ---- Type-level check: each schema's output is exactly its record type (both ways assignable). ----
// Mutual assignability misses an optional field missing on one side, so the key sets are compared too.
export type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;
type Assert<T extends true> = T;
export type SchemaChecks = [
  Assert<Same<v.InferOutput<typeof ContactSchema>, Contact>>,
  Assert<Same<(typeof CAPTURED_FIELD_NAMES)[number], CapturedField>>,
  Assert<Same<v.InferOutput<typeof ExperienceSchema>, ExperienceEntry>>,
  Assert<Same<v.InferOutput<typeof EducationSchema>, EducationEntry>>,
  Assert<Same<v.InferOutput<typeof TimelineSchema>, TimelineEntry>>,
  Assert<Same<v.InferOutput<typeof MeetingSchema>, Meeting>>,
  Assert<Same<v.InferOutput<typeof FollowupSchema>, Followup>>,
  Assert<Same<v.InferOutput<typeof QuestionSchema>, Question>>,
  // Every store has a schema, and no schema names a store that does not exist.
  Assert<Same<keyof typeof RECORD_SCHEMAS, StoreName>>,
  Assert<Same<keyof StoreRecords, StoreName>>,
  Assert<Same<v.InferOutput<typeof ConnectionRowSchema>, ConnectionRow>>,
];

/** One parsed row of LinkedIn's Connections.csv, as the options page sends it to the background. */
export const ConnectionRowSchema = v.strictObject({
  line: v.number(),
  firstName: str,
  lastName: str,
  profileUrl: v.pipe(
    str,
    v.check(
      (url) => url.startsWith('https://www.linkedin.com/in/') || MANUAL_CONNECTION_URL.test(url),
      'is not a canonical LinkedIn profile URL',
    ),
  ),
  email: str,
  company: str,
  position: str,
  connectedOn: str,
});
export const ConnectionBatchSchema = v.pipe(
  v.array(ConnectionRowSchema),
  v.maxLength(5_000, 'has more than 5,000 rows'),
);
