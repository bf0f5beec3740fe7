import { useState } from 'preact/hooks';
import type { Followup } from '@/lib/db/schema';
import type { FollowupAction } from '@/lib/followups/actions';
import { formatDue, fromDateTimeInput, toDateTimeInput } from '@/lib/followups/date-input';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';

const t = strings.followups;

export interface RowContext {
  now: number;
  timeZone: string;
  snoozeMinutes: number;
}

/** Sends an action to the background; returns an error message or null. */
export async function act(id: string, action: FollowupAction): Promise<string | null> {
  try {
    await sendMessage('actOnFollowup', { id, action });
    return null;
  } catch (error) {
    return t.error(error instanceof Error ? error.message : String(error));
  }
}

/** Done / Snooze / Change date for one active follow-up. */
export function FollowupActions({ followup, ctx, label }: { followup: Followup; ctx: RowContext; label: string }) {
  const [changing, setChanging] = useState(false);
  const [value, setValue] = useState(() => toDateTimeInput(followup.dueAt, ctx.timeZone));
  const [error, setError] = useState<string | null>(null);
  const run = async (action: FollowupAction) => setError(await act(followup.id, action));

  if (changing) {
    return (
      <form
        class="followup-date-form"
        onSubmit={(event) => {
          event.preventDefault();
          const dueAt = fromDateTimeInput(value, ctx.timeZone);
          if (dueAt === null) return setError(t.contact.missingDate);
          setChanging(false);
          void run({ type: 'reschedule', dueAt });
        }}
      >
        <label>
          {t.actions.newDate}
          <input type="datetime-local" value={value} onInput={(e) => setValue(e.currentTarget.value)} required />
        </label>
        <button type="submit">{t.actions.save}</button>
        <button type="button" class="link-button" onClick={() => setChanging(false)}>
          {t.actions.cancel}
        </button>
        {error && <p role="alert">{error}</p>}
      </form>
    );
  }
  return (
    <div class="followup-actions" role="group" aria-label={label}>
      <button type="button" onClick={() => void run({ type: 'done' })}>
        {t.actions.done}
      </button>
      <button type="button" onClick={() => void run({ type: 'snooze' })}>
        {t.actions.snooze(ctx.snoozeMinutes)}
      </button>
      <button
        type="button"
        onClick={() => {
          setValue(toDateTimeInput(followup.dueAt, ctx.timeZone));
          setChanging(true);
        }}
      >
        {t.actions.changeDate}
      </button>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function dueLabel(followup: Followup, ctx: RowContext): string {
  return formatDue(followup.dueAt, ctx.now, ctx.timeZone);
}
