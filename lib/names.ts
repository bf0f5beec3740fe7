/**
 * The one home of every name Rapport gives to browser state: storage keys, alarm names, notification ids and
 * context-menu ids. Two features choosing the same string would silently share state, so new names go here.
 * Settings items are named by `defineSettings(feature, …)` (`local:settings:<feature>`); their feature names
 * are listed here too.
 */

// browser.storage.local
/** The contact the side panel shows. Written by whoever opens a contact; the panel follows it live. */
export const SELECTED_CONTACT_KEY = 'ui:selectedContactId';
/**
 * Where the side panel should open (a person, a section, a template, a follow-up: lib/followups/write-it.ts).
 * Written by "Write it" and by a notification click; the panel applies it once.
 */
export const PANEL_TARGET_KEY = 'ui:panelTarget';
/**
 * The last moment the follow-up scheduler ran in this browser (ms): a notification delivered just before it
 * (before a crash) is shown again at the next start.
 */
export const LAST_ALIVE_KEY = 'followups:lastAliveAt';
/** A capture from the toolbar, context menu or shortcut that waits for the user's review in the popup. */
export const PENDING_REVIEW_KEY = 'ui:pendingReview';
/** Pairs of contact ids the user said are two different people ("the same person?" → "Not the same"). */
export const NOT_SAME_PERSON_KEY = 'records:notSamePerson';
/** When the follow-up scheduler last rebuilt its alarms from the store (ms). */
export const LAST_SYNC_KEY = 'followups:lastSyncAt';

/** Sync: the server, user name and app password. storage.local only, never storage.sync. */
export const SYNC_ACCOUNT_KEY = 'sync:account';
/** Sync: last run, last error, progress (what Settings → Sync shows). */
export const SYNC_STATUS_KEY = 'sync:status';

// browser.storage.session (per tab): captures held by the background while the page's form asks for review.
export const PENDING_PAGE_REVIEW_PREFIX = 'review:tab:';

// Settings items (`local:settings:<feature>`).
export const SETTINGS_FEATURES = ['followups', 'profile', 'backup'] as const;

// Alarms
export const FOLLOWUP_NEXT_ALARM = 'followups:next';
export const FOLLOWUP_SAFETY_ALARM = 'followups:safety';
export const BACKUP_ALARM = 'rapport:backup-check';
/** Sync every few minutes while a server is configured (and resume a run the worker did not finish). */
export const SYNC_ALARM = 'sync:periodic';
/** Sync shortly after a local edit, should the worker sleep before its short timer fires. */
export const SYNC_SOON_ALARM = 'sync:soon';

// Notification ids
export const FOLLOWUP_NOTIFICATION_PREFIX = 'followup:';
export const FOLLOWUP_GROUP_NOTIFICATION_PREFIX = 'followups:group:';

// Context menu
export const SAVE_PERSON_MENU_ID = 'rapport-save-person';

// Extension pages
/** The page opened once, on install, to set up Rapport (entrypoints/welcome). */
export const WELCOME_PAGE = '/welcome.html';
// The box on LinkedIn profiles (content script, browser.storage.local): where the user put it, and whether
// the saved person's card is folded.
export const OVERLAY_POSITION_KEY = 'overlay:position';
export const OVERLAY_COLLAPSED_KEY = 'overlay:collapsed';
