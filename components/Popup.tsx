import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { listContacts } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { openContactInPanel } from '@/lib/ui/open-contact';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { ContactList } from './ContactList';
import { DueList } from './followups/DueList';
import { SaveThisPage } from './capture/SaveThisPage';

export function Popup() {
  const contacts = useLive(async () => listContacts(await openRapportDB()), ['contacts']);
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
      <DueList />
      {contacts.status === 'loading' && <p class="page">{strings.contacts.loading}</p>}
      {contacts.status === 'error' && (
        <p class="page notice" role="alert">
          {strings.contacts.loadError(contacts.error)}
        </p>
      )}
      {contacts.status === 'ready' && (
        <ContactList contacts={contacts.value} onOpen={(contact) => openContactInPanel(contact.id, windowId)} />
      )}
    </main>
  );
}
