// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import type { Meeting } from '@/lib/db/schema';
import { builtinQuestions } from '@/lib/workspace/questions';
import { profileSettings } from '@/lib/workspace/settings';
import { profile } from '../../lib/contacts/factory';

const sent: { type: string; data: unknown }[] = [];
vi.mock('@/lib/messaging/protocol', () => ({
  sendMessage: vi.fn(async (type: string, data: unknown) => {
    sent.push({ type, data });
    return { status: 'asked' };
  }),
}));

const { TemplatesPanel } = await import('@/components/workspace/TemplatesPanel');

const contact = {
  ...newContact(profile(), { id: 'c1', now: 1 }),
  targetField: 'data engineering',
  mutualAcquaintance: 'Jordan',
};

beforeEach(async () => {
  sent.length = 0;
  await profileSettings.set({ myName: 'Sam Rivera' });
});
afterEach(cleanup);

describe('TemplatesPanel', () => {
  it('fills the request with the contact and my name, and marks it sent with the text', async () => {
    render(<TemplatesPanel contact={contact} meeting={null} bank={builtinQuestions()} />);
    const text = screen.getByLabelText('Text to send') as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toContain('Sam Rivera'));
    expect(text.value).toContain('Hello Marta');
    expect(text.value).toContain('Jordan suggested');
    fireEvent.click(screen.getByRole('button', { name: 'Mark as sent' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      type: 'wsMarkSent',
      data: { contactId: 'c1', template: 'request-email', text: text.value },
    });
    await screen.findByText('Marked as sent.');
  });

  it('counts the LinkedIn note live against a free account’s 200 and refuses to mark a longer note as sent', async () => {
    render(<TemplatesPanel contact={contact} meeting={null} bank={builtinQuestions()} />);
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'request-linkedin' } });
    const text = screen.getByLabelText('Text to send') as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toContain('Sam Rivera'));
    expect(screen.getByText(new RegExp(`^${text.value.length} / 200 characters`))).toBeTruthy();
    fireEvent.input(text, { target: { value: 'x'.repeat(205) } });
    expect(screen.getByText('205 / 200 characters', { exact: false })).toBeTruthy();
    expect(screen.getByText(/5 characters over/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Mark as sent' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Start over from the template' }));
    await waitFor(() => expect(text.value).toContain('Sam Rivera'));
  });

  it('counts against 300 on a Premium plan', async () => {
    await profileSettings.set({ linkedinPlan: 'premium' });
    render(<TemplatesPanel contact={contact} meeting={null} bank={builtinQuestions()} />);
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'request-linkedin' } });
    await screen.findByText(/ \/ 300 characters/);
  });

  it('asks before copying or marking as sent a message with a gap', async () => {
    await profileSettings.set({ myName: '' });
    render(<TemplatesPanel contact={contact} meeting={null} bank={builtinQuestions()} />);
    await screen.findByText(/Fill in before sending: your name/);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as sent' }));
    await screen.findByText(/still has gaps: your name/);
    expect(sent).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as sent anyway' }));
    await waitFor(() => expect(sent).toHaveLength(1));
  });

  it('writes the thank-you from the questions ticked in the call, or leaves a named gap', async () => {
    const meeting = { askedQuestionIds: ['bq-challenges-1'], durationMin: 30 } as Meeting;
    const { unmount } = render(
      <TemplatesPanel contact={contact} meeting={meeting} bank={builtinQuestions()} initialKind="thank-you" />,
    );
    const text = screen.getByLabelText('Text to send') as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toContain('what you told me about the hard parts of the job;'));
    unmount();
    render(
      <TemplatesPanel
        contact={contact}
        meeting={{ ...meeting, askedQuestionIds: [] }}
        bank={builtinQuestions()}
        initialKind="thank-you"
      />,
    );
    await screen.findByText(/Fill in before sending: what you talked about/);
  });

  it('offers the email app where an email address is known, never for a LinkedIn note', async () => {
    render(
      <TemplatesPanel contact={{ ...contact, email: 'marta@example.org' }} meeting={null} bank={builtinQuestions()} />,
    );
    const link = (await screen.findByRole('link', { name: 'Write in my email app' })) as HTMLAnchorElement;
    expect(link.href).toMatch(/^mailto:marta@example\.org\?subject=A%20short%20conversation/);
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'request-linkedin' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Write in my email app' })).toBeNull());
  });

  it('names the placeholders still to fill', async () => {
    await profileSettings.set({ myName: '' });
    render(<TemplatesPanel contact={contact} meeting={null} bank={builtinQuestions()} />);
    await screen.findByText(/Fill in before sending: your name/);
    expect(screen.getByRole('button', { name: 'Set your name in the settings' })).toBeTruthy();
  });
});
