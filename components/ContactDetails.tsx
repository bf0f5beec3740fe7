import { useState } from 'preact/hooks';
import type { EditableField, FieldChange } from '@/lib/contacts/merge';
import type { Contact } from '@/lib/contacts/model';
import { listMeetings } from '@/lib/db/meetings';
import { openRapportDB } from '@/lib/db/open';
import { listQuestionBank } from '@/lib/db/questions';
import { sendMessage } from '@/lib/messaging/protocol';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import type { TemplateKind } from '@/lib/ui/strings/workspace';
import { currentMeeting } from '@/lib/workspace/meeting';
import { Avatar } from './Avatar';
import { EditableText } from './EditableText';
import { PersonName } from './PersonName';
import { ProfileCard } from './ProfileCard';
import { ContactFollowups } from './followups/ContactFollowups';
import { FocusedFollowup } from './followups/FocusedFollowup';
import { usePanelTarget } from './followups/use-panel-target';
import { AfterMeeting } from './workspace/AfterMeeting';
import { CallPanel } from './workspace/CallPanel';
import { Connection } from './workspace/Connection';
import { MeetingPrep } from './workspace/MeetingPrep';
import { StageSelect } from './workspace/StageSelect';
import { Tabs } from './workspace/Tabs';
import { TemplatesPanel } from './workspace/TemplatesPanel';
import { formatWhen, Timeline } from './workspace/Timeline';
import { DeletePerson } from './records/DeletePerson';
import { MeetingActions } from './records/MeetingActions';
import { SamePerson } from './records/SamePerson';
import { UndoToast } from './records/UndoToast';

const t = strings.details;
const ws = strings.workspace;

type TextField = keyof typeof t.fields;
const PRIMARY: TextField[] = ['name', 'headline', 'currentTitle', 'currentCompany', 'location', 'pronouns'];
const CONTACT: TextField[] = ['email', 'phone'];
const TARGET: TextField[] = ['targetField', 'targetEmployer'];

type Tab = 'details' | 'ask' | 'prepare' | 'call' | 'after';
const TABS: readonly (readonly [Tab, string])[] = [
  ['details', ws.tabs.details],
  ['ask', ws.tabs.ask],
  ['prepare', ws.tabs.prepare],
  ['call', ws.tabs.call],
  ['after', ws.tabs.after],
];
/** The chosen section survives closing and reopening the panel (e.g. back to "Call" mid-meeting). */
const TAB_KEY = 'rapport:workspaceTab';
const WEB_URL = /^https?:\/\//i;

function initialTab(): Tab {
  try {
    const stored = localStorage.getItem(TAB_KEY);
    return TABS.some(([key]) => key === stored) ? (stored as Tab) : 'details';
  } catch {
    return 'details';
  }
}

/** A contact's workspace: details, asking, preparing, the call, after. Every field saves as you type. */
export function ContactDetails({ contact, clock }: { contact: Contact; clock?: () => number }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [tab, setTabState] = useState<Tab>(initialTab);
  const [templateKind, setTemplateKind] = useState<TemplateKind | undefined>(undefined);
  const setTab = (next: Tab) => {
    setTabState(next);
    try {
      localStorage.setItem(TAB_KEY, next);
    } catch {
      // Not kept; harmless.
    }
  };
  // "Write it" and notification clicks open the panel on a section, a template and a follow-up.
  const [focusedFollowup, setFocusedFollowup] = useState<string | null>(null);
  usePanelTarget(contact.id, (target) => {
    setTab(target.tab);
    if (target.template) setTemplateKind(target.template);
    setFocusedFollowup(target.followupId);
  });
  const meetings = useLive(async () => listMeetings(await openRapportDB(), contact.id), ['meetings'], [contact.id]);
  const bank = useLive(async () => listQuestionBank(await openRapportDB()), ['questions']);
  const meeting = meetings.status === 'ready' ? currentMeeting(meetings.value) : null;
  const questions = bank.status === 'ready' ? bank.value : [];

  const save = async (field: EditableField, before: string | null, after: string | null) => {
    const change = { field, before, after } as FieldChange;
    try {
      const { conflicts } = await sendMessage('updateContact', { id: contact.id, changes: [change] });
      setNotice(conflicts.length ? conflicts.map((f) => t.conflict(labelOf(f))).join(' ') : null);
      return conflicts.length === 0;
    } catch (error) {
      setNotice(t.saveError(error instanceof Error ? error.message : String(error)));
      throw error;
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
  const isWebUrl = WEB_URL.test(contact.profileUrl);
  const name = contact.name ?? strings.contacts.unnamed;
  const inCall = tab === 'call';

  return (
    <article class={`contact-details${inCall ? ' in-call' : ''}`} aria-labelledby="contact-title">
      {/* During the call the call view's own compact header names the person (the space goes to notes). */}
      <header class="details-header" hidden={inCall}>
        <Avatar name={contact.name} thumb={contact.photoThumb} size={48} />
        <div class="grow">
          <PersonName as="h1" id="contact-title" name={name} class="person-title" />
          {contact.headline && (
            <p class="headline" dir="auto">
              {contact.headline}
            </p>
          )}
          {isWebUrl && (
            <a class="profile-link" href={contact.profileUrl} target="_blank" rel="noreferrer noopener">
              {t.profileLink}
            </a>
          )}
        </div>
        <StageSelect contact={contact} />
      </header>
      {notice && (
        <p class="notice" role="alert">
          {notice}
        </p>
      )}
      {focusedFollowup && (
        <FocusedFollowup id={focusedFollowup} email={contact.email} onClose={() => setFocusedFollowup(null)} />
      )}
      <SamePerson contact={contact} />
      <Tabs label={ws.tabs.label} tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'details' && (
          <>
            <ProfileCard
              contact={contact}
              editor={
                <>
                  <div class="field-grid">{PRIMARY.map((field) => fieldFor(field))}</div>
                  <div class="field-grid">{CONTACT.map((field) => fieldFor(field))}</div>
                  {fieldFor('about', true)}
                </>
              }
            />
            <section aria-labelledby="plans-title">
              <h2 id="plans-title">{strings.surfaces.card.yourPlans}</h2>
              <div class="field-grid">{TARGET.map((field) => fieldFor(field))}</div>
            </section>
            <ContactFollowups contactId={contact.id} />
            <Connection contact={contact} onConflict={(field) => setNotice(t.conflict(labelOf(field)))} />
            {meetings.status === 'ready' && meetings.value.length > 0 && (
              <section aria-labelledby="meetings-title">
                <h2 id="meetings-title">{ws.contact.meetings}</h2>
                <ul class="plain-list">
                  {meetings.value.map((m) => (
                    <li key={m.id}>
                      {m.startsAt !== null ? formatWhen(m.startsAt) : ws.prepare.noDate} ·{' '}
                      {ws.prepare.minutes(m.durationMin)} · {ws.prepare.media[m.medium]} · {ws.meetingStatus[m.status]}
                      <MeetingActions meeting={m} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <Timeline contactId={contact.id} />
            <DeletePerson contact={contact} />
          </>
        )}
        {tab === 'ask' && (
          <TemplatesPanel contact={contact} meeting={meeting} bank={questions} initialKind={templateKind} />
        )}
        {tab === 'prepare' && <MeetingPrep contact={contact} meeting={meeting} bank={questions} />}
        {tab === 'call' && (
          <CallPanel
            contact={contact}
            meeting={meeting}
            bank={questions}
            clock={clock}
            onEndCall={() => setTab('after')}
          />
        )}
        {tab === 'after' && (
          <AfterMeeting
            contact={contact}
            meeting={meeting}
            bank={questions}
            onWriteThankYou={() => {
              setTemplateKind('thank-you');
              setTab('ask');
            }}
          />
        )}
      </Tabs>
      <UndoToast />
    </article>
  );
}

function labelOf(field: EditableField): string {
  if (field === 'tags') return ws.contact.tags;
  return (t.fields as Record<string, string>)[field] ?? field;
}
