import { useState } from 'preact/hooks';
import { readAllStores } from '@/lib/backup/restore';
import { openRapportDB } from '@/lib/db/open';
import { contactsCsv } from '@/lib/export/csv';
import { calendarExport } from '@/lib/export/ics';
import { contactsVCard } from '@/lib/export/vcard';
import { strings } from '@/lib/ui/strings';
import { localDateStamp } from '@/lib/backup/schedule';
import { downloadText } from '@/lib/ui/download';

const t = strings.data;

type Kind = 'csv' | 'vcf' | 'ics';

/** CSV, vCard and ICS, made in the page from a read of the database, saved as ordinary downloads. */
export function ExportSection() {
  const [status, setStatus] = useState('');

  async function run(kind: Kind) {
    try {
      const now = Date.now();
      const stores = await readAllStores(await openRapportDB());
      const name = `rapport-${kind === 'ics' ? 'calendar' : 'people'}-${localDateStamp(now)}.${kind}`;
      if (kind === 'csv') downloadText(name, contactsCsv(stores.contacts, stores.followups), 'text/csv;charset=utf-8');
      if (kind === 'vcf') downloadText(name, contactsVCard(stores.contacts), 'text/vcard;charset=utf-8');
      // A record with a time no calendar can hold is left out and named, never the whole file.
      const calendar = kind === 'ics' ? calendarExport(stores, now) : null;
      if (calendar) downloadText(name, calendar.ics, 'text/calendar;charset=utf-8');
      const skipped = calendar?.skipped.length ? ` ${strings.followups.icsSkipped(calendar.skipped)}` : '';
      setStatus(t.exported(name) + skipped);
    } catch (error) {
      setStatus(t.failed(String(error)));
    }
  }

  return (
    <section class="data-block" aria-labelledby="export-title">
      <h3 id="export-title">{t.exportTitle}</h3>
      <p>{t.exportHint}</p>
      <p class="data-actions">
        <button type="button" onClick={() => void run('csv')}>
          {t.exportCsv}
        </button>
        <button type="button" onClick={() => void run('vcf')}>
          {t.exportVcard}
        </button>
        <button type="button" onClick={() => void run('ics')}>
          {t.exportIcs}
        </button>
      </p>
      <p role="status" class="data-status">
        {status}
      </p>
    </section>
  );
}
