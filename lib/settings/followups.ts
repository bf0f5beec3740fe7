import { FOLLOWUP_DEFAULTS } from '../followups/settings';
import { defineSettings } from './define';

/** The stored follow-up settings (the shape and defaults are pure, in lib/followups/settings.ts). */
export const followupSettings = defineSettings('followups', FOLLOWUP_DEFAULTS, { version: 1 });
