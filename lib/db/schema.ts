import type { DBSchema } from 'idb';
import type { UndoEntry } from '../contacts/changeset';
import type { Contact } from '../contacts/model';
import type { SyncCollectionState, SyncObject } from '../sync/state';

/**
 * The IndexedDB schema. Bump DB_VERSION only together with a new entry in `migrations.ts`
 * and a fixture of the previous version in `tests/lib/db/upgrade.test.ts`.
 */
export const DB_NAME = 'rapport';
export const DB_VERSION = 4;

export interface TimelineEntry {
  id: string;
  contactId: string;
  at: number;
  /** note: written by the user; message: a request/thank-you sent; status: pipeline move; job-change: re-capture saw a new title/company. */
  kind: 'note' | 'message' | 'status' | 'job-change' | 'meeting' | 'capture';
  text: string;
  data?: Record<string, string | number | boolean | null>;
}

export type MeetingMedium = 'video' | 'phone' | 'in-person';

export interface Meeting {
  id: string;
  contactId: string;
  /** UTC epoch ms; null while not yet agreed. */
  startsAt: number | null;
  durationMin: number;
  medium: MeetingMedium;
  /** Video link or phone number or place. */
  where: string;
  goals: string;
  checklist: Record<string, boolean>;
  /** Ordered question ids chosen for this meeting. */
  questionIds: string[];
  askedQuestionIds: string[];
  questionNotes: Record<string, string>;
  notes: string;
  reflectionLearned: string;
  reflectionNext: string;
  status: 'planned' | 'done' | 'cancelled';
  endedAt: number | null;
  /** When the call timer was started (workspace); absent on older records. */
  startedAt?: number | null;
  /** While the call timer is paused: when it was paused (call view); absent or null otherwise. */
  pausedAt?: number | null;
  /** Incremented on every write (workspace). */
  rev?: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * prep: get ready for a meeting (N hours before it); intro-thanks: thank a referrer for the introduction once
 * the person they named has been asked (optional, a setting).
 */
export type FollowupKind = 'thank-you' | 'referrer-update' | 'intro-thanks' | 'check-in' | 'nudge' | 'prep' | 'custom';
/** Every kind, for readers that validate (backups). */
export const FOLLOWUP_KINDS: readonly FollowupKind[] = [
  'thank-you',
  'referrer-update',
  'intro-thanks',
  'check-in',
  'nudge',
  'prep',
  'custom',
];
export type FollowupStatus = 'pending' | 'done' | 'snoozed' | 'dismissed';

export interface Followup {
  id: string;
  contactId: string;
  meetingId: string | null;
  kind: FollowupKind;
  title: string;
  /** UTC epoch ms. */
  dueAt: number;
  /** Months between occurrences for recurring check-ins; null when one-off. */
  recurrenceMonths: number | null;
  status: FollowupStatus;
  /** When the notification for the current due instant was shown; null until then. Guards against delivering twice. */
  notifiedAt: number | null;
  history: { at: number; action: string }[];
  createdAt: number;
  updatedAt: number;
  /** Follow-ups feature: the latest moment it should be done by (a thank-you within 24 h of the meeting). */
  deadlineAt?: number | null;
  /** Follow-ups feature: the contact this one is about (a referrer update names the person referred). */
  aboutContactId?: string | null;
  /** Follow-ups feature: which nudge this is (1, 2, …) for nudges. */
  attempt?: number;
}

export interface Question {
  id: string;
  topic: string;
  text: string;
  /** A hint that a web search would answer this one (ask something better). */
  searchable: boolean;
  builtin: boolean;
  starred: boolean;
  createdAt: number;
}

export interface RapportDB extends DBSchema {
  contacts: {
    key: string;
    value: Contact;
    /** referredById: version 3, so a delete or a merge finds who was referred by a person without a scan. */
    indexes: { profileUrl: string; updatedAt: number; status: string; referredById: string };
  };
  timeline: {
    key: string;
    value: TimelineEntry;
    indexes: { contactId: string; at: number };
  };
  meetings: {
    key: string;
    value: Meeting;
    indexes: { contactId: string; startsAt: number };
  };
  followups: {
    key: string;
    value: Followup;
    indexes: { contactId: string; dueAt: number; status: string };
  };
  questions: {
    key: string;
    value: Question;
    indexes: { topic: string };
  };
  /** Version 3: every delete, merge, import and bulk edit, kept 30 days so it can be undone. */
  undoLog: {
    key: string;
    value: UndoEntry;
    indexes: { at: number };
  };
  /** Sync (v4): per server object, its href, ETag, the server's text and the last synced copy (the merge base). */
  syncObjects: {
    key: string;
    value: SyncObject;
    indexes: { href: string };
  };
  /** Sync (v4): per collection, its URL and change marker. */
  syncCollections: {
    key: string;
    value: SyncCollectionState;
  };
}

export type StoreName = 'contacts' | 'timeline' | 'meetings' | 'followups' | 'questions';
export const STORE_NAMES: readonly StoreName[] = ['contacts', 'timeline', 'meetings', 'followups', 'questions'];

/**
 * The undo log is not the user's data but a way back to it: backups and restores skip it (STORE_NAMES lists
 * the data stores), while every open view still hears about its changes.
 */
export const UNDO_STORE = 'undoLog';
export type ChangeStoreName = StoreName | typeof UNDO_STORE;
/** Every store of the current version. */
export const ALL_STORE_NAMES: readonly ChangeStoreName[] = [...STORE_NAMES, UNDO_STORE];
/** Local sync bookkeeping: never backed up or exported (a restored base would be wrong for the server). */
export type SyncStoreName = 'syncObjects' | 'syncCollections';
export const SYNC_STORE_NAMES: readonly SyncStoreName[] = ['syncObjects', 'syncCollections'];
