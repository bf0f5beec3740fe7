import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getContact } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { SELECTED_CONTACT_KEY } from '@/lib/ui/open-contact';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { AppBar } from './AppBar';
import { ContactDetails } from './ContactDetails';
import { ContactSearch } from './workspace/ContactSearch';
import { Funnel } from './workspace/Funnel';

/**
 * The selected contact: from the URL (opened as a tab) or the popup's choice, followed live. The background
 * also writes it when the active tab shows a saved person's profile (lib/background/panel-follow.ts).
 */
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

/** The side panel: a fixed bar and one scroll area, showing either one person or everyone. */
export function SidePanel() {
  const [selectedId, select] = useSelectedContactId();
  const contact = useLive(
    async () => (selectedId ? ((await getContact(await openRapportDB(), selectedId)) ?? null) : null),
    ['contacts'],
    [selectedId],
  );

  if (selectedId && contact.status === 'ready' && contact.value) {
    return (
      <div class="shell panel">
        <AppBar>
          <button type="button" class="link-button back-link" onClick={() => select(null)}>
            ← {strings.details.back}
          </button>
        </AppBar>
        <main class="scroll-area">
          <ContactDetails contact={contact.value} />
        </main>
      </div>
    );
  }
  return (
    <div class="shell panel">
      <AppBar />
      <main class="scroll-area">
        {selectedId && contact.status === 'ready' && <p class="page notice">{strings.details.notFound}</p>}
        <Funnel onOpen={(id) => select(id)} />
        <ContactSearch onOpen={(c) => select(c.id)} />
      </main>
    </div>
  );
}
