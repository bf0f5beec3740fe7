import { defineSettings } from '../settings/define';
import { DEFAULT_MEETING_LENGTH } from './timer';

/** The user's own details, used in messages and meetings (options page: "About you"). */
export const profileSettings = defineSettings(
  'profile',
  { myName: '', aboutMe: '', defaultMeetingLength: DEFAULT_MEETING_LENGTH },
  { version: 1 },
);
export type ProfileSettingsValue = Awaited<ReturnType<typeof profileSettings.get>>;
