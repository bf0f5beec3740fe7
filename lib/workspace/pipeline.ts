import type { ContactStatus } from '../contacts/model';
import type { TimelineEntry } from '../db/schema';

/** The main path of the pipeline, in order; the side exits are no-reply, declined, archived. */
export const PIPELINE: readonly ContactStatus[] = ['to-ask', 'asked', 'scheduled', 'met', 'thanked', 'in-touch'];
export const SIDE_EXITS: readonly ContactStatus[] = ['no-reply', 'declined', 'archived'];

export type SentTemplate = 'request-email' | 'request-linkedin' | 'thank-you' | 'referrer-update' | 'check-in';

/** Where "mark as sent" moves a contact; null when it stays where it is. Never moves anyone backwards. */
export function statusAfterSent(current: ContactStatus, template: SentTemplate): ContactStatus | null {
  const rank = PIPELINE.indexOf(current);
  switch (template) {
    case 'request-email':
    case 'request-linkedin':
      return current === 'to-ask' || current === 'no-reply' ? 'asked' : null;
    case 'thank-you':
      return rank < PIPELINE.indexOf('thanked') && (current === 'met' || current === 'scheduled') ? 'thanked' : null;
    case 'check-in':
      return current === 'thanked' || current === 'met' ? 'in-touch' : null;
    case 'referrer-update':
      return null;
  }
}

/** Where agreeing a meeting date moves a contact; null when it is already scheduled or further along. */
export function statusAfterScheduled(current: ContactStatus): ContactStatus | null {
  return current === 'to-ask' || current === 'asked' || current === 'no-reply' ? 'scheduled' : null;
}

/** Statuses that mean the person answered a request (any answer, yes or no). */
/** Stages that mean they answered a request (yes or no). */
export const REPLY_STATUSES: ReadonlySet<ContactStatus> = new Set([
  'scheduled',
  'met',
  'thanked',
  'in-touch',
  'declined',
]);

/** True when moving from `from` to `to` means a reply came in to a request. */
export function isReply(from: ContactStatus, to: ContactStatus): boolean {
  return (from === 'asked' || from === 'no-reply') && REPLY_STATUSES.has(to);
}

/** Where "mark met" moves a contact. */
export function statusAfterMet(current: ContactStatus): ContactStatus | null {
  return PIPELINE.indexOf(current) >= PIPELINE.indexOf('met') ? null : 'met';
}

/** The status moves of one contact, oldest first, from its timeline. */
export function statusHistory(entries: readonly TimelineEntry[]): { at: number; from: string; to: string }[] {
  return entries
    .filter((entry) => entry.kind === 'status' && typeof entry.data?.to === 'string')
    .map((entry) => ({ at: entry.at, from: String(entry.data?.from ?? ''), to: String(entry.data?.to) }))
    .sort((a, b) => a.at - b.at);
}
