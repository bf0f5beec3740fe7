import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
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
        <div class="confirm" role="alertdialog" aria-labelledby="delete-person-text">
          <p id="delete-person-text" dir="auto">
            {t.deleteContactConfirm(contact.name ?? strings.contacts.unnamed)}
          </p>
          <button type="button" class="btn danger" onClick={() => void remove()}>
            {t.deleteYes}
          </button>{' '}
          <button type="button" class="btn" onClick={() => setConfirming(false)}>
            {t.cancel}
          </button>
        </div>
      ) : (
        <button type="button" class="btn danger-outline" onClick={() => setConfirming(true)}>
          {t.deleteContact}
        </button>
      )}
      {error && (
        <p class="notice" role="alert">
          {strings.workspace.saveError(error)}
        </p>
      )}
    </section>
  );
}
