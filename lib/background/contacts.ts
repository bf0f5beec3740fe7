import { canonicalProfileUrl } from '../capture/linkedin-url';
import { applyReview, cleanReviewValues } from '../contacts/review';
import { deleteContact, findContactByProfileUrl, saveCapture, updateContact } from '../db/contacts';
import { openRapportDB } from '../db/open';
import { refreshSchedule } from './followups-schedule';
import type { SavePageResult } from '../messaging/protocol';
import { captureTab } from './capture-tab';
import type { SenderKind } from '../messaging/sender';
import { handle } from './handle';
import { keepForReview, takeKeptCapture } from './pending-review';

export function registerContactHandlers(): void {
  handle('savePage', async ({ tabId }, sender, kind) => {
    const target = savePageTarget(kind, tabId, sender.tab);
    const result = await savePage(target);
    // The page's review form will send back only the corrected fields: keep the rest here.
    if (result.status === 'review' && kind === 'content-script' && target !== undefined) {
      await keepForReview(target, {
        capture: result.capture,
        photoThumb: result.photoThumb,
        pageUrl: sender.tab?.url ?? '',
      });
    }
    return result;
  });

  handle('saveReviewed', async ({ values }, sender, kind) => {
    const tab = sender.tab;
    if (kind !== 'content-script' || tab?.id === undefined) {
      throw new Error('Only the page that was captured can confirm its capture.');
    }
    const kept = await takeKeptCapture(tab.id);
    if (!kept || !samePerson(kept.pageUrl, tab.url ?? '')) {
      throw new Error('Nothing to confirm on this page: press “Save to Rapport” again.');
    }
    const profile = applyReview(kept.capture.profile, cleanReviewValues(values));
    if (!profile.name) throw new Error('A name is needed to save.');
    const { contact, created } = await saveCapture(await openRapportDB(), profile, {
      now: Date.now(),
      photoThumb: kept.photoThumb,
      sources: [...new Set(Object.values(kept.capture.sources))],
    });
    return { contactId: contact.id, created };
  });

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

/** A content script may only save its own tab; extension pages (the popup) name the tab, or their own. */
export function savePageTarget(
  kind: SenderKind,
  requested: number | undefined,
  senderTab: { id?: number } | undefined,
): number | undefined {
  return kind === 'content-script' ? senderTab?.id : (requested ?? senderTab?.id);
}

/** Same person's page: LinkedIn URLs compare by canonical profile URL, other pages exactly. */
export function samePerson(a: string, b: string): boolean {
  return (canonicalProfileUrl(a) ?? a) === (canonicalProfileUrl(b) ?? b);
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
