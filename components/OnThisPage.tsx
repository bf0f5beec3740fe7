import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Contact } from '@/lib/contacts/model';
import { findContactByProfileUrl } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { openContactInPanel } from '@/lib/ui/open-contact';
import { strings } from '@/lib/ui/strings';
import { profileKeyOf } from '@/lib/workspace/panel-follow';
import { Avatar } from './Avatar';
import { SaveThisPage } from './capture/SaveThisPage';
import { PersonName } from './PersonName';

const t = strings.surfaces.onThisPage;

/**
 * The popup's first line: on a saved person's profile, "On this page: <person> · <stage> · Open";
 * anywhere else, "Save the person on this page". Decided after the first rows are on screen.
 */
export function OnThisPage({ windowId }: { windowId: number | null }) {
  const [state, setState] = useState<{ ready: boolean; contact: Contact | null }>({ ready: false, contact: null });
  useEffect(() => {
    let alive = true;
    const look = async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const key = profileKeyOf(tab?.url);
      return key ? ((await findContactByProfileUrl(await openRapportDB(), key)) ?? null) : null;
    };
    look().then(
      (contact) => alive && setState({ ready: true, contact }),
      () => alive && setState({ ready: true, contact: null }),
    );
    return () => {
      alive = false;
    };
  }, []);
  if (!state.ready) return null;
  const contact = state.contact;
  if (!contact) return <SaveThisPage />;
  const name = contact.name ?? strings.contacts.unnamed;
  return (
    <section class="on-this-page" aria-labelledby="on-this-page-label">
      <Avatar name={contact.name} thumb={contact.photoThumb} size={36} />
      <div class="grow on-this-page-text">
        <span id="on-this-page-label" class="field-label">
          {t.label}
        </span>
        <span class="on-this-page-line">
          <PersonName name={name} class="contact-name" />
          <span class="status-chip">{strings.workspace.status[contact.status]}</span>
        </span>
      </div>
      <button
        type="button"
        class="btn primary"
        aria-label={t.openLabel(name)}
        onClick={() => openContactInPanel(contact.id, windowId)}
      >
        {t.open}
      </button>
    </section>
  );
}
