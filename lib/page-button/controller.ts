import type { ReviewField } from '../contacts/review';
import type { SavePageResult } from '../messaging/protocol';
import type { OverlayContext, OverlayModule } from './bridge';
import { shownProfileUrl } from './missing-profile';
import { PageUi, USE_TOOLBAR, type EventFilter, type GuardFactory } from './view';

export interface SaveButtonDeps {
  lookup(profileUrl: string): Promise<string | null>;
  savePage(): Promise<SavePageResult>;
  /** Saves what the user confirmed in the review form (the background keeps the rest of the capture). */
  saveReviewed(values: Partial<Record<ReviewField, string>>): Promise<unknown>;
  /** The card and review form (overlay.js), injected on demand. */
  loadOverlay(): Promise<OverlayModule | null>;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface ControllerOptions {
  guard?: GuardFactory;
  accept?: EventFilter;
}

/**
 * Keeps our box in step with the URL: LinkedIn navigates without page loads, so every URL change re-targets
 * (or removes) it. A saved person gets their card, a new person the Save button. Answers that arrive for a
 * previous URL are dropped.
 */
export class SaveButtonController {
  private ui: PageUi | null = null;
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
    this.ui ??= new PageUi(this.doc, this.win, this.options.guard, this.options.accept);
    this.ui.setContent(); // nothing about the previous person may linger on this one
    this.ui.say('');
    this.deps.lookup(profileUrl).then(
      (contactId) => {
        if (generation !== this.generation) return;
        if (contactId) void this.showCard();
        else this.showSave();
      },
      () => generation === this.generation && this.showSave(), // unknown is fine: the user can still save
    );
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
          () => current() && void this.showCard(`Saved ${values.name}.`),
          (error: unknown) => current() && ui.say(`Not saved: ${errorText(error)}`, { warn: true }),
        );
      },
    };
  }

  private showSave(): void {
    this.ui?.showSaveButton(() => void this.save());
  }

  private async showCard(message?: string): Promise<void> {
    const generation = this.generation;
    const module = await this.deps.loadOverlay().catch(() => null);
    const ctx = this.context();
    if (generation !== this.generation || !ctx) return;
    if (module) module.showCard(ctx, message);
    else {
      // The card could not load (e.g. the extension was just updated): keep the Save button working.
      this.showSave();
      if (message) ctx.ui.say(message);
    }
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
        // Said at once; the card (injected on demand) follows a moment later and repeats it.
        const message = result.created ? `Saved ${result.name ?? 'this person'}.` : 'Updated from this page.';
        ui.say(message);
        await this.showCard(message);
        break;
      }
      case 'not-a-profile':
        ui.say('This page does not show a person’s profile. Nothing was saved.', { warn: true });
        break;
      case 'error':
        ui.say(`Not saved: ${result.message}`, { warn: true, ms: 10_000 });
        break;
      case 'review':
        ui.say('');
        await this.review(result.capture.profile, result.capture.reviewReasons);
    }
  }

  private async review(profile: Parameters<OverlayModule['showReview']>[1], reasons: string[]): Promise<void> {
    const generation = this.generation;
    const module = await this.deps.loadOverlay().catch(() => null);
    const ctx = this.context();
    if (generation !== this.generation || !ctx) return;
    if (module) module.showReview(ctx, profile, reasons);
    else ctx.ui.say(USE_TOOLBAR, { warn: true });
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
