import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import type { Meeting, Question } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { icsFileName } from '@/lib/workspace/calendar';
import { meetingMarkdown } from '@/lib/workspace/export';
import { EditableText } from '../EditableText';
import { errorText, saveMeeting } from './data';
import { downloadText } from '@/lib/ui/download';
import { formatWhen } from './Timeline';
import { NextSteps } from '../followups/NextSteps';

const t = strings.workspace.after;

/** Reflection, "mark met" (starts the thank-you follow-up), Markdown export and a print view. */
export function AfterMeeting({
  contact,
  meeting,
  bank,
  onWriteThankYou,
}: {
  contact: Contact;
  meeting: Meeting | null;
  bank: readonly Question[];
  onWriteThankYou: () => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  // Marking met before the meeting's time asks first (a slip of the finger would send a thank-you reminder).
  const [confirmEarly, setConfirmEarly] = useState(false);
  if (!meeting) return <p class="muted">{strings.workspace.call.noMeeting}</p>;
  const report = (ok: boolean) => {
    setNotice(ok ? null : strings.workspace.conflict);
    return ok;
  };
  const field = (name: 'reflectionLearned' | 'reflectionNext', label: string) => (
    <EditableText
      key={`${meeting.id}:${name}`}
      label={label}
      multiline
      rows={3}
      draftKey={`rapport:draft:${meeting.id}:${name}`}
      value={meeting[name] || null}
      onSave={async (before, after) =>
        report(await saveMeeting(meeting, { field: name, before: before ?? '', after: after ?? '' }))
      }
    />
  );
  const markdown = () =>
    meetingMarkdown(meeting, contact, new Map(bank.map((q) => [q.id, q])), {
      formatDate: formatWhen,
      medium: strings.workspace.prepare.media[meeting.medium],
    });
  const markMet = async (confirmed = false) => {
    if (!confirmed && meeting.startsAt !== null && meeting.startsAt > Date.now()) {
      setConfirmEarly(true);
      return;
    }
    setConfirmEarly(false);
    try {
      await sendMessage('wsMarkMet', { meetingId: meeting.id });
      setStatus(t.markedMet);
    } catch (error) {
      setNotice(strings.workspace.saveError(errorText(error)));
    }
  };

  if (printing) return <PrintView markdown={markdown()} onClose={() => setPrinting(false)} />;
  return (
    <section class="after" aria-labelledby="after-title">
      <h2 id="after-title">{t.heading}</h2>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      {field('reflectionLearned', t.learned)}
      {field('reflectionNext', t.next)}
      <NextSteps meeting={meeting} />
      {confirmEarly && meeting.startsAt !== null && (
        <div class="notice" role="alertdialog" aria-labelledby="met-early-question">
          <p id="met-early-question">{strings.followups.markMetEarly.question(formatWhen(meeting.startsAt))}</p>
          <div class="actions">
            <button type="button" class="btn primary" onClick={() => void markMet(true)}>
              {strings.followups.markMetEarly.yes}
            </button>
            <button type="button" class="btn" onClick={() => setConfirmEarly(false)}>
              {strings.followups.markMetEarly.no}
            </button>
          </div>
        </div>
      )}
      <div class="actions">
        {meeting.status === 'done' ? (
          <span class="muted">{t.done}</span>
        ) : (
          <button type="button" class="btn primary" onClick={() => void markMet()}>
            {t.markMet}
          </button>
        )}
        <button type="button" class="btn" onClick={onWriteThankYou}>
          {t.thankYou}
        </button>
        <button
          type="button"
          class="btn"
          onClick={() =>
            downloadText(
              icsFileName(strings.workspace.markdown.title(contact.name ?? '')).replace(/\.ics$/, '.md'),
              markdown(),
              'text/markdown',
            )
          }
        >
          {t.exportMarkdown}
        </button>
        <button type="button" class="btn" onClick={() => setPrinting(true)}>
          {t.print}
        </button>
      </div>
      <p class="muted" role="status">
        {status ?? ''}
      </p>
    </section>
  );
}

/** A plain, printable rendering of the Markdown export (text nodes only). */
function PrintView({ markdown, onClose }: { markdown: string; onClose: () => void }) {
  const lines = markdown.split('\n');
  return (
    <section class="print-view" aria-label={strings.workspace.after.print}>
      <div class="actions no-print">
        <button type="button" class="btn" onClick={onClose}>
          {t.close}
        </button>
        <button type="button" class="btn primary" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      {lines.map((line, i) => {
        const clean = line.replace(/\\([\\`*_[\]#<>|])/g, '$1').replace(/\*\*/g, '');
        if (line.startsWith('# ')) return <h2 key={i}>{clean.slice(2)}</h2>;
        if (line.startsWith('## ')) return <h3 key={i}>{clean.slice(3)}</h3>;
        if (!line.trim()) return null;
        return (
          <p key={i} class="print-line">
            {clean.replace(/ {2}$/, '')}
          </p>
        );
      })}
    </section>
  );
}
