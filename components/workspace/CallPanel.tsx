import { useEffect, useRef, useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import type { Meeting, Question } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import type { MeetingChange } from '@/lib/workspace/meeting';
import { profileSettings } from '@/lib/workspace/settings';
import { resumedStart } from '@/lib/workspace/timer';
import { EditableText } from '../EditableText';
import { PersonName } from '../PersonName';
import { useSettings } from '../use-settings';
import { unlockSound } from './call-sound';
import { CallTimer } from './CallTimer';
import { errorText, saveMeeting } from './data';

const t = strings.workspace.call;
const s = strings.surfaces.call;

const WEB_URL = /^https?:\/\//i;

/**
 * The side panel during the call. A compact sticky header (name, timer with start/pause/reset, Join, End
 * call) stays in view; under it the goals and General notes (Alt+N from anywhere), then the chosen questions
 * as a checklist with notes under each, a quick follow-up question and a quick referral. Every keystroke is
 * kept (see EditableText).
 */
export function CallPanel({
  contact,
  meeting,
  bank,
  clock = Date.now,
  onEndCall,
}: {
  contact: Contact;
  meeting: Meeting | null;
  bank: readonly Question[];
  clock?: () => number;
  onEndCall?: () => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const settings = useSettings(profileSettings);
  const notesBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const jump = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyN') return;
      const area = notesBox.current?.querySelector('textarea');
      if (!area) return;
      event.preventDefault();
      area.focus();
      area.scrollIntoView({ block: 'nearest' });
    };
    document.addEventListener('keydown', jump);
    return () => document.removeEventListener('keydown', jump);
  }, []);
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
  const startedAt = meeting.startedAt ?? null;
  const pausedAt = meeting.pausedAt ?? null;
  const timer = (changes: MeetingChange[]) =>
    void sendMessage('wsUpdateMeeting', { id: meeting.id, changes }).then((r) => report(!r.conflicts.length), fail);
  const pause = () => timer([{ field: 'pausedAt', before: null, after: clock() }]);
  const resume = () => {
    if (startedAt === null || pausedAt === null) return;
    timer([
      { field: 'startedAt', before: startedAt, after: resumedStart(startedAt, pausedAt, clock()) },
      { field: 'pausedAt', before: pausedAt, after: null },
    ]);
  };
  const reset = () =>
    timer([
      { field: 'startedAt', before: startedAt, after: null },
      { field: 'pausedAt', before: pausedAt, after: null },
    ]);
  const endCall = () => {
    // The clock stops where the call ended; the reflection and "Mark met" are in After.
    if (startedAt !== null && pausedAt === null) pause();
    onEndCall?.();
  };
  const name = contact.name ?? strings.contacts.unnamed;
  const join = meeting.medium === 'video' && WEB_URL.test(meeting.where.trim()) ? meeting.where.trim() : null;

  return (
    <section class="call" aria-labelledby="call-title">
      <div class="call-header">
        <div class="call-header-row">
          <PersonName as="h1" id="call-title" name={name} class="call-name" />
          {join && (
            <a class="btn join-link" href={join} target="_blank" rel="noreferrer noopener" title={s.joinLabel}>
              {s.join}
            </a>
          )}
          <button type="button" class="btn end-call" onClick={endCall}>
            {s.endCall}
          </button>
        </div>
        <CallTimer
          startedAt={startedAt}
          pausedAt={pausedAt}
          durationMin={meeting.durationMin}
          clock={clock}
          sound={settings.callSound}
          onStart={() => {
            if (settings.callSound) unlockSound();
            void saveMeeting(meeting, { field: 'startedAt', before: null, after: clock() }).then(report, fail);
          }}
          onPause={pause}
          onResume={() => {
            if (settings.callSound) unlockSound();
            resume();
          }}
          onReset={reset}
        />
      </div>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <div class="call-goals">
        <h2 class="call-subtitle">{s.goals}</h2>
        {meeting.goals.trim() ? (
          <p class="goals-text" dir="auto">
            {meeting.goals}
          </p>
        ) : (
          <p class="muted">{s.noGoals}</p>
        )}
      </div>
      <div class="call-notes" ref={notesBox}>
        <EditableText
          key={`${meeting.id}:notes`}
          label={t.generalNotes}
          multiline
          rows={5}
          showStatus
          shortcut={s.notesShortcut}
          draftKey={`rapport:draft:${meeting.id}:notes`}
          value={meeting.notes || null}
          onSave={(before, after) => noteSave('notes', before, after)}
        />
      </div>
      <h2 class="call-subtitle">{t.questions}</h2>
      {meeting.questionIds.length === 0 && <p class="muted">{s.noQuestions}</p>}
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
                <span class="q-text" dir="auto">
                  {text}
                </span>
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
