import { describe, expect, it } from 'vitest';
import { formatClock, resumedStart, timerSignal, timerState } from '@/lib/workspace/timer';

const MIN = 60_000;

describe('call timer', () => {
  it.each([
    [null, 20, 1_000, 'idle', 20 * MIN],
    [0, 20, 0, 'running', 20 * MIN],
    [0, 20, 17 * MIN, 'running', 3 * MIN],
    [0, 20, 18 * MIN, 'warning', 2 * MIN],
    [0, 20, 19 * MIN + 59_000, 'warning', 1_000],
    [0, 20, 20 * MIN, 'over', 0],
    [0, 20, 21 * MIN, 'over', -MIN],
    [0, 15, 13 * MIN + 1, 'warning', 2 * MIN - 1],
    [1_000, 20, 0, 'running', 20 * MIN],
  ] as const)('started %s, %d min, now %d → %s, %d ms left', (startedAt, duration, now, phase, remaining) => {
    const state = timerState(startedAt, duration, now);
    expect(state.phase).toBe(phase);
    expect(state.remainingMs).toBe(remaining);
  });

  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [65_000, '1:05'],
    [20 * MIN, '20:00'],
    [-61_000, '1:01'],
    [3_725_000, '1:02:05'],
  ])('formatClock(%d) = %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

describe('pausing the call timer', () => {
  it.each([
    // startedAt, pausedAt, now → remaining, paused
    [0, 5 * MIN, 12 * MIN, 15 * MIN, true],
    [0, null, 5 * MIN, 15 * MIN, false],
    [0, 19 * MIN, 40 * MIN, MIN, true],
  ] as const)('started %d, paused at %s, now %d → %d left', (startedAt, pausedAt, now, remaining, paused) => {
    const state = timerState(startedAt, 20, now, pausedAt);
    expect(state.remainingMs).toBe(remaining);
    expect(state.paused).toBe(paused);
  });

  it('resuming shifts the start by the pause, so no time is lost', () => {
    const start = resumedStart(0, 5 * MIN, 12 * MIN);
    expect(start).toBe(7 * MIN);
    expect(timerState(start, 20, 12 * MIN).remainingMs).toBe(15 * MIN);
  });

  it.each([
    [null, 'warning', null],
    ['running', 'running', null],
    ['running', 'warning', 'warning'],
    ['warning', 'over', 'over'],
    ['running', 'over', 'over'],
    ['idle', 'over', null],
    ['idle', 'running', null],
    ['over', 'over', null],
  ] as const)('signal %s → %s: %s', (previous, next, signal) => expect(timerSignal(previous, next)).toBe(signal));
});
