import type { StoreRecords } from '../../lib/backup/schema';
import { newContact } from '../../lib/contacts/merge';
import { emptyCapturedProfile } from '../../lib/contacts/model';

/** `contacts` people with `notesPer` notes each, ids prefixed so two sets never collide. */
export function stores(contacts: number, notesPer: number, prefix: string): StoreRecords {
  const out: StoreRecords = { contacts: [], timeline: [], meetings: [], followups: [], questions: [] };
  for (let i = 0; i < contacts; i++) {
    const id = `${prefix}${String(i).padStart(6, '0')}`;
    out.contacts.push(
      newContact(
        {
          ...emptyCapturedProfile(),
          name: `Person ${prefix} ${i}`,
          headline: 'Analyst at Example Works',
          profileUrl: `https://www.linkedin.com/in/${prefix}-person-${i}/`,
        },
        { id, now: 1_700_000_000_000 + i },
      ),
    );
    for (let k = 0; k < notesPer; k++) {
      out.timeline.push({
        id: `${id}-n${k}`,
        contactId: id,
        at: 1_700_000_000_000 + k,
        kind: 'note',
        text: `Note ${k} about ${i}`,
      });
    }
  }
  return out;
}
