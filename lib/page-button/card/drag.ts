import { anchorOf } from '../placement';
import type { PageUi } from '../view';

const STEP_PX = 16;

/** Moves the box to (left, top) and says where that is relative to the nearest corners. */
function moveBox(ui: PageUi, left: number, top: number, remember: boolean): void {
  const rect = ui.box.getBoundingClientRect();
  const view = { width: ui.doc.documentElement.clientWidth, height: ui.win.innerHeight };
  ui.moveTo(left, top, anchorOf({ left, top }, { width: rect.width, height: rect.height }, view), remember);
}
const CLICK_SLOP_PX = 4;

/**
 * Lets the user move our box by `handle`: with the pointer (user events only), or with the arrow keys when the
 * handle has focus. The drop position is remembered for every profile. Returns whether the last press was a
 * drag (so a pill that is both a button and a handle can tell a click from a move).
 */
export function makeDraggable(handle: HTMLElement, ui: PageUi): { dragged(): boolean } {
  let start: { x: number; y: number; left: number; top: number; id: number } | null = null;
  let moved = false;
  // While a press lasts, follow the pointer on the whole window: it soon leaves the handle it pressed.
  const win = ui.win;
  const follow = (event: PointerEvent) => {
    if (!start || event.pointerId !== start.id || !ui.accept(event)) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    moved = true;
    moveBox(ui, start.left + dx, start.top + dy, false);
  };
  const end = (event: PointerEvent) => {
    if (!start || event.pointerId !== start.id) return;
    win.removeEventListener('pointermove', follow, true);
    win.removeEventListener('pointerup', end, true);
    win.removeEventListener('pointercancel', end, true);
    if (moved) {
      const rect = ui.box.getBoundingClientRect();
      moveBox(ui, rect.left, rect.top, true);
    }
    start = null;
  };
  handle.addEventListener('pointerdown', (event) => {
    if (!ui.accept(event) || event.button !== 0) return;
    const rect = ui.box.getBoundingClientRect();
    start = { x: event.clientX, y: event.clientY, left: rect.left, top: rect.top, id: event.pointerId };
    moved = false;
    event.preventDefault(); // no native drag or text selection: they would cancel the pointer
    win.addEventListener('pointermove', follow, true);
    win.addEventListener('pointerup', end, true);
    win.addEventListener('pointercancel', end, true);
  });
  handle.addEventListener('dragstart', (event) => event.preventDefault());
  handle.addEventListener('keydown', (event) => {
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const delta = arrows[event.key];
    if (!delta || !ui.accept(event)) return;
    event.preventDefault();
    const rect = ui.box.getBoundingClientRect();
    moveBox(ui, rect.left + delta[0] * STEP_PX, rect.top + delta[1] * STEP_PX, true);
  });
  return { dragged: () => moved };
}
