/** Meeting lengths offered, in minutes; 20 is the default. */
export const MEETING_LENGTHS = [15, 20, 30, 45] as const;
export const DEFAULT_MEETING_LENGTH = 20;
/** The gentle "wrap up" signal comes this long before the end. */
export const WARNING_MS = 2 * 60_000;

export type TimerPhase = 'idle' | 'running' | 'warning' | 'over';

export interface TimerState {
  phase: TimerPhase;
  /** True while paused: the clock stands still at the moment of the pause. */
  paused: boolean;
  elapsedMs: number;
  /** Negative once over time. */
  remainingMs: number;
}

/**
 * Pure timer math: everything from the start instant, the agreed length, `now` and, while paused, the
 * instant of the pause. Resuming moves `startedAt` forward by the pause's length (see `resumeChanges`), so
 * a paused or resumed timer needs no other stored state.
 */
export function timerState(
  startedAt: number | null,
  durationMin: number,
  now: number,
  pausedAt: number | null = null,
): TimerState {
  const total = durationMin * 60_000;
  if (startedAt === null) return { phase: 'idle', paused: false, elapsedMs: 0, remainingMs: total };
  const paused = pausedAt !== null;
  const elapsedMs = Math.max(0, (paused ? pausedAt : now) - startedAt);
  const remainingMs = total - elapsedMs;
  const phase = remainingMs <= 0 ? 'over' : remainingMs <= WARNING_MS ? 'warning' : 'running';
  return { phase, paused, elapsedMs, remainingMs };
}

/** The start instant after resuming a pause taken at `pausedAt`: shifted by the time spent paused. */
export function resumedStart(startedAt: number, pausedAt: number, now: number): number {
  return startedAt + Math.max(0, now - pausedAt);
}

/**
 * Which signal a phase change deserves, if any: the two-minute warning and the end, each once, and only
 * when the clock moves into them while running (opening the panel on an old, finished call stays quiet).
 */
export function timerSignal(previous: TimerPhase | null, next: TimerPhase): 'warning' | 'over' | null {
  if (previous === null || previous === next) return null;
  if (next === 'warning' && previous === 'running') return 'warning';
  if (next === 'over' && (previous === 'running' || previous === 'warning')) return 'over';
  return null;
}

/** 65_000 → "1:05"; 3_725_000 → "1:02:05". Rounds up while counting down so "0:00" means time is up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
