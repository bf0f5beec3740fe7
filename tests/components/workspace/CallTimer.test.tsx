// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallTimer } from '@/components/workspace/CallTimer';

const MIN = 60_000;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('CallTimer', () => {
  it('offers to start when idle', () => {
    const onStart = vi.fn();
    render(<CallTimer startedAt={null} durationMin={30} clock={() => 0} onStart={onStart} />);
    expect(screen.getByText('30 minutes agreed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start timer' }));
    expect(onStart).toHaveBeenCalledOnce();
  });

  it('counts down on the given clock, signals two minutes before the end and at the end', () => {
    vi.useFakeTimers();
    let now = 0;
    const { container } = render(<CallTimer startedAt={0} durationMin={20} clock={() => now} onStart={() => {}} />);
    const timer = () => screen.getByRole('timer').textContent;
    const signal = () => container.querySelector('.timer-signal')?.textContent;
    expect(timer()).toBe('20:00 left');
    expect(signal()).toBe('');

    now = 17 * MIN + 30_000;
    act(() => void vi.advanceTimersByTime(1000));
    expect(timer()).toBe('2:30 left');
    expect(container.querySelector('.phase-running')).toBeTruthy();

    now = 18 * MIN;
    act(() => void vi.advanceTimersByTime(1000));
    expect(signal()).toContain('Two minutes left');
    expect(container.querySelector('.phase-warning')).toBeTruthy();

    now = 20 * MIN;
    act(() => void vi.advanceTimersByTime(1000));
    expect(signal()).toContain('Time is up');
    expect(timer()).toBe('0:00 over');

    now = 21 * MIN + 5_000;
    act(() => void vi.advanceTimersByTime(1000));
    expect(timer()).toBe('1:05 over');
    expect(container.querySelector('.phase-over')).toBeTruthy();
  });
});
