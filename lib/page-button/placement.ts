/**
 * Where our box sits on a LinkedIn page: never over LinkedIn's own fixed controls (the Messaging dock in the
 * bottom-right corner of every logged-in page, its conversation windows, the top navigation bar), and where
 * the user last put it. Pure geometry, plus one function that reads the obstacles from the page.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}
/** A position kept relative to the nearest corner, so it survives a window resize. */
export interface Anchor {
  x: 'left' | 'right';
  dx: number;
  y: 'top' | 'bottom';
  dy: number;
}

export const MARGIN = 16;
/** Bottom left: the corner LinkedIn leaves free (the Messaging dock is bottom right, the nav bar on top). */
export const DEFAULT_ANCHOR: Anchor = { x: 'left', dx: 24, y: 'bottom', dy: 24 };

function clamp(pos: { left: number; top: number }, size: Size, view: Size) {
  return {
    left: Math.round(Math.max(0, Math.min(pos.left, view.width - size.width))),
    top: Math.round(Math.max(0, Math.min(pos.top, view.height - size.height))),
  };
}

export function anchorPosition(anchor: Anchor, size: Size, view: Size): { left: number; top: number } {
  const left = anchor.x === 'left' ? anchor.dx : view.width - anchor.dx - size.width;
  const top = anchor.y === 'top' ? anchor.dy : view.height - anchor.dy - size.height;
  return clamp({ left, top }, size, view);
}

/** The anchor of a box at `pos`: offsets from the nearer vertical and horizontal edges. */
export function anchorOf(pos: { left: number; top: number }, size: Size, view: Size): Anchor {
  const right = view.width - pos.left - size.width;
  const bottom = view.height - pos.top - size.height;
  return {
    x: pos.left <= right ? 'left' : 'right',
    dx: Math.max(0, Math.round(Math.min(pos.left, right))),
    y: pos.top <= bottom ? 'top' : 'bottom',
    dy: Math.max(0, Math.round(Math.min(pos.top, bottom))),
  };
}

/**
 * The position nearest to where the user wants the box (`anchor`) that overlaps no obstacle: the wanted spot
 * itself when free, else just beside an obstacle or in a corner. In a window too crowded for any free spot, the
 * candidate that covers the least of LinkedIn's controls.
 */
export function placeBox(anchor: Anchor, size: Size, view: Size, obstacles: readonly Rect[]) {
  const wanted = anchorPosition(anchor, size, view);
  const covered = (p: { left: number; top: number }) =>
    obstacles.reduce((sum, o) => {
      const w = Math.min(p.left + size.width, o.left + o.width) - Math.max(p.left, o.left);
      const h = Math.min(p.top + size.height, o.top + o.height) - Math.max(p.top, o.top);
      return sum + (w > -8 && h > -8 ? Math.max(w, 1) * Math.max(h, 1) : 0);
    }, 0);
  if (!covered(wanted)) return wanted;
  const distance = (p: { left: number; top: number }) => Math.hypot(p.left - wanted.left, p.top - wanted.top);
  return [
    ...obstacles.flatMap((o) => [
      { left: wanted.left, top: o.top - size.height - MARGIN },
      { left: wanted.left, top: o.top + o.height + MARGIN },
      { left: o.left - size.width - MARGIN, top: wanted.top },
      { left: o.left + o.width + MARGIN, top: wanted.top },
    ]),
    ...(['left', 'right'] as const).flatMap((x) =>
      (['top', 'bottom'] as const).map((y) => anchorPosition({ x, dx: MARGIN, y, dy: MARGIN }, size, view)),
    ),
  ]
    .map((p) => clamp(p, size, view))
    .map((p) => ({ p, cost: covered(p) * 1e6 + distance(p) }))
    .reduce((best, c) => (c.cost < best.cost ? c : best), { p: wanted, cost: covered(wanted) * 1e6 + 1e6 }).p;
}

/**
 * LinkedIn's fixed controls, newest markup first. The Messaging container itself is 0 px tall: its children
 * (the "Messaging" bar, 288 × 48 px when minimised, and each open conversation) are the obstacles.
 */
const OBSTACLE_SELECTORS = [
  // Messaging dock, 2022–2025 logged-in pages: <aside id="msg-overlay" class="msg-overlay-container"> with
  // .msg-overlay-list-bubble and .msg-overlay-conversation-bubble children.
  '#msg-overlay > *',
  '.msg-overlay-container > *',
  // Top navigation, 2022–2025: <header id="global-nav" class="global-nav"> (position: fixed, 52 px).
  '#global-nav',
  'header.global-nav',
];

/** Rects of LinkedIn's fixed controls on screen, plus any other fixed element found at the probe points. */
export function findObstacles(doc: Document, win: Window, probe: Rect | null, host: Element | null): Rect[] {
  const found = new Set<Element>();
  for (const selector of OBSTACLE_SELECTORS) for (const el of doc.querySelectorAll(selector)) found.add(el);
  if (probe && typeof doc.elementsFromPoint === 'function') {
    const xs = [probe.left + 2, probe.left + probe.width / 2, probe.left + probe.width - 2];
    const ys = [probe.top + 2, probe.top + probe.height / 2, probe.top + probe.height - 2];
    for (const x of xs)
      for (const y of ys)
        for (const hit of doc.elementsFromPoint(x, y)) {
          const fixed = fixedAncestor(hit, win, host);
          if (fixed) found.add(fixed);
        }
  }
  const rects: Rect[] = [];
  for (const el of found) {
    const r = el.getBoundingClientRect();
    const visibleHeight = Math.min(r.bottom, win.innerHeight) - Math.max(r.top, 0);
    if (r.width > 0 && visibleHeight > 0) rects.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return rects;
}

/** The nearest fixed ancestor (a control that stays on screen), ignoring the page's root and ours. */
function fixedAncestor(el: Element, win: Window, host: Element | null): Element | null {
  const doc = el.ownerDocument;
  for (let node: Element | null = el, depth = 0; node && depth < 12; node = node.parentElement, depth++) {
    if (node === host) return null;
    if (node === doc.body || node === doc.documentElement) return null;
    if (win.getComputedStyle(node).position === 'fixed') return node;
  }
  return null;
}
