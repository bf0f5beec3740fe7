import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { exportBackup } from '@/lib/backup/format';
import { readAllStores } from '@/lib/backup/restore';
import { backupFileName, backupSettings, backupState, type BackupState } from '@/lib/backup/settings';
import { useSettings } from '../use-settings';
import { openRapportDB } from '@/lib/db/open';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { downloadText } from '@/lib/ui/download';

const t = strings.data;
const SCHEDULES = [0, 7, 14, 30];

/** Save a backup by hand, the reminder's schedule and the optional automatic backup. */
export function BackupSection() {
  const settings = useSettings(backupSettings);
  const [state, setState] = useState<BackupState | null>(null);
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void backupState.get().then(setState);
    return backupState.watch(setState);
  }, []);

  async function saveBackup() {
    setBusy(true);
    setStatus(t.saving);
    try {
      const now = Date.now();
      const stores = await readAllStores(await openRapportDB());
      const { text, problems } = exportBackup(stores, await browser.storage.local.get(null), now);
      const filename = backupFileName(now);
      downloadText(filename, text, 'application/json');
      await backupState.setLastBackupAt(now);
      setStatus(t.backupSaved(filename) + (problems.length ? ` ${t.backupProblems(problems.length)}` : ''));
    } catch (error) {
      setStatus(t.failed(String(error)));
    } finally {
      setBusy(false);
    }
  }

  function toggleAuto(on: boolean) {
    if (!on) {
      void backupSettings.set({ autoBackup: false });
      return;
    }
    // Asked from the click itself: the browser requires a user gesture for a permission prompt.
    void browser.permissions.request({ permissions: ['downloads'] }).then(
      async (granted) => {
        await backupSettings.set({ autoBackup: granted });
        setStatus(granted ? '' : t.autoDenied);
      },
      (error: unknown) => setStatus(t.failed(String(error))),
    );
  }

  async function saveAutoNow() {
    try {
      const result = await sendMessage('autoBackupNow', undefined);
      setStatus(result.ok ? t.autoSaved(result.filename) : t.failed(result.error));
    } catch (error) {
      // Plain words from the send (lib/messaging/errors.ts); a lost answer may still have saved the file.
      setStatus(String(error));
    }
  }

  if (!state) return null;
  return (
    <section class="data-block" aria-labelledby="backup-title">
      <h3 id="backup-title">{t.backupTitle}</h3>
      <p>
        <button type="button" class="primary" disabled={busy} onClick={() => void saveBackup()}>
          {t.saveBackup}
        </button>
      </p>
      <p class="data-last-backup">
        {state.lastBackupAt === null ? t.neverBackedUp : t.lastBackup(new Date(state.lastBackupAt).toLocaleString())}
      </p>
      <p>
        <label>
          {t.reminderLabel}{' '}
          <select
            value={String(settings.reminderDays)}
            onChange={(e) => void backupSettings.set({ reminderDays: Number((e.target as HTMLSelectElement).value) })}
          >
            {SCHEDULES.map((days) => (
              <option key={days} value={String(days)}>
                {days === 0 ? t.reminderOff : t.reminderEvery(days)}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={settings.autoBackup}
            disabled={settings.reminderDays === 0}
            onChange={(e) => toggleAuto((e.target as HTMLInputElement).checked)}
          />{' '}
          {t.autoLabel}
        </label>
        <br />
        <small>{settings.reminderDays === 0 ? t.autoNeedsSchedule : t.autoHint}</small>
      </p>
      {settings.autoBackup && (
        <p>
          <button type="button" onClick={() => void saveAutoNow()}>
            {t.autoNow}
          </button>
        </p>
      )}
      <p role="status" class="data-status">
        {status}
      </p>
    </section>
  );
}
