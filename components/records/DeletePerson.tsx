import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { ConfirmDelete, SaveError } from './ConfirmDelete';
import { errorText } from './describe';
import { offerUndo } from './undo-toast';
import './records.css';

const t = strings.records;

/** "Delete this person", confirmed in place; undone from the toast or "Recently deleted". */
export function DeletePerson({ contact }: { contact: Contact }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      offerUndo(await sendMessage('recordsDeleteContacts', { ids: [contact.id] }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section class="delete-person">
      {confirming ? (
        <ConfirmDelete
          id="delete-person-text"
          text={t.deleteContactConfirm(contact.name ?? strings.contacts.unnamed)}
          onDelete={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" class="btn danger-outline" onClick={() => setConfirming(true)}>
          {t.deleteContact}
        </button>
      )}
      <SaveError error={error} />
    </section>
  );
}
