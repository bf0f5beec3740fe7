import { sendMessage } from '../messaging/protocol';
import { SaveButtonController } from './controller';

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void): void;
  removeEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void): void;
}

const POLL_MS = 1000;

/**
 * Runs on every LinkedIn page. Kept tiny on purpose (no polyfill, no UI framework): it follows the URL,
 * shows the button on a person's profile, and asks the background for everything else.
 */
export function startSaveButton(win: Window & typeof globalThis): () => void {
  const controller = new SaveButtonController(win.document, {
    lookup: async (profileUrl) => (await sendMessage('lookupProfile', { profileUrl })).contactId,
    savePage: () => sendMessage('savePage', {}),
    saveReviewed: (values) => sendMessage('saveReviewed', { values }),
  });
  const check = (url = win.location.href) => {
    // After an extension update this copy is orphaned: its messages would fail. Step aside.
    if (!(globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id) return stop();
    controller.onUrl(url); // cheap when nothing changed
  };
  // The Navigation API sees pushState navigations at once. The slow poll covers browsers without it and
  // a page whose content catches up after its URL (LinkedIn's "profile not found" after an in-app move).
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  const onNavigate = (event: { destination: { url: string } }) => check(event.destination.url);
  navigation?.addEventListener('navigate', onNavigate);
  const timer = win.setInterval(() => check(), POLL_MS);
  const stop = () => {
    navigation?.removeEventListener('navigate', onNavigate);
    win.clearInterval(timer);
    controller.destroy();
  };
  check();
  return stop;
}
