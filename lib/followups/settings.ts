/** Follow-up settings (stored by lib/settings/followups.ts, browser.storage.local `settings:followups`). */
export interface FollowupSettings extends Record<string, unknown> {
  /** Months between check-ins after a thank-you (1–12). */
  checkInMonths: number;
  /** Per-tag cadence overrides, months. */
  checkInMonthsByTag: Record<string, number>;
  /** Per-contact cadence overrides, months (wins over tags). */
  checkInMonthsByContact: Record<string, number>;
  /** Hours after a meeting ends before the thank-you reminder. */
  thankYouAfterHours: number;
  /** Days after meeting a referred person before reminding to update the referrer. */
  referrerUpdateDays: number;
  /** Offer a "thanks for the introduction" to the referrer once the person they named has been asked. */
  introThanks: boolean;
  /** Hours before a meeting for the "get ready" reminder; 0 turns it off. */
  prepHoursBefore: number;
  /** Days without a reply before a nudge. */
  nudgeAfterDays: number;
  /** Most nudges per request. */
  maxNudges: number;
  quietStart: string;
  quietEnd: string;
  quietWeekends: boolean;
  /** Snooze length, minutes. */
  snoozeMinutes: number;
  notificationsEnabled: boolean;
}

export const FOLLOWUP_DEFAULTS: FollowupSettings = {
  checkInMonths: 3,
  checkInMonthsByTag: {},
  checkInMonthsByContact: {},
  thankYouAfterHours: 3,
  referrerUpdateDays: 2,
  introThanks: true,
  prepHoursBefore: 2,
  nudgeAfterDays: 7,
  maxNudges: 2,
  quietStart: '21:00',
  quietEnd: '08:00',
  quietWeekends: false,
  snoozeMinutes: 24 * 60,
  notificationsEnabled: true,
};

export const clampMonths = (months: number): number => Math.min(12, Math.max(1, Math.round(months) || 1));
