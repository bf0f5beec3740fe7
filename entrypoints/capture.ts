import { captureWhenReady } from '@/lib/page-capture/run';

/**
 * Injected on demand by the background (scripting.executeScript) into the tab being saved: the full
 * extractor never loads on ordinary LinkedIn browsing. The returned value goes back to the background.
 */
export default defineUnlistedScript(() => captureWhenReady(document, location.href));
