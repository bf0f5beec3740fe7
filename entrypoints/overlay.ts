import { registerOverlay } from '@/lib/page-button/card';

/**
 * The saved person's card and the review form, injected by the background (scripting.executeScript) only on a
 * saved person's profile or when a capture needs checking, so what runs on every LinkedIn page stays small.
 */
export default defineUnlistedScript(() => registerOverlay());
