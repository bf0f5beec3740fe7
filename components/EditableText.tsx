import { useEffect, useRef, useState } from 'preact/hooks';

const SAVE_DELAY_MS = 400;

/**
 * A text field that saves itself: debounced while typing, at once on blur. `onSave` receives the value
 * the field started from (what this view last saw stored) and the new one, so the store can refuse to
 * overwrite a change made elsewhere. Follows the stored value live when the user is not typing.
 */
export function EditableText({
  label,
  value,
  multiline = false,
  onSave,
}: {
  label: string;
  value: string | null;
  multiline?: boolean;
  onSave: (before: string | null, after: string | null) => Promise<void>;
}) {
  const [draft, setDraft] = useState(value ?? '');
  const base = useRef(value);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    base.current = value;
    if (!dirty.current) setDraft(value ?? '');
  }, [value]);

  const flush = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const after = text.trim() === '' ? null : text;
    dirty.current = false;
    if (after === base.current) return;
    const before = base.current;
    base.current = after;
    void onSave(before, after);
  };
  const onInput = (text: string) => {
    dirty.current = true;
    setDraft(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flush(text), SAVE_DELAY_MS);
  };
  // Closing the panel or leaving the view must not lose the last keystrokes.
  const latest = useRef(draft);
  latest.current = draft;
  useEffect(() => {
    const save = () => dirty.current && flush(latest.current);
    addEventListener('pagehide', save);
    return () => {
      removeEventListener('pagehide', save);
      save();
    };
  }, []);

  const common = {
    value: draft,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
    onBlur: () => dirty.current && flush(draft),
  };
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
    </label>
  );
}
