import { useState } from 'preact/hooks';
import { listContacts } from '@/lib/db/contacts';
import { listAllMeetings } from '@/lib/db/meetings';
import { openRapportDB } from '@/lib/db/open';
import { listAllTimeline } from '@/lib/db/timeline';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { funnelMetrics } from '@/lib/workspace/funnel';
import { formatWhen } from './Timeline';

const t = strings.workspace.funnel;

/**
 * Asked → replied → met → thanked, reply rate, median days to reply, upcoming meetings. Folded by default;
 * the data is read only once opened, so it costs the first render nothing.
 */
export function Funnel({ onOpen }: { onOpen?: (contactId: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="funnel" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t.heading}</summary>
      {open && <FunnelBody onOpen={onOpen} />}
    </details>
  );
}

function FunnelBody({ onOpen }: { onOpen?: (contactId: string) => void }) {
  const data = useLive(async () => {
    const db = await openRapportDB();
    const [contacts, timeline, meetings] = await Promise.all([
      listContacts(db),
      listAllTimeline(db),
      listAllMeetings(db),
    ]);
    const names = new Map(contacts.map((c) => [c.id, c.name ?? strings.contacts.unnamed]));
    return { funnel: funnelMetrics(contacts, timeline, meetings, Date.now()), names };
  }, ['contacts', 'timeline', 'meetings']);
  if (data.status !== 'ready') return null;
  const { funnel, names } = data.value;
  const pct = funnel.replyRate === null ? t.none : `${Math.round(funnel.replyRate * 100)}%`;
  return (
    <>
      <dl class="funnel-stats">
        <div>
          <dt>{t.asked}</dt>
          <dd>{funnel.asked}</dd>
        </div>
        <div>
          <dt>{t.replied}</dt>
          <dd>{funnel.replied}</dd>
        </div>
        <div>
          <dt>{t.met}</dt>
          <dd>{funnel.met}</dd>
        </div>
        <div>
          <dt>{t.thanked}</dt>
          <dd>{funnel.thanked}</dd>
        </div>
        <div>
          <dt>{t.replyRate}</dt>
          <dd>{pct}</dd>
        </div>
        <div>
          <dt>{t.medianDays}</dt>
          <dd>{funnel.medianDaysToReply ?? t.none}</dd>
        </div>
      </dl>
      <h2 class="funnel-subtitle">{t.upcoming}</h2>
      {funnel.upcoming.length === 0 ? (
        <p class="muted">{t.noUpcoming}</p>
      ) : (
        <ul class="plain-list">
          {funnel.upcoming.slice(0, 5).map((m) => (
            <li key={m.id}>
              <time>{formatWhen(m.startsAt ?? 0)}</time> ·{' '}
              {onOpen ? (
                <button type="button" class="link-button" onClick={() => onOpen(m.contactId)}>
                  {names.get(m.contactId) ?? strings.contacts.unnamed}
                </button>
              ) : (
                (names.get(m.contactId) ?? strings.contacts.unnamed)
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
