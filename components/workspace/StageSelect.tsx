import { useState } from 'preact/hooks';
import { CONTACT_STATUSES, type Contact, type ContactStatus } from '@/lib/contacts/model';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { errorText } from './data';

const t = strings.workspace;

/** The pipeline stage; every move is kept on the timeline with its time (by the background). */
export function StageSelect({ contact }: { contact: Contact }) {
  const [notice, setNotice] = useState<string | null>(null);
  const change = async (to: ContactStatus) => {
    try {
      const { conflict } = await sendMessage('wsSetStatus', { contactId: contact.id, before: contact.status, to });
      setNotice(conflict ? t.conflict : null);
    } catch (error) {
      setNotice(t.saveError(errorText(error)));
    }
  };
  return (
    <div class="stage">
      <label class="field stage-field">
        <span class="field-label">{t.contact.pipeline}</span>
        <select
          class={`status-${contact.status}`}
          value={contact.status}
          onChange={(e) => void change((e.currentTarget as HTMLSelectElement).value as ContactStatus)}
        >
          {CONTACT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.status[s]}
            </option>
          ))}
        </select>
      </label>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
    </div>
  );
}
