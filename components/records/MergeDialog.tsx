import { useEffect, useRef, useState } from 'preact/hooks';
import type { MergeChoices, MergeField, MergeSide } from '@/lib/contacts/merge-plan';
import { sendMessage } from '@/lib/messaging/protocol';
import type { MergePreview } from '@/lib/messaging/records-protocol';
import { strings } from '@/lib/ui/strings';
import { errorText } from './describe';
import { offerUndo } from './undo-toast';
import './records.css';

const t = strings.records;

function fieldLabel(field: MergeField): string {
  return t.fieldNames[field] ?? (strings.details.fields as Record<string, string>)[field] ?? field;
}

/** A field's value as one short line of text (lists joined, stages by name). */
function show(field: MergeField, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return t.emptyValue;
  if (field === 'status') return strings.workspace.status[value as keyof typeof strings.workspace.status];
  if (field === 'referredById') return names[String(value)] ?? strings.contacts.unnamed;
  if (field === 'photoThumb' || field === 'photoUrl') return '🖼';
  if (Array.isArray(value))
    return value
      .map((v) => (typeof v === 'object' && v ? Object.values(v).filter(Boolean).join(', ') : String(v)))
      .join('; ');
  return String(value);
}

/**
 * The merge preview: which record stays, where the two disagree (the user picks per field), and what
 * moves over. Merging is one operation, undone from the toast or "Recently deleted".
 */
export function MergeDialog({
  keepId,
  dropId,
  onClose,
}: {
  keepId: string;
  dropId: string;
  /** Called with the id of the record that stayed, or null when cancelled. */
  onClose: (keptId: string | null) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal?.();
    sendMessage('recordsMergePreview', { keepId, dropId }).then(setPreview, (e: unknown) => setError(errorText(e)));
  }, [keepId, dropId]);
  const merge = async () => {
    try {
      offerUndo(await sendMessage('recordsMerge', { keepId, dropId, choices }));
      dialog.current?.close();
      onClose(keepId);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const cancel = () => {
    dialog.current?.close();
    onClose(null);
  };
  const name = preview?.keep.name ?? preview?.drop.name ?? strings.contacts.unnamed;
  return (
    <dialog ref={dialog} class="merge-dialog" aria-labelledby="merge-title" onCancel={cancel}>
      <h2 id="merge-title">{t.mergeTitle}</h2>
      {preview && (
        <>
          <p dir="auto">{t.mergeIntro(name)}</p>
          {preview.conflicts.length === 0 ? (
            <p class="muted">{t.mergeNoConflicts}</p>
          ) : (
            preview.conflicts.map((c) => {
              const side: MergeSide = choices[c.field] ?? c.side;
              const pick = (next: MergeSide) => setChoices((x) => ({ ...x, [c.field]: next }));
              return (
                <fieldset key={c.field} class="merge-field">
                  <legend>{fieldLabel(c.field)}</legend>
                  {(['keep', 'drop'] as const).map((s) => (
                    <label key={s} class="check">
                      <input type="radio" name={`merge-${c.field}`} checked={side === s} onChange={() => pick(s)} />
                      <span dir="auto">{show(c.field, s === 'keep' ? c.keep : c.drop, preview.names)}</span>
                    </label>
                  ))}
                </fieldset>
              );
            })
          )}
          <p>
            {t.mergeMoves(
              preview.moves.timeline,
              preview.moves.meetings,
              preview.moves.followups,
              preview.moves.referred,
            )}
          </p>
        </>
      )}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn primary" disabled={!preview} onClick={() => void merge()}>
          {t.mergeConfirm}
        </button>
        <button type="button" class="btn" onClick={cancel}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}
