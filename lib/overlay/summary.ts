import type { Contact, ContactStatus } from '../contacts/model';
import type { Followup, TimelineEntry } from '../db/schema';

/** Longest last-note text sent to the page card (it shows two lines; the panel has the rest). */
export const NOTE_PREVIEW_CHARS = 280;

/** What the card on a saved person's profile shows. Plain data: it crosses into the page's content script. */
export interface OverlaySummary {
  contactId: string;
  name: string;
  status: ContactStatus;
  nextFollowup: { title: string; dueAt: number } | null;
  lastNote: { text: string; at: number } | null;
}

/** The summary of one contact: the soonest open follow-up and the newest note written by the user. */
export function overlaySummary(
  contact: Contact,
  followups: readonly Followup[],
  timeline: readonly TimelineEntry[],
): OverlaySummary {
  let next: Followup | null = null;
  for (const f of followups) {
    if ((f.status === 'pending' || f.status === 'snoozed') && (!next || f.dueAt < next.dueAt)) next = f;
  }
  let note: TimelineEntry | null = null;
  for (const entry of timeline) {
    if (entry.kind === 'note' && entry.text.trim() && (!note || entry.at > note.at)) note = entry;
  }
  const text = note?.text.trim() ?? '';
  return {
    contactId: contact.id,
    name: contact.name?.trim() || '',
    status: contact.status,
    nextFollowup: next ? { title: next.title, dueAt: next.dueAt } : null,
    lastNote: note
      ? { text: text.length > NOTE_PREVIEW_CHARS ? `${text.slice(0, NOTE_PREVIEW_CHARS - 1)}…` : text, at: note.at }
      : null,
  };
}

/** Longest quick note accepted from the page card. */
export const MAX_QUICK_NOTE = 5000;

/** A quick note as typed: trimmed, bounded, or null when empty or not text. */
export function cleanQuickNote(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return trimmed ? trimmed.slice(0, MAX_QUICK_NOTE) : null;
}
