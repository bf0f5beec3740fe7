import type { UndoKind } from '../../contacts/changeset';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const people = (n: number) => plural(n, 'person', 'people');

/** Deletes, undo, "recently deleted", merges, "the same person?" and the list's multi-select. */
export const recordsStrings = {
  undo: 'Undo',
  undone: 'Undone.',
  undoFailed: (error: string) => `Could not undo: ${error}`,
  dismiss: 'Dismiss',
  /** What the toast and the list say an operation did. */
  describe: (kind: UndoKind, names: string[], counts: { contacts: number; timeline: number; meetings: number }) => {
    const who = names.length === 1 ? names[0]! : people(counts.contacts);
    switch (kind) {
      case 'delete-contacts':
        return `Deleted ${who}`;
      case 'delete-entry':
        return names[0] ? `Deleted a note on ${names[0]}` : 'Deleted a note';
      case 'delete-meeting':
        return names[0] ? `Deleted a meeting with ${names[0]}` : 'Deleted a meeting';
      case 'delete-followup':
        return names[0] ? `Deleted a follow-up with ${names[0]}` : 'Deleted a follow-up';
      case 'cancel-meeting':
        return names[0] ? `Cancelled the meeting with ${names[0]}` : 'Cancelled a meeting';
      case 'merge':
        return `Merged two records of ${names[0] ?? 'one person'}`;
      case 'import':
        return `Imported ${people(counts.contacts)}`;
      case 'bulk-edit':
        return `Changed ${who}`;
    }
  },
  recentlyDeleted: 'Recently deleted',
  recentlyDeletedHint: 'Deletes, merges, imports and bulk changes of the last 30 days. Undo brings everything back.',
  nothingDeleted: 'Nothing deleted in the last 30 days.',
  undoImport: 'Undo this import',
  importTagged: (tag: string) => `Everyone added is tagged “${tag}”.`,
  deleteContact: 'Delete this person',
  deleteContactConfirm: (name: string) =>
    `Delete ${name} with their notes, meetings and follow-ups? You can undo it for 30 days.`,
  deleteYes: 'Delete',
  cancel: 'Cancel',
  deleteNote: 'Delete',
  deleteNoteLabel: (when: string) => `Delete the entry of ${when}`,
  deleteMeeting: 'Delete meeting',
  cancelMeeting: 'Cancel meeting',
  cancelMeetingHint: 'The meeting stays, marked cancelled; its reminders are cleared.',
  // Multi-select
  select: 'Select',
  selectDone: 'Done',
  selectRow: (name: string) => `Select ${name}`,
  selectAll: (n: number) => `Select all ${n}`,
  selected: (n: number) => `${n} selected`,
  bulkLabel: 'Change the selected people',
  moveTo: 'Move to stage',
  chooseStage: 'Stage…',
  addTag: 'Add tag',
  tagPlaceholder: 'Tag',
  archive: 'Archive',
  deleteSelected: 'Delete',
  deleteSelectedConfirm: (n: number) =>
    `Delete ${people(n)} with their notes, meetings and follow-ups? You can undo it for 30 days.`,
  // The same person?
  samePersonTitle: 'The same person?',
  samePersonBody: (name: string, why: string) => `${name}, ${why}, may be this person too.`,
  reasons: {
    company: 'at the same company',
    referral: 'added from a referral',
  },
  addedOn: (when: string) => `added ${when}`,
  reviewMerge: 'Review and merge',
  notSame: 'Not the same',
  // Merge dialog
  mergeTitle: 'Merge two records',
  mergeIntro: (keep: string) =>
    `One record of ${keep} remains. Where the two disagree, choose what to keep; everything else is combined.`,
  mergeKeepSide: 'This record',
  mergeDropSide: 'The other record',
  mergeNoConflicts: 'The two records do not disagree on any field.',
  mergeMoves: (notes: number, meetings: number, followups: number, referred: number) =>
    `Moves over: ${plural(notes, 'timeline entry', 'timeline entries')}, ${plural(meetings, 'meeting', 'meetings')}, ${plural(followups, 'follow-up', 'follow-ups')}, ${plural(referred, 'referral link', 'referral links')}.`,
  mergeConfirm: 'Merge',
  merged: 'Merged. You can undo it from the message below or from “Recently deleted” for 30 days.',
  mergeNote: (name: string) => `Merged with another record of ${name || 'this person'}.`,
  emptyValue: '(empty)',
  fieldNames: {
    status: 'Stage',
    profileUrl: 'Profile link',
    photoUrl: 'Photo',
    photoThumb: 'Photo',
    referredById: 'Referred by',
    firstName: 'First name',
    lastName: 'Last name',
    experience: 'Experience',
    education: 'Education',
    websites: 'Websites',
    connectedSince: 'Connected since',
  } as Record<string, string>,
} as const;
