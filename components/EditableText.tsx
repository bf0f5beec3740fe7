import { useEffect, useRef, useState } from 'preact/hooks';
import { strings } from '@/lib/ui/strings';

const SAVE_DELAY_MS = 400;

/** `onSave` answers false when the store refused the edit (changed elsewhere meanwhile). */
export type SaveText = (before: string | null, after: string | null) => Promise<boolean | void>;

interface Draft {
  before: string | null;
  after: string | null;
}

function readDraft(key: string | undefined): Draft | null {
  if (!key) return null;
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string | undefined, draft: Draft | null): void {
  if (!key) return;
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or unavailable: the debounced save still runs.
  }
}

/**
 * A text field that saves itself: debounced while typing, at once on blur. `onSave` receives the value
 * the field started from (what this view last saw stored) and the new one, so the store can refuse to
 * overwrite a change made elsewhere. Follows the stored value live when the user is not typing.
 *
 * With `draftKey`, every keystroke is also kept synchronously in localStorage until the store confirms it,
 * so closing the panel mid-sentence loses nothing: the next time the field opens, the draft is saved (if
 * the stored value is still the one it was based on).
 */
export function EditableText({
  label,
  value,
  multiline = false,
  rows = 4,
  hideLabel = false,
  draftKey,
  showStatus = false,
  shortcut,
  onSave,
}: {
  label: string;
  value: string | null;
  multiline?: boolean;
  rows?: number;
  hideLabel?: boolean;
  draftKey?: string;
  showStatus?: boolean;
  /** A keyboard shortcut that focuses this field (handled by the caller), shown beside the label. */
  shortcut?: string;
  onSave: SaveText;
}) {
  const [draft, setDraft] = useState(value ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [conflict, setConflict] = useState(false);
  const base = useRef(value);
  const stored = useRef(value);
  const dirty = useRef(false);
  // True while the field holds text the store refused (changed elsewhere): it is kept, never replaced live.
  const held = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Saves sent and not yet answered: until the answer, the text on screen is the user's, whatever arrives.
  const inFlight = useRef(0);

  useEffect(() => {
    stored.current = value;
    // While typing or saving, keep the value the edit is based on: a change made elsewhere meanwhile is
    // then reported as a conflict instead of silently replacing the user's text (or being overwritten).
    if (dirty.current || inFlight.current > 0) return;
    base.current = value;
    if (!held.current) setDraft(value ?? '');
  }, [value]);

  const flush = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const after = text.trim() === '' ? null : text;
    dirty.current = false;
    if (after === base.current) {
      writeDraft(draftKey, null);
      return;
    }
    const before = base.current;
    // Optimistic, so an edit typed while this save runs is based on it; undone below if the save fails.
    base.current = after;
    setState('saving');
    inFlight.current++;
    onSave(before, after).then(
      (ok) => {
        inFlight.current--;
        if (ok === false) {
          // Refused (changed elsewhere meanwhile): keep the user's text and its draft, say so. A next edit is
          // based on what is stored now, so saving again replaces it knowingly.
          base.current = stored.current;
          held.current = true;
          // The draft keeps the value it was typed on: reopened later, it is held again, never saved blindly
          // over the other edit (a draft is only replayed when the store still holds its `before`).
          writeDraft(draftKey, { before, after });
          setConflict(true);
          setState('idle');
          return;
        }
        held.current = false;
        setConflict(false);
        // A newer value from elsewhere arrived while this save was in flight: show it now.
        if (!dirty.current && inFlight.current === 0 && stored.current !== after && stored.current !== before) {
          base.current = stored.current;
          setDraft(stored.current ?? '');
        }
        const pending = readDraft(draftKey);
        if (pending && pending.after === after) writeDraft(draftKey, null);
        setState('saved');
      },
      () => {
        inFlight.current--;
        // Not saved (e.g. the background failed): the edit is still based on what was stored before, and
        // the text stays (with its draft) to be saved again on the next edit, blur or close.
        if (base.current === after) base.current = before;
        dirty.current = true;
        setState('idle');
      },
    );
  };
  const showStored = () => {
    held.current = false;
    dirty.current = false;
    base.current = stored.current;
    setDraft(stored.current ?? '');
    writeDraft(draftKey, null);
    setConflict(false);
  };
  const onInput = (text: string) => {
    dirty.current = true;
    setDraft(text);
    writeDraft(draftKey, { before: base.current, after: text.trim() === '' ? null : text });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flush(text), SAVE_DELAY_MS);
  };
  // Closing the panel or leaving the view must not lose the last keystrokes.
  const latest = useRef(draft);
  latest.current = draft;
  useEffect(() => {
    const pending = readDraft(draftKey);
    if (pending) {
      if (pending.after === value) writeDraft(draftKey, null);
      else if (pending.before === value) {
        dirty.current = true;
        setDraft(pending.after ?? '');
        flush(pending.after ?? '');
      } else {
        // The stored value moved on elsewhere since the draft was typed: keep the draft, say so, and let the
        // user choose (editing it replaces the stored value; the notice's button shows the stored one).
        held.current = true;
        base.current = value;
        setDraft(pending.after ?? '');
        setConflict(true);
      }
    }
    const save = () => dirty.current && flush(latest.current);
    addEventListener('pagehide', save);
    return () => {
      removeEventListener('pagehide', save);
      save();
    };
  }, []);

  const common = {
    value: draft,
    // User text: each value in its own direction (an Arabic note in an English page).
    dir: 'auto' as const,
    'aria-keyshortcuts': shortcut,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
    onBlur: () => dirty.current && flush(latest.current),
  };
  return (
    <>
      <label class="field">
        <span class={hideLabel ? 'sr-only' : 'field-label'}>
          {label}
          {shortcut && (
            <>
              {' '}
              <kbd class="shortcut">{shortcut}</kbd>
            </>
          )}
        </span>
        {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
        {showStatus && (
          <span class="save-state muted" aria-live="polite">
            {state === 'saving' ? strings.workspace.call.saving : state === 'saved' ? strings.workspace.call.saved : ''}
          </span>
        )}
      </label>
      {conflict && (
        <p class="muted">
          {strings.workspace.call.conflict}{' '}
          <button type="button" class="link-button" onClick={showStored}>
            {strings.workspace.call.useStored}
          </button>
        </p>
      )}
    </>
  );
}
