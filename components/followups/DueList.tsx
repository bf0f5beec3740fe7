import { loadDueFollowups } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import type { Followup } from '@/lib/db/schema';
import { bucketOf, type DueBucket } from '@/lib/followups/actions';
import { localTimeZone } from '@/lib/followups/time';
import { useLive } from '@/lib/ui/live';
import { openContactInPanel } from '@/lib/ui/open-contact';
import { strings } from '@/lib/ui/strings';
import { dueLabel, FollowupActions, type RowContext } from './FollowupRow';
import { followupSettings } from '@/lib/settings/followups';
import { useNow } from '../use-now';
import { useSettings } from '../use-settings';

const t = strings.followups;
const SHOWN: Exclude<DueBucket, 'later'>[] = ['overdue', 'today', 'week'];

/** Past this, an item is in no bucket the popup shows (8 days covers "the next 7 days" in any time zone). */
const HORIZON_MS = 8 * 24 * 60 * 60 * 1000;

function loadDue() {
  // Only the names shown are read: reading every contact would make the popup slow with 10,000 of them.
  return openRapportDB().then((db) => loadDueFollowups(db, Date.now() + HORIZON_MS, strings.contacts.unnamed));
}

/**
 * Follow-ups due now and soon, shown first in the popup: overdue (marked), today, the next 7 days.
 * `windowId`: the popup's window, known before any click (the side panel opens only if called
 * synchronously in the click handler).
 */
export function DueList({ windowId = null }: { windowId?: number | null }) {
  const live = useLive(loadDue, ['followups', 'contacts']);
  const settings = useSettings(followupSettings);
  const now = useNow(Date.now, 60_000);

  if (live.status !== 'ready') return null;
  const ctx: RowContext = { now, timeZone: localTimeZone(), snoozeMinutes: settings.snoozeMinutes, settings, windowId };
  const groups = new Map<DueBucket, Followup[]>();
  for (const f of live.value.followups) {
    const bucket = bucketOf(f.dueAt, now, ctx.timeZone);
    groups.set(bucket, [...(groups.get(bucket) ?? []), f]);
  }
  const later = groups.get('later')?.length ?? 0;
  const shown = SHOWN.filter((bucket) => groups.get(bucket)?.length);

  return (
    <section class="due-list" aria-labelledby="due-heading">
      <h2 id="due-heading">{t.due.heading}</h2>
      {shown.length === 0 && <p class="muted">{t.due.nothing}</p>}
      {shown.map((bucket) => (
        <div key={bucket} class={`due-group due-${bucket}`}>
          <h3>{t.due[bucket]}</h3>
          <ul class="due-items">
            {groups.get(bucket)!.map((f) => {
              const name = live.value.names.get(f.contactId) ?? strings.contacts.unnamed;
              return (
                <li key={f.id} class={`due-item${bucket === 'overdue' ? ' is-overdue' : ''}`} data-kind={f.kind}>
                  <div class="due-line">
                    <button
                      type="button"
                      class="link-button due-name"
                      onClick={() => openContactInPanel(f.contactId, windowId)}
                    >
                      {name}
                    </button>
                    <span class="due-when">
                      {bucket === 'overdue' && <span class="due-flag">{t.due.overdue}</span>} {dueLabel(f, ctx)}
                    </span>
                  </div>
                  <p class="due-title">{f.title || t.defaultTitle[f.kind]}</p>
                  {f.aboutContactId && live.value.names.has(f.aboutContactId) && (
                    <p class="muted">{t.contact.about(live.value.names.get(f.aboutContactId)!)}</p>
                  )}
                  <FollowupActions
                    followup={f}
                    ctx={ctx}
                    label={`${name}: ${f.title || t.kind[f.kind]}`}
                    email={live.value.emails.get(f.contactId) ?? null}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      {later > 0 && <p class="muted">{t.due.more(later)}</p>}
    </section>
  );
}
