import { newContact } from '../contacts/merge';
import { emptyCapturedProfile } from '../contacts/model';
import { announceChange } from '../db/changes';
import type { RapportDatabase } from '../db/open';
import { newId } from '../util/id';

/**
 * A person suggested during a call becomes a new contact "referred by" the one we were talking to, with a
 * note on both timelines. One transaction: either all of it is written or none.
 */
export async function addReferral(
  db: RapportDatabase,
  input: { fromContactId: string; name: string; role: string; company: string; mayUseName: boolean },
  now: number,
): Promise<string> {
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (!name) throw new Error('A referral needs a name.');
  const tx = db.transaction(['contacts', 'timeline'], 'readwrite');
  const referrer = await tx.objectStore('contacts').get(input.fromContactId);
  if (!referrer) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error('The referring person is no longer in Rapport.');
  }
  const words = name.split(' ');
  const contact = newContact(
    {
      ...emptyCapturedProfile(),
      name,
      firstName: words[0] ?? null,
      lastName: words.length > 1 ? (words[words.length - 1] ?? null) : null,
      currentTitle: input.role.trim() || null,
      currentCompany: input.company.trim() || null,
    },
    { id: newId(), now },
  );
  contact.referredById = referrer.id;
  contact.targetField = referrer.targetField;
  contact.targetEmployer = input.company.trim() || referrer.targetEmployer;
  contact.mutualAcquaintance = input.mayUseName ? referrer.name : null;
  await tx.objectStore('contacts').put(contact);
  const mayUse = input.mayUseName ? 'may mention their name' : 'ask before mentioning their name';
  const noteIds = [newId(), newId()];
  await tx.objectStore('timeline').put({
    id: noteIds[0]!,
    contactId: contact.id,
    at: now,
    kind: 'note',
    text: `Referred by ${referrer.name ?? 'a contact'} (${mayUse}).`,
    data: { referredById: referrer.id, mayUseName: input.mayUseName },
  });
  await tx.objectStore('timeline').put({
    id: noteIds[1]!,
    contactId: referrer.id,
    at: now,
    kind: 'note',
    text: `Suggested I talk to ${name}${input.company.trim() ? ` (${input.company.trim()})` : ''}.`,
    data: { referralId: contact.id },
  });
  await tx.done;
  announceChange({ store: 'contacts', ids: [contact.id] });
  announceChange({ store: 'timeline', ids: noteIds });
  return contact.id;
}
