import { browser } from 'wxt/browser';
import type { Contact } from '@/lib/contacts/model';
import type { EditableField, FieldChange } from '@/lib/contacts/merge';
import { sendMessage } from '@/lib/messaging/protocol';
import { SELECTED_CONTACT_KEY } from '@/lib/ui/open-contact';
import { strings } from '@/lib/ui/strings';
import { parseTags } from '@/lib/workspace/search';
import { EditableText } from '../EditableText';
import { useContact } from './data';

const t = strings.workspace.contact;

/** How we are connected (referred by a saved person, or a mutual acquaintance as text) and tags. */
export function Connection({ contact, onConflict }: { contact: Contact; onConflict: (field: EditableField) => void }) {
  const ref = useContact(contact.referredById);
  const save = async (change: FieldChange) => {
    const { conflicts } = await sendMessage('updateContact', { id: contact.id, changes: [change] });
    if (conflicts.length) onConflict(change.field);
    return conflicts.length === 0;
  };
  const open = (id: string) => void browser.storage.local.set({ [SELECTED_CONTACT_KEY]: id });
  return (
    <section class="connection" aria-labelledby="connection-title">
      <h2 id="connection-title">{t.connection}</h2>
      <p>
        <span class="field-label">{t.referredBy}: </span>
        {ref ? (
          <button type="button" class="link-button" onClick={() => open(ref.id)}>
            {t.openReferrer(ref.name ?? strings.contacts.unnamed)}
          </button>
        ) : (
          <span class="muted">{t.noReferrer}</span>
        )}
      </p>
      <div class="field-grid">
        <EditableText
          key={`${contact.id}:mutual`}
          label={strings.details.fields.mutualAcquaintance}
          value={contact.mutualAcquaintance}
          onSave={(before, after) => save({ field: 'mutualAcquaintance', before, after })}
        />
        <EditableText
          key={`${contact.id}:tags`}
          label={`${t.tags} (${t.tagsHint.toLowerCase()})`}
          value={contact.tags.join(', ') || null}
          onSave={(before, after) =>
            save({ field: 'tags', before: parseTags(before ?? ''), after: parseTags(after ?? '') })
          }
        />
      </div>
      {contact.tags.length > 0 && (
        <ul class="tag-list" aria-label={t.tags}>
          {contact.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
