import { startSaveButton } from '@/lib/page-button/start';

/**
 * The content script of every LinkedIn page (declared in wxt.config.ts). An unlisted script rather than a
 * WXT content script so it carries no polyfill or framework: it must stay under 15 KB minified.
 */
export default defineUnlistedScript(() => {
  startSaveButton(window);
});
