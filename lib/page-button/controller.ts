import type { ReviewField } from '../contacts/review';
import type { SavePageResult } from '../messaging/protocol';
import { shownProfileUrl } from './missing-profile';
import { createButtonView, userEventsOnly, type ButtonView, type EventFilter } from './view';

export interface SaveButtonDeps {
  lookup(profileUrl: string): Promise<string | null>;
  savePage(): Promise<SavePageResult>;
  /** Saves what the user confirmed in the review form (the background keeps the rest of the capture). */
  saveReviewed(values: Partial<Record<ReviewField, string>>): Promise<unknown>;
}

/**
 * Keeps one button in step with the URL: LinkedIn navigates without page loads, so every URL change
 * re-targets (or removes) the button. Answers that arrive for a previous URL are dropped.
 */
export class SaveButtonController {
  private view: ButtonView | null = null;
  private profileUrl: string | null = null;
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly deps: SaveButtonDeps,
    private readonly accept: EventFilter = userEventsOnly,
  ) {}

  /**
   * Call on every URL change and now and then: cheap when nothing changed. The "profile not found" check
   * reads the DOM, which after an in-app navigation catches up a moment after the URL.
   */
  onUrl(url: string): void {
    const profileUrl = shownProfileUrl(this.doc, url);
    if (profileUrl === this.profileUrl) return;
    this.profileUrl = profileUrl;
    const generation = ++this.generation;
    if (!profileUrl) {
      this.hide();
      return;
    }
    this.view ??= createButtonView(this.doc, () => void this.save(), this.accept);
    this.view.clearReview(); // a form about the previous person must not linger on this one
    this.view.setState('idle');
    this.deps.lookup(profileUrl).then(
      (contactId) => {
        if (generation === this.generation && contactId) this.view?.setState('saved');
      },
      () => undefined, // Unknown is fine: the user can still save.
    );
  }

  private async save(): Promise<void> {
    const view = this.view;
    if (!view) return;
    const generation = this.generation;
    view.setState('saving');
    let result: SavePageResult;
    try {
      result = await this.deps.savePage();
    } catch (error) {
      result = { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    if (generation !== this.generation) return;
    switch (result.status) {
      case 'saved':
        view.setState('saved', result.created ? `Saved ${result.name ?? 'this person'}.` : 'Updated.');
        break;
      case 'not-a-profile':
        view.setState('error', 'This page does not show a person’s profile. Nothing was saved.');
        setTimeout(() => generation === this.generation && this.hide(), 4000);
        break;
      case 'error':
        view.setState('error', result.message);
        break;
      case 'review': {
        view.setState('idle', '');
        const { capture } = result;
        view.showReview(capture.profile, capture.reviewReasons, (values) => {
          view.setState('saving');
          this.deps.saveReviewed(values).then(
            () => generation === this.generation && view.setState('saved', `Saved ${values.name}.`),
            (error: unknown) => view.setState('error', String(error)),
          );
        });
      }
    }
  }

  private hide(): void {
    this.view?.remove();
    this.view = null;
  }

  destroy(): void {
    this.view?.remove();
    this.view = null;
    this.profileUrl = null;
    this.generation++;
  }
}
