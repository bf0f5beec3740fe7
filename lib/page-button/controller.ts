import type { ReviewField } from '../contacts/review';
import type { SavePageResult } from '../messaging/protocol';
import type { OverlayContext, OverlayModule } from './bridge';
import { shownProfileUrl } from './missing-profile';
import type { EventFilter, GuardFactory, PageUi } from './view';

export interface SaveButtonDeps {
  lookup(profileUrl: string): Promise<string | null>;
  savePage(): Promise<SavePageResult>;
  /** Saves what the user confirmed in the review form (the background keeps the rest of the capture). */
  saveReviewed(values: Partial<Record<ReviewField, string>>): Promise<unknown>;
  /** Our box, the card and the review form (overlay.js), injected once the page shows a person. */
  loadOverlay(): Promise<OverlayModule | null>;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface ControllerOptions {
  guard?: GuardFactory;
  accept?: EventFilter;
}

/**
 * Keeps our box in step with the URL: LinkedIn navigates without page loads, so every URL change re-targets
 * (or removes) it. Only the check "does this page show the URL's person?" runs on every LinkedIn page; the box
 * itself is loaded when the answer is yes. A saved person gets their card, a new person the Save button.
 * Answers that arrive for a previous URL are dropped.
 */
export class SaveButtonController {
  private ui: PageUi | null = null;
  private module: OverlayModule | null = null;
  private profileUrl: string | null = null;
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly win: Window & typeof globalThis,
    private readonly deps: SaveButtonDeps,
    private readonly options: ControllerOptions = {},
  ) {}

  /** Call on every URL or page change: cheap when nothing changed. */
  onUrl(url: string): void {
    const profileUrl = shownProfileUrl(this.doc, url);
    if (profileUrl === this.profileUrl) {
      this.ui?.refresh();
      return;
    }
    this.profileUrl = profileUrl;
    const generation = ++this.generation;
    if (!profileUrl) {
      this.hide();
      return;
    }
    // Nothing about the previous person may linger on this one.
    this.ui?.setContent();
    this.ui?.say('');
    // Both questions at once: is this person saved, and the box's code (injected once per page).
    const module = this.module ? Promise.resolve(this.module) : this.deps.loadOverlay().catch(() => null);
    const contactId = this.deps.lookup(profileUrl).catch(() => null); // unknown is fine: the user can still save
    void Promise.all([module, contactId]).then(([loaded, id]) => {
      if (generation !== this.generation || !loaded) return; // not loaded: the toolbar button still saves
      this.module = loaded;
      this.ui ??= loaded.createUi(this.doc, this.win, this.options.guard, this.options.accept);
      if (id) this.showCard();
      else this.showSave();
    });
  }

  private context(): OverlayContext | null {
    const ui = this.ui;
    const profileUrl = this.profileUrl;
    if (!ui || !profileUrl) return null;
    const generation = this.generation;
    const current = () => generation === this.generation;
    return {
      ui,
      profileUrl,
      current,
      save: () => void this.save(),
      saveReviewed: (values) => {
        ui.say('Saving…', { ms: 0 });
        this.deps.saveReviewed(values).then(
          () => current() && this.showCard(`Saved ${values.name}.`),
          (error: unknown) => current() && ui.say(`Not saved: ${errorText(error)}`, { warn: true }),
        );
      },
    };
  }

  private showSave(): void {
    this.ui?.showSaveButton(() => void this.save());
  }

  private showCard(message?: string): void {
    const ctx = this.context();
    if (ctx) this.module?.showCard(ctx, message);
  }

  private async save(): Promise<void> {
    const ui = this.ui;
    if (!ui) return;
    const generation = this.generation;
    ui.say('Reading the page…', { ms: 0 });
    let result: SavePageResult;
    try {
      result = await this.deps.savePage();
    } catch (error) {
      result = { status: 'error', message: errorText(error) };
    }
    if (generation !== this.generation) return;
    switch (result.status) {
      case 'saved': {
        // Said at once; the card follows once it has the person's summary, and repeats it.
        const message = result.created ? `Saved ${result.name ?? 'this person'}.` : 'Updated from this page.';
        ui.say(message);
        this.showCard(message);
        break;
      }
      case 'not-a-profile':
        ui.say('This page does not show a person’s profile. Nothing was saved.', { warn: true });
        break;
      case 'error':
        ui.say(`Not saved: ${result.message}`, { warn: true, ms: 10_000 });
        break;
      case 'review': {
        ui.say('');
        const ctx = this.context();
        if (ctx) this.module?.showReview(ctx, result.capture.profile, result.capture.reviewReasons);
      }
    }
  }

  private hide(): void {
    this.ui?.remove();
    this.ui = null;
  }

  destroy(): void {
    this.hide();
    this.profileUrl = null;
    this.generation++;
  }
}
