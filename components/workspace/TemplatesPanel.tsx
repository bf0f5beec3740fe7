import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Contact } from '@/lib/contacts/model';
import type { Meeting, Question } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { PLACEHOLDER_HELP, templateStrings } from '@/lib/ui/strings/templates';
import type { TemplateKind } from '@/lib/ui/strings/workspace';
import { LINKEDIN_NOTE_LIMITS, profileSettings } from '@/lib/workspace/settings';
import { chosenVariant, thankYouTopics, variantsFor } from '@/lib/workspace/template-library';
import { templateSettings } from '@/lib/workspace/template-settings';
import {
  gapsIn,
  mailtoLink,
  noteLength,
  renderTemplate,
  TEMPLATE_KINDS,
  templateValues,
} from '@/lib/workspace/templates';
import { copyText, errorText, useContact } from './data';
import { useSettings } from '../use-settings';

const t = strings.workspace.ask;
const tt = templateStrings;

type Pending = 'copy' | 'send' | null;

/**
 * The user's message templates with placeholders filled in, editable, one click to copy or to open in the
 * email app, "mark as sent". A gap still in the text (a placeholder with no value) is named, and Copy or
 * "Mark as sent" ask before going ahead with it.
 */
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
  const library = useSettings(templateSettings);
  const [kind, setKind] = useState<TemplateKind>(initialKind ?? defaultKind(contact));
  useEffect(() => {
    if (initialKind) setKind(initialKind);
  }, [initialKind]);
  const variants = variantsFor(kind, library);
  const [variantId, setVariantId] = useState<string | null>(null);
  const variant = variants.find((v) => v.id === variantId) ?? chosenVariant(kind, library);
  const referrer = useContact(contact.referredById);
  const topics = useMemo(() => (meeting ? thankYouTopics(meeting.askedQuestionIds, bank) : []), [meeting, bank]);
  const rendered = renderTemplate(
    variant.text,
    templateValues(contact, {
      myName: settings.myName,
      lengthMin: meeting?.durationMin ?? settings.defaultMeetingLength,
      referrerName: referrer?.name ?? null,
      topics,
    }),
  );
  const [text, setText] = useState(rendered.text);
  const [edited, setEdited] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  useEffect(() => {
    if (!edited) setText(rendered.text);
  }, [rendered.text, edited]);
  useEffect(() => {
    setEdited(false);
    setStatus(null);
    setPending(null);
  }, [kind, variant.id, contact.id]);
  useEffect(() => setVariantId(null), [kind]);

  const isNote = kind === 'request-linkedin';
  const limit = LINKEDIN_NOTE_LIMITS[settings.linkedinPlan] ?? LINKEDIN_NOTE_LIMITS.free;
  const used = noteLength(text);
  const over = isNote ? used - limit : 0;
  const gaps = gapsIn(text);
  const gapLabels = gaps.map((name) => (PLACEHOLDER_HELP as Record<string, string>)[name] ?? `{${name}}`).join('; ');
  // The referrer update goes to whoever referred this person; every other email to the person.
  const emailTo = kind === 'referrer-update' ? (referrer?.email ?? null) : isNote ? null : contact.email;
  const mailto = mailtoLink(emailTo, text);

  const copy = async (force = false) => {
    if (gaps.length && !force) return setPending('copy');
    setPending(null);
    setStatus((await copyText(text)) ? t.copied : t.copyFailed);
  };
  const markSent = async (force = false) => {
    if (gaps.length && !force) return setPending('send');
    setPending(null);
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
      <div class="template-pickers">
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
        {variants.length > 1 && (
          <label class="field">
            <span class="field-label">{tt.variant}</span>
            <select value={variant.id} onChange={(e) => setVariantId((e.currentTarget as HTMLSelectElement).value)}>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label class="field">
        <span class="field-label">{t.text}</span>
        <textarea
          rows={isNote ? 6 : 12}
          value={text}
          dir="auto"
          aria-describedby={isNote ? 'note-counter' : undefined}
          onInput={(e) => {
            setText((e.currentTarget as HTMLTextAreaElement).value);
            setEdited(true);
          }}
        />
      </label>
      {isNote && (
        <p id="note-counter" class={over > 0 ? 'counter over' : 'counter'} aria-live="polite">
          {t.counter(used, limit)}
          {over > 0 && <strong> {t.tooLong(over)}</strong>}
        </p>
      )}
      {gaps.length > 0 && (
        <p class="notice">
          {t.missing(gapLabels)}{' '}
          {gaps.includes('myName') && (
            <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t.openSettings}
            </button>
          )}
        </p>
      )}
      {pending && (
        <div class="notice" role="alert">
          <p>{tt.gapsWarning(gapLabels)}</p>
          <button type="button" class="btn" onClick={() => void (pending === 'copy' ? copy(true) : markSent(true))}>
            {pending === 'copy' ? tt.copyAnyway : tt.sendAnyway}
          </button>
        </div>
      )}
      <div class="actions">
        <button type="button" class="btn primary" onClick={() => void copy()}>
          {t.copy}
        </button>
        {mailto && (
          <a class="btn" href={mailto} title={tt.mailtoTo(emailTo ?? '')}>
            {tt.mailto}
          </a>
        )}
        <button type="button" class="btn" onClick={() => void markSent()} disabled={over > 0}>
          {t.markSent}
        </button>
        {edited && (
          <button type="button" class="link-button" onClick={() => setEdited(false)}>
            {t.reset}
          </button>
        )}
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {tt.editInSettings}
        </button>
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
