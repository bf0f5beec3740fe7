import { useLive } from '@/lib/ui/live';
import { openRapportDB } from '@/lib/db/open';
import { strings } from '@/lib/ui/strings';
import { formatBytes } from './download';

const t = strings.data;

async function load() {
  const db = await openRapportDB();
  const [contacts, notes] = await Promise.all([db.count('contacts'), db.count('timeline')]);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  return { contacts, notes, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** The plain warning that data lives only here, how much there is, and the storage it uses. */
export function StorageSummary() {
  const live = useLive(load, ['contacts', 'timeline']);
  return (
    <div class="data-summary">
      <p class="data-warning">{t.localOnly}</p>
      {live.status === 'ready' && (
        <p>
          {t.counts(live.value.contacts, live.value.notes)}{' '}
          {live.value.usage !== null && live.value.quota !== null
            ? t.storageUsed(formatBytes(live.value.usage), formatBytes(live.value.quota))
            : t.storageUnknown}
        </p>
      )}
    </div>
  );
}
