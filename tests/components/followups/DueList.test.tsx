// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DueList } from '@/components/followups/DueList';
import { saveCapture } from '@/lib/db/contacts';
import { addFollowup } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import { profile } from '../../lib/contacts/factory';
import { draft } from '../../lib/followups/factory';

const sent = vi.hoisted(() => [] as { type: string; data: unknown }[]);
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    return { followup: null, spawned: null };
  }),
}));

const HOUR = 3_600_000;
afterEach(() => {
  cleanup();
  sent.length = 0;
});

async function seed() {
  const db = await openRapportDB();
  const { contact } = await saveCapture(db, profile(), { now: Date.now() });
  const now = Date.now();
  const overdue = await addFollowup(
    db,
    draft({ contactId: contact.id, title: 'Say thanks', kind: 'thank-you', dueAt: now - 2 * HOUR }),
    now,
  );
  await addFollowup(db, draft({ contactId: contact.id, title: 'Ask about the team', dueAt: now + 3 * 24 * HOUR }), now);
  await addFollowup(db, draft({ contactId: contact.id, title: 'Far away', dueAt: now + 40 * 24 * HOUR }), now);
  return { overdue };
}

describe('DueList', () => {
  it('shows overdue (marked) and the next 7 days, not later ones', async () => {
    await seed();
    render(<DueList />);
    await waitFor(() => expect(screen.getByText('Say thanks')).toBeTruthy());
    expect(screen.getByRole('heading', { name: 'Overdue' })).toBeTruthy();
    expect(screen.getByText('Ask about the team')).toBeTruthy();
    expect(screen.queryByText('Far away')).toBeNull();
    expect(screen.getByText('1 more due later')).toBeTruthy();
    expect(screen.getByText('Say thanks').closest('li')?.className).toContain('is-overdue');
  });

  it('Done, Snooze and Change date go to the background', async () => {
    const { overdue } = await seed();
    render(<DueList />);
    await waitFor(() => expect(screen.getByText('Say thanks')).toBeTruthy());
    const row = screen.getByRole('group', { name: /Say thanks/ });
    fireEvent.click(row.querySelector('button')!);
    fireEvent.click(screen.getAllByRole('button', { name: 'Snooze 1 day' })[0]!);
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toEqual({ type: 'actOnFollowup', data: { id: overdue.id, action: { type: 'done' } } });
    expect(sent[1]).toEqual({ type: 'actOnFollowup', data: { id: overdue.id, action: { type: 'snooze' } } });

    fireEvent.click(screen.getAllByRole('button', { name: 'Change date' })[0]!);
    const input = screen.getByLabelText('New date and time') as HTMLInputElement;
    fireEvent.input(input, { target: { value: '2031-05-04T09:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2]).toMatchObject({ type: 'actOnFollowup', data: { id: overdue.id, action: { type: 'reschedule' } } });
  });

  it('says when nothing is due', async () => {
    render(<DueList />);
    await waitFor(() => expect(screen.getByText('Nothing due this week.')).toBeTruthy());
  });
});

describe('DueList for a referrer update', () => {
  it('names the person the update is about', async () => {
    const db = await openRapportDB();
    const referrer = (await saveCapture(db, profile(), { now: 1 })).contact;
    const referred = (
      await saveCapture(db, profile({ name: 'Kofi Mensah', profileUrl: 'https://www.linkedin.com/in/kofi-example/' }), {
        now: 1,
      })
    ).contact;
    await addFollowup(
      db,
      draft({
        contactId: referrer.id,
        kind: 'referrer-update',
        title: 'Tell your referrer how the introduction went',
        aboutContactId: referred.id,
        dueAt: Date.now() + HOUR,
      }),
      1,
    );
    render(<DueList />);
    await waitFor(() => expect(screen.getByText('About Kofi Mensah')).toBeTruthy());
  });
});
