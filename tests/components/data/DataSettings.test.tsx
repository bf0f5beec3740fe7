// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportSection } from '@/components/data/ImportSection';
import { RestoreSection } from '@/components/data/RestoreSection';
import { StorageSummary } from '@/components/data/StorageSummary';
import { MAX_BACKUP_BYTES } from '@/lib/backup/format';
import { openRapportDB } from '@/lib/db/open';
import { type ConnectionRow, parseConnections } from '@/lib/import/connections';
import { importConnectionBatch } from '@/lib/import/write';
import { sampleStores } from '../../lib/backup/factory';
import { connectionsCsv, manyRows } from '../../lib/import/connections-fixture';

function parsedRows(n: number): ConnectionRow[] {
  const parsed = parseConnections(connectionsCsv(manyRows(n)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

const sent = vi.hoisted(() => [] as { type: string; data: unknown }[]);
/** Per message type, what the next sends do instead of answering (a lost reply, a batch written then lost…). */
const faults = vi.hoisted(() => new Map<string, (data: unknown) => Promise<void>>());
/** Chrome's text when the worker stopped before answering. */
const LOST =
  'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
vi.mock('@/lib/messaging/protocol', async () => {
  const { toMessagingError } = await import('@/lib/messaging/errors');
  const { importConnectionBatch } = await import('@/lib/import/write');
  const { openRapportDB } = await import('@/lib/db/open');
  return {
    sendMessage: vi.fn(async (type: string, data: unknown) => {
      sent.push({ type, data });
      const fault = faults.get(type);
      if (fault) {
        try {
          await fault(data);
        } catch (error) {
          // As lib/messaging/protocol.ts does for every send.
          throw toMessagingError(error);
        }
      }
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
        return {
          ok: true,
          written: { contacts: 3, timeline: 6, meetings: 0, followups: 0, questions: 0 },
          settings: { 'settings:x': 1 },
        };
      if (type === 'restoreSettings') return { ok: true, written: 1, removed: 0, followupsRescheduled: true };
      if (type === 'importConnections') {
        // The real batch write, into fake-indexeddb: the section reads its figures back from there.
        return importConnectionBatch(await openRapportDB(), (data as { rows: ConnectionRow[] }).rows, {
          now: 1,
          newId: () => crypto.randomUUID(),
        });
      }
      throw new Error(`unexpected ${type}`);
    }),
  };
});

afterEach(() => {
  cleanup();
  sent.length = 0;
  faults.clear();
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
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Restored: 9 records written.Settings restored, follow-ups rescheduled.',
      ),
    );
    expect(sent.map((m) => m.type)).toEqual(['previewRestore', 'restoreBackup', 'restoreSettings']);
    expect(sent[1]!.data).toEqual({ text: '{"format":"rapport-backup"}', mode: 'merge', resolution: 'take-backup' });
    expect(sent[2]!.data).toEqual({ settings: { 'settings:x': 1 }, mode: 'merge' });
  });

  it('a restore whose answer was lost says so and shows what is stored now, never "Nothing was changed"', async () => {
    // The background committed 1 person with 2 notes, then its worker stopped before answering.
    const db = await openRapportDB();
    const stores = sampleStores({ contacts: 1, notesPer: 2 });
    await db.put('contacts', stores.contacts[0]!);
    for (const note of stores.timeline) await db.put('timeline', note);
    faults.set('restoreBackup', () => Promise.reject(new Error(LOST)));
    render(<RestoreSection />);
    choose(/Backup file/, new File(['{}'], 'b.json'));
    await waitFor(() => screen.getByRole('button', { name: 'Merge into my data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into my data' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Rapport restarted before it could answer; check your people list. Stored now: 1 people, 2 notes and events, 0 meetings, 0 follow-ups.',
      ),
    );
    expect(screen.getByRole('status').textContent).not.toMatch(/Nothing was changed|channel closed/);
    // Try again sends the same restore (safe to repeat), which this time answers.
    faults.clear();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Restored: 9 records written\./));
    expect(sent.filter((m) => m.type === 'restoreBackup')).toHaveLength(2);
  });

  it('a settings step whose answer was lost leaves the records reported as restored, with a retry', async () => {
    faults.set('restoreSettings', () =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    render(<RestoreSection />);
    choose(/Backup file/, new File(['{}'], 'b.json'));
    await waitFor(() => screen.getByRole('button', { name: 'Merge into my data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge into my data' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Restored: 9 records written.Settings not restored (your records are): Rapport’s background was not ready to answer, and nothing was done. Try again.',
      ),
    );
    faults.clear();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/Settings restored, follow-ups rescheduled/),
    );
    expect(sent.filter((m) => m.type === 'restoreBackup')).toHaveLength(1);
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
    // Three of the file's people are saved already.
    await importConnectionBatch(await openRapportDB(), parsedRows(1200).slice(0, 3), {
      now: 1,
      newId: () => crypto.randomUUID(),
    });
    render(<ImportSection />);
    choose(/Connections\.csv/, new File([connectionsCsv(manyRows(1200))], 'Connections.csv'));
    await waitFor(() => screen.getByRole('button', { name: 'Import 1200 people' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1200 people' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Done: 1197 people added, 3 already in Rapport.'),
    );
    expect(sent.map((m) => (m.data as { rows: unknown[] }).rows.length)).toEqual([500, 500, 200]);
  });

  it('a batch committed but answered by a restarted worker is sent again, and the figure is what is stored', async () => {
    let lost = 0;
    // The second batch is written, then its answer is lost (twice): the old way counted 1000 of 1200.
    faults.set('importConnections', async (data) => {
      const rows = (data as { rows: ConnectionRow[] }).rows;
      if (rows[0]!.firstName !== 'Given500' || lost >= 2) return;
      lost++;
      await importConnectionBatch(await openRapportDB(), rows, { now: 1, newId: () => crypto.randomUUID() });
      throw new Error(LOST);
    });
    render(<ImportSection />);
    choose(/Connections\.csv/, new File([connectionsCsv(manyRows(1200))], 'Connections.csv'));
    await waitFor(() => screen.getByRole('button', { name: 'Import 1200 people' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1200 people' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done: 1200 people added.'));
    expect(sent.map((m) => (m.data as { rows: unknown[] }).rows.length)).toEqual([500, 500, 500, 500, 200]);
    expect(await (await openRapportDB()).count('contacts')).toBe(1200);
  });

  it('an import that keeps losing its answers stops in plain words with the stored figure and a way on', async () => {
    faults.set('importConnections', async (data) => {
      const rows = (data as { rows: ConnectionRow[] }).rows;
      if (rows[0]!.firstName !== 'Given500') return;
      await importConnectionBatch(await openRapportDB(), rows, { now: 1, newId: () => crypto.randomUUID() });
      throw new Error(LOST);
    });
    render(<ImportSection />);
    choose(/Connections\.csv/, new File([connectionsCsv(manyRows(1200))], 'Connections.csv'));
    await waitFor(() => screen.getByRole('button', { name: 'Import 1200 people' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1200 people' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Stopped. 1000 people of this file were added so far (they are saved; continuing skips them). Rapport restarted before it could answer, so it may or may not have done what you asked. Check, then try again.',
      ),
    );
    faults.clear();
    fireEvent.click(screen.getByRole('button', { name: 'Continue the import' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done: 1200 people added.'));
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
