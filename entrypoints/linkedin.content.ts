import { sendMessage } from '@/lib/messaging/protocol';
import { SaveButtonController } from '@/lib/page-button/controller';

export default defineContentScript({
  // Every LinkedIn page: the site navigates without page loads, so we must already be there when the user
  // moves from the feed to a profile. Only a small controller runs here; the extractor is injected on click.
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new SaveButtonController(document, {
      lookup: async (profileUrl) => (await sendMessage('lookupProfile', { profileUrl })).contactId,
      savePage: () => sendMessage('savePage', {}),
      saveReviewed: (profile, photoThumb, sources) => sendMessage('saveProfile', { profile, photoThumb, sources }),
    });
    controller.onUrl(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => controller.onUrl(newUrl.href));
    ctx.onInvalidated(() => controller.destroy());
  },
});
