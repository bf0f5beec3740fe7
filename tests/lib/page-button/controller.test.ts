// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { SavePageResult } from '@/lib/messaging/protocol';
import { SaveButtonController, type SaveButtonDeps } from '@/lib/page-button/controller';
import { profile } from '../contacts/factory';

/** The page shows a person: the button needs a name confirmed by two signals (here the title and a heading). */
function showPerson(name: string) {
  document.title = `${name} | LinkedIn`;
  const h1 = document.querySelector('h1') ?? document.body.appendChild(document.createElement('h1'));
  h1.textContent = name;
}

function setup(overrides: Partial<SaveButtonDeps> = {}) {
  document.documentElement.querySelector('#rapport-save-root')?.remove();
  showPerson('Someone');
  const deps: SaveButtonDeps = {
    lookup: vi.fn(async () => null),
    savePage: vi.fn(async (): Promise<SavePageResult> => ({
      status: 'saved',
      contactId: 'c1',
      created: true,
      name: 'Ana',
    })),
    saveReviewed: vi.fn(async () => ({ contactId: 'c1', created: true })),
    ...overrides,
  };
  // happy-dom's click() and dispatchEvent() are not trusted events: accept them here (the default filter is tested below).
  const controller = new SaveButtonController(document, deps, () => true);
  const root = () => document.querySelector('#rapport-save-root')?.shadowRoot ?? null;
  const button = () => root()?.querySelector<HTMLButtonElement>('button.save') ?? null;
  const status = () => root()?.querySelector('[role="status"]')?.textContent ?? '';
  return { controller, deps, root, button, status };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SaveButtonController', () => {
  it.each([
    ['https://www.linkedin.com/in/ana-example/', true],
    ['https://se.linkedin.com/in/ana-example/?trk=x', true],
    ['https://www.linkedin.com/in/ana-example/details/experience/', true],
    ['https://www.linkedin.com/feed/', false],
    ['https://www.linkedin.com/company/lumen-tide/', false],
    ['https://www.linkedin.com/search/results/people/?keywords=ana', false],
  ])('on %s shows a button: %s', (url, shown) => {
    const { controller, button } = setup();
    controller.onUrl(url);
    expect(button() !== null).toBe(shown);
    if (shown) expect(button()?.textContent).toBe('Save to Rapport');
    controller.destroy();
  });

  it('puts the button in an open shadow root, out of the page’s reach', () => {
    const { controller, root } = setup();
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    expect(root()?.mode).toBe('open');
    expect(document.querySelectorAll('button')).toHaveLength(0);
    controller.destroy();
  });

  it('shows the saved state for a known person, and drops an answer about the previous URL', async () => {
    let answer: (id: string | null) => void = () => undefined;
    const { controller, button } = setup({
      lookup: vi.fn(() => new Promise<string | null>((resolve) => (answer = resolve))),
    });
    controller.onUrl('https://www.linkedin.com/in/first-person/');
    const first = answer;
    controller.onUrl('https://www.linkedin.com/in/second-person/');
    first('c-first'); // late answer about the first person
    await flush();
    expect(button()?.textContent).toBe('Save to Rapport');
    answer('c-second');
    await flush();
    expect(button()?.textContent).toContain('Saved');
    controller.destroy();
  });

  it('removes the button when the user leaves profiles', () => {
    const { controller, button } = setup();
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    controller.onUrl('https://www.linkedin.com/feed/');
    expect(button()).toBeNull();
  });

  it('shows no button on LinkedIn’s "profile not found" page', () => {
    const { controller, button } = setup();
    document.title = 'Profile Not Found | LinkedIn';
    controller.onUrl('https://www.linkedin.com/in/gone-person/');
    expect(button()).toBeNull();
  });

  it.each([
    [{ status: 'saved', contactId: 'c1', created: true, name: 'Ana' }, 'Saved Ana.', 'saved'],
    [{ status: 'saved', contactId: 'c1', created: false, name: 'Ana' }, 'Updated.', 'saved'],
    [{ status: 'not-a-profile' }, 'does not show a person', 'error'],
    [{ status: 'error', message: 'Rapport cannot read this page' }, 'cannot read', 'error'],
  ] as [SavePageResult, string, string][])('reports %o after a click', async (result, text, state) => {
    const { controller, button, status } = setup({ savePage: vi.fn(async () => result) });
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    button()?.click();
    await flush();
    expect(status()).toContain(text);
    expect(button()?.dataset.state).toBe(state);
    controller.destroy();
  });

  it('asks the user to check a doubtful capture and saves what they confirm, as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const review: SavePageResult = {
      status: 'review',
      capture: {
        isProfile: true,
        profile: profile({ name: hostile }),
        sources: { name: 'linkedin-public' },
        reviewReasons: ['Sources disagree on the name.'],
      },
      photoThumb: null,
    };
    const { controller, deps, button, root } = setup({ savePage: vi.fn(async () => review) });
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    button()?.click();
    await flush();
    const form = root()?.querySelector('form');
    expect(form?.textContent).toContain('Sources disagree on the name.');
    expect(root()?.querySelector('img')).toBeNull();
    const name = form?.querySelector<HTMLInputElement>('input[name="name"]');
    expect(name?.value).toBe(hostile);
    name!.value = '  Ana Example ';
    form?.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    // Only the review fields go back; the background kept the rest of the capture.
    expect(deps.saveReviewed).toHaveBeenCalledWith({
      name: 'Ana Example',
      headline: 'Data engineer at Lumen Tide',
      currentTitle: 'Data engineer',
      currentCompany: 'Lumen Tide',
      location: 'Valencia, Spain',
    });
    controller.destroy();
  });

  it('refuses to save a reviewed capture without a name', async () => {
    const review: SavePageResult = {
      status: 'review',
      capture: { isProfile: true, profile: profile({ name: null }), sources: {}, reviewReasons: ['No name found.'] },
      photoThumb: null,
    };
    const { controller, deps, button, root } = setup({ savePage: vi.fn(async () => review) });
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    button()?.click();
    await flush();
    root()
      ?.querySelector('form')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(deps.saveReviewed).not.toHaveBeenCalled();
    controller.destroy();
  });

  it('ignores clicks that are not the user’s own (a page script dispatching events)', async () => {
    document.querySelector('#rapport-save-root')?.remove();
    const deps: SaveButtonDeps = {
      lookup: vi.fn(async () => null),
      savePage: vi.fn(async (): Promise<SavePageResult> => ({ status: 'not-a-profile' })),
      saveReviewed: vi.fn(async () => undefined),
    };
    const controller = new SaveButtonController(document, deps); // default filter: trusted events only
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    document.querySelector('#rapport-save-root')?.shadowRoot?.querySelector<HTMLButtonElement>('button.save')?.click();
    await flush();
    expect(deps.savePage).not.toHaveBeenCalled();
    controller.destroy();
  });

  it('drops a review form about the previous person after an in-app navigation', async () => {
    const review: SavePageResult = {
      status: 'review',
      capture: { isProfile: true, profile: profile(), sources: {}, reviewReasons: ['Check the name.'] },
      photoThumb: null,
    };
    const { controller, button, root } = setup({ savePage: vi.fn(async () => review) });
    controller.onUrl('https://www.linkedin.com/in/first-person/');
    button()?.click();
    await flush();
    expect(root()?.querySelector('form')).not.toBeNull();
    controller.onUrl('https://www.linkedin.com/in/second-person/');
    expect(root()?.querySelector('form')).toBeNull();
    controller.destroy();
  });

  it('shows the button once a "not found" page is replaced by a real profile at the same URL', () => {
    const { controller, button } = setup();
    document.title = 'Profile Not Found | LinkedIn';
    controller.onUrl('https://www.linkedin.com/in/late-person/');
    expect(button()).toBeNull();
    showPerson('Late Person');
    controller.onUrl('https://www.linkedin.com/in/late-person/'); // the next poll tick
    expect(button()).not.toBeNull();
    controller.destroy();
  });
});
