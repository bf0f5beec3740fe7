// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactFollowups } from '@/components/followups/ContactFollowups';
import { addFollowup } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import { followupSettings } from '@/lib/settings/followups';
import { draft } from '../../lib/followups/factory';

const sent = vi.hoisted(() => [] as { type: string; data: Record<string, unknown> }[]);
// A time zone with daylight saving time, whatever the machine running the tests uses.
vi.mock('@/lib/followups/time', async (original) => ({
  ...(await original<typeof import('@/lib/followups/time')>()),
  localTimeZone: () => 'Europe/Berlin',
}));
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: Record<string, unknown>) => {
    sent.push({ type, data });
    return { id: 'new' };
  }),
}));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  sent.length = 0;
});

describe('ContactFollowups', () => {
  it('lists the contact’s follow-ups, active first, past ones folded', async () => {
    const db = await openRapportDB();
    await addFollowup(db, draft({ contactId: 'c1', title: 'Share the job post', dueAt: Date.now() + 86_400_000 }), 1);
    const old = await addFollowup(db, draft({ contactId: 'c1', title: 'Old one' }), 1);
    await db.put('followups', { ...old, status: 'done' });
    await addFollowup(db, draft({ contactId: 'other', title: 'Not theirs' }), 1);
    render(<ContactFollowups contactId="c1" />);
    await waitFor(() => expect(screen.getByText('Share the job post')).toBeTruthy());
    expect(screen.queryByText('Not theirs')).toBeNull();
    expect(screen.getByText('Done and dismissed (1)')).toBeTruthy();
  });

  it('adds a follow-up through the background', async () => {
    render(<ContactFollowups contactId="c1" />);
    await waitFor(() => expect(screen.getByText('No follow-ups planned for this person.')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Add a follow-up' }));
    fireEvent.input(screen.getByLabelText('What to do'), { target: { value: 'Send the podcast link' } });
    fireEvent.input(screen.getByLabelText('When'), { target: { value: '2031-05-04T09:30' } });
    fireEvent.change(screen.getByLabelText('Repeat'), { target: { value: '6' } });
    fireEvent.submit(screen.getByLabelText('What to do').closest('form')!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      type: 'addFollowup',
      data: { contactId: 'c1', title: 'Send the podcast link', recurrenceMonths: 6 },
    });
    expect(new Date(sent[0]!.data.dueAt as number).getFullYear()).toBe(2031);
  });

  it('proposes tomorrow at the same local time, also across the switch to summer time', async () => {
    // Saturday 28 March 2026, 10:00 in Berlin; clocks go forward that night.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 2, 28, 9));
    render(<ContactFollowups contactId="c1" />);
    await waitFor(() => expect(screen.getByText('No follow-ups planned for this person.')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Add a follow-up' }));
    expect((screen.getByLabelText('When') as HTMLInputElement).value).toBe('2026-03-29T10:00');
  });

  it('edits one', async () => {
    const db = await openRapportDB();
    const f = await addFollowup(db, draft({ contactId: 'c1', title: 'Before', dueAt: Date.now() + 86_400_000 }), 1);
    render(<ContactFollowups contactId="c1" />);
    await waitFor(() => expect(screen.getByText('Before')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.input(screen.getByLabelText('What to do'), { target: { value: 'After' } });
    fireEvent.submit(screen.getByLabelText('What to do').closest('form')!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      type: 'actOnFollowup',
      data: { id: f.id, action: { type: 'edit', title: 'After' } },
    });
  });

  it('sets a per-contact check-in cadence in settings', async () => {
    render(<ContactFollowups contactId="c1" />);
    await waitFor(() => expect(screen.getByLabelText('Check in with this person')).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Check in with this person'), { target: { value: '2' } });
    await waitFor(async () => expect((await followupSettings.get()).checkInMonthsByContact).toEqual({ c1: 2 }));
  });
});
