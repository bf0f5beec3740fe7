import { useState } from 'preact/hooks';
import type { Contact } from '@/lib/contacts/model';
import type { Meeting, MeetingMedium, Question } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';
import { fromDateTimeInput, toDateTimeInput } from '@/lib/followups/date-input';
import { localTimeZone } from '@/lib/followups/time';
import {
  buildIcs,
  type CalendarEvent,
  googleCalendarUrl,
  hasCalendarTime,
  icsFileName,
} from '@/lib/workspace/calendar';
import { PREP_CHECKLIST } from '@/lib/workspace/checklist';
import { profileSettings } from '@/lib/workspace/settings';
import { MEETING_LENGTHS } from '@/lib/workspace/timer';
import { EditableText } from '../EditableText';
import { Select } from './ContactSearch';
import { errorText, saveMeeting } from './data';
import { useSettings } from '../use-settings';
import { downloadText } from '@/lib/ui/download';
import { QuestionPicker } from './QuestionPicker';

const t = strings.workspace.prepare;
const MEDIA: MeetingMedium[] = ['video', 'phone', 'in-person'];

/** Plans a meeting: when, how long, how, goals, checklist, "about me", calendar, and the questions. */
export function MeetingPrep({
  contact,
  meeting,
  bank,
}: {
  contact: Contact;
  meeting: Meeting | null;
  bank: readonly Question[];
}) {
  const settings = useSettings(profileSettings);
  const [notice, setNotice] = useState<string | null>(null);
  const report = (ok: boolean) => {
    setNotice(ok ? null : strings.workspace.conflict);
    return ok;
  };
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      setNotice(strings.workspace.saveError(errorText(error)));
    }
  };

  if (!meeting || meeting.status !== 'planned') {
    return (
      <section aria-labelledby="prep-title">
        <h2 id="prep-title">{t.heading}</h2>
        <p class="muted">{t.none}</p>
        <button
          type="button"
          class="btn primary"
          onClick={() =>
            void run(() =>
              sendMessage('wsCreateMeeting', { contactId: contact.id, durationMin: settings.defaultMeetingLength }),
            )
          }
        >
          {t.create}
        </button>
        {notice && (
          <p class="notice" role="alert">
            {notice}
          </p>
        )}
      </section>
    );
  }

  const save = (change: Parameters<typeof saveMeeting>[1]) =>
    run(async () => report(await saveMeeting(meeting, change)));
  const text = (field: 'where' | 'goals', label: string, multiline = false) => (
    <EditableText
      key={`${meeting.id}:${field}`}
      label={label}
      value={meeting[field] || null}
      multiline={multiline}
      rows={3}
      draftKey={`rapport:draft:${meeting.id}:${field}`}
      onSave={async (before, after) =>
        report(await saveMeeting(meeting, { field, before: before ?? '', after: after ?? '' }))
      }
    />
  );
  // A time no calendar can hold (a damaged record) shows no calendar buttons rather than breaking the view.
  const event: CalendarEvent | null = !hasCalendarTime(meeting.startsAt)
    ? null
    : {
        uid: meeting.id,
        title: t.eventTitle(contact.name ?? strings.contacts.unnamed),
        details: t.eventDetails(meeting.goals.trim()),
        location: meeting.where,
        startsAt: meeting.startsAt,
        durationMin: meeting.durationMin,
      };

  return (
    <section class="prep" aria-labelledby="prep-title">
      <h2 id="prep-title">{t.heading}</h2>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      <div class="field-grid">
        <label class="field">
          <span class="field-label">{t.when}</span>
          <input
            type="datetime-local"
            value={hasCalendarTime(meeting.startsAt) ? toDateTimeInput(meeting.startsAt, localTimeZone()) : ''}
            onChange={(e) =>
              void save({
                field: 'startsAt',
                before: meeting.startsAt,
                after: fromDateTimeInput((e.currentTarget as HTMLInputElement).value, localTimeZone()),
              })
            }
          />
        </label>
        <Select
          label={t.length}
          value={String(meeting.durationMin)}
          options={MEETING_LENGTHS.map((n) => [String(n), t.minutes(n)] as const)}
          onChange={(v) => void save({ field: 'durationMin', before: meeting.durationMin, after: Number(v) })}
        />
        <Select
          label={t.medium}
          value={meeting.medium}
          options={MEDIA.map((m) => [m, t.media[m]] as const)}
          onChange={(v) => void save({ field: 'medium', before: meeting.medium, after: v as MeetingMedium })}
        />
        {text('where', t.whereLabel[meeting.medium])}
      </div>
      <div class="calendar">
        <span class="field-label">{t.calendar}: </span>
        {event ? (
          <>
            <button
              type="button"
              class="btn"
              onClick={() => downloadText(icsFileName(event.title), buildIcs(event, Date.now()), 'text/calendar')}
            >
              {t.ics}
            </button>{' '}
            <a class="btn" href={googleCalendarUrl(event)} target="_blank" rel="noreferrer noopener">
              {t.google}
            </a>
          </>
        ) : (
          <span class="muted">{t.calendarNeedsDate}</span>
        )}
      </div>
      {text('goals', t.goals, true)}
      <fieldset class="checklist">
        <legend>{t.checklistHeading}</legend>
        {PREP_CHECKLIST.map((key) => (
          <label class="check" key={key}>
            <input
              type="checkbox"
              checked={Boolean(meeting.checklist[key])}
              onChange={(e) =>
                void save({
                  field: 'checklist',
                  key,
                  before: Boolean(meeting.checklist[key]),
                  after: (e.currentTarget as HTMLInputElement).checked,
                })
              }
            />
            {t.checklist[key]}
          </label>
        ))}
      </fieldset>
      <EditableText
        label={t.aboutMe}
        value={settings.aboutMe || null}
        multiline
        rows={3}
        onSave={async (_before, after) => {
          await profileSettings.set({ aboutMe: after ?? '' });
        }}
      />
      <p class="muted hint">{t.aboutMeHint}</p>
      <QuestionPicker meeting={meeting} bank={bank} onResult={report} />
    </section>
  );
}
