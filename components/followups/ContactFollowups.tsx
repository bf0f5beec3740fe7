import { useState } from 'preact/hooks';
import { loadContactFollowups } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import type { Followup } from '@/lib/db/schema';
import { isActive } from '@/lib/followups/actions';
import { formatDue, fromDateTimeInput, toDateTimeInput } from '@/lib/followups/date-input';
import { checkInMonthsFor } from '@/lib/followups/rules';
import { followupSettings } from '@/lib/settings/followups';
import { addDaysLocal, localTimeZone } from '@/lib/followups/time';
import { sendMessage } from '@/lib/messaging/protocol';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { act, dueLabel, FollowupActions, type RowContext } from './FollowupRow';
import { offerUndo } from '../records/undo-toast';
import { useNow } from '../use-now';
import { useSettings } from '../use-settings';

const t = strings.followups;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

async function load(contactId: string) {
  return loadContactFollowups(await openRapportDB(), contactId, strings.contacts.unnamed);
}

interface FormValue {
  title: string;
  when: string;
  repeat: number | null;
}

/** "Every N months" for N = 1…12. */
function MonthOptions() {
  return (
    <>
      {MONTHS.map((m) => (
        <option key={m} value={String(m)}>
          {t.contact.everyMonths(m)}
        </option>
      ))}
    </>
  );
}

/** Add or edit: what, when, repeat. */
function FollowupForm({
  initial,
  submitLabel,
  timeZone,
  onSubmit,
  onCancel,
}: {
  initial: FormValue;
  submitLabel: string;
  timeZone: string;
  onSubmit: (value: { title: string; dueAt: number; repeat: number | null }) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="followup-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const dueAt = fromDateTimeInput(value.when, timeZone);
        if (dueAt === null) return setError(t.contact.missingDate);
        const failure = await onSubmit({ title: value.title, dueAt, repeat: value.repeat });
        setError(failure);
        if (!failure) setValue(initial);
      }}
    >
      <label>
        {t.contact.what}
        <input
          type="text"
          value={value.title}
          placeholder={t.contact.whatPlaceholder}
          onInput={(e) => setValue({ ...value, title: e.currentTarget.value })}
        />
      </label>
      <label>
        {t.contact.when}
        <input
          type="datetime-local"
          required
          value={value.when}
          onInput={(e) => setValue({ ...value, when: e.currentTarget.value })}
        />
      </label>
      <label>
        {t.contact.repeat}
        <select
          value={value.repeat === null ? '' : String(value.repeat)}
          onChange={(e) => setValue({ ...value, repeat: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{t.contact.noRepeat}</option>
          <MonthOptions />
        </select>
      </label>
      <div class="followup-form-buttons">
        <button type="submit">{submitLabel}</button>
        {onCancel && (
          <button type="button" class="link-button" onClick={onCancel}>
            {t.actions.cancel}
          </button>
        )}
      </div>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function describe(f: Followup): string {
  return f.title || t.defaultTitle[f.kind];
}

/** A contact's follow-ups: the active ones with their actions, add one, edit one, and the past ones. */
export function ContactFollowups({ contactId }: { contactId: string }) {
  const live = useLive(() => load(contactId), ['followups', 'contacts'], [contactId]);
  const settings = useSettings(followupSettings);
  const now = useNow(Date.now, 60_000);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const timeZone = localTimeZone();
  const ctx: RowContext = { now, timeZone, snoozeMinutes: settings.snoozeMinutes, settings, windowId: null };
  const defaultWhen = () => toDateTimeInput(addDaysLocal(now, 1, timeZone), timeZone);

  if (live.status !== 'ready') return null;
  const { followups, names, tags, email } = live.value;
  const active = followups.filter(isActive);
  const past = followups.filter((f) => !isActive(f)).reverse();
  const own = settings.checkInMonthsByContact[contactId];
  const send = async (message: () => Promise<unknown>) => {
    try {
      await message();
      return null;
    } catch (error) {
      return t.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class="contact-followups" aria-labelledby="followups-heading">
      <h2 id="followups-heading">{t.contact.heading}</h2>
      {active.length === 0 && <p class="muted">{t.contact.none}</p>}
      <ul class="due-items">
        {active.map((f) => (
          <li key={f.id} class={`due-item${f.dueAt < now ? ' is-overdue' : ''}`} data-kind={f.kind}>
            {editing === f.id ? (
              <FollowupForm
                initial={{ title: f.title, when: toDateTimeInput(f.dueAt, timeZone), repeat: f.recurrenceMonths }}
                submitLabel={t.actions.save}
                timeZone={timeZone}
                onCancel={() => setEditing(null)}
                onSubmit={async ({ title, dueAt, repeat }) => {
                  const failure = await act(f.id, { type: 'edit', title, dueAt, recurrenceMonths: repeat });
                  if (!failure) setEditing(null);
                  return failure;
                }}
              />
            ) : (
              <>
                <div class="due-line">
                  <strong>{t.kind[f.kind]}</strong>
                  <span class="due-when">
                    {f.dueAt < now && <span class="due-flag">{t.due.overdue}</span>} {dueLabel(f, ctx)}
                    {f.status === 'snoozed' && <span class="muted"> · {t.contact.status.snoozed}</span>}
                  </span>
                </div>
                <p class="due-title">{describe(f)}</p>
                {f.aboutContactId && names.has(f.aboutContactId) && (
                  <p class="muted">{t.contact.about(names.get(f.aboutContactId)!)}</p>
                )}
                {f.deadlineAt && (f.kind === 'thank-you' || f.kind === 'prep') && (
                  <p class="muted">{t.contact.deadline(formatDue(f.deadlineAt, now, timeZone))}</p>
                )}
                {f.recurrenceMonths && <p class="muted">{t.contact.everyMonths(f.recurrenceMonths)}</p>}
                <FollowupActions followup={f} ctx={ctx} label={`${t.kind[f.kind]}: ${describe(f)}`} email={email} />
                <div class="followup-actions">
                  <button type="button" class="link-button" onClick={() => setEditing(f.id)}>
                    {t.actions.edit}
                  </button>
                  <button type="button" class="link-button" onClick={() => void act(f.id, { type: 'dismiss' })}>
                    {t.actions.dismiss}
                  </button>
                  <button
                    type="button"
                    class="link-button danger-text"
                    onClick={() => void send(async () => offerUndo(await sendMessage('deleteFollowup', { id: f.id })))}
                  >
                    {t.actions.delete}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <FollowupForm
          initial={{ title: '', when: defaultWhen(), repeat: null }}
          submitLabel={t.contact.add}
          timeZone={timeZone}
          onCancel={() => setAdding(false)}
          onSubmit={async ({ title, dueAt, repeat }) => {
            const failure = await send(() =>
              sendMessage('addFollowup', { contactId, title, dueAt, recurrenceMonths: repeat }),
            );
            if (!failure) setAdding(false);
            return failure;
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t.contact.add}
        </button>
      )}
      <label class="followup-cadence">
        {t.contact.cadence}
        <select
          value={typeof own === 'number' ? String(own) : ''}
          onChange={(e) => {
            const next = { ...settings.checkInMonthsByContact };
            if (e.currentTarget.value) next[contactId] = Number(e.currentTarget.value);
            else delete next[contactId];
            void followupSettings.set({ checkInMonthsByContact: next });
          }}
        >
          <option value="">
            {t.contact.cadenceDefault(checkInMonthsFor({ ...settings, checkInMonthsByContact: {} }, contactId, tags))}
          </option>
          <MonthOptions />
        </select>
      </label>
      {past.length > 0 && (
        <details class="followup-past">
          <summary>{t.contact.past(past.length)}</summary>
          <ul class="plain-list">
            {past.map((f) => (
              <li key={f.id}>
                {t.kind[f.kind]}: {describe(f)} <span class="muted">· {t.contact.status[f.status]}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
