// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSelection } from '@/components/records/use-selection';

/** Each message waits until the test answers it, so the test can act while an action is in flight. */
const pending: { type: string; data: unknown; resolve: (v: unknown) => void; reject: (e: Error) => void }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(
    (type: string, data: unknown) =>
      new Promise((resolve, reject) => {
        pending.push({ type, data, resolve, reject });
      }),
  ),
}));

const { BulkBar } = await import('@/components/records/BulkBar');

afterEach(() => {
  cleanup();
  pending.length = 0;
});

const PEOPLE = ['a', 'b', 'c'];

/** The bar with a real selection, and a checkbox per person, as the list gives it. */
function Harness() {
  const selection = useSelection();
  return (
    <div>
      {PEOPLE.map((id) => (
        <label key={id}>
          <input type="checkbox" checked={selection.selected.has(id)} onChange={() => selection.toggle(id)} />
          {`Select ${id}`}
        </label>
      ))}
      <BulkBar selected={selection.selected} visibleIds={PEOPLE} onSelect={selection.set} onDone={selection.stop} />
    </div>
  );
}

const box = (id: string) => screen.getByLabelText(`Select ${id}`) as HTMLInputElement;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('BulkBar', () => {
  it('takes the selection when the user acts: a person checked while the action runs stays checked', async () => {
    render(<Harness />);
    fireEvent.click(box('a'));
    fireEvent.click(box('b'));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'asked' } });
    // The action has its people the moment the user chose the stage.
    expect(pending.map((p) => p.data)).toEqual([{ ids: ['a', 'b'], edit: { kind: 'status', status: 'asked' } }]);
    await screen.findByText('0 selected');
    fireEvent.click(box('c'));
    pending[0]!.resolve(null);
    await flush();
    await flush();
    expect(PEOPLE.filter((id) => box(id).checked)).toEqual(['c']);
    expect(screen.getByText('1 selected')).toBeTruthy();
    // The tag goes to the new selection only.
    fireEvent.input(screen.getByPlaceholderText('Tag'), { target: { value: 'spring fair' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(pending[1]?.data).toEqual({ ids: ['c'], edit: { kind: 'add-tag', tag: 'spring fair' } });
  });

  it('gives the people back, with the error, when the action fails; the tag typed is kept', async () => {
    render(<Harness />);
    fireEvent.click(box('a'));
    fireEvent.input(screen.getByPlaceholderText('Tag'), { target: { value: 'fair' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await screen.findByText('0 selected');
    fireEvent.click(box('b'));
    pending[0]!.reject(new Error('The database is full'));
    await screen.findByText('2 selected');
    expect(PEOPLE.filter((id) => box(id).checked)).toEqual(['a', 'b']);
    expect((screen.getByPlaceholderText('Tag') as HTMLInputElement).value).toBe('fair');
    expect(screen.getByRole('alert').textContent).toContain('The database is full');
  });
});

describe('useSelection', () => {
  it('starts empty each time, even when a late failure gave people back after "Done"', async () => {
    let selection!: ReturnType<typeof useSelection>;
    function Probe() {
      selection = useSelection();
      return <p>{`${selection.active ? 'on' : 'off'} ${[...selection.selected].join(',')}`}</p>;
    }
    render(<Probe />);
    act(() => selection.start());
    act(() => selection.toggle('a'));
    await screen.findByText('on a');
    act(() => selection.stop());
    // The bar's failed action hands its people back after the user left select mode.
    act(() => selection.set((current) => new Set([...current, 'a'])));
    await screen.findByText('off a');
    act(() => selection.start());
    await screen.findByText('on');
  });
});
