import type { Followup, FollowupKind } from '../db/schema';
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
  }): { id: string };
  /** Done, snooze, dismiss, change date, edit. */
  actOnFollowup(data: { id: string; action: FollowupAction }): { followup: Followup; spawned: Followup | null };
  deleteFollowup(data: { id: string }): void;
  /** Options page: settings changed (quiet hours, notifications on/off): recompute alarms and badge. */
  refreshFollowups(data: Record<string, never>): { next: number | null };
}
