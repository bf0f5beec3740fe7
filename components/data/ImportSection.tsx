import { useState } from 'preact/hooks';
import { type ConnectionRow, MAX_CONNECTIONS_BYTES, parseConnections } from '@/lib/import/connections';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { FilePicker } from './FilePicker';
import { ImportUndo } from '../records/ImportUndo';
import type { UndoSummary } from '@/lib/db/records';

const t = strings.data;
/** Rows per message and per transaction: small enough for a smooth progress bar, large enough to be quick. */
export const IMPORT_BATCH = 500;

type Step =
  | { kind: 'idle' }
  | { kind: 'ready'; rows: ConnectionRow[]; skipped: number }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; message: string; undo: UndoSummary | null }
  | { kind: 'error'; message: string };

/** LinkedIn's Connections.csv → parsed here → sent in batches to the background, with a progress bar. */
export function ImportSection() {
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  async function choose(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_CONNECTIONS_BYTES) {
      setStep({ kind: 'error', message: t.failed(t.fileTooLarge(Math.round(file.size / 1024 / 1024))) });
      return;
    }
    const parsed = parseConnections(await file.text());
    setStep(
      parsed.ok
        ? { kind: 'ready', rows: parsed.rows, skipped: parsed.skipped.length }
        : { kind: 'error', message: parsed.error },
    );
  }

  async function run(rows: ConnectionRow[]) {
    let added = 0;
    let existing = 0;
    let done = 0;
    let undo: UndoSummary | null = null;
    setStep({ kind: 'importing', done, total: rows.length });
    try {
      for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
        const batch = rows.slice(i, i + IMPORT_BATCH);
        const result = await sendMessage('importConnections', { rows: batch });
        added += result.added;
        existing += result.existing;
        undo = result.undo ?? undo;
        done += batch.length;
        setStep({ kind: 'importing', done, total: rows.length });
      }
      setStep({ kind: 'done', message: t.imported(added, existing), undo });
    } catch (error) {
      setStep({ kind: 'error', message: t.importFailed(added, String(error)) });
    }
  }

  return (
    <section class="data-block" aria-labelledby="import-title">
      <h3 id="import-title">{t.importTitle}</h3>
      <p>{t.importHint}</p>
      <FilePicker
        label={t.chooseCsv}
        accept=".csv,text/csv"
        disabled={step.kind === 'importing'}
        onFile={(file) => void choose(file)}
      />
      {step.kind === 'ready' && (
        <p>
          {t.importReady(step.rows.length, step.skipped)}{' '}
          {step.rows.length > 0 && (
            <button type="button" class="primary" onClick={() => void run(step.rows)}>
              {t.importStart(step.rows.length)}
            </button>
          )}
        </p>
      )}
      {step.kind === 'importing' && (
        <p>
          <progress class="data-progress" aria-label={t.importProgress} max={step.total} value={step.done} />{' '}
          {step.done} / {step.total}
        </p>
      )}
      <p role="status" class={step.kind === 'error' ? 'data-status data-error' : 'data-status'}>
        {step.kind === 'importing' ? t.importing : step.kind === 'done' || step.kind === 'error' ? step.message : ''}
      </p>
      {step.kind === 'done' && step.undo && <ImportUndo undo={step.undo} />}
    </section>
  );
}
