import { browser } from 'wxt/browser';
import { canonicalProfileUrl } from '../capture/linkedin-url';
import { findSamePerson, pairKey } from '../contacts/match';
import { mergeConflicts } from '../contacts/merge-plan';
import type { Contact } from '../contacts/model';
import { findContactByProfileUrl, getContact, listContacts } from '../db/contacts';
import { openRapportDB } from '../db/open';
import {
  bulkEditContacts,
  cancelMeeting,
  deleteMeeting,
  deleteTimelineEntry,
  mergeContacts,
} from '../db/record-operations';
import { deleteContacts, listUndoLog, readPeopleNow, undoOperation, type UndoSummary } from '../db/records';
import type { SamePersonCandidate } from '../messaging/records-protocol';
import { stageMoveOps } from '../followups/stage-moves';
import { localTimeZone } from '../followups/time';
import { NOT_SAME_PERSON_KEY } from '../names';
import { followupSettings } from '../settings/followups';
import { strings } from '../ui/strings';
import { syncFollowups } from './followups';
import { handle } from './handle';

/**
 * Deletes, undo, merges, bulk edits and "the same person?". The writes live in lib/db (one transaction
 * each); here the follow-up alarms and badge are brought in step after anything that may have touched
 * follow-ups.
 */
export function registerRecordHandlers(): void {
  handle('recordsDeleteContacts', ({ ids }) => withFollowups((db, now) => deleteContacts(db, ids, now)));
  handle('recordsDeleteEntry', async ({ id }) => deleteTimelineEntry(await openRapportDB(), id, Date.now()));
  handle('recordsDeleteMeeting', ({ id }) => withFollowups((db, now) => deleteMeeting(db, id, now)));
  handle('recordsCancelMeeting', ({ id }) => withFollowups((db, now) => cancelMeeting(db, id, now)));
  handle('recordsBulkEdit', async ({ ids, edit }) => {
    // Read before the transaction opens (it cannot wait on extension storage): the rules' settings.
    const ctx = { settings: await followupSettings.get(), timeZone: localTimeZone() };
    return withFollowups((db, now) =>
      bulkEditContacts(db, ids, edit, now, (moves) => stageMoveOps(moves, { ...ctx, now })),
    );
  });
  handle('recordsUndo', ({ id }) => withFollowups((db, now) => undoOperation(db, id, now)));
  handle('recordsRecent', async () => listUndoLog(await openRapportDB(), Date.now()));

  handle('findSamePerson', async ({ contactId, profileUrl }) => {
    const db = await openRapportDB();
    let contact: Contact | undefined;
    if (contactId) contact = await getContact(db, contactId);
    else if (profileUrl) {
      const url = canonicalProfileUrl(profileUrl) ?? profileUrl;
      contact = await findContactByProfileUrl(db, url);
    }
    if (!contact) return { contactId: null, matches: [] };
    const all = await listContacts(db);
    const matches = findSamePerson(contact, all, await notSamePairs());
    const byId = new Map(all.map((c) => [c.id, c]));
    return {
      contactId: contact.id,
      matches: matches.map(({ contact: c, reasons }): SamePersonCandidate => ({
        id: c.id,
        name: c.name,
        headline: c.headline,
        company: c.currentCompany,
        referredByName: (c.referredById && byId.get(c.referredById)?.name) || null,
        createdAt: c.createdAt,
        reasons,
      })),
    };
  });

  handle('recordsNotSamePerson', async ({ a, b }) => {
    const pairs = await notSamePairs();
    pairs.add(pairKey(a, b));
    await browser.storage.local.set({ [NOT_SAME_PERSON_KEY]: [...pairs] });
  });

  handle('recordsMergePreview', async ({ keepId, dropId }) => {
    const db = await openRapportDB();
    const [keep, drop] = await readPeopleNow(db, [keepId, dropId]);
    if (!keep || !drop) throw new Error('One of these two people is no longer in Rapport.');
    const names: Record<string, string> = {};
    for (const id of [keep.contact.referredById, drop.contact.referredById]) {
      const referrer = id ? await getContact(db, id) : undefined;
      if (referrer?.name) names[referrer.id] = referrer.name;
    }
    return {
      names,
      keep: keep.contact,
      drop: drop.contact,
      conflicts: mergeConflicts(keep.contact, drop.contact),
      moves: {
        timeline: drop.timeline.length,
        meetings: drop.meetings.length,
        followups: drop.followups.length,
        referred: drop.referred.filter((c) => c.id !== keepId).length + (drop.contact.referredById ? 1 : 0),
      },
    };
  });

  handle('recordsMerge', ({ keepId, dropId, choices }) =>
    withFollowups((db, now) =>
      mergeContacts(db, { keepId, dropId, choices, noteText: strings.records.mergeNote }, now),
    ),
  );
}

/** Runs a write that may add or remove follow-ups, then rebuilds alarms and badge from the store. */
async function withFollowups(
  write: (db: Awaited<ReturnType<typeof openRapportDB>>, now: number) => Promise<UndoSummary | null>,
): Promise<UndoSummary | null> {
  const now = Date.now();
  const result = await write(await openRapportDB(), now);
  await syncFollowups(now).catch((error: unknown) => console.warn('Rapport: follow-ups after a change', error));
  return result;
}

async function notSamePairs(): Promise<Set<string>> {
  const stored = (await browser.storage.local.get(NOT_SAME_PERSON_KEY))[NOT_SAME_PERSON_KEY];
  return new Set(Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : []);
}
