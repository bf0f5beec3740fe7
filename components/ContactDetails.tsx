import { useState } from 'preact/hooks';
import type { EditableField, FieldChange } from '@/lib/contacts/merge';
import type { Contact } from '@/lib/contacts/model';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { Avatar } from './Avatar';
import { EditableText } from './EditableText';
import { ContactFollowups } from './followups/ContactFollowups';

const t = strings.details;

type TextField = keyof typeof t.fields;
const PRIMARY: TextField[] = ['name', 'headline', 'currentTitle', 'currentCompany', 'location', 'pronouns'];
const CONTACT: TextField[] = ['email', 'phone'];
const TARGET: TextField[] = ['targetField', 'targetEmployer', 'mutualAcquaintance'];

/** A contact's details; every field saves as you type and follows changes made elsewhere. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const [notice, setNotice] = useState<string | null>(null);

  const save = async (field: EditableField, before: string | null, after: string | null) => {
    const change = { field, before, after } as FieldChange;
    try {
      const { conflicts } = await sendMessage('updateContact', { id: contact.id, changes: [change] });
      setNotice(conflicts.length ? conflicts.map((f) => t.conflict(labelOf(f))).join(' ') : null);
    } catch (error) {
      setNotice(t.saveError(error instanceof Error ? error.message : String(error)));
    }
  };
  const fieldFor = (field: TextField, multiline = false) => (
    <EditableText
      key={`${contact.id}:${field}`}
      label={t.fields[field]}
      value={contact[field]}
      multiline={multiline}
      onSave={(before, after) => save(field, before, after)}
    />
  );
  const isWebUrl = /^https?:\/\//.test(contact.profileUrl);

  return (
    <article class="contact-details" aria-labelledby="contact-title">
      <header class="details-header">
        <Avatar name={contact.name} thumb={contact.photoThumb} size={64} />
        <div>
          <h1 id="contact-title">{contact.name ?? strings.contacts.unnamed}</h1>
          {contact.headline && <p class="muted">{contact.headline}</p>}
          {isWebUrl && (
            <a href={contact.profileUrl} target="_blank" rel="noreferrer noopener">
              {t.profileLink}
            </a>
          )}
        </div>
      </header>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <ContactFollowups contactId={contact.id} />
      <section class="field-grid">{PRIMARY.map((field) => fieldFor(field))}</section>
      <section class="field-grid">{TARGET.map((field) => fieldFor(field))}</section>
      <section class="field-grid">{CONTACT.map((field) => fieldFor(field))}</section>
      {contact.websites.length > 0 && (
        <section>
          <h2>{t.websites}</h2>
          <ul>
            {contact.websites.map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noreferrer noopener">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {fieldFor('about', true)}
      {contact.experience && contact.experience.length > 0 && (
        <section>
          <h2>{t.experience}</h2>
          <ul class="plain-list">
            {contact.experience.map((job, index) => (
              <li key={index}>
                <strong>{job.title ?? ''}</strong> {job.company && <span>· {job.company}</span>}
                {job.dates && <span class="muted"> · {job.dates}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {contact.education && contact.education.length > 0 && (
        <section>
          <h2>{t.education}</h2>
          <ul class="plain-list">
            {contact.education.map((school, index) => (
              <li key={index}>
                <strong>{school.school}</strong> {school.degree && <span>· {school.degree}</span>}
                {school.dates && <span class="muted"> · {school.dates}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function labelOf(field: EditableField): string {
  return (t.fields as Record<string, string>)[field] ?? field;
}
