import { describe, expect, it } from 'vitest';
import {
  ContactNotFoundError,
  deleteContact,
  findContactByProfileUrl,
  listContacts,
  saveCapture,
  saveCaptures,
  updateContact,
} from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { profile } from '../contacts/factory';

describe('contacts repository', () => {
  it('creates a contact, then updates the same one on a second save', async () => {
    const db = await openRapportDB();
    const first = await saveCapture(db, profile(), { now: 1 });
    const second = await saveCapture(db, profile({ headline: 'Changed' }), { now: 2 });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.contact.id).toBe(first.contact.id);
    const all = await listContacts(db);
    expect(all).toHaveLength(1);
    expect(all[0]?.headline).toBe('Changed');
  });

  it('never makes a duplicate when two saves of one person race', async () => {
    const db = await openRapportDB();
    const results = await Promise.allSettled([
      saveCapture(db, profile(), { now: 1 }),
      saveCapture(db, profile(), { now: 1 }),
    ]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('lists newest first', async () => {
    const db = await openRapportDB();
    await saveCapture(db, profile({ profileUrl: 'https://www.linkedin.com/in/a/', name: 'A' }), { now: 1 });
    await saveCapture(db, profile({ profileUrl: 'https://www.linkedin.com/in/b/', name: 'B' }), { now: 3 });
    await saveCapture(db, profile({ profileUrl: 'https://www.linkedin.com/in/c/', name: 'C' }), { now: 2 });
    expect((await listContacts(db)).map((c) => c.name)).toEqual(['B', 'C', 'A']);
  });

  it('keeps a job change and a status change on the timeline', async () => {
    const db = await openRapportDB();
    const { contact } = await saveCapture(db, profile(), { now: 1 });
    await saveCapture(db, profile({ currentCompany: 'Harbor Labs' }), { now: 2 });
    await updateContact(db, contact.id, [{ field: 'status', before: 'to-ask', after: 'asked' }], 3);
    const entries = await db.getAllFromIndex('timeline', 'contactId', contact.id);
    expect(entries.map((e) => e.kind).sort()).toEqual(['job-change', 'status']);
    expect(entries.find((e) => e.kind === 'job-change')?.text).toContain('Harbor Labs');
  });

  it('finds by profile URL and deletes with everything attached', async () => {
    const db = await openRapportDB();
    const { contact } = await saveCapture(db, profile(), { now: 1 });
    await updateContact(db, contact.id, [{ field: 'status', before: 'to-ask', after: 'asked' }], 2);
    expect((await findContactByProfileUrl(db, contact.profileUrl))?.id).toBe(contact.id);
    await deleteContact(db, contact.id);
    expect(await listContacts(db)).toHaveLength(0);
    expect(await db.getAllFromIndex('timeline', 'contactId', contact.id)).toHaveLength(0);
  });

  it('says clearly when the contact to edit is gone', async () => {
    const db = await openRapportDB();
    await expect(updateContact(db, 'missing', [], 1)).rejects.toBeInstanceOf(ContactNotFoundError);
  });

  it('gives a contact without a profile URL a unique manual key', async () => {
    const db = await openRapportDB();
    await saveCapture(db, profile({ profileUrl: null, name: 'X' }), { now: 1 });
    await saveCapture(db, profile({ profileUrl: null, name: 'Y' }), { now: 1 });
    const keys = (await listContacts(db)).map((c) => c.profileUrl);
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.startsWith('manual:'))).toBe(true);
  });

  it('saves a batch in one go with the same rules: merged by profile URL, one record per person', async () => {
    const db = await openRapportDB();
    const { contact: known } = await saveCapture(
      db,
      profile({ profileUrl: 'https://www.linkedin.com/in/a/', name: 'A' }),
      { now: 1 },
    );
    const results = await saveCaptures(
      db,
      [
        {
          profile: profile({ profileUrl: 'https://www.linkedin.com/in/a/', name: 'A', currentCompany: 'Harbor Labs' }),
        },
        { profile: profile({ profileUrl: 'https://www.linkedin.com/in/b/', name: 'B' }) },
        { profile: profile({ profileUrl: 'https://www.linkedin.com/in/b/', name: 'B', headline: 'Second look' }) },
      ],
      { now: 2 },
    );
    expect(results.map((r) => r.created)).toEqual([false, true, false]);
    expect(results[0]?.contact.id).toBe(known.id);
    expect(results[0]?.jobChange).not.toBeNull();
    expect(results[2]?.contact.id).toBe(results[1]?.contact.id);
    const all = await listContacts(db);
    expect(all).toHaveLength(2);
    expect(all.find((c) => c.name === 'B')?.headline).toBe('Second look');
  });

  it('writes nothing of a batch when one record cannot be written', async () => {
    const db = await openRapportDB();
    const broken = profile({ profileUrl: 'https://www.linkedin.com/in/c/' }) as unknown as Record<string, unknown>;
    broken.about = () => 'functions cannot be stored';
    await expect(
      saveCaptures(
        db,
        [{ profile: profile({ profileUrl: 'https://www.linkedin.com/in/d/' }) }, { profile: broken as never }],
        { now: 1 },
      ),
    ).rejects.toThrow();
    expect(await listContacts(db)).toHaveLength(0);
  });
});
