import { sendMessage } from '../../messaging/protocol';
import { OVERLAY_COLLAPSED_KEY } from '../../names';
import type { OverlaySummary } from '../../overlay/summary';
import type { OverlayContext } from '../bridge';
import { readStored, writeStored } from '../storage';
import { h, ensureStyle } from './dom';
import { makeDraggable } from './drag';
import { CARD_STYLE } from './style';
import { dayLabel, followupLine, STAGE } from './text';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The card on a saved person's profile: stage, next follow-up, last note, a quick note, "Open in Rapport", and
 * "Update from page". It folds into a pill and can be moved; both are remembered.
 */
export async function showCard(ctx: OverlayContext, message?: string): Promise<void> {
  const { ui } = ctx;
  ensureStyle(ui.root, CARD_STYLE);
  const [summary, stored] = await Promise.all([
    sendMessage('overlaySummary', { profileUrl: ctx.profileUrl }).catch(() => null),
    readStored(OVERLAY_COLLAPSED_KEY),
  ]);
  if (!ctx.current()) return;
  if (!summary) {
    ui.showSaveButton(ctx.save); // deleted meanwhile (or unreadable): the person can be saved again
    return;
  }
  // Just saved: open, with the note field ready. Otherwise as the user left it.
  const collapsed = !message && stored === true;
  new Card(ctx, summary).render(collapsed, !!message);
  if (message) ui.say(message);
}

class Card {
  constructor(
    private readonly ctx: OverlayContext,
    private summary: OverlaySummary,
  ) {}

  private get doc(): Document {
    return this.ctx.ui.doc;
  }

  render(collapsed: boolean, focusNote = false): void {
    if (collapsed) this.renderPill();
    else this.renderCard(focusNote);
  }

  private fold(collapsed: boolean): void {
    writeStored(OVERLAY_COLLAPSED_KEY, collapsed);
    this.render(collapsed);
    this.ctx.ui.root.querySelector<HTMLElement>(collapsed ? '.pill' : '.icon')?.focus();
  }

  private renderPill(): void {
    const { doc, summary } = this;
    const ui = this.ctx.ui;
    const pill = h(
      doc,
      'button',
      {
        className: 'pill',
        attrs: {
          type: 'button',
          'aria-expanded': 'false',
          'aria-label': `Show the Rapport card (${STAGE[summary.status]})`,
        },
      },
      h(doc, 'span', { text: 'Rapport' }),
      h(doc, 'span', { className: 'stage', text: STAGE[summary.status] }),
    );
    const drag = makeDraggable(pill, ui);
    pill.addEventListener('click', (event) => ui.accept(event) && !drag.dragged() && this.fold(false));
    ui.setContent(pill);
  }

  private renderCard(focusNote: boolean): void {
    const { doc, summary } = this;
    const ui = this.ctx.ui;
    const now = Date.now();
    const grip = h(doc, 'button', {
      className: 'grip',
      text: '⠿',
      attrs: { type: 'button', 'aria-label': 'Move the card (arrow keys)', title: 'Drag to move' },
    });
    makeDraggable(grip, ui);
    const name = h(doc, 'div', { className: 'name', text: summary.name || 'Saved person' });
    name.title = summary.name;
    const fold = h(doc, 'button', {
      className: 'icon',
      text: '–',
      attrs: { type: 'button', 'aria-label': 'Fold the card', 'aria-expanded': 'true', title: 'Fold' },
    });
    fold.addEventListener('click', (event) => ui.accept(event) && this.fold(true));

    const next = followupLine(summary.nextFollowup, now);
    const nextRow = h(
      doc,
      'div',
      { className: 'row' },
      h(doc, 'span', { className: 'label', text: 'Next follow-up' }),
      h(doc, 'span', { className: next.late ? 'late' : '', text: next.text }),
    );
    const noteRow = h(
      doc,
      'div',
      { className: 'row' },
      h(doc, 'span', {
        className: 'label',
        text: summary.lastNote ? `Last note · ${dayLabel(summary.lastNote.at, now)}` : 'Last note',
      }),
      h(doc, 'span', {
        className: 'note',
        text: summary.lastNote?.text ?? 'No notes yet',
        attrs: { title: summary.lastNote?.text ?? '' },
      }),
    );

    const input = h(doc, 'input', {
      attrs: { type: 'text', 'aria-label': 'Quick note', placeholder: 'Add a note…', dir: 'auto', maxlength: '5000' },
    });
    const add = h(doc, 'button', { className: 'secondary', text: 'Add', attrs: { type: 'button' } });
    const addNote = (event: Event) => {
      if (!ui.accept(event)) return;
      const text = input.value.trim();
      if (!text) return input.focus();
      add.disabled = true;
      sendMessage('overlayAddNote', { contactId: summary.contactId, text }).then(
        (updated) => {
          if (!this.ctx.current()) return;
          this.summary = updated;
          this.renderCard(true);
          ui.say('Note added.');
        },
        (error: unknown) => {
          add.disabled = false;
          ui.say(`Note not added: ${errorText(error)}`, { warn: true, ms: 10_000 });
        },
      );
    };
    add.addEventListener('click', addNote);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        addNote(event);
      }
    });

    const open = h(doc, 'button', { className: 'primary', text: 'Open in Rapport', attrs: { type: 'button' } });
    open.addEventListener('click', (event) => {
      if (!ui.accept(event)) return;
      // Sent inside the click: the browser lets the background open the side panel only during a user gesture.
      sendMessage('overlayOpenPanel', { contactId: summary.contactId }).then(
        (result) => result.opened === 'tab' && ui.say('Opened in a new tab.'),
        (error: unknown) => ui.say(`Could not open Rapport: ${errorText(error)}`, { warn: true }),
      );
    });
    const update = h(doc, 'button', { className: 'link', text: 'Update from page', attrs: { type: 'button' } });

    const card = h(
      doc,
      'section',
      { className: 'card', attrs: { 'aria-label': 'Rapport' } },
      h(doc, 'div', { className: 'head' }, grip, name, fold),
      h(
        doc,
        'div',
        { className: 'head' },
        h(doc, 'span', { className: 'stage', text: STAGE[summary.status] ?? summary.status }),
        h(doc, 'span', { className: 'label', text: 'in Rapport' }),
      ),
      nextRow,
      noteRow,
      h(doc, 'div', { className: 'quick' }, input, add),
      h(doc, 'div', { className: 'actions' }, open, update),
    );
    // setContent first (it stops the guards of what it replaces), then guard the new controls.
    ui.setContent(card);
    ui.guardClick(update, this.ctx.save);
    if (focusNote) input.focus();
  }
}
