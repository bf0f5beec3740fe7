import { useEffect, useRef } from 'preact/hooks';
import { strings } from '@/lib/ui/strings';
import { formatClock, type TimerPhase, timerSignal, timerState } from '@/lib/workspace/timer';
import { useNow } from '../use-now';
import { playSignal } from './call-sound';

const t = strings.workspace.call;
const s = strings.surfaces.call;

/**
 * The call timer for the agreed length: a countdown with start, pause/resume and reset. Two minutes before
 * the end and at the end it signals: the call header turns amber, then red (CSS on `phase-*`), a short
 * label says why, screen readers hear it once, and with `sound` a soft tone plays.
 */
export function CallTimer({
  startedAt,
  pausedAt = null,
  durationMin,
  clock,
  sound = false,
  onStart,
  onPause,
  onResume,
  onReset,
}: {
  startedAt: number | null;
  pausedAt?: number | null;
  durationMin: number;
  clock: () => number;
  sound?: boolean;
  onStart: () => void;
  onPause?: () => void;
  onResume?: () => void;
  onReset?: () => void;
}) {
  const now = useNow(clock);
  const state = timerState(startedAt, durationMin, now, pausedAt);
  const previous = useRef<TimerPhase | null>(null);
  useEffect(() => {
    const signal = state.paused ? null : timerSignal(previous.current, state.phase);
    previous.current = state.phase;
    if (signal && sound) playSignal(signal);
  }, [state.phase, state.paused, sound]);

  const chip = state.paused ? s.paused : state.phase === 'warning' ? s.wrapUp : state.phase === 'over' ? s.timeUp : '';
  return (
    <div class={`call-timer phase-${state.phase}${state.paused ? ' is-paused' : ''}`}>
      {state.phase === 'idle' ? (
        <>
          <span class="timer-clock timer-idle">{t.notStarted(durationMin)}</span>
          <button type="button" class="btn primary" onClick={onStart}>
            {t.start}
          </button>
        </>
      ) : (
        <>
          <span class="timer-clock" role="timer" aria-label={t.timerLabel}>
            {state.remainingMs > 0
              ? t.remaining(formatClock(state.remainingMs))
              : t.over(formatClock(state.remainingMs))}
          </span>
          {chip && (
            <span class="timer-chip" aria-hidden="true">
              {chip}
            </span>
          )}
          <span class="timer-buttons">
            {state.paused
              ? onResume && (
                  <button type="button" class="btn primary" onClick={onResume}>
                    {s.resume}
                  </button>
                )
              : onPause && (
                  <button type="button" class="btn" onClick={onPause}>
                    {s.pause}
                  </button>
                )}
            {onReset && (
              <button type="button" class="btn" aria-label={s.resetLabel} onClick={onReset}>
                {s.reset}
              </button>
            )}
          </span>
        </>
      )}
      <p class="timer-signal sr-only" role="status" aria-live="polite">
        {state.phase === 'warning' ? t.twoMinutes : state.phase === 'over' ? t.timeUp : ''}
      </p>
    </div>
  );
}
