import { type Dispatch, type StateUpdater, useState } from 'preact/hooks';
import type { BulkEdit } from '@/lib/contacts/bulk';
import { CONTACT_STATUSES, type ContactStatus } from '@/lib/contacts/model';
import type { UndoSummary } from '@/lib/db/records';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { ConfirmDelete, SaveError } from './ConfirmDelete';
import { errorText } from './describe';
import { offerUndo } from './undo-toast';
import './records.css';

const t = strings.records;

/**
 * The list's multi-select actions: stage, tag, archive, delete. Each is one operation in the background,
 * undone in one step from the toast or "Recently deleted".
 */
export function BulkBar({
  selected,
  visibleIds,
  onSelect,
  onDone,
}: {
  selected: ReadonlySet<string>;
  /** The people the list shows now (for "select all"). */
  visibleIds: readonly string[];
  /** Sets the selection; takes an updater so a change made while an action runs is not lost. */
  onSelect: Dispatch<StateUpdater<ReadonlySet<string>>>;
  onDone: () => void;
}) {
  const [tag, setTag] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = [...selected];
  const none = ids.length === 0;

  // The action takes the selection when the user acts, not when the background answers: a person checked
  // while it runs stays checked (clearing on the answer unchecked them). A failed action gives its people back.
  const run = async (work: () => Promise<UndoSummary | null>): Promise<boolean> => {
    const taken = ids;
    onSelect(new Set());
    setConfirming(false);
    try {
      offerUndo(await work());
      setError(null);
      return true;
    } catch (e) {
      setError(errorText(e));
      onSelect((current) => new Set([...current, ...taken]));
      return false;
    }
  };
  const edit = (change: BulkEdit) => run(() => sendMessage('recordsBulkEdit', { ids, edit: change }));

  return (
    <div class="bulk-bar" role="region" aria-label={t.bulkLabel}>
      <div class="bulk-row">
        <strong aria-live="polite">{t.selected(ids.length)}</strong>
        <button
          type="button"
          class="link-button"
          onClick={() => onSelect(new Set(visibleIds))}
          disabled={visibleIds.length === 0}
        >
          {t.selectAll(visibleIds.length)}
        </button>
        <span class="grow" />
        <button type="button" class="btn" onClick={onDone}>
          {t.selectDone}
        </button>
      </div>
      <div class="bulk-row">
        <label class="bulk-field">
          <span class="sr-only">{t.moveTo}</span>
          <select
            disabled={none}
            value=""
            onChange={(e) => {
              const status = (e.currentTarget as HTMLSelectElement).value as ContactStatus | '';
              if (status) void edit({ kind: 'status', status });
            }}
          >
            <option value="">{t.moveTo}…</option>
            {CONTACT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {strings.workspace.status[s]}
              </option>
            ))}
          </select>
        </label>
        <form
          class="bulk-tag"
          onSubmit={(e) => {
            e.preventDefault();
            if (tag.trim()) void edit({ kind: 'add-tag', tag }).then((done) => done && setTag(''));
          }}
        >
          <label>
            <span class="sr-only">{t.tagPlaceholder}</span>
            <input
              type="text"
              dir="auto"
              placeholder={t.tagPlaceholder}
              value={tag}
              maxLength={100}
              onInput={(e) => setTag((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="btn" disabled={none || !tag.trim()}>
            {t.addTag}
          </button>
        </form>
      </div>
      <div class="bulk-row">
        <button
          type="button"
          class="btn"
          disabled={none}
          onClick={() => void edit({ kind: 'status', status: 'archived' })}
        >
          {t.archive}
        </button>
        <button type="button" class="btn danger" disabled={none} onClick={() => setConfirming(true)}>
          {t.deleteSelected}
        </button>
      </div>
      {confirming && !none && (
        <ConfirmDelete
          id="bulk-confirm-text"
          text={t.deleteSelectedConfirm(ids.length)}
          onDelete={() => void run(() => sendMessage('recordsDeleteContacts', { ids }))}
          onCancel={() => setConfirming(false)}
        />
      )}
      <SaveError error={error} />
    </div>
  );
}
