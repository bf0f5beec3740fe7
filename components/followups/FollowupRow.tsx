import { useId, useState } from 'preact/hooks';
import type { Followup } from '@/lib/db/schema';
import type { FollowupAction } from '@/lib/followups/actions';
import { formatDue, fromDateTimeInput, toDateTimeInput } from '@/lib/followups/date-input';
import { checkInMonthsFor } from '@/lib/followups/rules';
import type { FollowupSettings } from '@/lib/followups/settings';
import { canWrite } from '@/lib/followups/write-it';
import { sendMessage } from '@/lib/messaging/protocol';
import { openFollowupInPanel } from '@/lib/ui/open-followup';
import { strings } from '@/lib/ui/strings';

const t = strings.followups;

export interface RowContext {
  now: number;
  timeZone: string;
  snoozeMinutes: number;
  /** For what Done means (the check-in cadence it starts). */
  settings?: FollowupSettings;
  /** The window the popup is in (the side panel opens there); null inside the panel itself. */
  windowId?: number | null;
}

/** Sends an action to the background; returns an error message or null. */
export async function act(id: string, action: FollowupAction): Promise<string | null> {
  return (await actWithResult(id, action)).error;
}

async function actWithResult(id: string, action: FollowupAction) {
  try {
    const result = await sendMessage('actOnFollowup', { id, action });
    return { error: null, result };
  } catch (error) {
    return { error: t.error(error instanceof Error ? error.message : String(error)), result: null };
  }
}

/** What Done will do, in words ("Moves them to Thanked and plans a check-in in 3 months."). */
export function doneMeaning(followup: Followup, ctx: RowContext): string {
  const months = followup.recurrenceMonths ?? (ctx.settings ? checkInMonthsFor(ctx.settings, followup.contactId) : 3);
  return t.doneMeaning[followup.kind](months);
}

/** Done (named for what it does) / Write it / Snooze / Change date for one active follow-up. */
export function FollowupActions({
  followup,
  ctx,
  label,
  email = null,
}: {
  followup: Followup;
  ctx: RowContext;
  label: string;
  email?: string | null;
}) {
  const [changing, setChanging] = useState(false);
  const [value, setValue] = useState(() => toDateTimeInput(followup.dueAt, ctx.timeZone));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const meaningId = useId();
  const run = async (action: FollowupAction) => {
    const { error: failure, result } = await actWithResult(followup.id, action);
    setError(failure);
    setStatus(
      result?.snoozeCapped ? t.snoozedToDeadline(formatDue(result.followup.dueAt, ctx.now, ctx.timeZone)) : null,
    );
  };

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
      <button type="button" aria-describedby={meaningId} onClick={() => void run({ type: 'done' })}>
        {t.doneLabel[followup.kind]}
      </button>
      {canWrite(followup.kind) && (
        <button
          type="button"
          onClick={() =>
            void openFollowupInPanel(followup, email, ctx.windowId ?? null).catch((e: unknown) =>
              setError(t.error(e instanceof Error ? e.message : String(e))),
            )
          }
        >
          {t.actions.writeIt}
        </button>
      )}
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
      <p class="muted followup-meaning" id={meaningId}>
        {doneMeaning(followup, ctx)}
      </p>
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
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
