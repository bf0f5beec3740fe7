import { describe, expect, it } from 'vitest';
import { addDaysLocal, addMonthsLocal, fromLocal, nextAllowed, parseClock, toLocal } from '@/lib/followups/time';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const iso = (instant: number) => new Date(instant).toISOString();

describe('local time', () => {
  it.each([
    // zone, wall time, expected UTC
    [NY, [2026, 1, 15, 9, 0], '2026-01-15T14:00:00.000Z'], // EST
    [NY, [2026, 7, 15, 9, 0], '2026-07-15T13:00:00.000Z'], // EDT
    [NY, [2026, 3, 8, 2, 30], '2026-03-08T07:30:00.000Z'], // in the spring gap → 03:30 EDT
    [NY, [2026, 11, 1, 1, 30], '2026-11-01T05:30:00.000Z'], // ambiguous → first (EDT)
    [BERLIN, [2026, 3, 29, 2, 30], '2026-03-29T01:30:00.000Z'], // gap → 03:30 CEST
    ['UTC', [2028, 2, 29, 12, 0], '2028-02-29T12:00:00.000Z'],
  ] as const)('%s %j is %s', (zone, [year, month, day, hour, minute], expected) => {
    expect(iso(fromLocal({ year, month, day, hour, minute }, zone))).toBe(expected);
  });

  it('reads the wall clock and weekday', () => {
    expect(toLocal(Date.parse('2026-03-08T07:30:00Z'), NY)).toEqual({
      year: 2026,
      month: 3,
      day: 8,
      hour: 3,
      minute: 30,
      weekday: 0,
    });
  });

  it.each([
    // from (UTC), months, zone, expected (UTC)
    ['2026-01-31T15:00:00Z', 1, 'UTC', '2026-02-28T15:00:00.000Z'], // month end clamps
    ['2028-01-31T15:00:00Z', 1, 'UTC', '2028-02-29T15:00:00.000Z'], // leap year
    ['2028-02-29T15:00:00Z', 12, 'UTC', '2029-02-28T15:00:00.000Z'], // leap day + 1 year
    ['2026-08-31T15:00:00Z', 3, 'UTC', '2026-11-30T15:00:00.000Z'],
    ['2026-11-30T15:00:00Z', 3, 'UTC', '2027-02-28T15:00:00.000Z'], // across a year
    ['2026-01-10T15:00:00Z', 3, NY, '2026-04-10T14:00:00.000Z'], // 10:00 EST → 10:00 EDT
    ['2026-08-10T14:00:00Z', 3, NY, '2026-11-10T15:00:00.000Z'], // 10:00 EDT → 10:00 EST
  ] as const)('%s + %i months in %s → %s', (from, months, zone, expected) => {
    expect(iso(addMonthsLocal(Date.parse(from), months, zone))).toBe(expected);
  });

  it('adds calendar days across a DST change (a 23-hour day)', () => {
    const sat = Date.parse('2026-03-07T14:00:00Z'); // 09:00 EST
    expect(iso(addDaysLocal(sat, 1, NY))).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
    expect(addDaysLocal(sat, 1, NY) - sat).toBe(23 * 3_600_000);
  });

  it.each([
    ['21:00', 1260],
    ['8:05', 485],
    ['24:00', null],
    ['nope', null],
  ] as const)('parses clock %s', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });
});

describe('quiet hours', () => {
  const nightly = { start: '21:00', end: '08:00', weekends: false };
  const withWeekends = { ...nightly, weekends: true };
  it.each([
    // instant (UTC), quiet, zone, expected
    ['2026-06-10T12:00:00Z', nightly, 'UTC', '2026-06-10T12:00:00.000Z'], // daytime: unchanged
    ['2026-06-10T21:00:00Z', nightly, 'UTC', '2026-06-11T08:00:00.000Z'], // starts at 21:00
    ['2026-06-10T23:30:00Z', nightly, 'UTC', '2026-06-11T08:00:00.000Z'],
    ['2026-06-11T03:00:00Z', nightly, 'UTC', '2026-06-11T08:00:00.000Z'], // after midnight: same morning
    ['2026-06-11T08:00:00Z', nightly, 'UTC', '2026-06-11T08:00:00.000Z'], // ends at 08:00
    ['2026-06-12T22:00:00Z', withWeekends, 'UTC', '2026-06-15T08:00:00.000Z'], // Fri night → Mon
    ['2026-06-13T12:00:00Z', withWeekends, 'UTC', '2026-06-15T08:00:00.000Z'], // Saturday noon → Mon
    ['2026-06-13T12:00:00Z', nightly, 'UTC', '2026-06-13T12:00:00.000Z'], // weekends allowed by default
    ['2026-12-31T23:00:00Z', nightly, 'UTC', '2027-01-01T08:00:00.000Z'], // year end
    ['2028-02-28T22:00:00Z', nightly, 'UTC', '2028-02-29T08:00:00.000Z'], // leap day
    ['2026-03-08T06:00:00Z', nightly, NY, '2026-03-08T12:00:00.000Z'], // 01:00 EST → 08:00 EDT (short night)
    ['2026-11-01T05:00:00Z', nightly, NY, '2026-11-01T13:00:00.000Z'], // 01:00 EDT → 08:00 EST (long night)
    ['2026-06-10T12:00:00Z', { start: '13:00', end: '15:00', weekends: false }, 'UTC', '2026-06-10T12:00:00.000Z'],
    ['2026-06-10T13:30:00Z', { start: '13:00', end: '15:00', weekends: false }, 'UTC', '2026-06-10T15:00:00.000Z'],
  ] as const)('%s (%j, %s) → %s', (instant, quiet, zone, expected) => {
    expect(iso(nextAllowed(Date.parse(instant), quiet, zone))).toBe(expected);
  });
});
