import type { CDPSession, Page } from 'playwright-core';

/**
 * Reaches Rapport's box on a LinkedIn page from a test. The box lives in a closed shadow root, which no page
 * script (and no Playwright locator) can enter; DevTools can, so the test finds controls through the Chrome
 * DevTools Protocol and then acts like a user: a real mouse click at the control's centre, real key presses.
 */
export type Match = string | RegExp;

interface Control {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

const matchArg = (match: Match) =>
  typeof match === 'string' ? { source: `^${match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' } : match;

export class PageBox {
  private cdp: CDPSession | null = null;

  constructor(readonly page: Page) {}

  private async session(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }

  /** The host element our box hangs from: a child of <html> with a closed shadow root. */
  private async rootObjectId(): Promise<string | null> {
    const cdp = await this.session();
    type DomNode = {
      nodeName: string;
      backendNodeId: number;
      children?: DomNode[];
      shadowRoots?: (DomNode & { shadowRootType?: string })[];
    };
    const { root } = (await cdp.send('DOM.getDocument', { depth: 2, pierce: true })) as { root: DomNode };
    const html = root.children?.find((node) => node.nodeName === 'HTML');
    const shadow = html?.children
      ?.flatMap((node) => node.shadowRoots ?? [])
      .find((node) => node.shadowRootType === 'closed');
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId ?? null;
  }

  /** Runs `fn` with `this` bound to our closed shadow root; null when there is no box. */
  async onRoot<T>(fn: string, ...args: unknown[]): Promise<T | null> {
    const objectId = await this.rootObjectId();
    if (!objectId) return null;
    const cdp = await this.session();
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as T;
  }

  /**
   * Every text the user can read in the box (labels, buttons, the status line), or null without a box. Our text
   * is drawn as CSS generated content from data-t attributes (lib/page-button/paint.ts), so read those.
   */
  text(): Promise<string | null> {
    return this.onRoot<string>(`function () {
      const box = this.querySelector('.box');
      if (!box || box.getBoundingClientRect().width === 0) return '';
      return [...box.querySelectorAll('[data-t]')].map((el) => el.getAttribute('data-t')).filter(Boolean).join(' ');
    }`);
  }

  /** A button, input or labelled element whose text, aria-label or label matches. */
  control(match: Match): Promise<Control | null> {
    const { source, flags } = matchArg(match);
    return this.onRoot<Control | null>(
      `function (source, flags) {
        const re = new RegExp(source, flags);
        const candidates = [...this.querySelectorAll('button, input, [role=form]')];
        for (const el of candidates) {
          const label = el.closest('label');
          const names = [el.getAttribute('data-t'), el.getAttribute('aria-label'), label && label.getAttribute('data-t')];
          if (!names.some((n) => n && re.test(n.trim()))) continue;
          const r = el.getBoundingClientRect();
          if (!r.width || !r.height) continue;
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height, text: el.getAttribute('data-t') || '' };
        }
        return null;
      }`,
      source,
      flags,
    );
  }

  /** The box's rect on screen. */
  rect(): Promise<{ left: number; top: number; right: number; bottom: number } | null> {
    return this.onRoot(`function () {
      const box = this.querySelector('.box');
      if (!box) return null;
      const r = box.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }`);
  }

  /** Values of the review form's fields, by label. */
  fieldValues(): Promise<Record<string, string> | null> {
    return this.onRoot(`function () {
      const out = {};
      for (const label of this.querySelectorAll('label')) {
        const input = label.querySelector('input');
        if (input) out[label.getAttribute('data-t')] = input.value;
      }
      return out;
    }`);
  }

  async waitFor(match: Match, timeout = 10_000): Promise<Control> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.control(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`No control ${String(match)} in the box; it shows: ${await this.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * A user's click: waits until the control is there and has been on screen for a moment (our buttons act only
   * after 500 ms of plain visibility), then moves the real mouse to it and clicks.
   */
  async click(match: Match, opts: { settleMs?: number } = {}): Promise<void> {
    await this.waitFor(match);
    await this.page.waitForTimeout(opts.settleMs ?? 700);
    // Aimed once: the box stays where it is while a message comes or goes and while the pointer arrives
    // (overlay.e2e.test.ts checks that), so a click that lands beside the control is a failure to see.
    const control = await this.waitFor(match);
    await this.page.mouse.move(control.x - 20, control.y - 10);
    await this.page.mouse.move(control.x, control.y, { steps: 4 });
    await this.page.mouse.click(control.x, control.y);
  }

  /** Clicks a field and types into it with the real keyboard. */
  async type(match: Match, text: string): Promise<void> {
    await this.click(match, { settleMs: 0 });
    await this.page.keyboard.type(text);
  }

  /**
   * Saves the person on this page as a user would: "Save to Rapport" for a new person, "Update from page" on a
   * saved person's card. Resolves with the box's text once it says it saved (or asks to check the capture).
   */
  async save(timeout = 10_000): Promise<string> {
    const either = /^(Save to Rapport|Update from page)$/;
    await this.click(either);
    const deadline = Date.now() + timeout;
    // A click that came before the control had been plainly visible for its 500 ms is ignored, as it should
    // be; on a starved machine that window can stretch. A user whose click did nothing clicks again: once.
    let again = Date.now() + Math.min(5_000, timeout / 2);
    for (;;) {
      const text = (await this.text()) ?? '';
      if (/Saved |Updated from this page|Check before saving/.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`Not saved; the box shows: ${text}`);
      if (Date.now() > again && either.test(text)) {
        again = Infinity;
        await this.click(either);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async dispose(): Promise<void> {
    await this.cdp?.detach().catch(() => undefined);
    this.cdp = null;
  }
}
