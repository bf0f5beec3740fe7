import type { Followup, FollowupKind } from '../db/schema';
import type { UndoSummary } from '../db/records';
import type { FollowupAction } from '../followups/actions';

/** Follow-ups: every write goes through the background, which keeps alarms, badge and notifications in step. */
export interface FollowupsProtocol {
  /** A reminder added by hand on a contact. */
  addFollowup(data: {
    contactId: string;
    kind?: FollowupKind;
    title: string;
    dueAt: number;
    recurrenceMonths: number | null;
    /** The meeting it comes from (a "next step" of that meeting). */
    meetingId?: string | null;
  }): { id: string };
  /** Done (which does what the kind means: thanked, updated, …), snooze, dismiss, change date, edit. */
  actOnFollowup(data: { id: string; action: FollowupAction }): {
    followup: Followup;
    spawned: Followup | null;
    snoozeCapped?: boolean;
  };
  /** "Write it": opens the side panel on the follow-up's person and template (the click already opened it). */
  writeFollowup(data: { id: string }): { contactId: string };
  /** Deletes one follow-up; the answer is its undo entry (the Undo toast). */
  deleteFollowup(data: { id: string }): UndoSummary | null;
  /** Options page: settings changed (quiet hours, notifications on/off): recompute alarms and badge. */
  refreshFollowups(data: Record<string, never>): { next: number | null };
}
