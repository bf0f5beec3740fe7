/**
 * Local-time arithmetic for follow-up rules, in an explicit IANA time zone so that rules stay pure and
 * their tables hold on any machine: month ends, leap years and daylight-saving changes included.
 */

export interface LocalDateTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock reading of `instant` in `timeZone`. */
export function toLocal(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return Math.round((asUtc - Math.floor(instant / MINUTE) * MINUTE) / MINUTE);
}

/**
 * The instant a wall clock in `timeZone` reads the given local time. A time skipped by a spring-forward
 * change resolves to the same distance after the gap (02:30 → 03:30); an ambiguous autumn time resolves to
 * its first occurrence.
 */
export function fromLocal(
  local: Pick<LocalDateTime, 'year' | 'month' | 'day' | 'hour' | 'minute'>,
  timeZone: string,
): number {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Try the offsets around this wall time; keep the earliest instant that reads exactly this wall time.
  const offsets = new Set([offsetMinutes(asUtc - DAY, timeZone), offsetMinutes(asUtc + DAY, timeZone)]);
  const exact = [...offsets]
    .map((offset) => asUtc - offset * MINUTE)
    .filter((candidate) => {
      const back = toLocal(candidate, timeZone);
      return Date.UTC(back.year, back.month - 1, back.day, back.hour, back.minute) === asUtc;
    })
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return exact[0];
  // In a gap: use the offset in force before the change, which lands after the gap.
  return asUtc - offsetMinutes(asUtc - DAY, timeZone) * MINUTE;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same wall time `months` later, clamped to the last day of a shorter month (31 Jan + 1 → 28/29 Feb). */
export function addMonthsLocal(instant: number, months: number, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const index = l.year * 12 + (l.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromLocal(
    { year, month, day: Math.min(l.day, daysInMonth(year, month)), hour: l.hour, minute: l.minute },
    timeZone,
  );
}

/** Same wall time `days` calendar days later (a day across a DST change is 23 or 25 hours). */
export function addDaysLocal(instant: number, days: number, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  const shifted = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return fromLocal(
    {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: l.hour,
      minute: l.minute,
    },
    timeZone,
  );
}

/** "HH:MM" → minutes after midnight; null when malformed. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

export interface QuietHours {
  /** "21:00" */
  start: string;
  /** "08:00" */
  end: string;
  weekends: boolean;
}

function isQuiet(l: LocalDateTime, quiet: QuietHours, start: number, end: number): boolean {
  if (quiet.weekends && (l.weekday === 0 || l.weekday === 6)) return true;
  const minute = l.hour * 60 + l.minute;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The first instant at or after `instant` outside quiet hours (local to `timeZone`). Quiet hours may
 * wrap midnight; with `weekends`, Saturday and Sunday are quiet all day.
 */
export function nextAllowed(instant: number, quiet: QuietHours, timeZone: string): number {
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (start === null || end === null) return instant;
  let candidate = instant;
  for (let guard = 0; guard < 10; guard++) {
    const l = toLocal(candidate, timeZone);
    if (!isQuiet(l, quiet, start, end)) return candidate;
    // Jump to the end of quiet hours: today if we are before it, else tomorrow.
    const minute = l.hour * 60 + l.minute;
    const dayOffset = minute < end && !(start < end && minute < start) ? 0 : 1;
    const base = new Date(Date.UTC(l.year, l.month - 1, l.day + dayOffset));
    const next = fromLocal(
      {
        year: base.getUTCFullYear(),
        month: base.getUTCMonth() + 1,
        day: base.getUTCDate(),
        hour: Math.floor(end / 60),
        minute: end % 60,
      },
      timeZone,
    );
    candidate = next > candidate ? next : candidate + HOUR;
  }
  return candidate;
}

/** The browser's own zone (rules take it as a parameter; this is only the default). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
