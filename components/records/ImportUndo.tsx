import { useState } from 'preact/hooks';
import type { UndoSummary } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { errorText } from './describe';

const t = strings.records;

/** After an import: the tag it gave everyone, and "Undo this import" (every batch, one step). */
export function ImportUndo({ undo }: { undo: UndoSummary }) {
  const [status, setStatus] = useState<string | null>(null);
  const run = async () => {
    try {
      await sendMessage('recordsUndo', { id: undo.id });
      setStatus(t.undone);
    } catch (error) {
      setStatus(t.undoFailed(errorText(error)));
    }
  };
  return (
    <p class="import-undo">
      {undo.tag && <span dir="auto">{t.importTagged(undo.tag)} </span>}
      {status ? (
        <span role="status">{status}</span>
      ) : (
        <button type="button" onClick={() => void run()}>
          {t.undoImport}
        </button>
      )}
    </p>
  );
}
