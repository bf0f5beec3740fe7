import { registerOverlayModule } from '../bridge';
import { PageUi } from '../view';
import { showCard } from './card';
import { showReview } from './review-form';

/** What overlay.js adds to the isolated world: our box, the card and the review form (see bridge.ts). */
export function registerOverlay(): void {
  registerOverlayModule({
    createUi: (doc, win, guard, accept) => new PageUi(doc, win, guard, accept),
    showCard: (ctx, message) => void showCard(ctx, message),
    showReview,
  });
}
