// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowupSettings } from '@/components/options/FollowupSettings';
import { followupSettings } from '@/lib/settings/followups';

const sent = vi.hoisted(() => [] as string[]);
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (type: string) => {
    sent.push(type);
    return { next: null };
  }),
}));

afterEach(() => {
  cleanup();
  sent.length = 0;
});

describe('FollowupSettings (options page)', () => {
  it('shows the defaults', async () => {
    render(<FollowupSettings />);
    expect((screen.getByLabelText('Check in every (months, 1–12)') as HTMLInputElement).value).toBe('3');
    expect((screen.getByLabelText('Quiet from') as HTMLInputElement).value).toBe('21:00');
    expect((screen.getByLabelText('Quiet until') as HTMLInputElement).value).toBe('08:00');
    expect((screen.getByLabelText('Show notifications when a follow-up is due') as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it('saves each change and asks the background to reschedule', async () => {
    render(<FollowupSettings />);
    fireEvent.click(screen.getByLabelText('Show notifications when a follow-up is due'));
    await waitFor(async () => expect((await followupSettings.get()).notificationsEnabled).toBe(false));
    fireEvent.change(screen.getByLabelText('Check in every (months, 1–12)'), { target: { value: '30' } });
    await waitFor(async () => expect((await followupSettings.get()).checkInMonths).toBe(12));
    fireEvent.change(screen.getByLabelText('Quiet from'), { target: { value: '22:30' } });
    await waitFor(async () => expect((await followupSettings.get()).quietStart).toBe('22:30'));
    fireEvent.click(screen.getByLabelText('Keep weekends quiet too'));
    await waitFor(async () => expect((await followupSettings.get()).quietWeekends).toBe(true));
    fireEvent.change(screen.getByLabelText('Snooze length'), { target: { value: String(3 * 60) } });
    await waitFor(async () => expect((await followupSettings.get()).snoozeMinutes).toBe(180));
    expect(sent.every((type) => type === 'refreshFollowups')).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(5);
  });

  it('reads per-tag cadences as "tag: months" lines, dropping nonsense', async () => {
    render(<FollowupSettings />);
    const box = screen.getByLabelText('Cadence per tag');
    fireEvent.input(box, { target: { value: 'Mentor: 6\npeer = 2\nbogus\nfar: 40' } });
    fireEvent.blur(box);
    await waitFor(async () =>
      expect((await followupSettings.get()).checkInMonthsByTag).toEqual({ mentor: 6, peer: 2 }),
    );
  });
});
