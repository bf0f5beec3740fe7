// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditableText } from '@/components/EditableText';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('EditableText', () => {
  it('saves once after typing stops, with the value it started from', async () => {
    vi.useFakeTimers();
    const onSave = vi.fn(async () => true);
    render(<EditableText label="Notes" value="a" multiline onSave={onSave} />);
    type('Notes', 'ab');
    type('Notes', 'abc');
    expect(onSave).not.toHaveBeenCalled();
    await act(async () => void vi.advanceTimersByTime(500));
    expect(onSave).toHaveBeenCalledExactlyOnceWith('a', 'abc');
  });

  it('saves at once on blur and when the view goes away', async () => {
    const onSave = vi.fn(async () => true);
    const view = render(<EditableText label="Notes" value={null} onSave={onSave} />);
    type('Notes', 'x');
    fireEvent.blur(screen.getByLabelText('Notes'));
    expect(onSave).toHaveBeenLastCalledWith(null, 'x');
    type('Notes', 'xy');
    await act(async () => {
      view.unmount();
    });
    await vi.waitFor(() => expect(onSave).toHaveBeenLastCalledWith('x', 'xy'));
  });

  it('keeps the value an edit is based on while typing, so a change made elsewhere is not overwritten', async () => {
    vi.useFakeTimers();
    const onSave = vi.fn(async () => false);
    const view = render(<EditableText label="Notes" value="mine" onSave={onSave} />);
    type('Notes', 'mine!');
    view.rerender(<EditableText label="Notes" value="theirs" onSave={onSave} />);
    await act(async () => void vi.advanceTimersByTime(500));
    expect(onSave).toHaveBeenCalledWith('mine', 'mine!');
    // Refused: the field shows the stored value.
    await act(async () => {});
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('theirs');
  });

  it('keeps every keystroke as a draft and saves it when reopened (the panel was closed mid-sentence)', async () => {
    const lost = vi.fn(() => new Promise<boolean>(() => {})); // the page closed before the save arrived
    const first = render(<EditableText label="Notes" value="old" draftKey="d1" onSave={lost} />);
    type('Notes', 'old and new');
    expect(JSON.parse(localStorage.getItem('d1') ?? 'null')).toEqual({ before: 'old', after: 'old and new' });
    first.unmount();
    cleanup();

    const onSave = vi.fn(async () => true);
    render(<EditableText label="Notes" value="old" draftKey="d1" onSave={onSave} />);
    expect(onSave).toHaveBeenCalledWith('old', 'old and new');
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('old and new');
    await act(async () => {});
    expect(localStorage.getItem('d1')).toBeNull();
  });

  it('drops a draft when the stored value already moved on elsewhere', () => {
    localStorage.setItem('d2', JSON.stringify({ before: 'old', after: 'draft' }));
    const onSave = vi.fn(async () => true);
    render(<EditableText label="Notes" value="changed elsewhere" draftKey="d2" onSave={onSave} />);
    expect(onSave).not.toHaveBeenCalled();
    expect(localStorage.getItem('d2')).toBeNull();
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('changed elsewhere');
  });
});
