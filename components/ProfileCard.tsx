import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import { strings } from '@/lib/ui/strings';

const t = strings.surfaces.card;
const d = strings.details;
const WEB_URL = /^https?:\/\//i;

/**
 * The person's profile as a read-only card: what was captured, in reading order, each value in its own
 * direction. "Edit profile" swaps in the editable fields (`editor`), so the Details tab opens on the person,
 * not on a form.
 */
export function ProfileCard({ contact, editor }: { contact: Contact; editor: ComponentChildren }) {
  const [editing, setEditing] = useState(false);
  const role = [contact.currentTitle, contact.currentCompany].filter(Boolean).join(' · ');
  const facts: [string, ComponentChildren][] = [];
  if (role) facts.push([t.role, <span dir="auto">{role}</span>]);
  if (contact.location) facts.push([t.location, <span dir="auto">{contact.location}</span>]);
  if (contact.pronouns) facts.push([t.pronouns, <span dir="auto">{contact.pronouns}</span>]);
  if (contact.email)
    facts.push([
      t.email,
      <a href={`mailto:${contact.email}`} dir="auto">
        {contact.email}
      </a>,
    ]);
  if (contact.phone) facts.push([t.phone, <span dir="auto">{contact.phone}</span>]);
  const hasAnything =
    facts.length > 0 ||
    Boolean(contact.about) ||
    contact.websites.length > 0 ||
    Boolean(contact.experience?.length) ||
    Boolean(contact.education?.length);

  return (
    <section class="profile-card" aria-labelledby="profile-card-title">
      <div class="card-head">
        <h2 id="profile-card-title">{strings.workspace.contact.profile}</h2>
        <button type="button" class="btn" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? t.done : t.edit}
        </button>
      </div>
      {editing ? (
        editor
      ) : (
        <>
          {!hasAnything && <p class="muted">{t.empty}</p>}
          {facts.length > 0 && (
            <dl class="facts">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          {contact.about && (
            <p class="about-text" dir="auto">
              {contact.about}
            </p>
          )}
        </>
      )}
      {contact.websites.length > 0 && (
        <Block title={d.websites}>
          <ul class="plain-list">
            {contact.websites.map((url) => (
              <li key={url} dir="auto">
                {/* Only web addresses become links (a restored file could hold anything else). */}
                {WEB_URL.test(url) ? (
                  <a href={url} target="_blank" rel="noreferrer noopener">
                    {url}
                  </a>
                ) : (
                  url
                )}
              </li>
            ))}
          </ul>
        </Block>
      )}
      {contact.experience && contact.experience.length > 0 && (
        <Block title={d.experience}>
          <ul class="plain-list">
            {contact.experience.map((job, index) => (
              <li key={index} dir="auto">
                <strong>{job.title ?? ''}</strong> {job.company && <span>· {job.company}</span>}
                {job.dates && <span class="muted"> · {job.dates}</span>}
              </li>
            ))}
          </ul>
        </Block>
      )}
      {contact.education && contact.education.length > 0 && (
        <Block title={d.education}>
          <ul class="plain-list">
            {contact.education.map((school, index) => (
              <li key={index} dir="auto">
                <strong>{school.school}</strong> {school.degree && <span>· {school.degree}</span>}
                {school.dates && <span class="muted"> · {school.dates}</span>}
              </li>
            ))}
          </ul>
        </Block>
      )}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="card-block">
      <h3>{title}</h3>
      {children}
    </div>
  );
}
