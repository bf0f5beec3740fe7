import type { ContactStatus } from '../../contacts/model';
import { STATUS_LABELS } from '../../contacts/status-labels';

/** The stage names, shared with the extension pages (lib/contacts/status-labels.ts). */
export const STAGE: Record<ContactStatus, string> = STATUS_LABELS;

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
