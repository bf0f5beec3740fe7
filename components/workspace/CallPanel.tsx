import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import type { Meeting, Question } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { EditableText } from '../EditableText';
import { CallTimer } from './CallTimer';
import { errorText, saveMeeting } from './data';

const t = strings.workspace.call;

/**
 * The side panel during the call: timer, the chosen questions as a checklist with notes under each, general
 * notes, a quick follow-up question and a quick referral. Every keystroke is kept (see EditableText).
 */
export function CallPanel({
  contact,
  meeting,
  bank,
  clock = Date.now,
}: {
  contact: Contact;
  meeting: Meeting | null;
  bank: readonly Question[];
  clock?: () => number;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const report = (ok: boolean) => {
    setNotice(ok ? null : strings.workspace.conflict);
    return ok;
  };
  const fail = (error: unknown) => setNotice(strings.workspace.saveError(errorText(error)));
  if (!meeting || meeting.status === 'cancelled') return <p class="muted">{t.noMeeting}</p>;
  const byId = new Map(bank.map((q) => [q.id, q]));
  const asked = new Set(meeting.askedQuestionIds);
  const noteSave = (field: 'notes', before: string | null, after: string | null) =>
    saveMeeting(meeting, { field, before: before ?? '', after: after ?? '' }).then(report, (e: unknown) => {
      fail(e);
      throw e;
    });

  return (
    <section class="call" aria-labelledby="call-title">
      <h2 id="call-title">{t.heading}</h2>
      <CallTimer
        startedAt={meeting.startedAt ?? null}
        durationMin={meeting.durationMin}
        clock={clock}
        onStart={() =>
          void saveMeeting(meeting, { field: 'startedAt', before: null, after: clock() }).then(report, fail)
        }
      />
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <h3>{t.questions}</h3>
      <ol class="call-questions">
        {meeting.questionIds.map((id) => {
          const text = byId.get(id)?.text ?? id;
          return (
            <li key={id} class={asked.has(id) ? 'asked' : ''}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={asked.has(id)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    const after = on
                      ? [...meeting.askedQuestionIds, id]
                      : meeting.askedQuestionIds.filter((x) => x !== id);
                    void saveMeeting(meeting, {
                      field: 'askedQuestionIds',
                      before: meeting.askedQuestionIds,
                      after,
                    }).then(report, fail);
                  }}
                />
                <span class="q-text">{text}</span>
              </label>
              <EditableText
                key={`${meeting.id}:q:${id}`}
                label={t.answerNotes(text)}
                hideLabel
                multiline
                rows={2}
                draftKey={`rapport:draft:${meeting.id}:q:${id}`}
                value={meeting.questionNotes[id] || null}
                onSave={(before, after) =>
                  saveMeeting(meeting, {
                    field: 'questionNotes',
                    key: id,
                    before: before ?? '',
                    after: after ?? '',
                  }).then(report, (e: unknown) => {
                    fail(e);
                    throw e;
                  })
                }
              />
            </li>
          );
        })}
      </ol>
      <FollowupQuestion meetingId={meeting.id} onError={fail} />
      <EditableText
        key={`${meeting.id}:notes`}
        label={t.generalNotes}
        multiline
        rows={6}
        showStatus
        draftKey={`rapport:draft:${meeting.id}:notes`}
        value={meeting.notes || null}
        onSave={(before, after) => noteSave('notes', before, after)}
      />
      <Referral contact={contact} onError={fail} />
    </section>
  );
}

function FollowupQuestion({ meetingId, onError }: { meetingId: string; onError: (e: unknown) => void }) {
  const [text, setText] = useState('');
  const add = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      await sendMessage('wsAddQuestion', { topic: 'custom', text: text.trim(), meetingId });
      setText('');
    } catch (e) {
      onError(e);
    }
  };
  return (
    <form class="inline-form" onSubmit={add}>
      <label class="field grow">
        <span class="field-label">{t.followupQuestion}</span>
        <input type="text" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="btn">
        {t.addFollowup}
      </button>
    </form>
  );
}

function Referral({ contact, onError }: { contact: Contact; onError: (e: unknown) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [company, setCompany] = useState('');
  const [mayUseName, setMayUseName] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      await sendMessage('wsAddReferral', { fromContactId: contact.id, name, role, company, mayUseName });
      setDone(t.referralAdded(name.trim()));
      setName('');
      setRole('');
      setCompany('');
      setMayUseName(false);
    } catch (e) {
      onError(e);
    }
  };
  const input = (label: string, value: string, set: (v: string) => void, required = false) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        type="text"
        value={value}
        required={required}
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
  return (
    <form class="referral" onSubmit={submit} aria-labelledby="referral-title">
      <h3 id="referral-title">{t.referral}</h3>
      <div class="field-grid">
        {input(t.referralName, name, setName, true)}
        {input(t.referralRole, role, setRole)}
        {input(t.referralCompany, company, setCompany)}
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={mayUseName}
          onChange={(e) => setMayUseName((e.currentTarget as HTMLInputElement).checked)}
        />
        {t.referralMayUseName}
      </label>
      <button type="submit" class="btn">
        {t.addReferral}
      </button>
      <p class="muted" role="status">
        {done ?? ''}
      </p>
    </form>
  );
}
