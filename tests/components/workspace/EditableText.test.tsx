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
    // Refused: the user's text stays, with a notice; the stored value is one click away.
    await act(async () => {});
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('mine!');
    expect(screen.getByText(/Your text is kept here/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show the other version instead' }));
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('theirs');
  });

  it('on a conflict keeps the text and its draft; the next edit is based on the stored value', async () => {
    const onSave = vi.fn(async (): Promise<boolean> => false);
    const view = render(<EditableText label="Notes" value="mine" draftKey="d3" onSave={onSave} />);
    type('Notes', 'mine!');
    view.rerender(<EditableText label="Notes" value="theirs" draftKey="d3" onSave={onSave} />);
    fireEvent.blur(screen.getByLabelText('Notes'));
    await act(async () => {});
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('mine!');
    // The draft keeps the value it was typed on, so reopening the field can never replay it over "theirs".
    expect(JSON.parse(localStorage.getItem('d3') ?? 'null')).toEqual({ before: 'mine', after: 'mine!' });
    // A later live update does not replace the kept text either.
    view.rerender(<EditableText label="Notes" value="theirs again" draftKey="d3" onSave={onSave} />);
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('mine!');
    onSave.mockImplementation(async () => true);
    type('Notes', 'mine!!');
    fireEvent.blur(screen.getByLabelText('Notes'));
    expect(onSave).toHaveBeenLastCalledWith('theirs again', 'mine!!');
    await act(async () => {});
    expect(screen.queryByText(/Your text is kept here/)).toBeNull();
    expect(localStorage.getItem('d3')).toBeNull();
  });

  it('after a failed save the next edit is still based on the stored value', async () => {
    const onSave = vi.fn(async (): Promise<boolean> => {
      throw new Error('background gone');
    });
    render(<EditableText label="Notes" value="a" draftKey="d4" onSave={onSave} />);
    type('Notes', 'ab');
    fireEvent.blur(screen.getByLabelText('Notes'));
    await act(async () => {});
    expect(localStorage.getItem('d4')).not.toBeNull();
    onSave.mockImplementation(async () => true);
    type('Notes', 'abc');
    fireEvent.blur(screen.getByLabelText('Notes'));
    expect(onSave).toHaveBeenLastCalledWith('a', 'abc');
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

  it('keeps a draft whose stored value moved on elsewhere, with a notice, until the user chooses', () => {
    localStorage.setItem('d2', JSON.stringify({ before: 'old', after: 'draft' }));
    const onSave = vi.fn(async () => true);
    render(<EditableText label="Notes" value="changed elsewhere" draftKey="d2" onSave={onSave} />);
    expect(onSave).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('draft');
    expect(JSON.parse(localStorage.getItem('d2') ?? 'null')).toEqual({ before: 'old', after: 'draft' });
    fireEvent.click(screen.getByRole('button', { name: 'Show the other version instead' }));
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('changed elsewhere');
    expect(localStorage.getItem('d2')).toBeNull();
  });

  it('never replays a refused draft when the field opens again (another view’s edit stays)', async () => {
    const onSave = vi.fn(async (): Promise<boolean> => false);
    const first = render(<EditableText label="Notes" value="base" draftKey="d5" onSave={onSave} />);
    type('Notes', 'mine');
    first.rerender(<EditableText label="Notes" value="theirs" draftKey="d5" onSave={onSave} />);
    fireEvent.blur(screen.getByLabelText('Notes'));
    await act(async () => {});
    first.unmount();
    onSave.mockClear();
    // Reopened (another panel, or the same one after a reload) while "theirs" is stored: held, not saved.
    render(<EditableText label="Notes" value="theirs" draftKey="d5" onSave={onSave} />);
    await act(async () => {});
    expect(onSave).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('mine');
    expect(screen.getByText(/Your text is kept here/)).toBeTruthy();
  });

  it('keeps the user’s text when another view’s value arrives while its own save is in flight', async () => {
    let answer: (ok: boolean) => void = () => undefined;
    const onSave = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const view = render(<EditableText label="Notes" value="base" onSave={onSave} />);
    type('Notes', 'mine');
    fireEvent.blur(screen.getByLabelText('Notes'));
    expect(onSave).toHaveBeenCalledWith('base', 'mine');
    view.rerender(<EditableText label="Notes" value="theirs" onSave={onSave} />); // the other view's save
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('mine');
    await act(async () => answer(false)); // refused: changed elsewhere
    expect((screen.getByLabelText('Notes') as HTMLInputElement).value).toBe('mine');
    expect(screen.getByText(/Your text is kept here/)).toBeTruthy();
  });
});
