import { registerOverlay } from '@/lib/page-button/card';

/**
 * Our box on a LinkedIn page (the Save button, the saved person's card, the review form), injected by the
 * background (scripting.executeScript) once the page shows a person, so what runs on every LinkedIn page stays
 * small.
 */
export default defineUnlistedScript(() => registerOverlay());
