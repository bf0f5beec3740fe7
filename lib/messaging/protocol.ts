import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CaptureResult } from '../capture/types';
import type { EditableField, FieldChange } from '../contacts/merge';
import type { CapturedProfile, Contact } from '../contacts/model';
import type { ReviewField } from '../contacts/review';
import type { DataProtocol } from './data-protocol';
import { toMessagingError } from './errors';
import type { FollowupsProtocol } from './followups-protocol';
import type { RecordsProtocol } from './records-protocol';
import type { SurfacesProtocol } from './surfaces-protocol';
import type { SyncProtocol } from './sync-protocol';
import type { OverlayProtocol } from './overlay-protocol';
import type { WorkspaceProtocol } from './workspace-protocol';

/**
 * The one message protocol between contexts. Each feature adds its own interface and lists it in
 * ProtocolMap; the background registers one handler per message (lib/background/).
 */
export type SavePageResult =
  | { status: 'saved'; contactId: string; created: boolean; name: string | null }
  | { status: 'review'; capture: CaptureResult; photoThumb: string | null }
  | { status: 'not-a-profile' }
  | { status: 'error'; message: string };

export interface ContactsProtocol {
  /** Content script / toolbar: capture the sender's (or the given) tab and save it unless it needs review. */
  savePage(data: { tabId?: number }): SavePageResult;
  /** Content script: the user confirmed (and maybe corrected) the capture the background kept for this tab. */
  saveReviewed(data: { values: Partial<Record<ReviewField, string>> }): { contactId: string; created: boolean };
  /** Extension pages: save a profile the user reviewed (or edited) in the popup's capture form. */
  saveProfile(data: { profile: CapturedProfile; photoThumb: string | null; sources: string[] }): {
    contactId: string;
    created: boolean;
  };
  lookupProfile(data: { profileUrl: string }): { contactId: string | null };
  updateContact(data: { id: string; changes: FieldChange[] }): { contact: Contact; conflicts: EditableField[] };
  deleteContact(data: { id: string }): void;
}

export type ProtocolMap = ContactsProtocol &
  WorkspaceProtocol &
  FollowupsProtocol &
  DataProtocol &
  RecordsProtocol &
  SurfacesProtocol &
  SyncProtocol &
  OverlayProtocol;

/** What a content script (running beside a web page) may ask. Everything else is for extension pages only. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<keyof ProtocolMap> = new Set([
  'savePage',
  'saveReviewed',
  'lookupProfile',
  'findSamePerson',
  'overlayLoad',
  'overlaySummary',
  'overlayAddNote',
  'overlayOpenPanel',
]);

const messaging = defineExtensionMessaging<ProtocolMap>();
export const onMessage = messaging.onMessage;
/**
 * The one send every view uses. A failure of the browser's messaging (the worker stopped mid-request, not
 * started yet, or Rapport reloaded) rejects with a MessagingError in plain words (./errors.ts).
 */
export const sendMessage = ((...args: Parameters<typeof messaging.sendMessage>) =>
  messaging.sendMessage(...args).catch((error: unknown) => {
    throw toMessagingError(error);
  })) as typeof messaging.sendMessage;
