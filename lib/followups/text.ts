import type { FollowupKind } from '../db/schema';

/**
 * Plain text the background needs (notification titles and default follow-up titles). The background
 * cannot import lib/ui, so these live here and lib/ui/strings/followups.ts re-exports them.
 */
export const followupText = {
  kind: {
    'thank-you': 'Thank-you note',
    'referrer-update': 'Update the referrer',
    'intro-thanks': 'Thanks for the introduction',
    'check-in': 'Check in',
    nudge: 'Polite nudge',
    prep: 'Prepare',
    custom: 'Reminder',
  } satisfies Record<FollowupKind, string>,
  defaultTitle: {
    'thank-you': 'Send a thank-you note for the conversation',
    'referrer-update': 'Tell your referrer how the introduction went',
    'intro-thanks': 'Thank your referrer for the introduction',
    'check-in': 'Check in: share news, ask how things are going',
    nudge: 'No reply yet: send a short, friendly follow-up',
    prep: 'Get ready for your conversation: questions, goals, the link',
    custom: 'Follow up',
  } satisfies Record<FollowupKind, string>,
  /**
   * What "Done" says on each kind: the button names what the user did, because Done does it (a thank-you
   * done moves the person to Thanked and starts the check-ins).
   */
  doneLabel: {
    'thank-you': 'Sent: mark thanked',
    'referrer-update': 'Sent: mark updated',
    'intro-thanks': 'Sent: mark thanked',
    'check-in': 'Checked in',
    nudge: 'Sent: asked again',
    prep: 'Ready',
    custom: 'Done',
  } satisfies Record<FollowupKind, string>,
  /** One line under the button saying what Done will do (screen readers get it as the description). */
  doneMeaning: {
    'thank-you': (months: number) => `Moves them to Thanked and plans a check-in in ${months} months.`,
    'referrer-update': () => 'Notes the update on their timeline.',
    'intro-thanks': () => 'Notes your thanks on their timeline.',
    'check-in': (months: number) => `Notes it on their timeline and plans the next one in ${months} months.`,
    nudge: () => 'Notes the message on their timeline and waits for a reply.',
    prep: () => 'Closes this reminder.',
    custom: () => 'Closes this reminder.',
  } satisfies Record<FollowupKind, (months: number) => string>,
  /** Timeline entries a Done writes. */
  doneTimeline: {
    'thank-you': 'Thank-you sent.',
    'referrer-update': (about: string) => `Told them how it went with ${about}.`,
    'intro-thanks': (about: string) => `Thanked them for the introduction to ${about}.`,
    'check-in': 'Checked in.',
    nudge: (attempt: number) => `Sent a friendly follow-up (nudge ${attempt}).`,
  },
  writeIt: 'Write it',
  referrerTitle: (name: string) => `Tell them how it went with ${name}`,
  introThanksTitle: (name: string) => `Thank them for introducing you to ${name}`,
  prepTitle: (when: string) => `Your conversation is at ${when}: look over your questions and goals`,
  notificationTitle: (person: string, kind: FollowupKind) => `${person}: ${followupText.kind[kind].toLowerCase()}`,
  /** The deadline, in the notification ("best by Tue 14:00"). */
  bestBy: (when: string) => `best by ${when}`,
  /** A snooze that stopped short of the deadline says so. */
  snoozedToDeadline: (when: string) => `Snoozed until ${when}, before its deadline.`,
  pastDeadline: 'Its deadline has passed.',
  groupTitle: (count: number) => `${count} follow-ups are due`,
  groupMessage: 'Open Rapport to see them.',
  someone: 'Someone you saved',
  done: 'Done',
  snooze: (minutes: number) => `Snooze ${describeMinutes(minutes)}`,
  snoozeUntil: (when: string) => `Snooze until ${when}`,
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

/** "Tue 14:00" within a week of `now`, else "Tue 3 Mar, 14:00": short, for notifications. */
export function shortWhen(instant: number, now: number, timeZone: string, locale?: string): string {
  const soon = Math.abs(instant - now) < 6.5 * 24 * 3_600_000;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    ...(soon ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}
