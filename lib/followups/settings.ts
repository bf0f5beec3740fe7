import { defineSettings } from '../settings/define';

/** Follow-up settings (browser.storage.local `settings:followups`). */
export interface FollowupSettings extends Record<string, unknown> {
  /** Months between check-ins after a thank-you (1–12). */
  checkInMonths: number;
  /** Per-tag cadence overrides, months. */
  checkInMonthsByTag: Record<string, number>;
  /** Per-contact cadence overrides, months (wins over tags). */
  checkInMonthsByContact: Record<string, number>;
  /** Hours after a meeting ends before the thank-you reminder. */
  thankYouAfterHours: number;
  /** Days after a referral before reminding to update the referrer. */
  referrerUpdateDays: number;
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
  nudgeAfterDays: 7,
  maxNudges: 2,
  quietStart: '21:00',
  quietEnd: '08:00',
  quietWeekends: false,
  snoozeMinutes: 24 * 60,
  notificationsEnabled: true,
};

export const followupSettings = defineSettings('followups', FOLLOWUP_DEFAULTS, { version: 1 });

export const clampMonths = (months: number): number => Math.min(12, Math.max(1, Math.round(months) || 1));
