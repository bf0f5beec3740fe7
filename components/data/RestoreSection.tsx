import { useState } from 'preact/hooks';
import type { Resolution } from '@/lib/backup/merge';
import { MAX_BACKUP_BYTES } from '@/lib/backup/format';
import { storeCounts } from '@/lib/db/counts';
import { openRapportDB } from '@/lib/db/open';
import { type RestoreOutcome, type RestorePreview, type RestoreModeName } from '@/lib/messaging/data-protocol';
import { messagingFailure } from '@/lib/messaging/errors';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { FilePicker } from './FilePicker';

const t = strings.data;

type Step =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'preview'; text: string; preview: Extract<RestorePreview, { ok: true }>; confirmReplace: boolean }
  | { kind: 'restoring' }
  | { kind: 'done'; message: string; followUp?: string; retry?: () => void }
  | { kind: 'error'; message: string; retry?: () => void };

/** Choose a backup file → checked by the background → preview → replace (confirmed) or merge. */
export function RestoreSection() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [resolution, setResolution] = useState<Resolution>('keep-mine');

  async function choose(file: File | undefined) {
    if (!file) return;
    // Refused before reading: a file this large is not ours, and must not be parsed.
    if (file.size > MAX_BACKUP_BYTES) {
      setStep({ kind: 'error', message: t.fileTooLarge(Math.round(file.size / 1024 / 1024)) });
      return;
    }
    setStep({ kind: 'checking' });
    try {
      const text = await file.text();
      const preview = await sendMessage('previewRestore', { text });
      setStep(
        preview.ok
          ? { kind: 'preview', text, preview, confirmReplace: false }
          : { kind: 'error', message: t.failed(preview.error) },
      );
    } catch (error) {
      setStep({ kind: 'error', message: t.failed(String(error)) });
    }
  }

  async function restore(text: string, mode: RestoreModeName) {
    setStep({ kind: 'restoring' });
    let result: RestoreOutcome;
    try {
      result = await sendMessage('restoreBackup', { text, mode, resolution });
    } catch (error) {
      if (messagingFailure(error) === 'refused') {
        setStep({ kind: 'error', message: t.failed(String(error)) });
        return;
      }
      // No answer: the restore may have committed. Never guess: say so and show what is stored now.
      const counts = await storeCounts(await openRapportDB()).catch(() => null);
      const message = [t.restartedDuringRestore, counts ? t.storedNow(counts) : ''].filter(Boolean).join(' ');
      setStep({ kind: 'error', message, retry: () => void restore(text, mode) });
      return;
    }
    if (!result.ok) {
      setStep({ kind: 'error', message: t.failed(result.error) });
      return;
    }
    const written = Object.values(result.written).reduce((a, b) => a + b, 0);
    await restoreSettings(result.settings, mode, t.restored(written));
  }

  /** The second step, answered on its own: the records are already in whatever happens here. */
  async function restoreSettings(settings: Record<string, unknown>, mode: RestoreModeName, restored: string) {
    setStep({ kind: 'done', message: restored, followUp: t.restoringSettings });
    const retry = () => void restoreSettings(settings, mode, restored);
    try {
      const outcome = await sendMessage('restoreSettings', { settings, mode });
      setStep(
        outcome.ok
          ? { kind: 'done', message: restored, followUp: t.settingsRestored(outcome.followupsRescheduled) }
          : { kind: 'done', message: restored, followUp: t.settingsFailed(outcome.error), retry },
      );
    } catch (error) {
      setStep({ kind: 'done', message: restored, followUp: t.settingsFailed(String(error)), retry });
    }
  }

  const busy = step.kind === 'checking' || step.kind === 'restoring';
  return (
    <section class="data-block" aria-labelledby="restore-title">
      <h3 id="restore-title">{t.restoreTitle}</h3>
      <p>{t.restoreHint}</p>
      <FilePicker
        label={t.chooseBackup}
        accept=".json,application/json"
        disabled={busy}
        onFile={(file) => void choose(file)}
      />
      {step.kind === 'preview' && (
        <Preview
          step={step}
          resolution={resolution}
          setResolution={setResolution}
          restore={restore}
          setStep={setStep}
        />
      )}
      <p role="status" dir="auto" class={step.kind === 'error' ? 'data-status data-error' : 'data-status'}>
        {step.kind === 'checking'
          ? t.checking
          : step.kind === 'restoring'
            ? t.restoring
            : step.kind === 'done' || step.kind === 'error'
              ? step.message
              : ''}
        {step.kind === 'done' && step.followUp && (
          <>
            <br />
            {step.followUp}
          </>
        )}
      </p>
      {(step.kind === 'done' || step.kind === 'error') && step.retry && (
        <p>
          <button type="button" onClick={step.retry}>
            {t.retry}
          </button>
        </p>
      )}
    </section>
  );
}

function Preview({
  step,
  resolution,
  setResolution,
  restore,
  setStep,
}: {
  step: Extract<Step, { kind: 'preview' }>;
  resolution: Resolution;
  setResolution: (r: Resolution) => void;
  restore: (text: string, mode: RestoreModeName) => Promise<void>;
  setStep: (step: Step) => void;
}) {
  const { preview, text } = step;
  const { inFile, merge } = preview;
  const others = inFile.meetings + inFile.followups + inFile.questions;
  return (
    <div class="data-preview">
      <p>{t.inFile(new Date(preview.exportedAt).toLocaleString(), inFile.contacts, inFile.timeline, others)}</p>
      <p>{t.mergePreview(merge.added, merge.updated, merge.conflicting, merge.unchanged)}</p>
      {preview.conflictNames.length > 0 && <p>{t.conflictExamples(preview.conflictNames.join(', '))}</p>}
      {merge.conflicting > 0 && (
        <fieldset class="data-choice">
          {(['keep-mine', 'take-backup'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="resolution"
                checked={resolution === value}
                onChange={() => setResolution(value)}
              />{' '}
              {value === 'keep-mine' ? t.keepMine : t.takeBackup}
            </label>
          ))}
        </fieldset>
      )}
      <p class="data-actions">
        <button type="button" class="primary" onClick={() => void restore(text, 'merge')}>
          {t.merge}
        </button>
        <button type="button" onClick={() => setStep({ ...step, confirmReplace: true })}>
          {t.replace}
        </button>
      </p>
      {step.confirmReplace && (
        <div role="alertdialog" aria-labelledby="replace-confirm" class="data-confirm">
          <p id="replace-confirm">{t.replaceConfirm}</p>
          <button type="button" class="danger" onClick={() => void restore(text, 'replace')}>
            {t.replaceYes}
          </button>{' '}
          <button type="button" onClick={() => setStep({ ...step, confirmReplace: false })}>
            {t.cancel}
          </button>
        </div>
      )}
    </div>
  );
}
