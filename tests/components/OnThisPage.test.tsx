// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyCapturedProfile } from '@/lib/contacts/model';
import { saveCapture } from '@/lib/db/contacts';
import { openRapportDB } from '@/lib/db/open';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(async () => ({})) }));
const { OnThisPage } = await import('@/components/OnThisPage');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The fake browser keeps no "active" tab: answer the popup's question directly. */
function activeTab(url: string) {
  const tab = { id: 1, index: 0, windowId: 1, url, active: true, highlighted: true, pinned: false, incognito: false };
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
}

describe('the popup’s first line', () => {
  it('on a saved person’s profile: "On this page", their name, stage and Open', async () => {
    const db = await openRapportDB();
    await saveCapture(
      db,
      { ...emptyCapturedProfile(), name: 'Ana Ruiz', profileUrl: 'https://www.linkedin.com/in/ana-ruiz/' },
      { now: 1 },
    );
    activeTab('https://www.linkedin.com/in/ana-ruiz/?miniProfile=1');
    render(<OnThisPage windowId={1} />);
    expect(await screen.findByText('On this page')).toBeTruthy();
    expect(screen.getByText('Ana Ruiz').getAttribute('dir')).toBe('auto');
    expect(screen.getByText('To ask')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Ana Ruiz in the side panel' })).toBeTruthy();
  });

  it('anywhere else: offers to save the person on the page', async () => {
    activeTab('https://www.linkedin.com/in/not-saved/');
    render(<OnThisPage windowId={1} />);
    expect(await screen.findByRole('button', { name: 'Save the person on this page' })).toBeTruthy();
  });
});
