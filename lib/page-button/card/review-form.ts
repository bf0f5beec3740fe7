import type { CapturedProfile } from '../../contacts/model';
import { REVIEW_FIELDS, type ReviewField } from '../../contacts/review';
import type { OverlayContext } from '../bridge';
import { ensureStyle, h } from './dom';
import { CARD_STYLE } from './style';

export const TAMPERED = 'The form changed without your typing, so it was reset. Check it and press Save again.';

/**
 * "Check before saving": the capture's doubtful fields, for the user to confirm or correct.
 *
 * Hostile-page rules: there is no <form>, so no `submit` event (which the browser marks trusted even when a
 * page script calls requestSubmit()) can confirm it. Only a trusted click on our own Save button, while it is
 * plainly visible, or a trusted Enter in one of our fields confirms. The values sent are our own state, changed
 * only by trusted input events; if a field's value ever differs from that state, the form is drawn again from
 * it and nothing is saved.
 */
export function showReview(ctx: OverlayContext, profile: CapturedProfile, reasons: string[]): void {
  const { ui } = ctx;
  const doc = ui.doc;
  ensureStyle(ui.root, CARD_STYLE);
  const values = Object.fromEntries(REVIEW_FIELDS.map(([field]) => [field, String(profile[field] ?? '')])) as Record<
    ReviewField,
    string
  >;
  const inputs = new Map<ReviewField, HTMLInputElement>();
  const list = h(doc, 'ul');
  for (const reason of reasons) list.append(h(doc, 'li', { text: reason }));
  const save = h(doc, 'button', { className: 'primary', text: 'Save', attrs: { type: 'button' } });
  const cancel = h(doc, 'button', { className: 'secondary', text: 'Cancel', attrs: { type: 'button' } });
  const panel = h(
    doc,
    'div',
    { className: 'card review', attrs: { role: 'form', 'aria-label': 'Check before saving to Rapport' } },
    h(doc, 'h2', { text: 'Check before saving' }),
    list,
  );
  for (const [field, label] of REVIEW_FIELDS) {
    const input = h(doc, 'input', { attrs: { type: 'text', dir: 'auto', maxlength: '2000' } });
    input.value = values[field];
    input.addEventListener('input', (event) => {
      if (event.isTrusted) values[field] = input.value;
    });
    inputs.set(field, input);
    panel.append(h(doc, 'label', { text: label }, input));
  }
  panel.append(h(doc, 'div', { className: 'actions' }, cancel, save));

  const confirm = () => {
    const tampered = [...inputs].some(([field, input]) => input.value !== values[field]);
    if (tampered) {
      for (const [field, input] of inputs) input.value = values[field];
      ui.say(TAMPERED, { warn: true, ms: 10_000 });
      return;
    }
    const confirmed = Object.fromEntries(REVIEW_FIELDS.map(([field]) => [field, values[field].trim()])) as Record<
      ReviewField,
      string
    >;
    if (!confirmed.name) {
      inputs.get('name')?.focus();
      ui.say('A name is needed to save.', { warn: true });
      return;
    }
    ui.setContent();
    ctx.saveReviewed(confirmed);
  };
  cancel.addEventListener('click', (event) => {
    if (!ui.accept(event)) return;
    ui.showSaveButton(ctx.save);
  });
  ui.setContent(panel);
  const act = ui.guardClick(save, confirm);
  for (const input of inputs.values())
    input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault();
      act(event);
    });
  inputs.get('name')?.focus();
}
