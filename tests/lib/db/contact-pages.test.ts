import { describe, expect, it } from 'vitest';
import { countContacts, followupDueContactIds, listRecentContacts } from '@/lib/db/contact-pages';
import { saveCapture } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { createFollowup } from '@/lib/followups/actions';
import { profile } from '../contacts/factory';

async function seed(count: number): Promise<string[]> {
  const db = await openRapportDB();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const saved = await saveCapture(
      db,
      profile({ profileUrl: `https://www.linkedin.com/in/p${i}/`, name: `Person ${i}` }),
      { now: 1_000 + i },
    );
    ids.push(saved.contact.id);
  }
  return ids;
}

describe('the first page of people', () => {
  it.each([
    { saved: 0, limit: 5, names: [] },
    { saved: 3, limit: 5, names: ['Person 2', 'Person 1', 'Person 0'] },
    { saved: 8, limit: 3, names: ['Person 7', 'Person 6', 'Person 5'] },
  ])('$saved saved, limit $limit: the most recently updated first', async ({ saved, limit, names }) => {
    await seed(saved);
    const db = await openRapportDB();
    expect((await listRecentContacts(db, limit)).map((c) => c.name)).toEqual(names);
    expect(await countContacts(db)).toBe(saved);
  });

  it('lists people with an active follow-up due by now, not later ones nor finished ones', async () => {
    const [a, b, c] = await seed(3);
    const db = await openRapportDB();
    const draft = (contactId: string, dueAt: number) => ({
      contactId,
      meetingId: null,
      kind: 'custom' as const,
      title: 'Say thanks',
      dueAt,
      recurrenceMonths: null,
    });
    await db.put('followups', createFollowup(draft(a!, 500), 0));
    await db.put('followups', createFollowup(draft(b!, 5_000), 0));
    await db.put('followups', { ...createFollowup(draft(c!, 500), 0), status: 'done' });
    expect([...(await followupDueContactIds(db, 1_000))]).toEqual([a]);
  });
});
