import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Contact } from '@/lib/contacts/model';
import type { Meeting, Question } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import type { TemplateKind } from '@/lib/ui/strings/workspace';
import {
  LINKEDIN_NOTE_LIMIT,
  noteLength,
  renderKind,
  TEMPLATE_KINDS,
  templateValues,
  topicsFromNotes,
} from '@/lib/workspace/templates';
import { copyText, errorText, useContact } from './data';
import { useSettings } from '../use-settings';
import { profileSettings } from '@/lib/workspace/settings';

const t = strings.workspace.ask;

/** Message templates with placeholders filled in, editable, one click to copy, "mark as sent". */
export function TemplatesPanel({
  contact,
  meeting,
  bank,
  initialKind,
}: {
  contact: Contact;
  meeting: Meeting | null;
  bank: readonly Question[];
  initialKind?: TemplateKind;
}) {
  const settings = useSettings(profileSettings);
  const [kind, setKind] = useState<TemplateKind>(initialKind ?? defaultKind(contact));
  useEffect(() => {
    if (initialKind) setKind(initialKind);
  }, [initialKind]);
  const referrer = useContact(contact.referredById);
  const topics = useMemo(() => {
    if (!meeting) return [];
    const text = new Map(bank.map((q) => [q.id, q.text]));
    return topicsFromNotes(
      meeting.questionIds.map((id) => ({ text: text.get(id) ?? '', note: meeting.questionNotes[id] ?? '' })),
    );
  }, [meeting, bank]);
  const referrerName = referrer?.name ?? null;
  const rendered = renderKind(
    kind,
    templateValues(contact, {
      myName: settings.myName,
      lengthMin: meeting?.durationMin ?? settings.defaultMeetingLength,
      referrerName,
      topics,
    }),
  );
  const [text, setText] = useState(rendered.text);
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (!edited) setText(rendered.text);
  }, [rendered.text, edited]);
  useEffect(() => {
    setEdited(false);
    setStatus(null);
  }, [kind, contact.id]);

  const isNote = kind === 'request-linkedin';
  const used = noteLength(text);
  const over = isNote ? used - LINKEDIN_NOTE_LIMIT : 0;
  const missing = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const missingLabels = [...new Set(missing)].map((name) => (t.placeholders as Record<string, string>)[name] ?? name);

  const copy = async () => setStatus((await copyText(text)) ? t.copied : t.copyFailed);
  const markSent = async () => {
    try {
      await sendMessage('wsMarkSent', { contactId: contact.id, template: kind, text });
      setStatus(t.sent);
    } catch (error) {
      setStatus(strings.workspace.saveError(errorText(error)));
    }
  };

  return (
    <section class="templates" aria-labelledby="ask-title">
      <h2 id="ask-title">{t.heading}</h2>
      <label class="field">
        <span class="field-label">{t.template}</span>
        <select value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as TemplateKind)}>
          {TEMPLATE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.templates[k]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t.text}</span>
        <textarea
          rows={isNote ? 6 : 12}
          value={text}
          aria-describedby={isNote ? 'note-counter' : undefined}
          onInput={(e) => {
            setText((e.currentTarget as HTMLTextAreaElement).value);
            setEdited(true);
          }}
        />
      </label>
      {isNote && (
        <p id="note-counter" class={over > 0 ? 'counter over' : 'counter'} aria-live="polite">
          {t.counter(used, LINKEDIN_NOTE_LIMIT)}
          {over > 0 && <strong> {t.tooLong(over)}</strong>}
        </p>
      )}
      {missingLabels.length > 0 && (
        <p class="notice">
          {t.missing(missingLabels.join(', '))}{' '}
          {missing.includes('myName') && (
            <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t.openSettings}
            </button>
          )}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn primary" onClick={() => void copy()}>
          {t.copy}
        </button>
        <button type="button" class="btn" onClick={() => void markSent()} disabled={over > 0}>
          {t.markSent}
        </button>
        {edited && (
          <button type="button" class="link-button" onClick={() => setEdited(false)}>
            {t.reset}
          </button>
        )}
      </div>
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
      <aside class="tips" aria-labelledby="tips-title">
        <h3 id="tips-title">{t.tipsHeading}</h3>
        <ul>
          {t.tips.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      </aside>
    </section>
  );
}

function defaultKind(contact: Contact): TemplateKind {
  if (contact.status === 'met') return 'thank-you';
  if (contact.status === 'thanked' || contact.status === 'in-touch') return 'check-in';
  return 'request-email';
}
