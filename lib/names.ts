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
/** The last bulk delivery of follow-up notifications ({ at, through }: lib/followups/notification.ts). */
export const FOLLOWUP_BULK_DELIVERY_KEY = 'followups:bulkDelivery';
/** A capture from the toolbar, context menu or shortcut that waits for the user's review in the popup. */
export const PENDING_REVIEW_KEY = 'ui:pendingReview';
/** When the follow-up scheduler last rebuilt its alarms from the store (ms). */
export const LAST_SYNC_KEY = 'followups:lastSyncAt';

// browser.storage.session (per tab): captures held by the background while the page's form asks for review.
export const PENDING_PAGE_REVIEW_PREFIX = 'review:tab:';

// Settings items (`local:settings:<feature>`).
export const SETTINGS_FEATURES = ['followups', 'profile', 'backup'] as const;

// Alarms
export const FOLLOWUP_NEXT_ALARM = 'followups:next';
export const FOLLOWUP_SAFETY_ALARM = 'followups:safety';
export const BACKUP_ALARM = 'rapport:backup-check';

// Notification ids
export const FOLLOWUP_NOTIFICATION_PREFIX = 'followup:';
export const FOLLOWUP_GROUP_NOTIFICATION_PREFIX = 'followups:group:';

// Context menu
export const SAVE_PERSON_MENU_ID = 'rapport-save-person';
