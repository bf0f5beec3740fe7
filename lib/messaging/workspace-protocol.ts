import type { ContactStatus } from '../contacts/model';
import type { Meeting, Question, TimelineEntry } from '../db/schema';
import type { MeetingChange } from '../workspace/meeting';
import type { SentTemplate } from '../workspace/pipeline';

/** Messages of the interview workspace (asking, preparing, the call, after). Extension pages only. */
export interface WorkspaceProtocol {
  /** Moves a contact along the pipeline; `before` is the status the view showed (a change elsewhere wins). */
  wsSetStatus(data: { contactId: string; before: ContactStatus; to: ContactStatus }): {
    status: ContactStatus;
    conflict: boolean;
  };
  /** "Mark as sent": keeps the message on the timeline, moves the status, tells the follow-ups. */
  wsMarkSent(data: { contactId: string; template: SentTemplate; text: string }): { status: ContactStatus };
  wsAddNote(data: { contactId: string; text: string }): TimelineEntry;
  wsCreateMeeting(data: { contactId: string; durationMin?: number; questionIds?: string[] }): Meeting;
  wsUpdateMeeting(data: { id: string; changes: MeetingChange[] }): { meeting: Meeting; conflicts: MeetingChange[] };
  /** Ends the meeting: status met, thank-you follow-up scheduled. */
  wsMarkMet(data: { meetingId: string }): { meeting: Meeting; status: ContactStatus };
  /** A person suggested during the call, saved as a new contact referred by `fromContactId`. */
  wsAddReferral(data: { fromContactId: string; name: string; role: string; company: string; mayUseName: boolean }): {
    contactId: string;
  };
  /** A custom question, kept in the bank, optionally added to a meeting at once. */
  wsAddQuestion(data: { topic: string; text: string; meetingId?: string }): Question;
  wsStarQuestion(data: { id: string; starred: boolean }): Question;
}
