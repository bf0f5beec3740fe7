import { browser } from 'wxt/browser';
import { canonicalProfileUrl } from '../capture/linkedin-url';
import { findContactByProfileUrl, getContact } from '../db/contacts';
import { listFollowupsForContact } from '../db/followups';
import { openRapportDB, type RapportDatabase } from '../db/open';
import { addTimelineEntry, listTimeline } from '../db/timeline';
import { recordWorkflowEvent } from './followups-events';
import type { SenderInfo, SenderKind } from '../messaging/sender';
import { SELECTED_CONTACT_KEY } from '../names';
import { cleanQuickNote, overlaySummary, type OverlaySummary } from '../overlay/summary';
import { openPanelInGesture } from '../platform';
import { handle } from './handle';

/** Built from entrypoints/overlay.ts: the card and the review form, injected only where they are needed. */
const OVERLAY_SCRIPT = '/overlay.js';

export class OverlaySenderError extends Error {
  constructor() {
    super('Only Rapport’s own script on a LinkedIn profile may ask this.');
    this.name = 'OverlaySenderError';
  }
}

/** The overlay's messages come from our content script in a linkedin.com tab, never from an extension page. */
export function pageTab(kind: SenderKind, sender: SenderInfo): { id: number; url: string; windowId?: number } {
  const tab = sender.tab;
  if (kind !== 'content-script' || tab?.id === undefined || !tab.url) throw new OverlaySenderError();
  return { id: tab.id, url: tab.url, windowId: tab.windowId };
}

async function summaryOf(db: RapportDatabase, contactId: string): Promise<OverlaySummary | null> {
  const contact = await getContact(db, contactId);
  if (!contact) return null;
  const [followups, timeline] = await Promise.all([
    listFollowupsForContact(db, contactId),
    listTimeline(db, contactId),
  ]);
  return overlaySummary(contact, followups, timeline);
}

/** The contact `contactId`, provided it is the person the sender's tab shows (a write lands on that person only). */
async function contactOfTab(db: RapportDatabase, contactId: string, tabUrl: string) {
  const contact = await getContact(db, contactId);
  if (!contact) throw new Error('This person is no longer in Rapport.');
  if (contact.profileUrl !== canonicalProfileUrl(tabUrl)) throw new Error('This page no longer shows this person.');
  return contact;
}

export function registerOverlayHandlers(): void {
  handle('overlayLoad', async (_data, sender, kind) => {
    const tab = pageTab(kind, sender);
    if (!canonicalProfileUrl(tab.url)) return { loaded: false };
    await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: [sender.frameId ?? 0] },
      files: [OVERLAY_SCRIPT],
    });
    return { loaded: true };
  });

  handle('overlaySummary', async ({ profileUrl }, sender, kind) => {
    pageTab(kind, sender);
    const canonical = canonicalProfileUrl(profileUrl);
    if (!canonical) return null;
    const db = await openRapportDB();
    const contact = await findContactByProfileUrl(db, canonical);
    return contact ? summaryOf(db, contact.id) : null;
  });

  handle('overlayAddNote', async ({ contactId, text }, sender, kind) => {
    const tab = pageTab(kind, sender);
    const note = cleanQuickNote(text);
    if (!note) throw new Error('Write a note first.');
    const db = await openRapportDB();
    await contactOfTab(db, contactId, tab.url);
    const now = Date.now();
    await addTimelineEntry(db, { contactId, at: now, kind: 'note', text: note });
    await recordWorkflowEvent(db, { type: 'interaction', contactId, at: now }, now);
    const summary = await summaryOf(db, contactId);
    if (!summary) throw new Error('This person is no longer in Rapport.');
    return summary;
  });

  handle('overlayOpenPanel', (data, sender, kind) => {
    const tab = pageTab(kind, sender);
    const contactId = typeof data?.contactId === 'string' ? data.contactId : '';
    // The browser opens a panel only inside the click's gesture: select and open before any await.
    void browser.storage.local.set({ [SELECTED_CONTACT_KEY]: contactId });
    const opening = openPanelInGesture({ windowId: tab.windowId });
    return (async () => {
      await contactOfTab(await openRapportDB(), contactId, tab.url);
      if (await opening) return { opened: 'panel' as const };
      const url = `${browser.runtime.getURL('/sidepanel.html')}?contact=${encodeURIComponent(contactId)}`;
      await browser.tabs.create({ url, windowId: tab.windowId });
      return { opened: 'tab' as const };
    })();
  });
}
