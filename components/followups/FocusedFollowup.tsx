import { getFollowup } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import { isActive } from '@/lib/followups/actions';
import { formatDue } from '@/lib/followups/date-input';
import { localTimeZone } from '@/lib/followups/time';
import { followupSettings } from '@/lib/settings/followups';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { useNow } from '../use-now';
import { useSettings } from '../use-settings';
import { FollowupActions, type RowContext } from './FollowupRow';

const t = strings.followups;

/**
 * The follow-up the panel was opened for (by "Write it" or a notification), above the sections: what is
 * due, its deadline, and Done, so the user can write the message and close the loop in one place.
 */
export function FocusedFollowup({ id, email, onClose }: { id: string; email: string | null; onClose: () => void }) {
  const live = useLive(async () => (await getFollowup(await openRapportDB(), id)) ?? null, ['followups'], [id]);
  const settings = useSettings(followupSettings);
  const now = useNow(Date.now, 60_000);
  if (live.status !== 'ready') return null;
  const f = live.value;
  const timeZone = localTimeZone();
  const ctx: RowContext = { now, timeZone, snoozeMinutes: settings.snoozeMinutes, settings, windowId: null };
  return (
    <section class="focused-followup notice" aria-labelledby="focused-followup-title" data-kind={f?.kind}>
      <div class="due-line">
        <h2 id="focused-followup-title">
          {t.focus.heading}: {f ? t.kind[f.kind] : ''}
        </h2>
        <button type="button" class="link-button" onClick={onClose}>
          {t.focus.close}
        </button>
      </div>
      {f && isActive(f) ? (
        <>
          <p class="due-title" dir="auto">
            {f.title || t.defaultTitle[f.kind]}
          </p>
          {f.deadlineAt && <p class="muted">{t.contact.deadline(formatDue(f.deadlineAt, now, timeZone))}</p>}
          <FollowupActions followup={f} ctx={ctx} label={t.kind[f.kind]} email={email} />
        </>
      ) : (
        <p class="muted">{t.focus.gone}</p>
      )}
    </section>
  );
}
