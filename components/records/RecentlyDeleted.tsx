import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { describeUndo, errorText } from './describe';
import './records.css';

const t = strings.records;

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Deletes, merges, imports and bulk changes of the last 30 days, each with its Undo. */
export function RecentlyDeleted() {
  const log = useLive(() => sendMessage('recordsRecent', {}), ['undoLog']);
  const [status, setStatus] = useState<string | null>(null);
  const undo = async (id: string) => {
    try {
      await sendMessage('recordsUndo', { id });
      setStatus(t.undone);
    } catch (error) {
      setStatus(t.undoFailed(errorText(error)));
    }
  };
  return (
    <section class="settings-section recently-deleted" aria-labelledby="recently-deleted-title">
      <h2 id="recently-deleted-title">{t.recentlyDeleted}</h2>
      <p class="muted">{t.recentlyDeletedHint}</p>
      {log.status === 'ready' &&
        (log.value.length === 0 ? (
          <p>{t.nothingDeleted}</p>
        ) : (
          <ul class="undo-list">
            {log.value.map((entry) => (
              <li key={entry.id}>
                <span class="grow">
                  <span dir="auto">{describeUndo(entry)}</span>
                  {entry.tag && <span class="tag">{entry.tag}</span>}
                  <br />
                  <time class="muted">{when(entry.at)}</time>
                </span>
                <button type="button" class="btn" onClick={() => void undo(entry.id)}>
                  {entry.kind === 'import' ? t.undoImport : t.undo}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {log.status === 'error' && <p class="notice">{log.error}</p>}
      {status && (
        <p role="status" class="muted">
          {status}
        </p>
      )}
    </section>
  );
}
