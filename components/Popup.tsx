import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openContactInPanel } from '@/lib/ui/open-contact';
import { AppBar } from './AppBar';
import { DueList } from './followups/DueList';
import { OnThisPage } from './OnThisPage';
import { ContactSearch } from './workspace/ContactSearch';
import { Funnel } from './workspace/Funnel';

/** The toolbar popup: a fixed bar, then one scroll area (this page, what is due, progress, people). */
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
    <div class="shell popup">
      <AppBar />
      <main class="scroll-area">
        <OnThisPage windowId={windowId} />
        <DueList windowId={windowId} />
        <Funnel onOpen={(id) => openContactInPanel(id, windowId)} />
        <ContactSearch onOpen={(contact) => openContactInPanel(contact.id, windowId)} />
      </main>
    </div>
  );
}
