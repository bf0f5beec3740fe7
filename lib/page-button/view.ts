import type { CapturedProfile } from '../contacts/model';
import { REVIEW_FIELDS, type ReviewField } from '../contacts/review';

/**
 * The "Save to Rapport" control, drawn in an open shadow root so the page's CSS cannot reach it and
 * ours cannot leak out. Only DOM APIs and textContent: page text never becomes markup.
 */
export type ButtonState = 'idle' | 'saving' | 'saved' | 'error';

const STYLE = `
:host { all: initial; }
.wrap { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; display: flex; flex-direction: column;
  align-items: flex-end; gap: 8px; font: 14px/1.4 system-ui, sans-serif; color: #1d2226; }
button { font: inherit; border-radius: 999px; border: 1px solid #0a66c2; padding: 8px 16px; cursor: pointer; }
.save { background: #0a66c2; color: #fff; font-weight: 600; box-shadow: 0 2px 8px rgb(0 0 0 / .2); }
.save[data-state="saved"] { background: #fff; color: #057642; border-color: #057642; }
.save[data-state="saving"] { opacity: .7; cursor: progress; }
.save[data-state="error"] { background: #fff; color: #b24020; border-color: #b24020; }
button:focus-visible, input:focus-visible { outline: 3px solid #f5c75d; outline-offset: 2px; }
.status { background: #fff; border-radius: 8px; padding: 4px 10px; box-shadow: 0 1px 4px rgb(0 0 0 / .2); max-width: 320px; }
.status:empty { display: none; }
form { background: #fff; border-radius: 12px; padding: 16px; box-shadow: 0 4px 16px rgb(0 0 0 / .3); width: 320px;
  display: grid; gap: 8px; }
form h2 { font-size: 16px; margin: 0; }
form ul { margin: 0; padding-left: 18px; color: #915907; }
label { display: grid; gap: 2px; font-size: 12px; color: #56687a; }
input { font: inherit; padding: 6px 8px; border: 1px solid #8c8c8c; border-radius: 6px; color: #1d2226; }
.row { display: flex; gap: 8px; justify-content: flex-end; }
.secondary { background: #fff; color: #0a66c2; }
@media (prefers-color-scheme: dark) {
  .wrap { color: #e8e8e8; }
  .status, form { background: #1d2226; }
  input { background: #111; color: #e8e8e8; }
  .save[data-state="saved"], .save[data-state="error"], .secondary { background: #1d2226; }
}`;

const LABELS: Record<ButtonState, string> = {
  idle: 'Save to Rapport',
  saving: 'Saving…',
  saved: 'Saved in Rapport · Update',
  error: 'Save to Rapport',
};

export interface ButtonView {
  host: HTMLElement;
  setState(state: ButtonState, message?: string): void;
  /** The form sends back only the checked fields' values, trimmed. */
  showReview(
    profile: CapturedProfile,
    reasons: string[],
    onConfirm: (values: Record<ReviewField, string>) => void,
  ): void;
  clearReview(): void;
  remove(): void;
}

/**
 * Only the user's own clicks count: the page's scripts can reach this open shadow root and dispatch
 * synthetic events, which must never start a capture or a save.
 */
export type EventFilter = (event: Event) => boolean;
export const userEventsOnly: EventFilter = (event) => event.isTrusted;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) (node as unknown as Record<string, string>)[key] = value;
  return node;
}

export function createButtonView(doc: Document, onClick: () => void, accept: EventFilter = userEventsOnly): ButtonView {
  const host = el(doc, 'div', { id: 'rapport-save-root' });
  const root = host.attachShadow({ mode: 'open' });
  root.append(el(doc, 'style', { textContent: STYLE }));
  const wrap = el(doc, 'div', { className: 'wrap' });
  const status = el(doc, 'div', { className: 'status' });
  status.setAttribute('role', 'status');
  const button = el(doc, 'button', { className: 'save', type: 'button' });
  button.addEventListener('click', (event) => accept(event) && onClick());
  wrap.append(status, button);
  root.append(wrap);
  doc.documentElement.append(host);

  const view: ButtonView = {
    host,
    setState(state, message = '') {
      button.dataset.state = state;
      button.textContent = LABELS[state];
      button.disabled = state === 'saving';
      status.textContent = message;
    },
    showReview(profile, reasons, onConfirm) {
      root.querySelector('form')?.remove();
      const form = el(doc, 'form');
      form.setAttribute('aria-label', 'Check before saving to Rapport');
      form.append(el(doc, 'h2', { textContent: 'Check before saving' }));
      const list = el(doc, 'ul');
      for (const reason of reasons) list.append(el(doc, 'li', { textContent: reason }));
      form.append(list);
      const inputs = new Map<ReviewField, HTMLInputElement>();
      for (const [field, label] of REVIEW_FIELDS) {
        const input = el(doc, 'input', { value: String(profile[field] ?? ''), name: field });
        inputs.set(field, input);
        const wrapper = el(doc, 'label', { textContent: label });
        wrapper.append(input);
        form.append(wrapper);
      }
      const row = el(doc, 'div', { className: 'row' });
      const cancel = el(doc, 'button', { type: 'button', className: 'secondary', textContent: 'Cancel' });
      cancel.addEventListener('click', () => form.remove());
      row.append(cancel, el(doc, 'button', { type: 'submit', className: 'save', textContent: 'Save' }));
      form.append(row);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!accept(event)) return;
        const values = Object.fromEntries([...inputs].map(([field, input]) => [field, input.value.trim()])) as Record<
          ReviewField,
          string
        >;
        if (!values.name) {
          inputs.get('name')?.focus();
          status.textContent = 'A name is needed to save.';
          return;
        }
        form.remove();
        onConfirm(values);
      });
      wrap.prepend(form);
      inputs.get('name')?.focus();
    },
    clearReview() {
      root.querySelector('form')?.remove();
    },
    remove() {
      host.remove();
    },
  };
  view.setState('idle');
  return view;
}
