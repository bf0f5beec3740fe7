// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import { builtinQuestions } from '@/lib/workspace/questions';
import { newMeeting } from '@/lib/workspace/meeting';
import { profile } from '../../lib/contacts/factory';

const sent: { type: string; data: Record<string, unknown> }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: Record<string, unknown>) => {
    sent.push({ type, data });
    return type === 'wsUpdateMeeting' ? { meeting: null, conflicts: [] } : {};
  }),
}));
const { CallPanel } = await import('@/components/workspace/CallPanel');

const MIN = 60_000;
const bank = builtinQuestions();
const contact = newContact({ ...profile(), name: 'Ana Ruiz' }, { id: 'c1', now: 1 });
const base = {
  ...newMeeting({ id: 'm1', contactId: 'c1', now: 1 }),
  questionIds: ['bq-advice-1'],
  goals: 'Learn how they hire',
  medium: 'video' as const,
  where: 'https://meet.example.com/abc',
};
const changes = () => sent.map((m) => m.data.changes);

beforeEach(() => {
  sent.length = 0;
  localStorage.clear();
});
afterEach(cleanup);

describe('the call view', () => {
  it('shows the name, the Join link, the goals and General notes in its first screen', () => {
    render(<CallPanel contact={contact} meeting={base} bank={bank} clock={() => 0} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ana Ruiz');
    expect(screen.getByRole('link', { name: /Join/ }).getAttribute('href')).toBe('https://meet.example.com/abc');
    expect(screen.getByText('Learn how they hire')).toBeTruthy();
    expect(screen.getByLabelText(/General notes/).getAttribute('aria-keyshortcuts')).toBe('Alt+N');
  });

  it('offers no Join link for a link that is not a web address', () => {
    render(
      <CallPanel contact={contact} meeting={{ ...base, where: 'javascript:alert(1)' }} bank={bank} clock={() => 0} />,
    );
    expect(screen.queryByRole('link', { name: /Join/ })).toBeNull();
  });

  it('pauses, resumes without losing time, and resets', async () => {
    const running = { ...base, startedAt: 0 };
    const { rerender } = render(<CallPanel contact={contact} meeting={running} bank={bank} clock={() => 5 * MIN} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(changes()).toEqual([[{ field: 'pausedAt', before: null, after: 5 * MIN }]]));

    const paused = { ...running, pausedAt: 5 * MIN };
    rerender(<CallPanel contact={contact} meeting={paused} bank={bank} clock={() => 12 * MIN} />);
    expect(screen.getByRole('timer').textContent).toBe('15:00 left');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(changes()[1]).toEqual([
      { field: 'startedAt', before: 0, after: 7 * MIN },
      { field: 'pausedAt', before: 5 * MIN, after: null },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Reset the timer' }));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(changes()[2]).toEqual([
      { field: 'startedAt', before: 0, after: null },
      { field: 'pausedAt', before: 5 * MIN, after: null },
    ]);
  });

  it('End call stops the clock and leads to After', async () => {
    const onEndCall = vi.fn();
    render(
      <CallPanel
        contact={contact}
        meeting={{ ...base, startedAt: 0 }}
        bank={bank}
        clock={() => 9 * MIN}
        onEndCall={onEndCall}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'End call' }));
    expect(onEndCall).toHaveBeenCalledOnce();
    await waitFor(() => expect(changes()).toEqual([[{ field: 'pausedAt', before: null, after: 9 * MIN }]]));
  });

  it('Alt+N focuses General notes from anywhere', () => {
    render(<CallPanel contact={contact} meeting={base} bank={bank} clock={() => 0} />);
    fireEvent.keyDown(document, { key: 'n', code: 'KeyN', altKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText(/General notes/));
  });
});
