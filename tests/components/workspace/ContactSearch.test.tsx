// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactSearch } from '@/components/workspace/ContactSearch';
import { saveCapture, updateContact } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';
import { profile } from '../../lib/contacts/factory';

afterEach(cleanup);

async function seed(count: number) {
  const db = await openRapportDB();
  for (let i = 0; i < count; i++) {
    await saveCapture(
      db,
      profile({
        profileUrl: `https://www.linkedin.com/in/p${i}/`,
        name: `Person ${i}`,
        currentCompany: `Firm ${i % 7}`,
      }),
      { now: i + 1 },
    );
  }
}

const rows = () => document.querySelectorAll('.contact-name');

describe('ContactSearch', () => {
  it('shows the empty state when nobody is saved', async () => {
    render(<ContactSearch onOpen={() => {}} />);
    await screen.findByText('No one saved yet');
  });

  it('renders a first page only, newest first, and more on request', async () => {
    await seed(120);
    render(<ContactSearch onOpen={() => {}} />);
    await waitFor(() => expect(rows()).toHaveLength(50));
    expect(rows()[0]?.textContent).toBe('Person 119');
    // The count comes from the database; the other 70 people are read only when asked for.
    await screen.findByText('50 of 120 people');
    fireEvent.click(screen.getByRole('button', { name: 'Show 70 more' }));
    await waitFor(() => expect(rows()).toHaveLength(120));
    expect(rows()[119]?.textContent).toBe('Person 0');
  });

  it('searches everyone, not only the first page read at open', async () => {
    await seed(120);
    render(<ContactSearch onOpen={() => {}} />);
    await screen.findByText('50 of 120 people');
    const search = screen.getByRole('searchbox', { name: 'Search people' });
    fireEvent.input(search, { target: { value: 'person 7' } });
    // Person 7 is older than the first 50: found once the full index is built.
    await waitFor(() => expect([...rows()].map((r) => r.textContent)).toContain('Person 7'));
    expect([...rows()].map((r) => r.textContent)).toContain('Person 79');
  });

  it('searches as you type, filters by status and opens a person', async () => {
    await seed(30);
    const db = await openRapportDB();
    const target = (await db.getAll('contacts')).find((c) => c.name === 'Person 12')!;
    await updateContact(db, target.id, [{ field: 'status', before: 'to-ask', after: 'asked' }], 100);
    const onOpen = vi.fn();
    render(<ContactSearch onOpen={onOpen} />);
    await screen.findByText('30 people');
    const search = screen.getByRole('searchbox', { name: 'Search people' });
    fireEvent.input(search, { target: { value: 'firm 5' } });
    // Every word must match somewhere: "firm" (all) and "5" (company Firm 5, or a 5 in the name); recent first.
    await waitFor(() =>
      expect([...rows()].map((r) => r.textContent)).toEqual([
        'Person 12',
        'Person 26',
        'Person 25',
        'Person 19',
        'Person 15',
        'Person 5',
      ]),
    );
    fireEvent.input(search, { target: { value: '' } });
    // The filters are built when their box opens.
    fireEvent.click(screen.getByText('Filters'));
    const status = (await screen.findAllByRole('combobox')).find(
      (el) => el.closest('label')?.querySelector('.field-label')?.textContent === 'Status',
    )!;
    fireEvent.change(status, { target: { value: 'asked' } });
    await waitFor(() => expect([...rows()].map((r) => r.textContent)).toEqual(['Person 12']));
    fireEvent.click(screen.getByRole('button', { name: /Open Person 12 in the side panel/ }));
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: target.id }));
  });
});
