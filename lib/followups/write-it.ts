import type { Followup, FollowupKind } from '../db/schema';

/** The side panel's sections (ContactDetails' tabs) and the message templates it can open on. */
export type PanelTab = 'details' | 'ask' | 'prepare' | 'call' | 'after';
export type PanelTemplate = 'request-email' | 'request-linkedin' | 'thank-you' | 'referrer-update' | 'check-in';

/**
 * Where the side panel should open: a person, a section, a template, and the follow-up it is for. Written to
 * storage (PANEL_TARGET_KEY) by whoever opens the panel; the panel applies it once (`at` tells a new request
 * from one already applied).
 */
export interface PanelTarget {
  contactId: string;
  tab: PanelTab;
  template: PanelTemplate | null;
  followupId: string | null;
  at: number;
}

const TEMPLATE_OF: Record<FollowupKind, PanelTemplate | null> = {
  'thank-you': 'thank-you',
  'referrer-update': 'referrer-update',
  // Thanking for an introduction is a note to the referrer too: the same template, reworded by the user.
  'intro-thanks': 'referrer-update',
  'check-in': 'check-in',
  nudge: null,
  prep: null,
  custom: null,
};

/** Whether a kind has something to write (and so a "Write it" button). */
export const canWrite = (kind: FollowupKind): boolean => kind === 'nudge' || TEMPLATE_OF[kind] !== null;

/** Where "Write it" (or a click on the follow-up's notification) opens the panel for this follow-up. */
export function panelTargetFor(
  f: Pick<Followup, 'id' | 'contactId' | 'kind'>,
  contact: { email: string | null } | null,
  now: number,
): PanelTarget {
  const base = { contactId: f.contactId, followupId: f.id, at: now };
  if (f.kind === 'nudge')
    return { ...base, tab: 'ask', template: contact?.email ? 'request-email' : 'request-linkedin' };
  if (f.kind === 'prep') return { ...base, tab: 'prepare', template: null };
  const template = TEMPLATE_OF[f.kind];
  return template ? { ...base, tab: 'ask', template } : { ...base, tab: 'details', template: null };
}

const TABS: readonly PanelTab[] = ['details', 'ask', 'prepare', 'call', 'after'];
const TEMPLATES: readonly PanelTemplate[] = [
  'request-email',
  'request-linkedin',
  'thank-you',
  'referrer-update',
  'check-in',
];

/** Reads a stored target back; null for anything malformed (storage is not trusted to hold our shape). */
export function parsePanelTarget(value: unknown): PanelTarget | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.contactId !== 'string' || !TABS.includes(v.tab as PanelTab) || typeof v.at !== 'number') return null;
  const template = TEMPLATES.includes(v.template as PanelTemplate) ? (v.template as PanelTemplate) : null;
  const followupId = typeof v.followupId === 'string' ? v.followupId : null;
  return { contactId: v.contactId, tab: v.tab as PanelTab, template, followupId, at: v.at };
}

/** The extension page that shows a target in a tab (where no panel can open: Firefox from a notification). */
export function panelTargetPath(target: PanelTarget): string {
  const params = new URLSearchParams({ contact: target.contactId, tab: target.tab });
  if (target.template) params.set('template', target.template);
  if (target.followupId) params.set('followup', target.followupId);
  return `/sidepanel.html?${params.toString()}`;
}
