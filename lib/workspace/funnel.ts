import { CONTACT_STATUSES, type Contact, type ContactStatus } from '../contacts/model';
import type { Meeting, TimelineEntry } from '../db/schema';
import { REPLY_STATUSES, statusHistory } from './pipeline';

const REPLIED: ReadonlySet<string> = REPLY_STATUSES;

export interface Funnel {
  asked: number;
  replied: number;
  met: number;
  thanked: number;
  /** replied / asked, 0..1; null when nobody was asked. */
  replyRate: number | null;
  medianDaysToReply: number | null;
  upcoming: Meeting[];
}

/** Every pipeline stage from "asked" on, except archived (which says nothing about asking). */
const ASKED_OR_LATER: ReadonlySet<string> = new Set(
  CONTACT_STATUSES.filter((status) => status !== 'to-ask' && status !== 'archived'),
);
const MET: ReadonlySet<string> = new Set(['met', 'thanked', 'in-touch']);
const THANKED: ReadonlySet<string> = new Set(['thanked', 'in-touch']);
const DAY = 86_400_000;

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The funnel from what happened: a contact counts at a stage when it ever reached it (its timeline of status
 * moves, or its current status, e.g. archived after being met still counts as met).
 */
export function funnelMetrics(
  contacts: readonly Contact[],
  timeline: readonly TimelineEntry[],
  meetings: readonly Meeting[],
  now: number,
): Funnel {
  const reached = new Map<string, Set<string>>();
  const askedAt = new Map<string, number>();
  const repliedAt = new Map<string, number>();
  const byContact = new Map<string, TimelineEntry[]>();
  for (const entry of timeline) {
    const list = byContact.get(entry.contactId);
    if (list) list.push(entry);
    else byContact.set(entry.contactId, [entry]);
  }
  for (const [contactId, entries] of byContact) {
    for (const move of statusHistory(entries)) {
      const to = move.to as ContactStatus;
      const set = reached.get(contactId) ?? new Set<string>();
      set.add(to);
      reached.set(contactId, set);
      if (to === 'asked' && !askedAt.has(contactId)) askedAt.set(contactId, move.at);
      const asked = askedAt.get(contactId);
      if (REPLIED.has(to) && asked !== undefined && !repliedAt.has(contactId) && move.at >= asked)
        repliedAt.set(contactId, move.at);
    }
  }
  let asked = 0;
  let replied = 0;
  let met = 0;
  let thanked = 0;
  for (const contact of contacts) {
    const set = reached.get(contact.id) ?? new Set<string>();
    set.add(contact.status);
    const any = (stages: ReadonlySet<string>) => [...set].some((s) => stages.has(s));
    if (any(ASKED_OR_LATER)) asked++;
    if (any(REPLIED)) replied++;
    if (any(MET)) met++;
    if (any(THANKED)) thanked++;
  }
  const ids = new Set(contacts.map((c) => c.id));
  const days = [...repliedAt].filter(([id]) => ids.has(id)).map(([id, at]) => (at - (askedAt.get(id) ?? at)) / DAY);
  const med = median(days);
  const upcoming = meetings
    .filter((m) => m.status === 'planned' && m.startsAt !== null && m.startsAt + m.durationMin * 60_000 >= now)
    .sort((a, b) => (a.startsAt as number) - (b.startsAt as number));
  return {
    asked,
    replied,
    met,
    thanked,
    replyRate: asked ? replied / asked : null,
    medianDaysToReply: med === null ? null : Math.round(med * 10) / 10,
    upcoming,
  };
}
