// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import { profile } from '../lib/contacts/factory';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(async () => ({})) }));
const { ContactDetails } = await import('@/components/ContactDetails');

afterEach(cleanup);

describe('ContactDetails websites', () => {
  it('links only web addresses; anything else (e.g. from a restored file) is plain text', () => {
    const contact = {
      ...newContact(profile(), { id: 'c1', now: 1 }),
      websites: ['https://example.org/me', 'javascript:alert(1)'],
    };
    render(<ContactDetails contact={contact} clock={() => 1} />);
    expect(screen.getByText('https://example.org/me').closest('a')?.getAttribute('href')).toBe(
      'https://example.org/me',
    );
    const hostile = screen.getByText('javascript:alert(1)');
    expect(hostile.closest('a')).toBeNull();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });
});
