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
    if (type === 'wsUpdateMeeting') return { meeting: null, conflicts: [] };
    if (type === 'wsAddReferral') return { contactId: 'new' };
    return {};
  }),
}));

const topicSelect = () =>
  screen
    .getAllByRole('combobox')
    .find((el) => el.closest('label')?.querySelector('.field-label')?.textContent === 'Topic')!;

const { QuestionPicker } = await import('@/components/workspace/QuestionPicker');
const { CallPanel } = await import('@/components/workspace/CallPanel');

const bank = builtinQuestions();
const meeting = { ...newMeeting({ id: 'm1', contactId: 'c1', now: 1 }), questionIds: ['bq-advice-1', 'bq-salary-1'] };
const contact = newContact(profile(), { id: 'c1', now: 1 });

beforeEach(() => {
  sent.length = 0;
  localStorage.clear();
});
afterEach(cleanup);

describe('QuestionPicker', () => {
  it('picks, reorders, removes and stars questions; a searchable one carries the hint', async () => {
    render(<QuestionPicker meeting={meeting} bank={bank} onResult={() => {}} />);
    const salary2 = bank.find((q) => q.id === 'bq-salary-2')!;
    expect(screen.getAllByText(/A web search could answer this/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: `Add “${salary2.text}”` }));
    const advice = bank.find((q) => q.id === 'bq-advice-1')!;
    fireEvent.click(screen.getByRole('button', { name: `Move “${advice.text}” down` }));
    fireEvent.click(screen.getByRole('button', { name: `Remove “${advice.text}”` }));
    fireEvent.click(screen.getByRole('button', { name: `Star “${salary2.text}”` }));
    await waitFor(() => expect(sent).toHaveLength(4));
    const after = sent
      .filter((m) => m.type === 'wsUpdateMeeting')
      .map((m) => (m.data.changes as { after: string[] }[])[0]?.after);
    expect(after).toEqual([
      ['bq-advice-1', 'bq-salary-1', 'bq-salary-2'],
      ['bq-salary-1', 'bq-advice-1'],
      ['bq-salary-1'],
    ]);
    expect(sent.at(-1)).toEqual({ type: 'wsStarQuestion', data: { id: 'bq-salary-2', starred: true } });
  });

  it('adds an own question to the bank and this meeting', async () => {
    render(<QuestionPicker meeting={meeting} bank={bank} onResult={() => {}} />);
    fireEvent.input(screen.getByLabelText('Your own question'), { target: { value: 'What surprised you most?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to the bank and this meeting' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      type: 'wsAddQuestion',
      data: { topic: 'custom', text: 'What surprised you most?', meetingId: 'm1' },
    });
  });

  it('filters the bank by topic and by star', () => {
    const starred = bank.map((q) => (q.id === 'bq-trends-1' ? { ...q, starred: true } : q));
    render(<QuestionPicker meeting={meeting} bank={starred} onResult={() => {}} />);
    fireEvent.change(topicSelect(), { target: { value: 'salary' } });
    expect(screen.getAllByRole('button', { name: /^Add “/ })).toHaveLength(1); // salary-1 is already chosen
    fireEvent.change(topicSelect(), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Starred only'));
    expect(screen.getAllByRole('button', { name: /^Add “/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      `Add “${bank.find((q) => q.id === 'bq-trends-1')!.text}”`,
    ]);
  });
});

describe('CallPanel', () => {
  it('ticks a question as asked, keeps notes under it, and saves a referral', async () => {
    render(<CallPanel contact={contact} meeting={meeting} bank={bank} clock={() => 0} />);
    const advice = bank.find((q) => q.id === 'bq-advice-1')!;
    fireEvent.click(screen.getByRole('checkbox', { name: advice.text }));
    const notes = screen.getByLabelText(`Notes on “${advice.text}”`);
    fireEvent.input(notes, { target: { value: 'Volunteer first' } });
    fireEvent.blur(notes);
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Lena Park' } });
    fireEvent.input(screen.getByLabelText('Company'), { target: { value: 'Harbor Labs' } });
    fireEvent.click(screen.getByLabelText('They said I may mention their name'));
    fireEvent.click(screen.getByRole('button', { name: 'Save referral' }));
    await screen.findByText('Lena Park saved, referred by this person.');
    expect(sent.map((m) => m.type)).toEqual(['wsUpdateMeeting', 'wsUpdateMeeting', 'wsAddReferral']);
    expect(sent[0]?.data.changes).toEqual([{ field: 'askedQuestionIds', before: [], after: ['bq-advice-1'] }]);
    expect(sent[1]?.data.changes).toEqual([
      { field: 'questionNotes', key: 'bq-advice-1', before: '', after: 'Volunteer first' },
    ]);
    expect(sent[2]?.data).toEqual({
      fromContactId: 'c1',
      name: 'Lena Park',
      role: '',
      company: 'Harbor Labs',
      mayUseName: true,
    });
  });

  it('starts the timer at the clock’s time', async () => {
    render(<CallPanel contact={contact} meeting={meeting} bank={bank} clock={() => 1234} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start timer' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.data.changes).toEqual([{ field: 'startedAt', before: null, after: 1234 }]);
  });

  it('asks to plan a meeting first when there is none', () => {
    render(<CallPanel contact={contact} meeting={null} bank={bank} />);
    expect(screen.getByText(/Plan a meeting first/)).toBeTruthy();
  });
});
