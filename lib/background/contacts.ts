import { deleteContact, findContactByProfileUrl, saveCapture, updateContact } from '../db/contacts';
import { openRapportDB } from '../db/open';
import { refreshSchedule } from '../followups/refresh';
import type { SavePageResult } from '../messaging/protocol';
import { captureTab } from './capture-tab';
import { handle } from './handle';

export function registerContactHandlers(): void {
  // A content script may only save its own tab; extension pages (the popup) name the active tab.
  handle('savePage', async ({ tabId }, sender, kind) =>
    savePage(kind === 'content-script' ? sender.tab?.id : (tabId ?? sender.tab?.id)),
  );

  handle('saveProfile', async ({ profile, photoThumb, sources }) => {
    const { contact, created } = await saveCapture(await openRapportDB(), profile, {
      now: Date.now(),
      photoThumb,
      sources,
    });
    return { contactId: contact.id, created };
  });

  handle('lookupProfile', async ({ profileUrl }) => {
    const contact = await findContactByProfileUrl(await openRapportDB(), profileUrl);
    return { contactId: contact?.id ?? null };
  });

  handle('updateContact', async ({ id, changes }) => {
    const { contact, conflicts } = await updateContact(await openRapportDB(), id, changes, Date.now());
    return { contact, conflicts };
  });

  handle('deleteContact', async ({ id }) => {
    const db = await openRapportDB();
    await deleteContact(db, id);
    // Its follow-ups went with it: alarms and badge follow the store at once.
    await refreshSchedule(db, Date.now());
  });
}

/** Capture a tab and save it, unless the page is not a person or the capture needs the user's eye. */
export async function savePage(tabId: number | undefined): Promise<SavePageResult> {
  if (tabId === undefined) return { status: 'error', message: 'There is no page to save.' };
  try {
    const { capture, photoThumb } = await captureTab(tabId);
    if (!capture.isProfile) return { status: 'not-a-profile' };
    if (capture.reviewReasons.length) return { status: 'review', capture, photoThumb };
    const { contact, created } = await saveCapture(await openRapportDB(), capture.profile, {
      now: Date.now(),
      photoThumb,
      sources: [...new Set(Object.values(capture.sources))],
    });
    return { status: 'saved', contactId: contact.id, created, name: contact.name };
  } catch (error) {
    return { status: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
