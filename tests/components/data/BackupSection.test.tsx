// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSection } from '@/components/data/BackupSection';
import { backupSettings, backupState } from '@/lib/backup/settings';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const autoBox = () => screen.getByRole('checkbox', { name: /automatically/ }) as HTMLInputElement;

describe('Backup section', () => {
  it('asks for the downloads permission only when automatic backup is turned on, and keeps it off if refused', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    render(<BackupSection />);
    await waitFor(() => screen.getByText('Last backup: never.'));
    expect(request).not.toHaveBeenCalled();
    fireEvent.click(autoBox());
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Permission was not given/));
    expect((await backupSettings.get()).autoBackup).toBe(false);
  });

  it('turns automatic backup on when the permission is given', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    render(<BackupSection />);
    await waitFor(() => screen.getByText('Last backup: never.'));
    fireEvent.click(autoBox());
    await waitFor(async () => expect((await backupSettings.get()).autoBackup).toBe(true));
    await waitFor(() => expect(autoBox().checked).toBe(true));
  });

  it('shows the last backup and the schedule; "never" turns the automatic option off', async () => {
    await backupSettings.set({ reminderDays: 0 });
    await backupState.setLastBackupAt(Date.UTC(2026, 0, 2, 12));
    render(<BackupSection />);
    await waitFor(() => screen.getByText(/Last backup: (?!never)/));
    expect((screen.getByRole('combobox', { name: /Remind me/ }) as HTMLSelectElement).value).toBe('0');
    expect(autoBox().disabled).toBe(true);
  });
});
