import type { ContactStatus } from '../../contacts/model';

/**
 * The card's words. Page-side code cannot import lib/ui (it would pull the extension pages' strings into every
 * LinkedIn page), so the stage names the card shows are repeated here; keep them in step with
 * lib/ui/strings/workspace.ts.
 */
export const STAGE: Record<ContactStatus, string> = {
  'to-ask': 'To ask',
  asked: 'Asked',
  scheduled: 'Scheduled',
  met: 'Met',
  thanked: 'Thanked',
  'in-touch': 'In touch',
  'no-reply': 'No reply',
  declined: 'Declined',
  archived: 'Archived',
};

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** "today", "tomorrow", "yesterday", or a short date ("Tue 5 May"; the year when it is not this year's). */
export function dayLabel(at: number, now: number, locale?: string): string {
  const days = Math.round((startOfDay(at) - startOfDay(now)) / DAY);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    weekday: Math.abs(days) < 7 ? 'short' : undefined,
    day: 'numeric',
    month: 'short',
    year: sameYear ? undefined : 'numeric',
  }).format(at);
}

/** The follow-up line: its title, when, and whether it is late. */
export function followupLine(next: { title: string; dueAt: number } | null, now: number, locale?: string) {
  if (!next) return { text: 'No follow-up planned', late: false };
  const late = next.dueAt < now && startOfDay(next.dueAt) < startOfDay(now);
  return { text: `${next.title} · ${late ? 'was due ' : ''}${dayLabel(next.dueAt, now, locale)}`, late };
}
