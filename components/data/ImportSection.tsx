import { useState } from 'preact/hooks';
import { type ConnectionRow, MAX_CONNECTIONS_BYTES, parseConnections } from '@/lib/import/connections';
import { countStoredProfiles } from '@/lib/db/counts';
import { openRapportDB } from '@/lib/db/open';
import { messagingFailure } from '@/lib/messaging/errors';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { FilePicker } from './FilePicker';
import { ImportUndo } from '../records/ImportUndo';
import type { UndoSummary } from '@/lib/db/records';
import type { ImportBatchResult } from '@/lib/import/write';

const t = strings.data;
/** Rows per message and per transaction: small enough for a smooth progress bar, large enough to be quick. */
export const IMPORT_BATCH = 500;

type Step =
  | { kind: 'idle' }
  | { kind: 'ready'; rows: ConnectionRow[]; skipped: number; withoutLink: number }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; message: string; undo: UndoSummary | null }
  | { kind: 'error'; message: string; retry?: () => void };

/** One batch, sent again (up to twice) when the worker restarted under it: a batch is safe to repeat. */
async function sendBatch(rows: ConnectionRow[]): Promise<ImportBatchResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendMessage('importConnections', { rows });
    } catch (error) {
      const failure = messagingFailure(error);
      if (attempt >= 2 || (failure !== 'no-answer' && failure !== 'not-delivered')) throw error;
    }
  }
}

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
        ? { kind: 'ready', rows: parsed.rows, skipped: parsed.skipped.length, withoutLink: parsed.withoutLink }
        : { kind: 'error', message: parsed.error },
    );
  }

  /**
   * Sends the rows in batches from `from`. What is reported is read back from the store (how many of the
   * file's people are saved now, less those saved before), never summed from replies: a reply lost to a
   * worker restart cannot make the figure wrong, and re-sending a batch adds no one twice.
   */
  async function run(rows: ConnectionRow[], from = 0, savedBefore?: number, undoSoFar: UndoSummary | null = null) {
    let undo = undoSoFar;
    const db = await openRapportDB();
    const urls = rows.map((row) => row.profileUrl);
    const before = savedBefore ?? (await countStoredProfiles(db, urls));
    setStep({ kind: 'importing', done: from, total: rows.length });
    for (let i = from; i < rows.length; i += IMPORT_BATCH) {
      const batch = rows.slice(i, i + IMPORT_BATCH);
      try {
        undo = (await sendBatch(batch)).undo ?? undo;
      } catch (error) {
        const added = (await countStoredProfiles(db, urls)) - before;
        setStep({
          kind: 'error',
          message: t.importFailed(added, String(error)),
          retry: () => void run(rows, i, before, undo),
        });
        return;
      }
      setStep({ kind: 'importing', done: i + batch.length, total: rows.length });
    }
    const after = await countStoredProfiles(db, urls);
    setStep({ kind: 'done', message: t.imported(after - before, before), undo });
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
          {t.importReady(step.rows.length, step.skipped, step.withoutLink)}{' '}
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
      {step.kind === 'error' && step.retry && (
        <p>
          <button type="button" onClick={step.retry}>
            {t.importContinue}
          </button>
        </p>
      )}
    </section>
  );
}
