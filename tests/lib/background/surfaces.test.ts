import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followUrl } from '@/lib/background/panel-follow';
import { addSamplePerson } from '@/lib/background/welcome';
import { emptyCapturedProfile } from '@/lib/contacts/model';
import { getContact, saveCapture } from '@/lib/db/contacts';
import { createMeeting, listMeetings, updateMeeting } from '@/lib/db/meetings';
import { openRapportDB } from '@/lib/db/open';
import { SELECTED_CONTACT_KEY } from '@/lib/names';
import { SAMPLE_TAG } from '@/lib/workspace/sample';

const ANA = 'https://www.linkedin.com/in/ana-ruiz/';
const selected = async () => (await fakeBrowser.storage.local.get(SELECTED_CONTACT_KEY))[SELECTED_CONTACT_KEY];

async function saveAna() {
  const db = await openRapportDB();
  const { contact } = await saveCapture(
    db,
    { ...emptyCapturedProfile(), name: 'Ana Ruiz', profileUrl: ANA },
    { now: 1 },
  );
  return contact.id;
}

describe('the panel follows the active tab (background)', () => {
  it('selects the saved person of a profile URL, in any of its LinkedIn spellings', async () => {
    const id = await saveAna();
    expect(await followUrl('https://de.linkedin.com/in/Ana-Ruiz/details/experience/')).toBe(id);
    expect(await selected()).toBe(id);
  });

  it('leaves the panel alone on other pages, unknown people, and the person already shown', async () => {
    const id = await saveAna();
    await fakeBrowser.storage.local.set({ [SELECTED_CONTACT_KEY]: 'other' });
    expect(await followUrl('https://www.linkedin.com/feed/')).toBeNull();
    expect(await followUrl('https://www.linkedin.com/in/somebody-else/')).toBeNull();
    expect(await selected()).toBe('other');
    await fakeBrowser.storage.local.set({ [SELECTED_CONTACT_KEY]: id });
    expect(await followUrl(ANA)).toBeNull();
  });

  it('stays on the call while one is running', async () => {
    const id = await saveAna();
    const db = await openRapportDB();
    const meeting = await createMeeting(db, 'someone-on-a-call', { now: Date.now() });
    await updateMeeting(db, meeting.id, [{ field: 'startedAt', before: null, after: Date.now() }], Date.now());
    await fakeBrowser.storage.local.set({ [SELECTED_CONTACT_KEY]: 'someone-on-a-call' });
    expect(await followUrl(ANA)).toBeNull();
    expect(await selected()).toBe('someone-on-a-call');
    expect(id).toBeTruthy();
  });
});

describe('the sample person of the welcome page', () => {
  it('is saved once, tagged, with one planned meeting that has goals and questions', async () => {
    const db = await openRapportDB();
    const first = await addSamplePerson(db, 10);
    const again = await addSamplePerson(db, 20);
    expect(first.created).toBe(true);
    expect(again).toEqual({ contactId: first.contactId, created: false });
    const contact = await getContact(db, first.contactId);
    expect(contact?.tags).toEqual([SAMPLE_TAG]);
    expect(contact?.profileUrl.startsWith('http')).toBe(false);
    const meetings = await listMeetings(db, first.contactId);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]?.goals).not.toBe('');
    expect(meetings[0]?.questionIds.length).toBeGreaterThan(0);
  });
});
