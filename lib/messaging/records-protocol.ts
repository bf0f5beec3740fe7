import type { BulkEdit } from '../contacts/bulk';
import type { MatchReason } from '../contacts/match';
import type { MergeChoices, MergeFieldPreview } from '../contacts/merge-plan';
import type { Contact } from '../contacts/model';
import type { UndoSummary } from '../db/records';

/** One record that may be the same person as the one asked about. */
export interface SamePersonCandidate {
  id: string;
  name: string | null;
  headline: string | null;
  company: string | null;
  /** Who referred them, when a saved person did. */
  referredByName: string | null;
  createdAt: number;
  reasons: MatchReason[];
}

export interface MergePreview {
  keep: Contact;
  drop: Contact;
  /** Fields where both records hold different values, with the side each takes by default. */
  conflicts: MergeFieldPreview[];
  /** What moves from the dropped record to the kept one. */
  moves: { timeline: number; meetings: number; followups: number; referred: number };
  /** Names of the people either record says referred them (to show "Referred by"). */
  names: Record<string, string>;
}

/**
 * Deletes, undo, merges and bulk edits (extension pages), and the "same person?" lookup (also the page
 * overlay). Every delete answers with an undo summary for the "Undo" toast; null when nothing changed.
 */
export interface RecordsProtocol {
  recordsDeleteContacts(data: { ids: string[] }): UndoSummary | null;
  recordsDeleteEntry(data: { id: string }): UndoSummary | null;
  recordsDeleteMeeting(data: { id: string }): UndoSummary | null;
  /** The meeting stays (cancelled); the follow-ups waiting on it are cleared. */
  recordsCancelMeeting(data: { id: string }): UndoSummary | null;
  /** Stage, tag or archive over the list's selection. */
  recordsBulkEdit(data: { ids: string[]; edit: BulkEdit }): UndoSummary | null;
  /** Undoes one operation of the last 30 days; an undone import answers with the delete it became. */
  recordsUndo(data: { id: string }): UndoSummary | null;
  /** "Recently deleted": the undo log of the last 30 days, newest first. */
  recordsRecent(data: Record<string, never>): UndoSummary[];
  /**
   * "The same person?": records that may be this person (same name, plus the same company or a referral
   * link, one of them without a profile URL). Give the saved contact's id, or the profile URL of the page
   * (the overlay). `contactId` is the saved record the URL belongs to (null when not saved).
   */
  findSamePerson(data: { contactId?: string; profileUrl?: string }): {
    contactId: string | null;
    matches: SamePersonCandidate[];
  };
  /** The user said these two are different people: never offered again. */
  recordsNotSamePerson(data: { a: string; b: string }): void;
  recordsMergePreview(data: { keepId: string; dropId: string }): MergePreview;
  recordsMerge(data: { keepId: string; dropId: string; choices: MergeChoices }): UndoSummary | null;
}
