import type { FollowupKind } from '../db/schema';

/**
 * Plain text the background needs (notification titles and default follow-up titles). The background
 * cannot import lib/ui, so these live here and lib/ui/strings/followups.ts re-exports them.
 */
export const followupText = {
  kind: {
    'thank-you': 'Thank-you note',
    'referrer-update': 'Update the referrer',
    'check-in': 'Check in',
    nudge: 'Polite nudge',
    custom: 'Reminder',
  } satisfies Record<FollowupKind, string>,
  defaultTitle: {
    'thank-you': 'Send a thank-you note for the conversation',
    'referrer-update': 'Tell your referrer how the introduction went',
    'check-in': 'Check in: share news, ask how things are going',
    nudge: 'No reply yet: send a short, friendly follow-up',
    custom: 'Follow up',
  } satisfies Record<FollowupKind, string>,
  referrerTitle: (name: string) => `Tell them how it went with ${name}`,
  notificationTitle: (person: string, kind: FollowupKind) => `${person}: ${followupText.kind[kind].toLowerCase()}`,
  groupTitle: (count: number) => `${count} follow-ups are due`,
  groupMessage: 'Open Rapport to see them.',
  someone: 'Someone you saved',
  done: 'Done',
  snooze: (minutes: number) => `Snooze ${describeMinutes(minutes)}`,
  snoozeAll: (minutes: number) => `Snooze all ${describeMinutes(minutes)}`,
};

export function describeMinutes(minutes: number): string {
  if (minutes % (24 * 60) === 0) {
    const days = minutes / (24 * 60);
    return days === 1 ? '1 day' : `${days} days`;
  }
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return `${minutes} min`;
}
