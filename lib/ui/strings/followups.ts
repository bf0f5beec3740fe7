import { describeMinutes, followupText } from '../../followups/text';

/** Follow-ups: the popup's Due list, a contact's follow-ups, the options section. */
export const followupStrings = {
  kind: followupText.kind,
  defaultTitle: followupText.defaultTitle,
  due: {
    heading: 'Due',
    overdue: 'Overdue',
    today: 'Today',
    week: 'Next 7 days',
    nothing: 'Nothing due this week.',
    more: (count: number) => `${count} more due later`,
  },
  doneLabel: followupText.doneLabel,
  doneMeaning: followupText.doneMeaning,
  snoozedToDeadline: followupText.snoozedToDeadline,
  focus: {
    heading: 'You opened this for',
    close: 'Hide',
    gone: 'This follow-up is no longer open.',
  },
  nextSteps: {
    heading: 'Next steps as follow-ups',
    hint: 'One step per line above. Each can become a reminder a week from now.',
    make: 'Make it a follow-up',
    planned: (when: string) => `Follow-up planned for ${when}`,
  },
  markMetEarly: {
    question: (when: string) => `This conversation is planned for ${when}. Has it already happened?`,
    yes: 'Yes, we met',
    no: 'Not yet',
  },
  actions: {
    writeIt: followupText.writeIt,
    done: 'Done',
    snooze: (minutes: number) => `Snooze ${describeMinutes(minutes)}`,
    changeDate: 'Change date',
    dismiss: 'Dismiss',
    edit: 'Edit',
    delete: 'Delete',
    save: 'Save',
    cancel: 'Cancel',
    newDate: 'New date and time',
  },
  contact: {
    heading: 'Follow-ups',
    none: 'No follow-ups planned for this person.',
    past: (count: number) => `Done and dismissed (${count})`,
    add: 'Add a follow-up',
    what: 'What to do',
    whatPlaceholder: 'e.g. Send the article about onboarding',
    when: 'When',
    repeat: 'Repeat',
    noRepeat: 'Once',
    everyMonths: (months: number) => (months === 1 ? 'Every month' : `Every ${months} months`),
    cadence: 'Check in with this person',
    cadenceDefault: (months: number) => `Default (every ${months} months)`,
    about: (name: string) => `About ${name}`,
    deadline: (when: string) => `Best done by ${when}`,
    status: { pending: '', done: 'Done', snoozed: 'Snoozed', dismissed: 'Dismissed' },
    missingDate: 'Choose a date and time.',
  },
  error: (message: string) => `Could not save: ${message}`,
  icsSkipped: (skipped: readonly { kind: string; id: string; reason: string }[]) =>
    `Left out ${skipped.length === 1 ? 'one record' : `${skipped.length} records`} whose time no calendar can hold: ${skipped
      .slice(0, 3)
      .map((s) => `${s.kind} ${s.id} (${s.reason})`)
      .join('; ')}${skipped.length > 3 ? '; …' : ''}.`,
  settings: {
    heading: 'Follow-ups',
    intro:
      'Rapport reminds you to thank people, keep referrers in the loop, check in now and then, and nudge once or twice when a request goes unanswered.',
    notifications: 'Show notifications when a follow-up is due',
    checkInMonths: 'Check in every (months, 1–12)',
    byTag: 'Cadence per tag',
    byTagHelp: 'One per line, as tag: months. Example: mentor: 6',
    thankYouAfterHours: 'Remind me to say thank you after (hours)',
    referrerUpdateDays: 'Update a referrer after (days)',
    nudgeAfterDays: 'Nudge when there is no reply after (days)',
    maxNudges: 'Nudges per request, at most',
    quietStart: 'Quiet from',
    quietEnd: 'Quiet until',
    quietWeekends: 'Keep weekends quiet too',
    quietHelp: 'Reminders that fall in quiet hours wait for the next allowed time.',
    snooze: 'Snooze length',
    saved: 'Saved.',
  },
};
