import type { Contact } from '@/lib/contacts/model';
import { strings } from '@/lib/ui/strings';
import { Avatar } from './Avatar';

const t = strings.contacts;
const ws = strings.workspace;

/** Rows of people; renders at most `limit` rows (the caller offers "show more"). */
export function ContactList({
  contacts,
  onOpen,
  limit = Infinity,
  selection,
}: {
  contacts: readonly Contact[];
  onOpen: (contact: Contact) => void;
  limit?: number;
  /** Multi-select (records/BulkBar): a checkbox on each row. */
  selection?: { selected: ReadonlySet<string>; toggle: (id: string) => void };
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
      {contacts.slice(0, limit).map((contact) => (
        <li key={contact.id} class={selection ? 'selectable-row' : undefined}>
          {selection && (
            <input
              type="checkbox"
              class="row-check"
              aria-label={strings.records.selectRow(contact.name ?? t.unnamed)}
              checked={selection.selected.has(contact.id)}
              onChange={() => selection.toggle(contact.id)}
            />
          )}
          <button type="button" class="contact-row" data-contact-id={contact.id} onClick={() => onOpen(contact)}>
            <Avatar name={contact.name} thumb={contact.photoThumb} />
            <span class="contact-text">
              {/* The accessible name reads "Open <name> in the side panel" and still contains the visible text. */}
              <span class="sr-only">{ws.search.rowOpenBefore} </span>
              <span class="contact-name name-clamp" dir="auto" title={contact.name ?? t.unnamed}>
                {contact.name ?? t.unnamed}
              </span>
              <span class="sr-only"> {ws.search.rowOpenAfter}</span>
              {contact.headline && (
                <span class="contact-headline" dir="auto">
                  {contact.headline}
                </span>
              )}
            </span>
            <span class={`status-chip status-${contact.status}`}>{ws.status[contact.status]}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
