import { strings } from '@/lib/ui/strings';
import { formatClock, timerState } from '@/lib/workspace/timer';
import { useNow } from '../use-now';

const t = strings.workspace.call;

/**
 * The call timer for the agreed length: a calm countdown, a gentle signal two minutes before the end and
 * another at the end (shown, and announced to screen readers once each).
 */
export function CallTimer({
  startedAt,
  durationMin,
  clock,
  onStart,
}: {
  startedAt: number | null;
  durationMin: number;
  clock: () => number;
  onStart: () => void;
}) {
  const now = useNow(clock);
  const state = timerState(startedAt, durationMin, now);
  return (
    <div class={`call-timer phase-${state.phase}`}>
      {state.phase === 'idle' ? (
        <>
          <span class="timer-clock">{t.notStarted(durationMin)}</span>
          <button type="button" class="btn primary" onClick={onStart}>
            {t.start}
          </button>
        </>
      ) : (
        <span class="timer-clock" role="timer" aria-label={t.timerLabel}>
          {state.remainingMs > 0 ? t.remaining(formatClock(state.remainingMs)) : t.over(formatClock(state.remainingMs))}
        </span>
      )}
      <p class="timer-signal" role="status" aria-live="polite">
        {state.phase === 'warning' ? t.twoMinutes : state.phase === 'over' ? t.timeUp : ''}
      </p>
    </div>
  );
}
