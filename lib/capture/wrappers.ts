/**
 * Climbing the tree by structure, not by depth. A layout may wrap any element in one more bare
 * `div`/`span` (or drop such a wrapper) without notice; a reader that climbs "N levels" from the
 * name would then stop short. A bare wrapper (one element child, no text of its own) holds exactly
 * what its child holds, so climbing through it costs no level.
 */
import { tagIn } from './dom';

/** A `div`/`span` with exactly one element child and no text of its own. */
export function isBareWrapper(el: Element | null): boolean {
  if (!el || el.childElementCount !== 1 || !tagIn(el, ['div', 'span'])) return false;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && /\S/.test(n.nodeValue ?? '')) return false;
  return true;
}

/** The parent of `el` past bare wrappers (stopping below `top`, and at `body`). */
export function structuralParent(el: Element, top?: Element | null): Element | null {
  let p = el.parentElement;
  while (p && p !== top && isBareWrapper(p) && p.parentElement && !tagIn(p.parentElement, ['body']))
    p = p.parentElement;
  return p;
}
