import { useState } from 'preact/hooks';
import { readAllStores } from '@/lib/backup/restore';
import { openRapportDB } from '@/lib/db/open';
import { contactsCsv } from '@/lib/export/csv';
import { calendarExport } from '@/lib/export/ics';
import type { SkippedRecord } from '@/lib/export/skipped';
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
      let skipped: SkippedRecord[] = [];
      if (kind === 'csv') {
        const file = contactsCsv(stores.contacts, stores.followups);
        downloadText(name, file.text, 'text/csv;charset=utf-8');
        skipped = file.skipped;
      }
      if (kind === 'vcf') {
        const file = contactsVCard(stores.contacts);
        downloadText(name, file.text, 'text/vcard;charset=utf-8');
        skipped = file.skipped;
      }
      if (kind === 'ics') {
        // A record with a time no calendar can hold is left out and named, never the whole file.
        const calendar = calendarExport(stores, now);
        downloadText(name, calendar.text, 'text/calendar;charset=utf-8');
        skipped = calendar.skipped;
      }
      setStatus(skipped.length ? `${t.exported(name)} ${t.exportSkipped(skipped)}` : t.exported(name));
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
