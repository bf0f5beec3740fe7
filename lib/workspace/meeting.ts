import type { Meeting, MeetingMedium } from '../db/schema';
import { DEFAULT_MEETING_LENGTH } from './timer';

/** Fields of a meeting a view may change; the two map fields change one key at a time. */
export interface MeetingEditable {
  startsAt: number | null;
  durationMin: number;
  medium: MeetingMedium;
  where: string;
  goals: string;
  notes: string;
  reflectionLearned: string;
  reflectionNext: string;
  questionIds: string[];
  askedQuestionIds: string[];
  startedAt: number | null;
  pausedAt: number | null;
  checklist: boolean;
  questionNotes: string;
}
export type MeetingField = keyof MeetingEditable;
const KEYED: ReadonlySet<MeetingField> = new Set(['checklist', 'questionNotes']);

/** One edit, with the value the editor saw, so a change made elsewhere is never silently overwritten. */
export interface MeetingChange<K extends MeetingField = MeetingField> {
  field: K;
  /** For `checklist` and `questionNotes`: the item / question id. */
  key?: string;
  before: MeetingEditable[K] | null;
  after: MeetingEditable[K] | null;
}

export function newMeeting(opts: { id: string; contactId: string; now: number; durationMin?: number }): Meeting {
  return {
    id: opts.id,
    contactId: opts.contactId,
    startsAt: null,
    durationMin: opts.durationMin ?? DEFAULT_MEETING_LENGTH,
    medium: 'video',
    where: '',
    goals: '',
    checklist: {},
    questionIds: [],
    askedQuestionIds: [],
    questionNotes: {},
    notes: '',
    reflectionLearned: '',
    reflectionNext: '',
    status: 'planned',
    endedAt: null,
    startedAt: null,
    rev: 1,
    createdAt: opts.now,
    updatedAt: opts.now,
  };
}

function current(meeting: Meeting, change: MeetingChange): unknown {
  if (change.field === 'checklist') return meeting.checklist[change.key ?? ''] ?? false;
  if (change.field === 'questionNotes') return meeting.questionNotes[change.key ?? ''] ?? '';
  if (change.field === 'startedAt') return meeting.startedAt ?? null;
  return meeting[change.field];
}

function norm(field: MeetingField, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (field === 'checklist') return false;
    if (field === 'questionNotes' || field === 'notes' || field === 'goals' || field === 'where') return '';
    if (field === 'reflectionLearned' || field === 'reflectionNext') return '';
    return null;
  }
  return value;
}

function same(field: MeetingField, a: unknown, b: unknown): boolean {
  return JSON.stringify(norm(field, a)) === JSON.stringify(norm(field, b));
}

/**
 * Applies edits field by field (key by key for the maps). A field whose stored value is neither what the
 * editor saw nor what it wants is a conflict: left alone and reported.
 */
export function applyMeetingChanges(
  meeting: Meeting,
  changes: readonly MeetingChange[],
  now: number,
): { meeting: Meeting; applied: MeetingChange[]; conflicts: MeetingChange[] } {
  const next: Meeting = {
    ...meeting,
    checklist: { ...meeting.checklist },
    questionNotes: { ...meeting.questionNotes },
  };
  const applied: MeetingChange[] = [];
  const conflicts: MeetingChange[] = [];
  for (const change of changes) {
    const stored = current(next, change);
    if (same(change.field, stored, change.after)) continue;
    if (!same(change.field, stored, change.before)) {
      conflicts.push(change);
      continue;
    }
    if (KEYED.has(change.field)) {
      const key = change.key ?? '';
      if (change.field === 'checklist') next.checklist[key] = Boolean(change.after);
      else next.questionNotes[key] = String(change.after ?? '');
    } else {
      (next as unknown as Record<string, unknown>)[change.field] = norm(change.field, change.after);
    }
    applied.push(change);
  }
  if (applied.length) {
    next.updatedAt = now;
    next.rev = (meeting.rev ?? 1) + 1;
  }
  return { meeting: next, applied, conflicts };
}

/** The meeting a contact's workspace shows: the planned one (soonest first), else the latest. */
export function currentMeeting(meetings: readonly Meeting[]): Meeting | null {
  const planned = meetings
    .filter((m) => m.status === 'planned')
    .sort((a, b) => (a.startsAt ?? Infinity) - (b.startsAt ?? Infinity) || b.createdAt - a.createdAt);
  if (planned[0]) return planned[0];
  return [...meetings].sort((a, b) => b.createdAt - a.createdAt)[0] ?? null;
}
