/**
 * "Can the user plainly see this control?" — asked before any click of ours may act (clickjacking defence, the
 * fix password managers shipped in 2025: keepassxc-browser's ancestor opacity ≥ 0.7, Bitwarden's top layer).
 *
 * styleProblem() walks the control, its ancestors and the shadow host up to <html> and names the first reason
 * it would be hard to see: hidden, cumulative opacity below 0.7, a filter that hides, clip-path or mask,
 * a transform other than a translation, a size too small or outside the viewport, or a top-layer element of
 * the page (popover, modal dialog, fullscreen) drawn over it.
 */
export const MIN_OPACITY = 0.7;
export const MIN_VISIBLE_MS = 500;
const MIN_SIDE_PX = 16;

type Style = Pick<
  CSSStyleDeclaration,
  'display' | 'visibility' | 'opacity' | 'filter' | 'clipPath' | 'transform' | 'contentVisibility'
> & { mask?: string; maskImage?: string; zoom?: string };

function parentOrHost(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode as (Node & { host?: Element }) | null;
  return parent?.host ?? null;
}

/** Multiplier of visible opacity a CSS filter list applies, or 0 when the filter hides or scrambles content. */
export function filterOpacity(filter: string): number {
  if (!filter || filter === 'none') return 1;
  let factor = 1;
  for (const [, name, raw] of filter.matchAll(/([a-z-]+)\(([^)]*)\)/g)) {
    const arg = (raw ?? '').trim();
    const amount = arg.endsWith('%') ? parseFloat(arg) / 100 : parseFloat(arg);
    const value = Number.isFinite(amount) ? amount : 1;
    switch (name) {
      case 'opacity':
        factor *= Math.min(1, value);
        break;
      case 'blur':
        if (parseFloat(arg) > 2) return 0;
        break;
      case 'brightness':
        if (value < 0.4 || value > 3) return 0;
        break;
      case 'contrast':
        if (value < 0.4) return 0;
        break;
      case 'invert': // half-inverted content is a flat grey
        if (value > 0.35 && value < 0.65) return 0;
        break;
      case 'url': // an SVG filter can do anything
        return 0;
      default: // grayscale, sepia, saturate, hue-rotate, drop-shadow keep the control readable
    }
  }
  if (/url\(/.test(filter)) return 0;
  return factor;
}

/** True for `none` and 2D translations (a moved, not scaled, skewed or rotated box). */
export function isTranslation(transform: string): boolean {
  if (!transform || transform === 'none') return true;
  const match = /^matrix\(([^)]*)\)$/.exec(transform.trim());
  if (!match) return false; // matrix3d: perspective or 3D rotation
  const [a = NaN, b = NaN, c = NaN, d = NaN] = (match[1] ?? '').split(',').map(Number);
  return Math.abs(a - 1) < 0.01 && Math.abs(b) < 0.01 && Math.abs(c) < 0.01 && Math.abs(d - 1) < 0.01;
}

/** The first style of `style` that keeps its element from being plainly seen, given the opacity so far. */
export function elementStyleProblem(style: Style, opacitySoFar: number): { problem: string | null; opacity: number } {
  let opacity = opacitySoFar * Math.min(1, parseFloat(style.opacity || '1'));
  if (style.display === 'none') return { problem: 'display', opacity };
  if (style.visibility !== 'visible') return { problem: 'visibility', opacity };
  if (style.contentVisibility === 'hidden') return { problem: 'content-visibility', opacity };
  opacity *= filterOpacity(style.filter);
  if (opacity < MIN_OPACITY) return { problem: 'opacity', opacity };
  if (style.clipPath && style.clipPath !== 'none') return { problem: 'clip-path', opacity };
  const mask = style.maskImage ?? style.mask;
  if (mask && mask !== 'none') return { problem: 'mask', opacity };
  if (!isTranslation(style.transform)) return { problem: 'transform', opacity };
  if (style.zoom && style.zoom !== 'normal' && Math.abs(parseFloat(style.zoom) - 1) > 0.01)
    return { problem: 'zoom', opacity };
  return { problem: null, opacity };
}

/** Why `target` is not plainly visible right now, or null when it is. */
export function styleProblem(target: Element, host: Element | null, win: Window): string | null {
  let opacity = 1;
  for (let node: Element | null = target; node; node = parentOrHost(node)) {
    const result = elementStyleProblem(win.getComputedStyle(node) as unknown as Style, opacity);
    if (result.problem) return result.problem;
    opacity = result.opacity;
  }
  const rect = target.getBoundingClientRect();
  const el = target as HTMLElement;
  if (rect.width < MIN_SIDE_PX || rect.height < MIN_SIDE_PX) return 'size';
  if (Math.abs(rect.width - el.offsetWidth) > 2 || Math.abs(rect.height - el.offsetHeight) > 2) return 'size';
  if (rect.left < 0 || rect.top < 0 || rect.right > win.innerWidth || rect.bottom > win.innerHeight) return 'offscreen';
  return coveredByTopLayer(target.ownerDocument, host, rect);
}

/** A page element in the top layer (shown after ours, so drawn above it) that overlaps the control. */
function coveredByTopLayer(doc: Document, host: Element | null, rect: DOMRect): string | null {
  if (doc.fullscreenElement) return 'fullscreen';
  let rivals: Element[];
  try {
    rivals = [...doc.querySelectorAll(':popover-open, :modal')];
  } catch {
    return null; // a browser without these selectors has no top layer for pages either
  }
  for (const rival of rivals) {
    if (rival === host) continue;
    const r = rival.getBoundingClientRect();
    if (r.left < rect.right && r.right > rect.left && r.top < rect.bottom && r.bottom > rect.top) return 'covered';
  }
  return null;
}

interface V2Entry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * Tracks since when a control has been plainly visible. Chromium's IntersectionObserver v2 (trackVisibility)
 * reports occlusion by any element and any visual effect, computed by the browser's paint: it is the source of
 * truth where it exists. Everywhere, style checks run on every event that could precede a click (pointer moves,
 * presses, focus, style changes of the host), and at the click itself.
 */
export class VisibilityGuard {
  private since: number | null = null;
  private v2Visible = false;
  private readonly v2: boolean;
  private readonly observer: IntersectionObserver | null = null;
  private readonly stopEvents: () => void;

  constructor(
    private readonly target: Element,
    private readonly host: Element,
    private readonly win: Window & typeof globalThis,
    private readonly now: () => number = () => win.performance.now(),
  ) {
    const Entry = win.IntersectionObserverEntry as unknown as { prototype: object } | undefined;
    this.v2 = !!Entry && 'isVisible' in Entry.prototype;
    if (typeof win.IntersectionObserver === 'function') {
      const options = { threshold: [1], trackVisibility: this.v2, delay: this.v2 ? 100 : undefined };
      this.observer = new win.IntersectionObserver((entries) => {
        const last = entries[entries.length - 1] as V2Entry | undefined;
        if (!last) return;
        this.v2Visible = this.v2 ? last.isVisible === true : last.intersectionRatio >= 0.99;
        this.sample();
      }, options as IntersectionObserverInit);
      this.observer.observe(target);
    }
    let lastMove = 0;
    const onMove = () => {
      const t = this.now();
      if (t - lastMove < 50) return;
      lastMove = t;
      this.sample();
    };
    const onAny = () => this.sample();
    const doc = win.document;
    const options = { capture: true, passive: true };
    const listeners: [EventTarget, string, () => void][] = [
      [doc, 'pointermove', onMove],
      [doc, 'pointerdown', onAny],
      [doc, 'toggle', onAny], // a popover of the page opening over ours
      [doc, 'fullscreenchange', onAny],
      [win, 'resize', onAny],
    ];
    for (const [on, type, fn] of listeners) on.addEventListener(type, fn, options);
    const mutations = new win.MutationObserver(onAny);
    const watched = { attributes: true, attributeFilter: ['style', 'class', 'hidden'] };
    mutations.observe(host, { attributes: true });
    for (const el of [doc.documentElement, doc.body]) if (el) mutations.observe(el, watched);
    // Our own box's changes too (it is shown once placed): without IntersectionObserver v2 (Firefox) nothing
    // else would start the count when it appears, and a click right after the pointer arrives would be refused.
    for (let el = target.parentElement; el; el = el.parentElement) mutations.observe(el, watched);
    this.stopEvents = () => {
      for (const [on, type, fn] of listeners) on.removeEventListener(type, fn, options);
      mutations.disconnect();
    };
    if (!this.observer) this.v2Visible = true;
    // First look once laid out; IntersectionObserver's first report follows on its own.
    win.requestAnimationFrame(() => this.sample());
  }

  /** Checks now; a failed check restarts the 500 ms count. */
  sample(): boolean {
    const ok = (!this.observer || this.v2Visible) && styleProblem(this.target, this.host, this.win) === null;
    if (!ok) this.since = null;
    else this.since ??= this.now();
    return ok;
  }

  /** May a click act now: visible at this instant and for the last 500 ms without a break? */
  mayAct(): boolean {
    const ok = this.sample();
    return ok && this.since !== null && this.now() - this.since >= MIN_VISIBLE_MS;
  }

  stop(): void {
    this.observer?.disconnect();
    this.stopEvents();
  }
}
