import { sendPageMessage as sendMessage } from '../messaging/page-send';
import { loadedOverlayModule } from './bridge';
import { SaveButtonController } from './controller';

interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** At most one look per this many ms: LinkedIn changes its DOM in bursts. */
export const SETTLE_MS = 200;

/**
 * Runs on every LinkedIn page. Kept tiny on purpose (no polyfill, no UI framework): it follows the URL, shows
 * our box on a person's profile, and asks the background for everything else.
 *
 * It observes instead of polling: the Navigation API and popstate see in-app navigations, and a MutationObserver
 * sees the page catch up after its URL (LinkedIn's "profile not found") or change theme. Each of these only
 * arms one timer (if not armed already), so a burst of changes costs one check SETTLE_MS later, and the check is
 * cheap: a URL parse and a few querySelector calls (plus re-placing our box on a profile). Nothing runs while the
 * page is idle.
 */
export function startSaveButton(win: Window & typeof globalThis): () => void {
  const doc = win.document;
  const controller = new SaveButtonController(doc, win, {
    lookup: async (profileUrl) => (await sendMessage('lookupProfile', { profileUrl })).contactId,
    savePage: () => sendMessage('savePage', {}),
    saveReviewed: (values) => sendMessage('saveReviewed', { values }),
    loadOverlay: async () =>
      loadedOverlayModule() ?? ((await sendMessage('overlayLoad', {})).loaded ? loadedOverlayModule() : null),
  });
  let timer = 0;
  const check = () => {
    timer = 0;
    // After an extension update this copy is orphaned: its messages would fail. Step aside.
    if (!(globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id) return stop();
    controller.onUrl(win.location.href);
  };
  const schedule = () => {
    if (!timer) timer = win.setTimeout(check, SETTLE_MS);
  };
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('navigatesuccess', schedule);
  win.addEventListener('popstate', schedule);
  win.addEventListener('resize', schedule);
  const observer = new win.MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  const themeObserver = new win.MutationObserver(schedule); // LinkedIn's theme class lives on <html>
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['class'] });
  const stop = () => {
    navigation?.removeEventListener('navigatesuccess', schedule);
    win.removeEventListener('popstate', schedule);
    win.removeEventListener('resize', schedule);
    observer.disconnect();
    themeObserver.disconnect();
    win.clearTimeout(timer);
    controller.destroy();
  };
  check();
  return stop;
}
