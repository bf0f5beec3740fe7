import { registerOverlayModule } from '../bridge';
import { showCard } from './card';
import { showReview } from './review-form';

/** What overlay.js adds to the isolated world: the card and the review form (see bridge.ts). */
export function registerOverlay(): void {
  registerOverlayModule({ showCard: (ctx, message) => void showCard(ctx, message), showReview });
}
