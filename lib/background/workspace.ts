import { getContact, updateContact } from '../db/contacts';
import { listFollowupsForContact } from '../db/followups';
import { createMeeting, finishMeeting, getMeeting, updateMeeting } from '../db/meetings';
import { openRapportDB } from '../db/open';
import { addQuestion, setQuestionStarred } from '../db/questions';
import { addTimelineEntry } from '../db/timeline';
import { statusMoveEvents } from '../followups/stage-moves';
import { recordWorkflowEvent } from './followups-events';
import { isReply, statusAfterMet, statusAfterScheduled, statusAfterSent } from '../workspace/pipeline';
import { handle } from './handle';
import { addReferral } from './workspace-referral';

/** Background handlers of the interview workspace. Every write announces itself (live views). */
export function registerWorkspaceHandlers(): void {
  handle('wsSetStatus', async ({ contactId, before, to }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const { contact, conflicts } = await updateContact(db, contactId, [{ field: 'status', before, after: to }], now);
    if (!conflicts.length)
      for (const event of statusMoveEvents(contactId, before, to)) await recordWorkflowEvent(db, event, now);
    return { status: contact.status, conflict: conflicts.length > 0 };
  });

  handle('wsMarkSent', async ({ contactId, template, text }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const contact = await getContact(db, contactId);
    if (!contact) throw new Error('This person is no longer in Rapport.');
    await addTimelineEntry(db, { contactId, at: now, kind: 'message', text, data: { template } });
    const next = statusAfterSent(contact.status, template);
    if (next) await updateContact(db, contactId, [{ field: 'status', before: contact.status, after: next }], now);
    if (template === 'request-email' || template === 'request-linkedin')
      await recordWorkflowEvent(db, { type: 'request-sent', contactId }, now);
    else if (template === 'thank-you') await recordWorkflowEvent(db, { type: 'thank-you-sent', contactId }, now);
    else await recordWorkflowEvent(db, { type: 'interaction', contactId, at: now }, now);
    return { status: next ?? contact.status };
  });

  handle('wsAddNote', async ({ contactId, text }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const entry = await addTimelineEntry(db, { contactId, at: now, kind: 'note', text });
    await recordWorkflowEvent(db, { type: 'interaction', contactId, at: now }, now);
    return entry;
  });

  handle('wsCreateMeeting', async ({ contactId, durationMin, questionIds }) =>
    createMeeting(await openRapportDB(), contactId, { now: Date.now(), durationMin, questionIds }),
  );

  handle('wsUpdateMeeting', async ({ id, changes }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const result = await updateMeeting(db, id, changes, now);
    // A date agreed for the meeting means they said yes: move the contact to "scheduled".
    const dated = changes.some((c) => c.field === 'startsAt' && c.after !== null) && result.meeting.startsAt !== null;
    if (dated && result.meeting.status === 'planned') {
      const contact = await getContact(db, result.meeting.contactId);
      const next = contact ? statusAfterScheduled(contact.status) : null;
      if (contact && next) {
        await updateContact(db, contact.id, [{ field: 'status', before: contact.status, after: next }], now);
        if (isReply(contact.status, next))
          await recordWorkflowEvent(db, { type: 'reply-received', contactId: contact.id }, now);
      }
    }
    // The "get ready" reminder follows the meeting's time (set, moved or cleared).
    if (changes.some((c) => c.field === 'startsAt') && result.meeting.status === 'planned')
      await recordWorkflowEvent(
        db,
        {
          type: 'meeting-scheduled',
          contactId: result.meeting.contactId,
          meetingId: id,
          startsAt: result.meeting.startsAt,
        },
        now,
      );
    return result;
  });

  handle('wsMarkMet', async ({ meetingId }) => {
    const db = await openRapportDB();
    const now = Date.now();
    // The meeting and its "Met" timeline entry are written together (once). The follow-ups are planned
    // whenever none exists yet for this meeting, so a retry after the worker died mid-way still schedules
    // the thank-you, and a pending one is never doubled (the rules dedupe by meeting).
    const { meeting, changed } = await finishMeeting(db, meetingId, now);
    const contact = await getContact(db, meeting.contactId);
    if (!contact) throw new Error('This person is no longer in Rapport.');
    let status = contact.status;
    const next = statusAfterMet(contact.status);
    if (next) {
      await updateContact(db, contact.id, [{ field: 'status', before: contact.status, after: next }], now);
      if (isReply(contact.status, next))
        await recordWorkflowEvent(db, { type: 'reply-received', contactId: contact.id }, now);
      status = next;
    }
    const planned = (await listFollowupsForContact(db, contact.id)).some((f) => f.meetingId === meetingId);
    if (changed || !planned)
      await recordWorkflowEvent(
        db,
        { type: 'meeting-done', contactId: contact.id, meetingId, endedAt: meeting.endedAt ?? now },
        now,
      );
    return { meeting, status };
  });

  handle('wsAddReferral', async (data) => {
    const db = await openRapportDB();
    const now = Date.now();
    const contactId = await addReferral(db, data, now);
    await recordWorkflowEvent(db, { type: 'referral-added', contactId, referredById: data.fromContactId }, now);
    return { contactId };
  });

  handle('wsAddQuestion', async ({ topic, text, meetingId }) => {
    const db = await openRapportDB();
    const now = Date.now();
    const question = await addQuestion(db, { topic, text }, now);
    if (meetingId) {
      const meeting = await getMeeting(db, meetingId);
      if (meeting)
        await updateMeeting(
          db,
          meetingId,
          [{ field: 'questionIds', before: meeting.questionIds, after: [...meeting.questionIds, question.id] }],
          now,
        );
    }
    return question;
  });

  handle('wsStarQuestion', async ({ id, starred }) => setQuestionStarred(await openRapportDB(), id, starred));
}
