import { OVERLAY_POSITION_KEY } from '../names';
import { createPageHost, type PageHost } from './host';
import { paint, PAINT_CSS } from './paint';
import { readStored, writeStored } from './storage';
import { DEFAULT_ANCHOR, findObstacles, placeBox, type Anchor } from './placement';
import { pageTheme } from './theme';
import { VisibilityGuard } from './visibility';

/**
 * Our box on a LinkedIn page: the "Save to Rapport" button for a new person, or the card of a saved person. It
 * ships in overlay.js, injected once the page shows a person (controller.ts), never on every LinkedIn page. It lives in a closed shadow root in the top layer (host.ts), sits
 * where the user put it but never over LinkedIn's fixed controls (placement.ts), and follows LinkedIn's theme.
 * Only DOM APIs, and text drawn as generated content (paint.ts): page text never becomes markup.
 */
export const USE_TOOLBAR = 'Use the Rapport toolbar button or Alt+Shift+S to save this person.';

/** Only the user's own events count: a page script can dispatch synthetic ones. */
export type EventFilter = (event: Event) => boolean;
export const userEventsOnly: EventFilter = (event) => event.isTrusted;

/** "Was this control plainly visible for the last 500 ms?" (visibility.ts; replaceable in unit tests). */
export interface Guard {
  mayAct(): boolean;
  stop(): void;
}
export type GuardFactory = (target: Element, host: Element, win: Window & typeof globalThis) => Guard;
export const visibilityGuard: GuardFactory = (target, host, win) => new VisibilityGuard(target, host, win);

// The status line sits outside the box's flow, above it (below it in the top half of the window, aligned to its
// right edge in the right half): a message that comes or goes never moves the controls under the user's pointer.
const STYLE = [
  '.box { position: fixed; pointer-events: auto; display: flex; flex-direction: column; align-items: flex-start;',
  'font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); max-width: calc(100vw - 32px);',
  '--fg: #1d2226; --muted: #5e6469; --bg: #fff; --line: #c9cdd1; --accent: #0a66c2; --on-accent: #fff; --warn: #9a3412; }',
  '.box.dark { --fg: #e9e9ea; --muted: #b0b3b6; --bg: #1d2226; --line: #4a5056; --accent: #71b7fb; --on-accent: #000; --warn: #f5987e; }',
  '.box * { box-sizing: border-box; }',
  'button, input { font: inherit; color: inherit; }',
  'button { cursor: pointer; }',
  '.save { min-height: 40px; border-radius: 999px; border: 0; padding: 8px 18px; background: var(--accent); color: var(--on-accent);',
  'font-weight: 600; box-shadow: 0 2px 8px rgb(0 0 0 / .25); }',
  ':focus-visible { outline: 3px solid #f5c75d; outline-offset: 2px; }',
  '.status { position: absolute; left: 0; bottom: 100%; margin-bottom: 8px; width: max-content;',
  'max-width: min(320px, calc(100vw - 32px)); background: var(--bg); color: var(--fg); border: 1px solid var(--line);',
  'border-radius: 8px; padding: 6px 10px; box-shadow: 0 2px 8px rgb(0 0 0 / .2); }',
  '.below .status { bottom: auto; top: 100%; margin: 8px 0 0; }',
  '.end .status { left: auto; right: 0; }',
  '.status[data-t=""], .status:not([data-t]) { display: none; }',
  '.status.warn { color: var(--warn); }',
].join('');

export class PageUi {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly box: HTMLDivElement;
  /** Where the content goes (button, card or review form); the status line is above it. */
  readonly body: HTMLDivElement;
  private readonly status: HTMLDivElement;
  private readonly page: PageHost;
  private anchor: Anchor = DEFAULT_ANCHOR;
  /** Hidden until the remembered spot is read, so the box never appears in one place and jumps to another. */
  private ready = false;
  private statusTimer = 0;
  private guards: Guard[] = [];

  constructor(
    readonly doc: Document,
    readonly win: Window & typeof globalThis,
    private readonly makeGuard: GuardFactory = visibilityGuard,
    readonly accept: EventFilter = userEventsOnly,
  ) {
    this.page = createPageHost(doc);
    this.host = this.page.host;
    this.root = this.page.root;
    const style = doc.createElement('style');
    style.textContent = STYLE + PAINT_CSS;
    this.box = doc.createElement('div');
    this.box.className = 'box';
    this.box.style.visibility = 'hidden';
    this.status = doc.createElement('div');
    this.status.className = 'status';
    this.status.setAttribute('role', 'status');
    this.body = doc.createElement('div');
    this.box.append(this.status, this.body);
    this.root.append(style, this.box);
    this.applyTheme();
    void readStored(OVERLAY_POSITION_KEY).then((saved) => {
      const anchor = saved as Partial<Anchor> | undefined;
      if (anchor && typeof anchor.dx === 'number' && typeof anchor.dy === 'number') this.anchor = anchor as Anchor;
      this.ready = true;
      this.place();
    });
  }

  /** A short message above the content. It goes away by itself unless `ms` is 0. */
  say(text: string, opts: { warn?: boolean; ms?: number } = {}): void {
    paint(this.status, text);
    this.status.classList.toggle('warn', !!opts.warn);
    this.win.clearTimeout(this.statusTimer);
    const ms = opts.ms ?? 5000;
    if (text && ms) this.statusTimer = this.win.setTimeout(() => paint(this.status, ''), ms);
  }

  setContent(...nodes: Node[]): void {
    for (const guard of this.guards) guard.stop();
    this.guards = [];
    this.body.replaceChildren(...nodes);
    this.place();
  }

  /**
   * Runs `action` on the user's own click of `button`, and only when the button was plainly visible for the
   * last 500 ms; otherwise says how to save without it (the toolbar and the shortcut cannot be forged by a page).
   */
  guardClick(button: HTMLElement, action: () => void): (event: Event) => void {
    const guard = this.makeGuard(button, this.host, this.win);
    this.guards.push(guard);
    const act = (event: Event) => {
      if (!this.accept(event)) return;
      if (!guard.mayAct()) {
        this.say(USE_TOOLBAR, { warn: true, ms: 8000 });
        return;
      }
      action();
    };
    button.addEventListener('click', act);
    return act; // for the same action on another user event (Enter in a field)
  }

  showSaveButton(onSave: () => void): HTMLButtonElement {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'save';
    paint(button, 'Save to Rapport');
    this.setContent(button);
    this.guardClick(button, onSave);
    return button;
  }

  applyTheme(): void {
    this.box.classList.toggle('dark', pageTheme(this.doc, this.win) === 'dark');
  }

  /** Puts the box where the user wants it, away from LinkedIn's fixed controls, in the top layer. */
  place(): void {
    const rect = this.box.getBoundingClientRect();
    const size = { width: rect.width, height: rect.height };
    const view = { width: this.doc.documentElement.clientWidth, height: this.win.innerHeight };
    const probe = { ...placeBox(this.anchor, size, view, []), ...size };
    this.box.style.visibility = 'hidden'; // the probe must see the page, not us
    const obstacles = findObstacles(this.doc, this.win, probe, this.host);
    this.box.style.visibility = this.ready ? '' : 'hidden';
    const { left, top } = placeBox(this.anchor, size, view, obstacles);
    this.box.style.left = `${left}px`;
    this.box.style.top = `${top}px`;
    this.box.classList.toggle('below', top + size.height / 2 < view.height / 2);
    this.box.classList.toggle('end', left + size.width / 2 > view.width / 2);
  }

  /** Moves the box (the user is dragging it); `anchor` is where it now is, kept when `remember` (a drop). */
  moveTo(left: number, top: number, anchor: Anchor, remember: boolean): void {
    this.anchor = anchor;
    this.box.style.left = `${Math.round(left)}px`;
    this.box.style.top = `${Math.round(top)}px`;
    if (remember) {
      this.place();
      writeStored(OVERLAY_POSITION_KEY, anchor);
    }
  }

  /** LinkedIn changed something (theme, layout, the Messaging dock): follow it. */
  refresh(): void {
    this.applyTheme();
    this.place();
    this.page.raise();
  }

  remove(): void {
    this.setContent();
    this.win.clearTimeout(this.statusTimer);
    this.page.remove();
  }
}
