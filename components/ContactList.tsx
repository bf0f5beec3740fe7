import type { Contact } from '@/lib/contacts/model';
import { strings } from '@/lib/ui/strings';
import { Avatar } from './Avatar';

const t = strings.contacts;

export function ContactList({
  contacts,
  onOpen,
}: {
  contacts: readonly Contact[];
  onOpen: (contact: Contact) => void;
}) {
  if (contacts.length === 0) {
    return (
      <section class="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">{t.emptyTitle}</h2>
        <p>{t.emptyBody}</p>
      </section>
    );
  }
  return (
    <ul class="contact-list" aria-label={t.listLabel}>
      {contacts.map((contact) => (
        <li key={contact.id}>
          <button
            type="button"
            class="contact-row"
            data-contact-id={contact.id}
            aria-label={t.openInPanel(contact.name ?? t.unnamed)}
            onClick={() => onOpen(contact)}
          >
            <Avatar name={contact.name} thumb={contact.photoThumb} />
            <span class="contact-text">
              <span class="contact-name">{contact.name ?? t.unnamed}</span>
              {contact.headline && <span class="contact-headline">{contact.headline}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
