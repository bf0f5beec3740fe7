import { strings } from '@/lib/ui/strings';
import './records.css';

const t = strings.records;

/** "Delete …? You can undo it for 30 days." with Delete and Cancel, shown in place of the button. */
export function ConfirmDelete({
  id,
  text,
  onDelete,
  onCancel,
}: {
  id: string;
  text: string;
  onDelete: () => void;
  onCancel: () => void;
}) {
  return (
    <div class="confirm" role="alertdialog" aria-labelledby={id}>
      <p id={id} dir="auto">
        {text}
      </p>
      <button type="button" class="btn danger" onClick={onDelete}>
        {t.deleteYes}
      </button>{' '}
      <button type="button" class="btn" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}

/** A failed save, said in plain words. */
export function SaveError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p class="notice" role="alert">
      {strings.workspace.saveError(error)}
    </p>
  );
}
