// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
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

  it('counts the LinkedIn note live and refuses to mark a note over 300 characters as sent', async () => {
    render(<TemplatesPanel contact={contact} meeting={null} bank={builtinQuestions()} />);
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'request-linkedin' } });
    const text = screen.getByLabelText('Text to send') as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toContain('Sam Rivera'));
    expect(screen.getByText(new RegExp(`^${text.value.length} / 300 characters`))).toBeTruthy();
    fireEvent.input(text, { target: { value: 'x'.repeat(305) } });
    expect(screen.getByText('305 / 300 characters', { exact: false })).toBeTruthy();
    expect(screen.getByText(/5 characters over/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Mark as sent' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Start over from the template' }));
    await waitFor(() => expect(text.value).toContain('Sam Rivera'));
  });

  it('names the placeholders still to fill', async () => {
    await profileSettings.set({ myName: '' });
    render(<TemplatesPanel contact={contact} meeting={null} bank={builtinQuestions()} />);
    await screen.findByText(/Fill in before sending: your name/);
    expect(screen.getByRole('button', { name: 'Set your name in the settings' })).toBeTruthy();
  });
});
