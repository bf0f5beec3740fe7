import { defineSettings } from '../settings/define';
import { DEFAULT_MEETING_LENGTH } from './timer';

/** LinkedIn's limit on a connection request's note, by the user's plan (free accounts get fewer characters). */
export const LINKEDIN_NOTE_LIMITS = { free: 200, premium: 300 } as const;
export type LinkedinPlan = keyof typeof LINKEDIN_NOTE_LIMITS;

/** The user's own details, used in messages and meetings (options page: "About you"; the welcome page). */
export const profileSettings = defineSettings(
  'profile',
  {
    myName: '',
    aboutMe: '',
    defaultMeetingLength: DEFAULT_MEETING_LENGTH,
    /** Which note limit the templates count against (LINKEDIN_NOTE_LIMITS). */
    linkedinPlan: 'free' as LinkedinPlan,
    /** A soft tone at two minutes left and at the end of a call (the visual signal is always on). */
    callSound: false,
  },
  { version: 1 },
);
export type ProfileSettingsValue = Awaited<ReturnType<typeof profileSettings.get>>;
