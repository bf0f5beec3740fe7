// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '@/components/data/ImportSection';
import { RestoreSection } from '@/components/data/RestoreSection';
import { StorageSummary } from '@/components/data/StorageSummary';
import { MAX_BACKUP_BYTES } from '@/lib/backup/format';
import { connectionsCsv, manyRows } from '../../lib/import/connections-fixture';

const sent = vi.hoisted(() => [] as { type: string; data: unknown }[]);
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    if (type === 'previewRestore') {
      return {
        ok: true,
        exportedAt: '2026-11-01T10:00:00.000Z',
        inFile: { contacts: 3, timeline: 6, meetings: 2, followups: 2, questions: 1 },
        settingsInFile: 1,
        merge: { added: 4, updated: 1, conflicting: 2, unchanged: 7 },
        conflictNames: ['Ana Ruiz'],
      };
    }
    if (type === 'restoreBackup')
      return { ok: true, written: { contacts: 3, timeline: 6, meetings: 0, followups: 0, questions: 0 } };
    if (type === 'importConnections') {
      const rows = (data as { rows: unknown[] }).rows;
      return { added: rows.length - 1, existing: 1 };
    }
    throw new Error(`unexpected ${type}`);
  }),
}));

afterEach(() => {
  cleanup();
  sent.length = 0;
});

function choose(label: RegExp, file: File) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('Restore', () => {
  it('previews a merge, then merges with the chosen side for conflicts', async () => {
    render(<RestoreSection />);
    choose(/Backup file/, new File(['{"format":"rapport-backup"}'], 'b.json'));
    await waitFor(() => expect(screen.getByText(/Merging would add 4, update 1/)).toBeTruthy());
    expect(screen.getByText(/Conflicts include: Ana Ruiz/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/take the backup’s version/));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into my data' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Restored: 9 records written.'));
    expect(sent.map((m) => m.type)).toEqual(['previewRestore', 'restoreBackup']);
    expect(sent[1]!.data).toEqual({ text: '{"format":"rapport-backup"}', mode: 'merge', resolution: 'take-backup' });
  });

  it('replace needs a second, explicit confirmation', async () => {
    render(<RestoreSection />);
    choose(/Backup file/, new File(['{}'], 'b.json'));
    await waitFor(() => screen.getByRole('button', { name: /Replace all my data/ }));
    fireEvent.click(screen.getByRole('button', { name: /Replace all my data/ }));
    expect(sent.map((m) => m.type)).toEqual(['previewRestore']);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, replace' }));
    await waitFor(() => expect(sent.at(-1)).toMatchObject({ type: 'restoreBackup', data: { mode: 'replace' } }));
  });

  it('refuses a file over the limit without reading or sending it', async () => {
    render(<RestoreSection />);
    const big = new File(['x'], 'big.json');
    Object.defineProperty(big, 'size', { value: MAX_BACKUP_BYTES + 1 });
    choose(/Backup file/, big);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/larger than any Rapport backup/));
    expect(sent).toEqual([]);
  });
});

describe('Import of LinkedIn connections', () => {
  it('parses in the page, sends batches of 500 and shows the result', async () => {
    render(<ImportSection />);
    choose(/Connections\.csv/, new File([connectionsCsv(manyRows(1200))], 'Connections.csv'));
    await waitFor(() => screen.getByRole('button', { name: 'Import 1200 people' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1200 people' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Done: 1197 people added, 3 already in Rapport.'),
    );
    expect(sent.map((m) => (m.data as { rows: unknown[] }).rows.length)).toEqual([500, 500, 200]);
  });

  it('says plainly when the file is not a connections export', async () => {
    render(<ImportSection />);
    choose(/Connections\.csv/, new File(['Name,Phone\nA,1\n'], 'other.csv'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/not LinkedIn’s Connections\.csv/));
    expect(sent).toEqual([]);
  });
});

describe('Storage summary', () => {
  it('says that uninstalling deletes the data', () => {
    render(<StorageSummary />);
    expect(screen.getByText(/Uninstalling Rapport.*deletes all of it/)).toBeTruthy();
  });
});
