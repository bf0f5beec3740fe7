import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getContact } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { SELECTED_CONTACT_KEY } from '@/lib/ui/open-contact';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { ContactDetails } from './ContactDetails';
import { ContactSearch } from './workspace/ContactSearch';
import { Funnel } from './workspace/Funnel';

/** The selected contact: from the URL (opened as a tab) or the popup's choice, followed live. */
function useSelectedContactId(): [string | null, (id: string | null) => void] {
  const fromUrl = new URLSearchParams(location.search).get('contact');
  const [id, setId] = useState<string | null>(fromUrl);
  useEffect(() => {
    if (!fromUrl) {
      void browser.storage.local.get(SELECTED_CONTACT_KEY).then((items) => {
        const stored = items[SELECTED_CONTACT_KEY];
        if (typeof stored === 'string') setId(stored);
      });
    }
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const next = changes[SELECTED_CONTACT_KEY]?.newValue;
      if (area === 'local' && typeof next === 'string') setId(next);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [fromUrl]);
  const select = (next: string | null) => {
    setId(next);
    void browser.storage.local.set({ [SELECTED_CONTACT_KEY]: next });
  };
  return [id, select];
}

export function SidePanel() {
  const [selectedId, select] = useSelectedContactId();
  const contact = useLive(
    async () => (selectedId ? ((await getContact(await openRapportDB(), selectedId)) ?? null) : null),
    ['contacts'],
    [selectedId],
  );

  if (selectedId && contact.status === 'ready' && contact.value) {
    return (
      <main class="page">
        <button type="button" class="link-button" onClick={() => select(null)}>
          ← {strings.details.back}
        </button>
        <ContactDetails contact={contact.value} />
      </main>
    );
  }
  return (
    <main>
      <header class="topbar">
        <h1>{strings.app.name}</h1>
      </header>
      {selectedId && contact.status === 'ready' && <p class="page notice">{strings.details.notFound}</p>}
      <Funnel onOpen={(id) => select(id)} />
      <ContactSearch onOpen={(c) => select(c.id)} />
    </main>
  );
}
