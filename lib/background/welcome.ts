import { browser } from 'wxt/browser';
import { getContact, saveCapture, updateContact } from '../db/contacts';
import { createMeeting, listMeetings, updateMeeting } from '../db/meetings';
import { openRapportDB, type RapportDatabase } from '../db/open';
import { WELCOME_PAGE } from '../names';
import { SAMPLE_MEETING, SAMPLE_TAG, sampleProfile } from '../workspace/sample';
import { handle } from './handle';

/** The first minute: the welcome page on install, and the sample person it offers. */
export function registerWelcome(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Only a real install: updates and browser restarts must never open a tab.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
  });

  handle('addSamplePerson', async () => addSamplePerson(await openRapportDB(), Date.now()));
}

/** Saves the invented sample person with a planned meeting; a second call finds the same person, no new meeting. */
export async function addSamplePerson(
  db: RapportDatabase,
  now: number,
): Promise<{ contactId: string; created: boolean }> {
  const { contact, created } = await saveCapture(db, sampleProfile(), { now, sources: ['sample'] });
  if (created) {
    const fresh = (await getContact(db, contact.id)) ?? contact;
    await updateContact(
      db,
      contact.id,
      [
        { field: 'tags', before: fresh.tags, after: [SAMPLE_TAG] },
        { field: 'targetField', before: fresh.targetField, after: SAMPLE_MEETING.targetField },
      ],
      now,
    );
  }
  if ((await listMeetings(db, contact.id)).length === 0) {
    const meeting = await createMeeting(db, contact.id, { now, questionIds: [...SAMPLE_MEETING.questionIds] });
    await updateMeeting(db, meeting.id, [{ field: 'goals', before: '', after: SAMPLE_MEETING.goals }], now);
  }
  return { contactId: contact.id, created };
}
