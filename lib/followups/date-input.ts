import { fromLocal, toLocal } from './time';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of an `<input type="datetime-local">` in `timeZone`. */
export function toDateTimeInput(instant: number, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
}

/** The instant a `datetime-local` value names in `timeZone`; null when empty or malformed. */
export function fromDateTimeInput(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return fromLocal({ year, month, day, hour, minute }, timeZone);
}

/** "Wed 10 Jun, 14:00" (this year) or with the year otherwise; local to `timeZone`. */
export function formatDue(instant: number, now: number, timeZone: string, locale?: string): string {
  const sameYear = toLocal(instant, timeZone).year === toLocal(now, timeZone).year;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** Parses "tag: months" lines (options page); ignores blank and malformed lines. */
export function parseTagCadences(text: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*(.+?)\s*[:=]\s*(\d{1,2})\s*$/.exec(line);
    if (!match) continue;
    const months = Number(match[2]);
    if (months >= 1 && months <= 12) result[match[1]!.toLowerCase()] = months;
  }
  return result;
}

export function formatTagCadences(map: Record<string, number>): string {
  return Object.entries(map)
    .map(([tag, months]) => `${tag}: ${months}`)
    .join('\n');
}
