import { describe, expect, it } from 'vitest';
import { anchorOf, anchorPosition, DEFAULT_ANCHOR, placeBox, type Rect } from '@/lib/page-button/placement';

const VIEW = { width: 1280, height: 800 };
const BOX = { width: 308, height: 300 };
// LinkedIn's Messaging bar (288 × 48, bottom right), an open conversation left of it, and the nav bar.
const MESSAGING: Rect = { left: 992, top: 752, width: 288, height: 48 };
const CONVERSATION: Rect = { left: 584, top: 400, width: 400, height: 400 };
const NAV: Rect = { left: 0, top: 0, width: 1280, height: 52 };
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('placing our box on a LinkedIn page', () => {
  it.each([
    ['default, bottom left', DEFAULT_ANCHOR, [MESSAGING, NAV], { left: 24, top: 476 }],
    [
      'default, with a conversation open beside the dock',
      DEFAULT_ANCHOR,
      [MESSAGING, CONVERSATION, NAV],
      { left: 24, top: 476 },
    ],
    [
      'dropped on the Messaging bar: just above it',
      { x: 'right', dx: 0, y: 'bottom', dy: 0 },
      [MESSAGING],
      { left: 972, top: 436 },
    ],
    ['under the nav bar: just below it', { x: 'left', dx: 100, y: 'top', dy: 10 }, [NAV], { left: 100, top: 68 }],
  ] as const)('%s', (_name, anchor, obstacles, expected) => {
    const pos = placeBox(anchor, BOX, VIEW, obstacles);
    expect(pos).toEqual(expected);
    for (const o of obstacles) expect(overlaps({ ...pos, ...BOX }, o)).toBe(false);
  });

  it('in a window too crowded for the card, covers as little of LinkedIn as it can', () => {
    const view = { width: 900, height: 700 };
    const obstacles = [
      { left: 204, top: 300, width: 400, height: 400 },
      { ...NAV, width: 900 },
    ];
    const pos = placeBox({ x: 'left', dx: 0, y: 'top', dy: 0 }, BOX, view, obstacles);
    expect(overlaps({ ...pos, ...BOX }, obstacles[1]!)).toBe(false); // never the nav bar
  });

  it('never overlaps the dock, whatever the wanted spot (grid of drops, narrow window)', () => {
    const view = { width: 900, height: 700 };
    const BOX = { width: 190, height: 40 }; // the Save button, or the folded card
    const obstacles = [
      { left: 612, top: 652, width: 288, height: 48 },
      { left: 204, top: 300, width: 400, height: 400 },
      { ...NAV, width: 900 },
    ];
    for (let x = 0; x < view.width; x += 60)
      for (let y = 0; y < view.height; y += 60) {
        const anchor = anchorOf({ left: x, top: y }, BOX, view);
        const pos = placeBox(anchor, BOX, view, obstacles);
        for (const o of obstacles) expect(overlaps({ ...pos, ...BOX }, o), JSON.stringify({ x, y, pos })).toBe(false);
        expect(pos.left).toBeGreaterThanOrEqual(0);
        expect(pos.top + BOX.height).toBeLessThanOrEqual(view.height);
      }
  });

  it('keeps a position relative to the nearest corners across window sizes', () => {
    const anchor = anchorOf({ left: 900, top: 60 }, BOX, VIEW);
    expect(anchor).toEqual({ x: 'right', dx: 72, y: 'top', dy: 60 });
    expect(anchorPosition(anchor, BOX, { width: 1600, height: 900 })).toEqual({ left: 1220, top: 60 });
    // A window too small for the box: it stays on screen.
    expect(anchorPosition(anchor, BOX, { width: 300, height: 200 })).toEqual({ left: 0, top: 0 });
  });
});
