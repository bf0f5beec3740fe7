// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavePageResult } from '@/lib/messaging/protocol';
import type { OverlayModule } from '@/lib/page-button/bridge';
import { SaveButtonController, type SaveButtonDeps } from '@/lib/page-button/controller';
import { PageUi, USE_TOOLBAR, type Guard } from '@/lib/page-button/view';
import { profile } from '../contacts/factory';

/** Our closed shadow roots, caught as they are made (a page could not do this: our code runs in another world). */
const roots: ShadowRoot[] = [];
const original = Element.prototype.attachShadow;
vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
  const root = original.call(this, init);
  roots.push(root);
  return root;
});

afterEach(() => {
  roots.length = 0;
  for (const el of [...document.documentElement.children]) if (el.tagName === 'DIV') el.remove();
});

/** The page shows a person: the button needs a name confirmed by two signals (here the title and a heading). */
function showPerson(name: string) {
  document.title = `${name} | LinkedIn`;
  const h1 = document.querySelector('h1') ?? document.body.appendChild(document.createElement('h1'));
  h1.textContent = name;
}

function setup(overrides: Partial<SaveButtonDeps> = {}, visible = true) {
  showPerson('Ana Example');
  const overlay: OverlayModule = {
    createUi: (doc, win, guard, accept) => new PageUi(doc, win, guard, accept),
    showCard: vi.fn(),
    showReview: vi.fn(),
  };
  const deps: SaveButtonDeps = {
    lookup: vi.fn(async () => null),
    savePage: vi.fn(async (): Promise<SavePageResult> => ({
      status: 'saved',
      contactId: 'c1',
      created: true,
      name: 'Ana',
    })),
    saveReviewed: vi.fn(async () => ({ contactId: 'c1', created: true })),
    loadOverlay: vi.fn(async () => overlay),
    ...overrides,
  };
  const guard = (): Guard => ({ mayAct: () => visible, stop: () => undefined });
  // happy-dom's click() is not a trusted event: accept it here (the real filter is tested in e2e).
  const controller = new SaveButtonController(document, window as Window & typeof globalThis, deps, {
    guard,
    accept: () => true,
  });
  const root = () => roots.at(-1) ?? null;
  const button = () => root()?.querySelector<HTMLButtonElement>('button.save') ?? null;
  const status = () => root()?.querySelector('[role="status"]')?.getAttribute('data-t') ?? '';
  return { controller, deps, overlay, root, button, status };
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
  ])('on %s shows the Save button to a new person: %s', async (url, shown) => {
    const { controller, button } = setup();
    controller.onUrl(url);
    await flush();
    expect(button() !== null).toBe(shown);
    if (shown) expect(button()?.getAttribute('data-t')).toBe('Save to Rapport');
    controller.destroy();
  });

  it('puts everything in a closed shadow root, on a host that names nothing', async () => {
    const { controller, root } = setup();
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    await flush();
    const host = root()!.host;
    expect(root()?.mode).toBe('closed');
    expect(host.shadowRoot).toBeNull();
    expect(host.id).toBe('');
    expect(host.className).toBe('');
    expect(host.getAttributeNames().filter((name) => name !== 'style' && name !== 'popover')).toEqual([]);
    expect(host.getAttribute('style')).not.toMatch(/rapport/i);
    // Our words are painted as generated content, never as text nodes the page's search could find.
    expect(root()?.querySelector('.box')?.textContent).toBe('');
    controller.destroy();
  });

  it('shows the card (loaded on demand) for a saved person, and drops an answer about the previous URL', async () => {
    let answer: (id: string | null) => void = () => undefined;
    const { controller, overlay, button } = setup({
      lookup: vi.fn(() => new Promise<string | null>((resolve) => (answer = resolve))),
    });
    showPerson('First Person');
    controller.onUrl('https://www.linkedin.com/in/first-person/');
    const first = answer;
    showPerson('Second Person');
    controller.onUrl('https://www.linkedin.com/in/second-person/');
    first('c-first'); // late answer about the first person
    await flush();
    expect(overlay.showCard).not.toHaveBeenCalled();
    answer('c-second');
    await flush();
    await flush();
    expect(overlay.showCard).toHaveBeenCalledTimes(1);
    expect(vi.mocked(overlay.showCard).mock.calls[0]?.[0].profileUrl).toBe(
      'https://www.linkedin.com/in/second-person/',
    );
    expect(button()).toBeNull();
    controller.destroy();
  });

  it('removes the box when the user leaves profiles, and on "profile not found"', async () => {
    const { controller, root } = setup();
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    await flush();
    const host = root()!.host;
    controller.onUrl('https://www.linkedin.com/feed/');
    expect(host.isConnected).toBe(false);
    document.title = 'Profile Not Found | LinkedIn';
    controller.onUrl('https://www.linkedin.com/in/gone-person/');
    await flush();
    expect(roots).toHaveLength(1);
  });

  it('replaces the button by the card after saving, with the "Saved" message', async () => {
    const { controller, overlay, button } = setup();
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    await flush();
    button()?.click();
    await flush();
    await flush();
    expect(overlay.showCard).toHaveBeenCalledWith(expect.anything(), 'Saved Ana.');
    controller.destroy();
  });

  it('does nothing but point to the toolbar when the button was not plainly visible', async () => {
    const { controller, deps, button, status } = setup({}, false);
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    await flush();
    button()?.click();
    await flush();
    expect(deps.savePage).not.toHaveBeenCalled();
    expect(status()).toBe(USE_TOOLBAR);
    controller.destroy();
  });

  it.each([
    [{ status: 'not-a-profile' }, 'does not show a person'],
    [{ status: 'error', message: 'Rapport cannot read this page' }, 'cannot read'],
  ] as [SavePageResult, string][])('reports %o after a click', async (result, text) => {
    const { controller, button, status } = setup({ savePage: vi.fn(async () => result) });
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    await flush();
    button()?.click();
    await flush();
    expect(status()).toContain(text);
    controller.destroy();
  });

  it('hands a doubtful capture to the review form, and saves what it confirms', async () => {
    const review: SavePageResult = {
      status: 'review',
      capture: { isProfile: true, profile: profile(), sources: {}, reviewReasons: ['Sources disagree on the name.'] },
      photoThumb: null,
    };
    const { controller, deps, overlay, button } = setup({ savePage: vi.fn(async () => review) });
    controller.onUrl('https://www.linkedin.com/in/ana-example/');
    await flush();
    button()?.click();
    await flush();
    await flush();
    const [ctx, shown, reasons] = vi.mocked(overlay.showReview).mock.calls[0]!;
    expect(shown.name).toBe('Marta Quintero');
    expect(reasons).toEqual(['Sources disagree on the name.']);
    const values = { name: 'Ana', headline: '', currentTitle: '', currentCompany: '', location: '' };
    ctx.saveReviewed(values);
    await flush();
    expect(deps.saveReviewed).toHaveBeenCalledWith(values);
    controller.destroy();
  });
});
