import { BackupSection } from '@/components/data/BackupSection';
import { ExportSection } from '@/components/data/ExportSection';
import { ImportSection } from '@/components/data/ImportSection';
import { RestoreSection } from '@/components/data/RestoreSection';
import { StorageSummary } from '@/components/data/StorageSummary';
import { strings } from '@/lib/ui/strings';

/** Options page section: backup, restore, exports and the LinkedIn connections import. */
export function DataSettings() {
  return (
    <section class="data-settings" aria-labelledby="data-title">
      <h2 id="data-title">{strings.data.title}</h2>
      <StorageSummary />
      <BackupSection />
      <RestoreSection />
      <ExportSection />
      <ImportSection />
    </section>
  );
}
