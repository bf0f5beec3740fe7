import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openContactInPanel } from '@/lib/ui/open-contact';
import { strings } from '@/lib/ui/strings';
import { DueList } from './followups/DueList';
import { ContactSearch } from './workspace/ContactSearch';
import { Funnel } from './workspace/Funnel';
import { SaveThisPage } from './capture/SaveThisPage';

export function Popup() {
  // Known before any click: the side panel opens only if called synchronously in the click handler.
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => {
    browser.windows?.getCurrent().then(
      (w) => setWindowId(w.id ?? null),
      () => setWindowId(null),
    );
  }, []);

  return (
    <main class="popup">
      <header class="topbar">
        <h1>{strings.app.name}</h1>
      </header>
      <SaveThisPage />
      <DueList windowId={windowId} />
      <Funnel onOpen={(id) => openContactInPanel(id, windowId)} />
      <ContactSearch onOpen={(contact) => openContactInPanel(contact.id, windowId)} />
    </main>
  );
}
