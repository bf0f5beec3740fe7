import { useState } from 'preact/hooks';
import { openRapportDB } from '@/lib/db/open';
import { listTimeline } from '@/lib/db/timeline';
import { sendMessage } from '@/lib/messaging/protocol';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { errorText } from './data';
import { offerUndo } from '../records/undo-toast';

const t = strings.workspace.contact;

export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Notes, messages, meetings and stage moves, newest first, with a field to add a note. */
export function Timeline({ contactId }: { contactId: string }) {
  const entries = useLive(
    async () => listTimeline(await openRapportDB(), contactId),
    ['timeline', 'contacts'],
    [contactId],
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const remove = async (id: string) => {
    try {
      offerUndo(await sendMessage('recordsDeleteEntry', { id }));
      setError(null);
    } catch (e) {
      setError(strings.workspace.saveError(errorText(e)));
    }
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const text = note.trim();
    if (!text) return;
    try {
      await sendMessage('wsAddNote', { contactId, text });
      setNote('');
      setError(null);
    } catch (e) {
      setError(strings.workspace.saveError(errorText(e)));
    }
  };
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.timeline}</h2>
      <form class="inline-form" onSubmit={add}>
        <label class="field grow">
          <span class="sr-only">{t.noteLabel}</span>
          <textarea rows={2} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit" class="btn">
          {t.addNote}
        </button>
      </form>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {entries.status === 'ready' &&
        (entries.value.length === 0 ? (
          <p class="muted">{t.noTimeline}</p>
        ) : (
          <ol class="timeline-list">
            {entries.value.map((entry) => (
              <li key={entry.id} class={`timeline-${entry.kind}`}>
                <span class="timeline-meta">
                  <span class="timeline-kind">{t.kinds[entry.kind]}</span> · <time>{formatWhen(entry.at)}</time>
                </span>
                <span class="timeline-text" dir="auto">
                  {entry.text}
                </span>
                <button
                  type="button"
                  class="link-button danger-text timeline-delete"
                  aria-label={strings.records.deleteNoteLabel(formatWhen(entry.at))}
                  onClick={() => void remove(entry.id)}
                >
                  {strings.records.deleteNote}
                </button>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
