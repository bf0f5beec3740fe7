/** Meeting lengths offered, in minutes; 20 is the default. */
export const MEETING_LENGTHS = [15, 20, 30, 45] as const;
export const DEFAULT_MEETING_LENGTH = 20;
/** The gentle "wrap up" signal comes this long before the end. */
export const WARNING_MS = 2 * 60_000;

export type TimerPhase = 'idle' | 'running' | 'warning' | 'over';

export interface TimerState {
  phase: TimerPhase;
  elapsedMs: number;
  /** Negative once over time. */
  remainingMs: number;
}

/** Pure timer math: everything from the start instant, the agreed length and `now`. */
export function timerState(startedAt: number | null, durationMin: number, now: number): TimerState {
  const total = durationMin * 60_000;
  if (startedAt === null) return { phase: 'idle', elapsedMs: 0, remainingMs: total };
  const elapsedMs = Math.max(0, now - startedAt);
  const remainingMs = total - elapsedMs;
  const phase = remainingMs <= 0 ? 'over' : remainingMs <= WARNING_MS ? 'warning' : 'running';
  return { phase, elapsedMs, remainingMs };
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
