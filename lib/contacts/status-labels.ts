import type { ContactStatus } from './model';

/**
 * The stage names users read. Plain data outside lib/ui so the card drawn on LinkedIn pages (which may not import
 * the extension pages' strings) and the extension pages show the same words.
 */
export const STATUS_LABELS = {
  'to-ask': 'To ask',
  asked: 'Asked',
  scheduled: 'Scheduled',
  met: 'Met',
  thanked: 'Thanked',
  'in-touch': 'In touch',
  'no-reply': 'No reply',
  declined: 'Declined',
  archived: 'Archived',
} as const satisfies Record<ContactStatus, string>;
