/**
 * browser.storage.local key of the contact the side panel shows. Written by whoever opens a contact
 * (popup, notification click); the side panel follows it live.
 */
export { SELECTED_CONTACT_KEY } from '../names';
